namespace Catalog.Api.V1;

/// <summary><c>{create, update, delete}</c>: new items, changes to existing ones, and ids to delete.</summary>
public abstract record BatchRequest<TCreate, TUpdate>
{
    public IReadOnlyList<TCreate>? Create { get; init; }
    public IReadOnlyList<TUpdate>? Update { get; init; }
    public IReadOnlyList<long>? Delete { get; init; }
}

/// <summary>An item's outcome on the wire; the resource sits under its own name (<c>product</c>, ...).</summary>
public abstract record ItemResultContract
{
    public int Index { get; init; }
    public long? Id { get; init; }
    public ItemStatus Status { get; init; }
    public ItemError? Error { get; init; }

    /// <summary>What an upsert became: <c>insert</c> or <c>update</c> (on a failed upsert, what it would have become,
    /// when that was known). Only on the items of the <c>upsert</c> list.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public UpsertProcess? Process { get; init; }

    /// <summary>The contract <paramref name="create"/> makes for the resource, with the item's outcome on it.</summary>
    protected static TContract Of<T, TContract>(ItemResult<T> result, Func<T?, TContract> create)
        where T : class
        where TContract : ItemResultContract
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(create);
        ItemResultContract contract = create(result.Resource);
        contract = contract with
        {
            Index = result.Index,
            Id = result.Id,
            Status = result.Status,
            Error = result.Error,
            Process = result.Process,
        };
        return (TContract)contract;
    }
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
/// <param name="Upsert">The upserts' results: always there for products and variants, absent for the resources
/// that take no upserts.</param>
public sealed record BatchResponse<TResult>(
    IReadOnlyList<TResult> Create,
    IReadOnlyList<TResult> Update,
    IReadOnlyList<TResult> Delete,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<TResult>? Upsert,
    BatchSummaryContract Summary);

/// <summary>The answer to <c>PATCH .../batch</c>: <c>{results, summary}</c>.</summary>
public sealed record PatchResponse<TResult>(IReadOnlyList<TResult> Results, BatchSummaryContract Summary);

/// <summary>What the canonical controllers share: JSON answers, 401 and 403 as problems, batch answers.</summary>
[ApiController]
[Produces("application/json")]
[ProducesResponseType<ProblemResponse>(StatusCodes.Status401Unauthorized, "application/problem+json")]
[ProducesResponseType<ProblemResponse>(StatusCodes.Status403Forbidden, "application/problem+json")]
public abstract class V1Controller : ControllerBase
{
    /// <summary>200 when the batch was applied (wholly or in part); 422 when an atomic batch failed.</summary>
    protected ObjectResult Answer<T>(BatchResult<T> result, object body)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(result);
        return StatusCode(result.Applied ? StatusCodes.Status200OK : StatusCodes.Status422UnprocessableEntity, body);
    }

    /// <summary>A <c>POST .../batch</c> answer: one list per operation, each item rendered by <paramref
    /// name="render"/>; the <c>upsert</c> list only for a resource that takes upserts.</summary>
    protected ObjectResult Answer<T, TResult>(
        BatchResult<T> result, Func<ItemResult<T>, TResult> render, bool takesUpserts = false)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(result);
        var response = new BatchResponse<TResult>(
            [.. result.Create.Select(render)],
            [.. result.Update.Select(render)],
            [.. result.Delete.Select(render)],
            takesUpserts ? [.. result.Upsert.Select(render)] : null,
            BatchSummaryContract.From(result.Summary));
        return Answer(result, response);
    }
}
