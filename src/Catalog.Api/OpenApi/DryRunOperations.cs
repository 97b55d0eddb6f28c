using NSwag;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Catalog.Api.OpenApi;

/// <summary>
/// Describes the <c>dry_run</c> query parameter of the canonical batch operations, once for all of them, and puts it
/// last (after <c>Prefer</c>), so that a generated client's existing positional arguments keep their place.
/// </summary>
internal sealed class DryRunOperations : IOperationProcessor
{
    public const string Name = "dry_run";

    public bool Process(OperationProcessorContext context)
    {
        var operation = context.OperationDescription.Operation;
        var dryRun = operation.Parameters.FirstOrDefault(
            p => p.Kind == OpenApiParameterKind.Query && p.Name == Name);
        if (dryRun is null)
        {
            return true;
        }

        dryRun.Position = operation.Parameters.Max(p => p.Position ?? 0) + 1;
        dryRun.Description = "`true`: run the batch's checks and plan and answer what it would answer (the same "
            + "status, results and summary), writing nothing: ids it would assign are `null` in the answer. "
            + "`Prefer: respond-async` is ignored (a dry run answers at once). `false` or absent: apply the batch.";
        return true;
    }
}
