namespace Catalog.Api.OpenApi;

/// <summary>The trade API (updates of products 1 and 2) and Medusa (product <c>prod_17</c>, variants 18-20).</summary>
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
              "update": [{"id": "variant_18", "allow_backorder": true}]
            }
            """,
            ("id", "prod_17")),
        ["MedusaProducts_Get"] = OperationExample.Read(("id", "prod_17")),
    };
}
