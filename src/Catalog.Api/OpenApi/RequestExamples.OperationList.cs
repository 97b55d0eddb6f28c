namespace Catalog.Api.OpenApi;

/// <summary>The process API (job 1) and the operation list (batch commands 2 and 3).</summary>
internal sealed partial class RequestExamples
{
    /// <summary>
    /// These run as jobs, later and concurrently with the examples after them: so they change what earlier examples
    /// made and nothing a later one changes (Medusa's update of product 2, say), and create nothing, since the examples
    /// after them name the ids of the rows they create. The process API updates WooCommerce's simple product by SKU.
    /// </summary>
    private static Dictionary<string, OperationExample> OperationList => new()
    {
        ["Process_Products"] = OperationExample.Of("""
            [
              {"sku": "WC-TEE-ORGANIC", "quantity": 25, "price": 21.00, "currencyCode": "usd"}
            ]
            """),
        ["Process_Batch"] = OperationExample.Read(("batchId", "1")),
        ["OperationList_Products"] = OperationExample.Of("""
            [
              {"method": "PUT", "body": {"id": 1, "is_enabled": true}}
            ]
            """),
        ["OperationList_Variants"] = OperationExample.Of("""
            [
              {"method": "PUT", "body": {"id": 6, "quantity": 115}}
            ]
            """),
        ["OperationList_Batch"] = OperationExample.Read(("id", 2)),
    };
}
