using Catalog.Application.Common.Exceptions;

namespace Catalog.Application.Jobs;

/// <summary>
/// Applies one chunk of a job through the job kind's canonical command, the same engine and writer as a synchronous
/// batch. The chunk's writes, its items' results, the job's progress and the chunk's deletion commit in one
/// transaction (the batch's checkpoint), so a chunk is applied exactly once: if the job moved on meanwhile (another
/// worker took it over, it was cancelled), the checkpoint is refused and nothing of the chunk is committed.
/// </summary>
public sealed class JobRunner(ISender sender, BatchCheckpoint checkpoint, IBatchWriter writer)
{
    private static readonly ItemError NotApplied =
        ItemError.Of(ErrorCodes.NotApplied, "Not applied: another item of this atomic job failed.");

    /// <summary>Runs the chunk; answers the job as the chunk's transaction left it.</summary>
    public async Task<Job> RunChunkAsync(
        Job job, JobChunk chunk, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(chunk);
        var entries = JobPayload.Read(chunk.Payload);
        var refused = entries.Where(e => e.Refusal is not null).ToList();
        var runnable = entries.Where(e => e.Refusal is null).ToList();
        var inCommand = runnable.GroupBy(e => e.Operation)
            .SelectMany(g => g.Select((entry, index) => (Key: (g.Key, index), entry)))
            .ToDictionary(p => p.Key, p => p.entry);
        var refusals = refused.Select(e => Result(job.Id, e, ItemStatus.Failed, null, e.Refusal, null));

        Job? recorded = null;
        checkpoint.Rows = outcomes =>
        {
            var results = outcomes
                .Select(o => Result(job.Id, inCommand[(OperationOf(o), o.Index)], o.Status, o.Id, o.Error, o.Process))
                .Concat(refusals)
                .OrderBy(r => r.Position)
                .ToList();
            return Checkpoint(job, chunk, results, leaseUntil, out recorded);
        };

        var command = JobKinds.Named(job.Kind).Command(runnable, job);
        if (command is null || (job.Policy == BatchPolicy.Atomic && refused.Count > 0))
        {
            var unapplied = runnable.Select(e => Result(job.Id, e, ItemStatus.NotApplied, null, NotApplied, null));
            return await RecordOnlyAsync(job, chunk, leaseUntil, [.. unapplied, .. refusals], cancellationToken);
        }

        try
        {
            await sender.Send(command, cancellationToken);
        }
        catch (NotFoundException missing)
        {
            // The resource the whole job names (a variants job's product) is gone: every item fails with it.
            var error = ItemError.Of(ErrorCodes.NotFound, missing.Message);
            var failed = runnable.Select(e => Result(job.Id, e, ItemStatus.Failed, null, error, null));
            return await RecordOnlyAsync(job, chunk, leaseUntil, [.. failed, .. refusals], cancellationToken);
        }

        return recorded ?? throw new InvalidOperationException("The chunk's checkpoint was never written.");
    }

    /// <summary>Runs none of the chunk: every item is recorded as failed with <paramref name="error"/>.</summary>
    public Task<Job> FailChunkAsync(
        Job job, JobChunk chunk, DateTimeOffset leaseUntil, ItemError error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(chunk);
        var results = JobPayload.Read(chunk.Payload)
            .Select(e => Result(job.Id, e, ItemStatus.Failed, null, e.Refusal ?? error, null));
        return RecordOnlyAsync(job, chunk, leaseUntil, [.. results], cancellationToken);
    }

    private async Task<Job> RecordOnlyAsync(
        Job job,
        JobChunk chunk,
        DateTimeOffset leaseUntil,
        IReadOnlyList<JobResult> results,
        CancellationToken cancellationToken)
    {
        var ordered = results.OrderBy(r => r.Position).ToList();
        var rows = Checkpoint(job, chunk, ordered, leaseUntil, out var recorded);
        await writer.ApplyAsync(new WritePlan([], job.Policy, _ => rows), cancellationToken);
        return recorded;
    }

    /// <summary>The rows that record a chunk: it is gone, the job moved on by its results, and the results.</summary>
    private static IReadOnlyList<RowWrite> Checkpoint(
        Job job, JobChunk chunk, IReadOnlyList<JobResult> results, DateTimeOffset leaseUntil, out Job recorded)
    {
        recorded = job.Progressed(results, leaseUntil);
        return [new DeleteRow(chunk, MustExist: true), new UpdateRow(recorded, job.Version),
            .. results.Select(r => new InsertRow(r))];
    }

    private static JobOperation OperationOf(ItemOutcome outcome) => outcome switch
    {
        { IsUpsert: true } => JobOperation.Upsert,
        { Operation: BatchOperation.Create } => JobOperation.Create,
        { Operation: BatchOperation.Update } => JobOperation.Update,
        _ => JobOperation.Delete,
    };

    private static JobResult Result(
        long jobId, JobEntry entry, ItemStatus status, long? id, ItemError? error, UpsertProcess? process) => new()
        {
            JobId = jobId,
            Position = entry.Position,
            Operation = entry.Operation,
            ItemIndex = entry.Index,
            ItemId = id ?? (entry is { Operation: JobOperation.Delete, Body: { ValueKind: JsonValueKind.Number } sent }
            ? sent.GetInt64()
            : null),
            Status = status,
            Process = process,
            Error = JobPayload.WriteError(error),
            Echo = entry.Echo?.GetRawText(),
        };
}
