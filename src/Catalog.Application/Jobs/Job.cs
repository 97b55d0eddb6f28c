using Catalog.Application.Products.Commands.BatchProducts;

namespace Catalog.Application.Jobs;

public enum JobStatus
{
    /// <summary>The body is still being stored; nobody sees the job yet, and a failed upload discards it.</summary>
    Receiving,
    Queued,
    Running,
    Succeeded,
    PartiallySucceeded,
    Failed,
    Cancelled,
}

public enum JobOperation
{
    Create,
    Update,
    Delete,
    Upsert,
}

/// <summary>
/// A batch accepted to run later, in chunks. The row is the job's whole progress: polling reads it and nothing else.
/// <see cref="Version"/> moves with every change to the row (a claim, a chunk, a cancel), so a worker whose view is
/// stale (its lease was taken over, the job was cancelled) cannot commit a chunk: its checkpoint finds another version.
/// </summary>
public sealed class Job
{
    public long Id { get; set; }

    /// <summary>The API key that submitted the job; no other key sees it.</summary>
    public long OwnerKeyId { get; set; }

    /// <summary>The resource, as <see cref="JobKinds"/> names it (<c>products</c>, <c>variants</c>, ...).</summary>
    public required string Kind { get; set; }

    /// <summary>The product whose variants a <c>variants</c> job changes.</summary>
    public long? ParentId { get; set; }

    /// <summary>Who submitted it: <c>canonical</c> or a dialect's name; decides how its results are shown.</summary>
    public required string Source { get; set; }

    public BatchPolicy Policy { get; set; }

    /// <summary>For a <c>products</c> job: what an item whose handle is taken gets (<c>taken_handles</c>).</summary>
    public TakenHandles TakenHandles { get; set; }
    public JobStatus Status { get; set; }
    public int Total { get; set; }
    public int Processed { get; set; }
    public int Succeeded { get; set; }
    public int Failed { get; set; }
    public int NotApplied { get; set; }
    public bool CancelRequested { get; set; }

    /// <summary>The worker holding the job, a new token per claim, until <see cref="LeaseUntil"/>.</summary>
    public string? LeaseOwner { get; set; }
    public DateTimeOffset? LeaseUntil { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public long Version { get; set; } = 1;

    public int Left => Total - Processed;

    public bool IsFinished => Status is JobStatus.Succeeded or JobStatus.PartiallySucceeded or JobStatus.Failed
        or JobStatus.Cancelled;

    public Job Copy() => (Job)MemberwiseClone();

    /// <summary>The job after one more chunk's outcomes, leased to its worker until <paramref name="until"/>.</summary>
    public Job Progressed(IReadOnlyCollection<JobResult> results, DateTimeOffset until)
    {
        var next = Copy();
        next.Processed += results.Count;
        next.Succeeded += results.Count(r => r.Status == ItemStatus.Succeeded);
        next.Failed += results.Count(r => r.Status == ItemStatus.Failed);
        next.NotApplied += results.Count(r => r.Status == ItemStatus.NotApplied);
        next.LeaseUntil = until;
        next.Version++;
        return next;
    }

    /// <summary>The job finished: every chunk ran (or it was cancelled); the lease is let go.</summary>
    public Job Finished(DateTimeOffset now)
    {
        var next = Copy();
        next.Status = CancelRequested ? JobStatus.Cancelled
            : Succeeded == Total ? JobStatus.Succeeded
            : Succeeded == 0 ? JobStatus.Failed
            : JobStatus.PartiallySucceeded;
        next.FinishedAt = now;
        next.LeaseOwner = null;
        next.LeaseUntil = null;
        next.Version++;
        return next;
    }
}

/// <summary>
/// A slice of a job's items, stored at submission in the order they will run, and deleted in the transaction that
/// applies it: a chunk still stored is a chunk still to run.
/// </summary>
public sealed class JobChunk
{
    public long JobId { get; set; }

    /// <summary>Chunks run in ascending order: creates, then updates and upserts, then deletes.</summary>
    public int Number { get; set; }

    public int ItemCount { get; set; }

    /// <summary>The items as JSON (<see cref="JobPayload"/>).</summary>
    public required string Payload { get; set; }
}

/// <summary>The outcome of one item of a job, written with the chunk that applied it.</summary>
public sealed class JobResult
{
    public long JobId { get; set; }

    /// <summary>The item's place in the whole submission, from 0: the results' order and paging cursor.</summary>
    public int Position { get; set; }

    public JobOperation Operation { get; set; }

    /// <summary>The item's place in its own list (<c>create[3]</c>), as a synchronous batch reports it.</summary>
    public int ItemIndex { get; set; }

    public long? ItemId { get; set; }
    public ItemStatus Status { get; set; }
    public UpsertProcess? Process { get; set; }

    /// <summary>The error as JSON (code, message, details), when the item failed or was not applied.</summary>
    public string? Error { get; set; }

    /// <summary>The item as its dialect sent it, for the dialects whose results echo it (process); else null.</summary>
    public string? Echo { get; set; }
}
