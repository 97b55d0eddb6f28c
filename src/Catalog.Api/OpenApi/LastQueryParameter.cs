using NSwag;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Catalog.Api.OpenApi;

/// <summary>
/// Describes a query parameter added to operations after their first release, once for all of them, and puts it last
/// (after the headers), so that a generated client's existing positional arguments keep their place.
/// </summary>
internal sealed class LastQueryParameter(string name, string description) : IOperationProcessor
{
    public static LastQueryParameter DryRun { get; } = new(
        "dry_run",
        "`true`: run the batch's checks and plan and answer what it would answer (the same status, results and "
        + "summary), writing nothing: ids it would assign are `null` in the answer. `Prefer: respond-async` is "
        + "ignored (a dry run answers at once). `false` or absent: apply the batch.");

    public static LastQueryParameter TakenHandles { get; } = new(
        "taken_handles",
        "What an item gets whose product handle another product or an earlier item of the batch holds. `fail` "
        + "(default): the item fails, `DUPLICATE_HANDLE` or `DUPLICATE_IN_BATCH`. `suffix`: the first free handle of "
        + "`handle-2`, `handle-3` and on, as WordPress makes a slug unique (the WooCommerce and Wholesale Suite "
        + "routes always do this).");

    public bool Process(OperationProcessorContext context)
    {
        var operation = context.OperationDescription.Operation;
        var parameter = operation.Parameters.FirstOrDefault(
            p => p.Kind == OpenApiParameterKind.Query && p.Name == name);
        if (parameter is not null)
        {
            parameter.Position = operation.Parameters.Max(p => p.Position ?? 0) + 1;
            parameter.Description = description;
        }

        return true;
    }
}
