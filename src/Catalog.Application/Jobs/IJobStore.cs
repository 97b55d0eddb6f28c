namespace Catalog.Application.Jobs;

/// <summary>Where jobs, their pending chunks and their results are kept: the database all instances share.</summary>
public interface IJobStore
{
    /// <summary>Stores a new job (status <see cref="JobStatus.Receiving"/>) and answers it with its id.</summary>
    Task<Job> AddAsync(Job job, CancellationToken cancellationToken);

    Task AddChunkAsync(JobChunk chunk, CancellationToken cancellationToken);

    /// <summary>
    /// Writes <paramref name="job"/> where the stored row is still at <paramref name="expectedVersion"/>; false when it
    /// moved (someone else changed the job first).
    /// </summary>
    Task<bool> SaveAsync(Job job, long expectedVersion, CancellationToken cancellationToken);

    /// <summary>Deletes a job with its chunks and results.</summary>
    Task DiscardAsync(long id, CancellationToken cancellationToken);

    /// <summary>The job, if it exists and belongs to <paramref name="ownerKeyId"/> (any owner when null).</summary>
    Task<Job?> FindAsync(long id, long? ownerKeyId, CancellationToken cancellationToken);

    /// <summary>A key's jobs, newest first, older than <paramref name="before"/> when given.</summary>
    Task<IReadOnlyList<Job>> ListAsync(
        long ownerKeyId, long? before, int limit, CancellationToken cancellationToken);

    /// <summary>A job's results after <paramref name="after"/> (a position), in order; one status if given.</summary>
    Task<IReadOnlyList<JobResult>> ResultsAsync(
        long jobId, ItemStatus? status, int after, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Leases the oldest unfinished job that nobody holds (never claimed, or its lease expired) to
    /// <paramref name="owner"/> until <paramref name="until"/>, marking it running; null when there is none. Instances
    /// claim concurrently without taking one job twice.
    /// </summary>
    Task<Job?> ClaimAsync(string owner, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>Extends a lease still held by <paramref name="owner"/>; false when it was lost.</summary>
    Task<bool> RenewAsync(long id, string owner, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>
    /// The job's first chunk numbered after <paramref name="after"/> (-1: its first chunk), or null when none is left.
    /// </summary>
    Task<JobChunk?> NextChunkAsync(long jobId, int after, CancellationToken cancellationToken);

    /// <summary>Deletes the chunks not yet run (a cancelled job's), answering how many items they held.</summary>
    Task<int> DropChunksAsync(long jobId, CancellationToken cancellationToken);

    /// <summary>How many jobs wait to run, and how many run.</summary>
    Task<(int Queued, int Running)> CountAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Deletes up to <paramref name="limit"/> rows of jobs finished before <paramref name="cutoff"/> (results first,
    /// then the jobs whose results are gone) and of uploads abandoned before <paramref name="abandoned"/>; answers
    /// how many rows went, so the caller can stop when a round deletes nothing.
    /// </summary>
    Task<int> PurgeAsync(
        DateTimeOffset cutoff, DateTimeOffset abandoned, int limit, CancellationToken cancellationToken);
}
