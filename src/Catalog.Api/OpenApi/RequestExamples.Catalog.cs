namespace Catalog.Api.OpenApi;

/// <summary>Catalog's own API: roles 1-2, products 1-2 (variants 3-6), categories 1-2, attribute 1.</summary>
internal sealed partial class RequestExamples
{
    private static Dictionary<string, OperationExample> Catalog => new()
    {
        ["WholesaleRoles_Batch"] = OperationExample.Of("""
            {
              "create": [
                {"key": "wholesale_customer", "name": "Wholesale Customer"},
                {"key": "gold", "name": "Gold Partner"}
              ]
            }
            """),
        ["WholesaleRoles_Get"] = OperationExample.Read(("id", 1)),

        // Key 2: the first key issued here (key 1 is the bootstrap or first-run key); rotated, then revoked.
        ["ApiKeys_Create"] = OperationExample.Of("""
            {"name": "storefront", "scopes": ["catalog:read"]}
            """),
        ["ApiKeys_Rotate"] = OperationExample.Read(("id", 2)),
        ["ApiKeys_Get"] = OperationExample.Read(("id", 2)),
        ["ApiKeys_Revoke"] = OperationExample.Read(("id", 2)),

        // Job 1: the first batch sent with Prefer: respond-async.
        ["Jobs_Get"] = OperationExample.Read(("id", 1)),
        ["Jobs_Results"] = OperationExample.Read(("id", 1)),
        ["Jobs_Cancel"] = OperationExample.Read(("id", 1)),
        ["Products_Batch"] = OperationExample.Of("""
            {
              "create": [
                {
                  "title": "Linen Shirt",
                  "handle": "linen-shirt",
                  "description": "A relaxed shirt in washed European linen.",
                  "status": "published",
                  "tags": ["linen", "summer"],
                  "images": [{"url": "https://cdn.example.com/products/linen-shirt.jpg"}],
                  "options": [{"title": "Size", "values": ["S", "M", "L"]}],
                  "metadata": {"season": "SS26"},
                  "variants": [
                    {
                      "title": "S",
                      "sku": "LINEN-SHIRT-S",
                      "options": {"Size": "S"},
                      "stock_quantity": 25,
                      "prices": [
                        {"currency_code": "usd", "amount": 49.00},
                        {"currency_code": "eur", "amount": 45.00}
                      ],
                      "wholesale": {
                        "prices": [{"role": "wholesale_customer", "currency_code": "usd", "amount": 32.00}],
                        "minimum_order_quantities": [{"role": "wholesale_customer", "quantity": 5}]
                      }
                    },
                    {
                      "title": "M",
                      "sku": "LINEN-SHIRT-M",
                      "options": {"Size": "M"},
                      "stock_quantity": 30,
                      "prices": [
                        {"currency_code": "usd", "amount": 49.00},
                        {"currency_code": "eur", "amount": 45.00}
                      ],
                      "wholesale": {
                        "prices": [{"role": "wholesale_customer", "currency_code": "usd", "amount": 32.00}],
                        "minimum_order_quantities": [{"role": "wholesale_customer", "quantity": 5}],
                        "quantity_discount_rules": [
                          {"role": "wholesale_customer", "start_qty": 20, "end_qty": null, "price_type": "percent",
                           "value": 10}
                        ]
                      }
                    }
                  ]
                },
                {
                  "title": "Canvas Tote",
                  "handle": "canvas-tote",
                  "status": "draft",
                  "variants": [
                    {"title": "Canvas Tote", "sku": "CANVAS-TOTE", "stock_quantity": 120,
                     "prices": [{"currency_code": "usd", "amount": 18.00}]}
                  ]
                }
              ]
            }
            """),
        ["Products_Patch"] = OperationExample.Of("""
            {
              "updates": [
                {"id": 1, "subtitle": "Breathable, pre-washed"},
                {"id": 2, "status": "published", "tags": ["canvas", "bags"]}
              ]
            }
            """),
        ["Products_BatchVariants"] = OperationExample.Of(
            """
            {
              "create": [
                {
                  "title": "L",
                  "sku": "LINEN-SHIRT-L",
                  "options": {"Size": "L"},
                  "stock_quantity": 18,
                  "prices": [
                    {"currency_code": "usd", "amount": 52.00},
                    {"currency_code": "eur", "amount": 48.00}
                  ]
                }
              ],
              "update": [{"id": 3, "stock_quantity": 40}],
              "upsert": [{"sku": "LINEN-SHIRT-M", "stock_quantity": 35}]
            }
            """,
            ("productId", 1)),
        ["Products_Get"] = OperationExample.Read(("id", 1)),
        ["Variants_Get"] = OperationExample.Read(("id", 4)),
        ["Variants_Batch"] = OperationExample.Of("""
            {
              "update": [
                {"id": 4, "stock_quantity": 28},
                {"id": 5, "stock_quantity": 110}
              ]
            }
            """),
        ["Variants_Price"] = OperationExample.Read(("id", 4), ("role", "wholesale_customer"), ("quantity", 20)),
        ["Categories_Batch"] = OperationExample.Of("""
            {
              "create": [
                {"name": "Clothing", "handle": "clothing", "description": "Shirts, tees and knitwear."},
                {"name": "Bags", "handle": "bags", "rank": 1}
              ]
            }
            """),
        ["Categories_Get"] = OperationExample.Read(("id", 1)),
        ["Tags_Batch"] = OperationExample.Of("""
            {
              "create": [
                {"name": "Organic cotton", "slug": "organic-cotton"},
                {"name": "Summer", "description": "The summer collection."}
              ]
            }
            """),
        ["Tags_Get"] = OperationExample.Read(("id", 1)),
        ["Attributes_Batch"] = OperationExample.Of("""
            {
              "create": [
                {
                  "name": "Color",
                  "slug": "color",
                  "values": [{"name": "Black", "slug": "black"}, {"name": "Natural", "slug": "natural"}]
                }
              ]
            }
            """),
        ["Attributes_Get"] = OperationExample.Read(("id", 1)),
    };
}
