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
            .SelectMany(g => g.Select((entry, index) => (Key: (ToBatch(g.Key), index), entry)))
            .ToDictionary(p => p.Key, p => p.entry);

        Job? recorded = null;
        checkpoint.Rows = outcomes =>
        {
            var results = outcomes
                .Select(o => Result(job.Id, inCommand[(o.Operation, o.Index)], o.Status, o.Id, o.Error))
                .Concat(refused.Select(e => Result(job.Id, e, ItemStatus.Failed, null, e.Refusal)))
                .OrderBy(r => r.Position)
                .ToList();
            recorded = job.Progressed(results, leaseUntil);
            return [new DeleteRow(chunk, MustExist: true), new UpdateRow(recorded, job.Version),
                .. results.Select(r => new InsertRow(r))];
        };

        var command = JobKinds.Named(job.Kind).Command(runnable, job.ParentId, job.Policy);
        if (command is null || (job.Policy == BatchPolicy.Atomic && refused.Count > 0))
        {
            await RecordOnlyAsync(runnable, job.Policy, NotApplied, cancellationToken);
        }
        else
        {
            try
            {
                await sender.Send(command, cancellationToken);
            }
            catch (NotFoundException missing)
            {
                // The resource the whole job names (a variants job's product) is gone: every item fails with it.
                var error = ItemError.Of(ErrorCodes.NotFound, missing.Message);
                await RecordOnlyAsync(runnable, job.Policy, e => Failed(e, error), cancellationToken);
            }
        }

        return recorded ?? throw new InvalidOperationException("The chunk's checkpoint was never written.");
    }

    /// <summary>Runs none of the chunk: every item is recorded as failed with <paramref name="error"/>.</summary>
    public async Task<Job> FailChunkAsync(
        Job job, JobChunk chunk, DateTimeOffset leaseUntil, ItemError error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(chunk);
        var entries = JobPayload.Read(chunk.Payload);
        var results = entries.Select(e => Result(job.Id, e, ItemStatus.Failed, null, e.Refusal ?? error)).ToList();
        var recorded = job.Progressed(results, leaseUntil);
        IReadOnlyList<RowWrite> rows = [new DeleteRow(chunk, MustExist: true), new UpdateRow(recorded, job.Version),
            .. results.Select(r => new InsertRow(r))];
        await writer.ApplyAsync(new WritePlan([], job.Policy, _ => rows), cancellationToken);
        return recorded;
    }

    private async Task RecordOnlyAsync(
        IReadOnlyList<JobEntry> runnable,
        BatchPolicy policy,
        Func<JobEntry, ItemOutcome> outcome,
        CancellationToken cancellationToken)
    {
        var rows = checkpoint.Rows!;
        var outcomes = runnable.Select(outcome).ToList();
        await writer.ApplyAsync(new WritePlan([], policy, _ => rows(outcomes)), cancellationToken);
    }

    private static ItemOutcome NotApplied(JobEntry entry) => new(
        ToBatch(entry.Operation),
        entry.Index,
        null,
        ItemStatus.NotApplied,
        ItemError.Of(ErrorCodes.NotApplied, "Not applied: another item of this atomic job failed."));

    private static ItemOutcome Failed(JobEntry entry, ItemError error) =>
        new(ToBatch(entry.Operation), entry.Index, null, ItemStatus.Failed, error);

    private static JobResult Result(
        long jobId, JobEntry entry, ItemStatus status, long? id, ItemError? error) => new()
        {
            JobId = jobId,
            Position = entry.Position,
            Operation = entry.Operation,
            ItemIndex = entry.Index,
            ItemId = id ?? (entry is { Operation: JobOperation.Delete, Body: { ValueKind: JsonValueKind.Number } sent }
            ? sent.GetInt64()
            : null),
            Status = status,
            Error = error is null ? null : JsonSerializer.Serialize(error, JobPayload.Options),
            Echo = entry.Echo?.GetRawText(),
        };

    private static BatchOperation ToBatch(JobOperation operation) => operation switch
    {
        JobOperation.Create => BatchOperation.Create,
        JobOperation.Update => BatchOperation.Update,
        JobOperation.Delete => BatchOperation.Delete,
        _ => throw new NotSupportedException($"A job's {operation} items do not run yet."),
    };
}
