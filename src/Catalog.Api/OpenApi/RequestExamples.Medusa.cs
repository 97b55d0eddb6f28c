namespace Catalog.Api.OpenApi;

/// <summary>
/// The trade API (updates of products 1 and 2) and Medusa (product <c>prod_20</c>, variants 21-22, 23 by the variants
/// batch, 26 by the single create; <c>prod_24</c> and its variant 25, created and deleted by the single-item routes).
/// </summary>
internal sealed partial class RequestExamples
{
    private static Dictionary<string, OperationExample> Trade => new()
    {
        ["TradeProducts_Batch"] = OperationExample.Of("""
            {
              "updates": [
                {"id": 1, "tradeCategoryId": 1, "isActive": true,
                 "pricing": {"pricingType": "FIXED", "price": 49.00, "isDisclosePrice": true},
                 "faqs": [{"question": "Is it pre-washed?", "answer": "Yes, it will not shrink further."}]},
                {"id": 2, "tradeCategoryId": 2, "pricingType": "RANGE", "price": 15.00, "maxPrice": 18.00,
                 "isDisclosePrice": false}
              ]
            }
            """),
    };

    private static Dictionary<string, OperationExample> Medusa => new()
    {
        ["MedusaProducts_Batch"] = OperationExample.Of("""
            {
              "create": [
                {
                  "title": "Trail Runner",
                  "handle": "trail-runner",
                  "status": "published",
                  "description": "A light trail shoe with a recycled mesh upper.",
                  "categories": [{"id": "pcat_1"}],
                  "options": [{"title": "Size", "values": ["42", "43", "44"]}],
                  "variants": [
                    {"title": "42", "sku": "TRAIL-RUNNER-42", "options": {"Size": "42"},
                     "prices": [{"currency_code": "usd", "amount": 120}, {"currency_code": "eur", "amount": 110}]},
                    {"title": "43", "sku": "TRAIL-RUNNER-43", "options": {"Size": "43"},
                     "prices": [{"currency_code": "usd", "amount": 120}, {"currency_code": "eur", "amount": 110}]}
                  ]
                }
              ],
              "update": [{"id": "prod_2", "subtitle": "Heavy cotton canvas"}]
            }
            """),
        ["MedusaProducts_BatchVariants"] = OperationExample.Of(
            """
            {
              "create": [
                {"title": "44", "sku": "TRAIL-RUNNER-44", "options": {"Size": "44"},
                 "prices": [{"currency_code": "usd", "amount": 120}, {"currency_code": "eur", "amount": 110}]}
              ],
              "update": [{"id": "variant_21", "allow_backorder": true}]
            }
            """,
            ("id", "prod_20")),
        ["MedusaProducts_Get"] = OperationExample.Read(("id", "prod_20")),

        // The single-item routes: prod_24 is created and deleted again; prod_20 gains size 45 and a variant in it, its
        // first variant is renamed and the one the variants batch created (variant_23) is deleted.
        ["MedusaProducts_Create"] = OperationExample.Of("""
            {
              "title": "Trail Runner Kids",
              "handle": "trail-runner-kids",
              "options": [{"title": "Size", "values": ["30", "31"]}],
              "variants": [
                {"title": "30", "sku": "TRAIL-KIDS-30", "options": {"Size": "30"},
                 "prices": [{"currency_code": "usd", "amount": 70}]}
              ]
            }
            """),
        ["MedusaProducts_Update"] = OperationExample.Of(
            """{"subtitle": "Now up to size 45", "options": [{"title": "Size", "values": ["42", "43", "44", "45"]}]}""",
            ("id", "prod_20")),
        ["MedusaProducts_Delete"] = OperationExample.Read(("id", "prod_24")),
        ["MedusaProducts_ListVariants"] = OperationExample.Read(("id", "prod_20")),
        ["MedusaProducts_CreateVariant"] = OperationExample.Of(
            """
            {"title": "45", "sku": "TRAIL-RUNNER-45", "options": {"Size": "45"},
             "prices": [{"currency_code": "usd", "amount": 125}]}
            """,
            ("id", "prod_20")),
        ["MedusaProducts_GetVariant"] = OperationExample.Read(("id", "prod_20"), ("variantId", "variant_21")),
        ["MedusaProducts_UpdateVariant"] = OperationExample.Of(
            """{"title": "EU 42"}""", ("id", "prod_20"), ("variantId", "variant_21")),
        ["MedusaProducts_DeleteVariant"] = OperationExample.Read(("id", "prod_20"), ("variantId", "variant_23")),
    };
}
