using Catalog.Application.Common;
using Catalog.Application.Common.Batches;

namespace Catalog.Api.V1;

/// <summary>An item's outcome on the wire; the resource sits under its own name (<c>product</c>, ...).</summary>
public abstract record ItemResultContract
{
    public int Index { get; init; }
    public long? Id { get; init; }
    public ItemStatus Status { get; init; }
    public ItemError? Error { get; init; }
}

public sealed record BatchSummaryContract(int Total, int Succeeded, int Failed, int NotApplied)
{
    public static BatchSummaryContract From(BatchSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return new(summary.Total, summary.Succeeded, summary.Failed, summary.NotApplied);
    }
}

/// <summary>The answer to <c>POST .../batch</c>: one list per operation, each in the order sent; a summary.</summary>
public sealed record BatchResponse<TResult>(
    IReadOnlyList<TResult> Create,
    IReadOnlyList<TResult> Update,
    IReadOnlyList<TResult> Delete,
    BatchSummaryContract Summary);

/// <summary>The answer to <c>PATCH .../batch</c>: <c>{results, summary}</c>.</summary>
public sealed record PatchResponse<TResult>(IReadOnlyList<TResult> Results, BatchSummaryContract Summary);

internal static class BatchResponses
{
    /// <summary>200 when the batch was applied (wholly or in part); 422 when an atomic batch failed.</summary>
    public static int StatusOf<T>(BatchResult<T> result)
        where T : class => result.Applied ? StatusCodes.Status200OK : StatusCodes.Status422UnprocessableEntity;

    public static BatchResponse<TResult> Render<T, TResult>(BatchResult<T> result, Func<ItemResult<T>, TResult> render)
        where T : class =>
        new(
            [.. result.Create.Select(render)],
            [.. result.Update.Select(render)],
            [.. result.Delete.Select(render)],
            BatchSummaryContract.From(result.Summary));
}
