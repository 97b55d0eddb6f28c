namespace Catalog.Api.OpenApi;

/// <summary>The operation list: batch commands 1 and 2.</summary>
internal sealed partial class RequestExamples
{
    /// <summary>
    /// The operation list's batches change what the examples before them made and create nothing, since they run
    /// later, meanwhile the examples after them create rows whose ids those examples name.
    /// </summary>
    private static Dictionary<string, OperationExample> OperationList => new()
    {
        ["OperationList_Products"] = OperationExample.Of("""
            [
              {"method": "PUT", "body": {"id": 2, "title": "Canvas Tote", "is_enabled": true}}
            ]
            """),
        ["OperationList_Variants"] = OperationExample.Of("""
            [
              {"method": "PUT", "body": {"id": 3, "quantity": 115}}
            ]
            """),
        ["OperationList_Batch"] = OperationExample.Read(("id", 1)),
    };
}
