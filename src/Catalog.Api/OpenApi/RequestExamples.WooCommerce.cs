namespace Catalog.Api.OpenApi;

/// <summary>
/// WooCommerce: products 7 (simple, variant 9) and 8 (variable, variations 10-11); Wholesale Suite: products 12
/// (simple, variant 14) and 13 (variable, variations 15-16); products and variants share one id sequence. Prices are strings in the store currency, as WooCommerce sends them.
/// </summary>
internal sealed partial class RequestExamples
{
    private static Dictionary<string, OperationExample> WooCommerce => new()
    {
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
                    {"name": "Size", "position": 0, "visible": true, "variation": true, "options": ["S", "M"]}
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
            {"update": [{"id": 10, "sale_price": "55.00"}]}
            """,
            ("productId", 8)),
        ["WooCommerceVariations_BatchPatch"] = OperationExample.Of(
            """
            {"update": [{"id": 11, "stock_quantity": 4, "menu_order": 1}]}
            """,
            ("productId", 8)),
        ["WooCommerceVariations_List"] = OperationExample.Read(("productId", 8)),
        ["WooCommerceVariations_Get"] = OperationExample.Read(("productId", 8), ("id", 10)),
    };

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
            {"update": [{"id": 12, "wholesale_price": {"wholesale_customer": "20.50", "gold": "19.00"}}]}
            """),
        ["WholesaleSuiteProducts_BatchPatch"] = OperationExample.Of("""
            {"update": [{"id": 12, "wholesale_sale_price": {"wholesale_customer": "19.50"}}]}
            """),
        ["WholesaleSuiteProducts_Get"] = OperationExample.Read(("id", 12)),
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
            ("variableId", 13)),
        ["WholesaleSuiteVariations_BatchPut"] = OperationExample.Of(
            """
            {"update": [{"id": 15, "wholesale_price": {"gold": "7.50"}}]}
            """,
            ("variableId", 13)),
        ["WholesaleSuiteVariations_BatchPatch"] = OperationExample.Of(
            """
            {"update": [{"id": 16, "wholesale_visibility_filter": "wholesale_customer,gold"}]}
            """,
            ("variableId", 13)),
        ["WholesaleSuiteVariations_List"] = OperationExample.Read(("variableId", 13)),
        ["WholesaleSuiteVariations_Get"] = OperationExample.Read(("variableId", 13), ("id", 15)),
    };
}
