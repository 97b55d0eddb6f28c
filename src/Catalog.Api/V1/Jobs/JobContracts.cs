using Catalog.Application.Jobs;

namespace Catalog.Api.V1.Jobs;

/// <summary>A job as polling sees it: where it stands, read from its one row.</summary>
public sealed record JobResponse(
    long Id,
    string Kind,
    JobStatusContract Status,
    BatchPolicy Policy,
    int Total,
    int Processed,
    int Left,
    BatchSummaryContract Summary,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt)
{
    public static JobResponse From(Job job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return new(
            job.Id,
            job.Kind,
            job.Status switch
            {
                JobStatus.Running => JobStatusContract.Running,
                JobStatus.Succeeded => JobStatusContract.Succeeded,
                JobStatus.PartiallySucceeded => JobStatusContract.PartiallySucceeded,
                JobStatus.Failed => JobStatusContract.Failed,
                JobStatus.Cancelled => JobStatusContract.Cancelled,
                _ => JobStatusContract.Queued,
            },
            job.Policy,
            job.Total,
            job.Processed,
            job.Left,
            new BatchSummaryContract(job.Processed, job.Succeeded, job.Failed, job.NotApplied),
            job.CreatedAt,
            job.StartedAt,
            job.FinishedAt);
    }
}

public enum JobStatusContract
{
    Queued,
    Running,
    Succeeded,
    PartiallySucceeded,
    Failed,
    Cancelled,
}

/// <summary><c>{items, next_before}</c>: the caller's jobs, newest first.</summary>
public sealed record JobListResponse(IReadOnlyList<JobResponse> Items, long? NextBefore);

/// <summary>
/// One item's outcome in a job: the canonical result (<c>index</c> in its list, <c>id</c>, <c>status</c>,
/// <c>error</c>) with the list it came from and its <c>position</c> in the whole submission (the paging cursor). The
/// resource itself is not repeated: read it by id.
/// </summary>
public sealed record JobItemResult(
    int Position,
    JobOperation Operation,
    int Index,
    long? Id,
    ItemStatus Status,
    ItemError? Error)
{
    /// <summary>What an upsert became: <c>insert</c> or <c>update</c> (when that was known). Only on upserts.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public UpsertProcess? Process { get; init; }

    public static JobItemResult From(JobResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new(
            result.Position,
            result.Operation,
            result.ItemIndex,
            result.ItemId,
            result.Status,
            JobPayload.ErrorOf(result))
        {
            Process = result.Process,
        };
    }
}

/// <summary><c>{job, items, next_after}</c>: a page of results; <c>next_after</c> asks for the next one.</summary>
public sealed record JobResultsResponse(JobResponse Job, IReadOnlyList<JobItemResult> Items, int? NextAfter);
