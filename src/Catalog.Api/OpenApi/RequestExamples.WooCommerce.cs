namespace Catalog.Api.OpenApi;

/// <summary>
/// WooCommerce: global attribute 2 (terms 3-5; attributes 3-4 by its batch), categories 3-5, products 7 (simple,
/// variant 9) and 8 (variable, variations 12-13 by the batch, 14 by the single create), product 10 (simple, variant
/// 11; the single-item routes); Wholesale Suite: products 15 (simple, variant 17) and 16 (variable, variations
/// 18-19). Products and variants share one id sequence. Prices are strings in the store currency, as WooCommerce
/// sends them. The deletes name rows made for them: attribute 4, term 5, category 5, product 10, variation 14.
/// </summary>
internal sealed partial class RequestExamples
{
    private static Dictionary<string, OperationExample> WooCommerce => new()
    {
        ["WooCommerceAttributes_Create"] = OperationExample.Of("""
            {"name": "Material", "slug": "pa_material", "type": "select", "order_by": "menu_order",
             "has_archives": false}
            """),
        ["WooCommerceAttributes_Get"] = OperationExample.Read(("id", 2)),
        ["WooCommerceAttributes_Update"] = OperationExample.Of("""{"order_by": "name"}""", ("id", 2)),
        ["WooCommerceAttributes_UpdatePut"] = OperationExample.Of("""{"has_archives": true}""", ("id", 2)),
        ["WooCommerceAttributes_UpdatePatch"] = OperationExample.Of("""{"name": "Fabric"}""", ("id", 2)),
        ["WooCommerceAttributes_Delete"] = OperationExample.Read(("id", 4)),
        ["WooCommerceAttributes_Batch"] = OperationExample.Of("""
            {"create": [{"name": "Fit", "slug": "pa_fit"}, {"name": "Pattern", "slug": "pa_pattern"}]}
            """),
        ["WooCommerceAttributes_BatchPut"] = OperationExample.Of("""
            {"update": [{"id": 3, "order_by": "name"}]}
            """),
        ["WooCommerceAttributes_BatchPatch"] = OperationExample.Of("""
            {"update": [{"id": 2, "name": "Material"}]}
            """),
        ["WooCommerceAttributeTerms_List"] = OperationExample.Read(("attributeId", 2)),
        ["WooCommerceAttributeTerms_Create"] = OperationExample.Of(
            """{"name": "Organic Cotton", "slug": "organic-cotton", "description": "GOTS-certified cotton."}""",
            ("attributeId", 2)),
        ["WooCommerceAttributeTerms_Get"] = OperationExample.Read(("attributeId", 2), ("id", TermId)),
        ["WooCommerceAttributeTerms_Update"] = OperationExample.Of(
            """{"menu_order": 1}""", ("attributeId", 2), ("id", TermId)),
        ["WooCommerceAttributeTerms_UpdatePut"] = OperationExample.Of(
            """{"description": "GOTS-certified organic cotton."}""", ("attributeId", 2), ("id", TermId)),
        ["WooCommerceAttributeTerms_UpdatePatch"] = OperationExample.Of(
            """{"name": "Organic cotton"}""", ("attributeId", 2), ("id", TermId)),
        ["WooCommerceAttributeTerms_Delete"] = OperationExample.Read(("attributeId", 2), ("id", TermId + 2)),
        ["WooCommerceAttributeTerms_Batch"] = OperationExample.Of(
            """
            {"create": [{"name": "Merino Wool", "slug": "merino-wool"}, {"name": "Polyester", "slug": "polyester"}]}
            """,
            ("attributeId", 2)),
        ["WooCommerceAttributeTerms_BatchPut"] = OperationExample.Of(
            $$"""{"update": [{"id": {{TermId + 1}}, "menu_order": 2}]}""", ("attributeId", 2)),
        ["WooCommerceAttributeTerms_BatchPatch"] = OperationExample.Of(
            $$"""{"update": [{"id": {{TermId + 1}}, "description": "Fine merino from New Zealand."}]}""",
            ("attributeId", 2)),
        ["WooCommerceCategories_Create"] = OperationExample.Of("""
            {"name": "Accessories", "slug": "accessories", "description": "Caps, scarves and socks."}
            """),
        ["WooCommerceCategories_Get"] = OperationExample.Read(("id", 3)),
        ["WooCommerceCategories_Update"] = OperationExample.Of("""{"menu_order": 2}""", ("id", 3)),
        ["WooCommerceCategories_UpdatePut"] = OperationExample.Of(
            """{"description": "Caps, scarves, socks and belts."}""", ("id", 3)),
        ["WooCommerceCategories_UpdatePatch"] = OperationExample.Of("""{"name": "Accessories & Caps"}""", ("id", 3)),
        ["WooCommerceCategories_Delete"] = OperationExample.Read(("id", 5)),
        ["WooCommerceCategories_Batch"] = OperationExample.Of("""
            {
              "create": [
                {"name": "Caps", "slug": "caps", "parent": 3},
                {"name": "Clearance", "slug": "clearance"}
              ]
            }
            """),
        ["WooCommerceCategories_BatchPut"] = OperationExample.Of("""
            {"update": [{"id": 4, "description": "Baseball caps and beanies."}]}
            """),
        ["WooCommerceCategories_BatchPatch"] = OperationExample.Of("""
            {"update": [{"id": 3, "name": "Accessories"}]}
            """),
        // The canonical tags batch made tags 1 and 2; these follow it in the document.
        ["WooCommerceTags_Create"] = OperationExample.Of("""
            {"name": "Linen", "slug": "linen", "description": "Pure linen and linen blends."}
            """),
        ["WooCommerceTags_Get"] = OperationExample.Read(("id", 3)),
        ["WooCommerceTags_Update"] = OperationExample.Of("""{"description": "Pure linen."}""", ("id", 3)),
        ["WooCommerceTags_UpdatePut"] = OperationExample.Of(
            """{"description": "Pure linen and linen blends."}""", ("id", 3)),
        ["WooCommerceTags_UpdatePatch"] = OperationExample.Of("""{"name": "Linen & Hemp"}""", ("id", 3)),
        ["WooCommerceTags_Delete"] = OperationExample.Read(("id", 5)),
        ["WooCommerceTags_Batch"] = OperationExample.Of("""
            {"create": [{"name": "Wool"}, {"name": "Recycled", "slug": "recycled"}]}
            """),
        ["WooCommerceTags_BatchPut"] = OperationExample.Of("""
            {"update": [{"id": 4, "description": "Merino and lambswool."}]}
            """),
        ["WooCommerceTags_BatchPatch"] = OperationExample.Of("""
            {"update": [{"id": 5, "name": "Recycled fibres"}]}
            """),
        ["WooCommerceProducts_Batch"] = OperationExample.Of("""
            {
              "create": [
                {
                  "name": "Organic Cotton Tee",
                  "type": "simple",
                  "status": "publish",
                  "sku": "WC-TEE-ORGANIC",
                  "regular_price": "24.00",
                  "sale_price": "19.00",
                  "manage_stock": true,
                  "stock_quantity": 50,
                  "description": "<p>A heavyweight tee in organic cotton.</p>",
                  "categories": [{"id": 1}],
                  "tags": [{"name": "organic"}],
                  "images": [{"src": "https://cdn.example.com/products/organic-tee.jpg", "alt": "Organic tee"}],
                  "weight": "0.2",
                  "dimensions": {"length": "30", "width": "25", "height": "2"},
                  "meta_data": [{"key": "supplier", "value": "Acme Mills"}]
                },
                {
                  "name": "Merino Hoodie",
                  "type": "variable",
                  "status": "publish",
                  "categories": [{"id": 1}],
                  "attributes": [
                    {"name": "Size", "position": 0, "visible": true, "variation": true, "options": ["S", "M", "L"]}
                  ]
                }
              ]
            }
            """),
        ["WooCommerceProducts_BatchPut"] = OperationExample.Of("""
            {"update": [{"id": 7, "regular_price": "26.00", "sale_price": "21.00"}]}
            """),
        ["WooCommerceProducts_BatchPatch"] = OperationExample.Of("""
            {"update": [{"id": 7, "stock_quantity": 42, "backorders": "notify"}]}
            """),
        ["WooCommerceProducts_Get"] = OperationExample.Read(("id", 7)),
        ["WooCommerceProducts_Create"] = OperationExample.Of("""
            {
              "name": "Canvas Cap",
              "type": "simple",
              "status": "publish",
              "sku": "WC-CAP-CANVAS",
              "regular_price": "18.00",
              "manage_stock": true,
              "stock_quantity": 30,
              "categories": [{"id": 3}]
            }
            """),
        ["WooCommerceProducts_Update"] = OperationExample.Of("""{"sale_price": "15.00"}""", ("id", 10)),
        ["WooCommerceProducts_UpdatePut"] = OperationExample.Of(
            """{"short_description": "<p>Washed canvas, adjustable strap.</p>"}""", ("id", 10)),
        ["WooCommerceProducts_UpdatePatch"] = OperationExample.Of("""{"stock_quantity": 28}""", ("id", 10)),
        ["WooCommerceProducts_Delete"] = OperationExample.Read(("id", 10)),
        ["WooCommerceVariations_Batch"] = OperationExample.Of(
            """
            {
              "create": [
                {"sku": "WC-HOODIE-S", "regular_price": "65.00", "manage_stock": true, "stock_quantity": 10,
                 "attributes": [{"name": "Size", "option": "S"}]},
                {"sku": "WC-HOODIE-M", "regular_price": "65.00", "manage_stock": true, "stock_quantity": 14,
                 "attributes": [{"name": "Size", "option": "M"}]}
              ]
            }
            """,
            ("productId", 8)),
        ["WooCommerceVariations_BatchPut"] = OperationExample.Of(
            """
            {"update": [{"id": 12, "sale_price": "55.00"}]}
            """,
            ("productId", 8)),
        ["WooCommerceVariations_BatchPatch"] = OperationExample.Of(
            """
            {"update": [{"id": 13, "stock_quantity": 4, "menu_order": 1}]}
            """,
            ("productId", 8)),
        ["WooCommerceVariations_List"] = OperationExample.Read(("productId", 8)),
        ["WooCommerceVariations_Create"] = OperationExample.Of(
            """
            {"sku": "WC-HOODIE-L", "regular_price": "65.00", "manage_stock": true, "stock_quantity": 6,
             "attributes": [{"name": "Size", "option": "L"}]}
            """,
            ("productId", 8)),
        ["WooCommerceVariations_Get"] = OperationExample.Read(("productId", 8), ("id", 12)),
        ["WooCommerceVariations_Update"] = OperationExample.Of(
            """{"sale_price": "59.00"}""", ("productId", 8), ("id", 14)),
        ["WooCommerceVariations_UpdatePut"] = OperationExample.Of(
            """{"stock_quantity": 8}""", ("productId", 8), ("id", 14)),
        ["WooCommerceVariations_UpdatePatch"] = OperationExample.Of(
            """{"regular_price": "67.00"}""", ("productId", 8), ("id", 14)),
        ["WooCommerceVariations_Delete"] = OperationExample.Read(("productId", 8), ("id", 14)),
    };

    /// <summary>The first term of attribute 2: terms are attribute values, after attribute 1's two.</summary>
    private const int TermId = 3;

    private static Dictionary<string, OperationExample> WholesaleSuite => new()
    {
        ["WholesaleSuiteProducts_Batch"] = OperationExample.Of("""
            {
              "create": [
                {
                  "name": "Espresso Beans 1kg",
                  "type": "simple",
                  "sku": "WWS-ESPRESSO-1KG",
                  "regular_price": "28.00",
                  "manage_stock": true,
                  "stock_quantity": 200,
                  "wholesale_price": {"wholesale_customer": "21.00"},
                  "wholesale_minimum_order_quantity": {"wholesale_customer": "6"},
                  "wholesale_order_quantity_step": {"wholesale_customer": "6"},
                  "wholesale_quantity_discount_rule_mapping": [
                    {"wholesale_role": "wholesale_customer", "start_qty": "24", "end_qty": "",
                     "price_type": "percent-price", "wholesale_price": "10"}
                  ]
                },
                {
                  "name": "Ceramic Mug",
                  "type": "variable",
                  "attributes": [
                    {"name": "Color", "position": 0, "visible": true, "variation": true, "options": ["White", "Black"]}
                  ]
                }
              ]
            }
            """),
        ["WholesaleSuiteProducts_BatchPut"] = OperationExample.Of("""
            {"update": [{"id": 15, "wholesale_price": {"wholesale_customer": "20.50", "gold": "19.00"}}]}
            """),
        ["WholesaleSuiteProducts_BatchPatch"] = OperationExample.Of("""
            {"update": [{"id": 15, "wholesale_sale_price": {"wholesale_customer": "19.50"}}]}
            """),
        ["WholesaleSuiteProducts_Get"] = OperationExample.Read(("id", 15)),
        ["WholesaleSuiteVariations_Batch"] = OperationExample.Of(
            """
            {
              "create": [
                {"sku": "WWS-MUG-WHITE", "regular_price": "12.00", "attributes": [{"name": "Color", "option": "White"}],
                 "wholesale_price": {"wholesale_customer": "8.00"},
                 "wholesale_minimum_order_quantity": {"wholesale_customer": "12"}},
                {"sku": "WWS-MUG-BLACK", "regular_price": "12.00", "attributes": [{"name": "Color", "option": "Black"}],
                 "wholesale_price": {"wholesale_customer": "8.00"},
                 "wholesale_minimum_order_quantity": {"wholesale_customer": "12"}}
              ]
            }
            """,
            ("variableId", 16)),
        ["WholesaleSuiteVariations_BatchPut"] = OperationExample.Of(
            """
            {"update": [{"id": 18, "wholesale_price": {"gold": "7.50"}}]}
            """,
            ("variableId", 16)),
        ["WholesaleSuiteVariations_BatchPatch"] = OperationExample.Of(
            """
            {"update": [{"id": 19, "wholesale_visibility_filter": "wholesale_customer,gold"}]}
            """,
            ("variableId", 16)),
        ["WholesaleSuiteVariations_List"] = OperationExample.Read(("variableId", 16)),
        ["WholesaleSuiteVariations_Get"] = OperationExample.Read(("variableId", 16), ("id", 18)),
    };
}
