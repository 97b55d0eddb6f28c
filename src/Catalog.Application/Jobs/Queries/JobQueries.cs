using Catalog.Application.Common.Exceptions;

namespace Catalog.Application.Jobs.Queries;

/// <summary>A job of the caller's key; another key's is not found, exactly like one that does not exist.</summary>
public sealed record GetJob(long Id, long OwnerKeyId) : IRequest<Job>;

/// <summary>The caller's jobs, newest first; <paramref name="Before"/> pages on (a job id).</summary>
public sealed record ListJobs(long OwnerKeyId, long? Before, int Limit) : IRequest<IReadOnlyList<Job>>;

/// <summary>A job's results in the order sent, after <paramref name="After"/> (a position); of one status if given.
/// </summary>
public sealed record GetJobResults(long Id, long OwnerKeyId, ItemStatus? Status, int After, int Limit)
    : IRequest<JobResultsPage>;

public sealed record JobResultsPage(Job Job, IReadOnlyList<JobResult> Items, int? NextAfter)
{
    /// <summary>
    /// This page and every page after it, each read by <paramref name="next"/> (given the position to read after)
    /// only once the one before has been used: a writer that streams them never holds all the results.
    /// </summary>
    public async IAsyncEnumerable<JobResultsPage> AndTheRest(Func<int, Task<JobResultsPage>> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        for (var page = this; ; page = await next(page.NextAfter.Value))
        {
            yield return page;
            if (page.NextAfter is null)
            {
                yield break;
            }
        }
    }
}

internal sealed class JobQueryHandlers(IJobStore store) :
    IRequestHandler<GetJob, Job>,
    IRequestHandler<ListJobs, IReadOnlyList<Job>>,
    IRequestHandler<GetJobResults, JobResultsPage>
{
    public const int MaxLimit = 1000;

    public async ValueTask<Job> Handle(GetJob request, CancellationToken cancellationToken) =>
        await store.FindAsync(request.Id, request.OwnerKeyId, cancellationToken)
        ?? throw new NotFoundException("Job", request.Id);

    public async ValueTask<IReadOnlyList<Job>> Handle(ListJobs request, CancellationToken cancellationToken)
    {
        CheckLimit(request.Limit);
        return await store.ListAsync(request.OwnerKeyId, request.Before, request.Limit, cancellationToken);
    }

    public async ValueTask<JobResultsPage> Handle(GetJobResults request, CancellationToken cancellationToken)
    {
        CheckLimit(request.Limit);
        var job = await store.FindAsync(request.Id, request.OwnerKeyId, cancellationToken)
            ?? throw new NotFoundException("Job", request.Id);
        var items = await store.ResultsAsync(
            job.Id, request.Status, request.After, request.Limit + 1, cancellationToken);
        return items.Count > request.Limit
            ? new JobResultsPage(job, [.. items.Take(request.Limit)], items[request.Limit - 1].Position)
            : new JobResultsPage(job, items, null);
    }

    private static void CheckLimit(int limit)
    {
        if (limit is < 1 or > MaxLimit)
        {
            throw new RequestValidationException(
                ErrorCodes.ValidationFailed,
                $"limit must be between 1 and {MaxLimit}.",
                [new FieldError("limit", $"limit must be between 1 and {MaxLimit}.")]);
        }
    }
}
