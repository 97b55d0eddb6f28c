using NSwag;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Catalog.Api.OpenApi;

/// <summary>
/// Describes the <c>taken_handles</c> query parameter of the canonical product batches and puts it last (after
/// <c>Idempotency-Key</c>), so that a generated client's existing positional arguments keep their place.
/// </summary>
internal sealed class TakenHandlesOperations : IOperationProcessor
{
    public const string Name = "taken_handles";

    public bool Process(OperationProcessorContext context)
    {
        var operation = context.OperationDescription.Operation;
        var takenHandles = operation.Parameters.FirstOrDefault(
            p => p.Kind == OpenApiParameterKind.Query && p.Name == Name);
        if (takenHandles is null)
        {
            return true;
        }

        takenHandles.Position = operation.Parameters.Max(p => p.Position ?? 0) + 1;
        takenHandles.Description = "What an item gets whose product handle another product or an earlier item of the "
            + "batch holds. `fail` (default): the item fails, `DUPLICATE_HANDLE` or `DUPLICATE_IN_BATCH`. `suffix`: "
            + "the first free handle of `handle-2`, `handle-3` and on, as WordPress makes a slug unique (the "
            + "WooCommerce and Wholesale Suite routes always do this).";
        return true;
    }
}
