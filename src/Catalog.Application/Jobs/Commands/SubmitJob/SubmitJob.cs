using Catalog.Application.Common.Exceptions;
using Catalog.Application.Products.Commands.BatchProducts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Catalog.Application.Jobs.Commands.SubmitJob;

/// <summary>One item of a job as it arrives: a canonical item (a delete's is its id), or why it cannot run.</summary>
/// <param name="Echo">The item as its dialect sent it, kept when the dialect's results repeat it.</param>
/// <param name="Sent">
/// The canonical item as the client sent it, when it came in the canonical shape and reads back as
/// <paramref name="Item"/>: it is stored as sent, a copy, rather than written again from the typed item.
/// </param>
public sealed record JobItem(
    JobOperation Operation,
    object? Item,
    ItemError? Refusal = null,
    JsonElement? Echo = null,
    JsonElement? Sent = null);

/// <summary>
/// Accepts a job: its items are read as they arrive and stored chunk by chunk, never held whole; the job is queued
/// only once every item is stored. A body that breaks off (malformed JSON half-way, a dropped connection) or breaks a
/// limit leaves nothing behind.
/// </summary>
public sealed record SubmitJob(
    long OwnerKeyId,
    JobKind Kind,
    long? ParentId,
    string Source,
    BatchPolicy Policy,
    IAsyncEnumerable<JobItem> Items) : IRequest<Job>
{
    /// <summary>For a <c>products</c> job: what an item whose handle is taken gets.</summary>
    public TakenHandles TakenHandles { get; init; }
}

internal sealed partial class SubmitJobHandler(
    IJobStore store,
    JobSignal signal,
    RequestWrites writes,
    IOptions<JobOptions> options,
    IOptions<BatchOptions> batches,
    TimeProvider clock,
    ILogger<SubmitJobHandler> logger)
    : IRequestHandler<SubmitJob, Job>
{
    // Chunks run in number order: creates, then updates and upserts, then deletes, as in a synchronous batch.
    private const int ChunksPerRank = 1_000_000;

    public async ValueTask<Job> Handle(SubmitJob request, CancellationToken cancellationToken)
    {
        var job = await store.AddAsync(
            new Job
            {
                OwnerKeyId = request.OwnerKeyId,
                Kind = request.Kind.Name,
                ParentId = request.ParentId,
                Source = request.Source,
                Policy = request.Policy,
                TakenHandles = request.TakenHandles,
                Status = JobStatus.Receiving,
                CreatedAt = clock.GetUtcNow(),
            },
            cancellationToken);
        try
        {
            var total = await StoreItemsAsync(job.Id, request, cancellationToken);
            var queued = job.Copy();
            queued.Status = JobStatus.Queued;
            queued.Total = total;
            queued.Version++;
            if (!await store.SaveAsync(queued, job.Version, cancellationToken))
            {
                throw new InvalidOperationException($"Job {job.Id} changed while it was being received.");
            }

            Submitted(logger, job.Id, job.Kind, total);
            writes.AfterCommit(signal.Notify);
            return queued;
        }
        catch
        {
            await store.DiscardAsync(job.Id, CancellationToken.None);
            throw;
        }
    }

    private async Task<int> StoreItemsAsync(long jobId, SubmitJob request, CancellationToken cancellationToken)
    {
        // A chunk runs as one canonical batch, so it is never larger than one.
        var (max, chunkSize) = (options.Value.MaxItems, Math.Min(options.Value.ChunkSize, batches.Value.MaxItems));
        var atomic = request.Policy == BatchPolicy.Atomic;
        var pending = new Dictionary<int, List<PendingEntry>>();
        var chunksOfRank = new Dictionary<int, int>();
        var indexes = new Dictionary<JobOperation, int>();
        var position = 0;

        // One chunk is stored while the next is read: the insert's round trip overlaps the parsing.
        var storing = Task.CompletedTask;
        try
        {
            await foreach (var item in request.Items.WithCancellation(cancellationToken))
            {
                if (position == max)
                {
                    throw new RequestValidationException(
                        ErrorCodes.BatchTooLarge, $"The job has more than {max} items; at most {max} are allowed.");
                }

                if (atomic && position == chunkSize)
                {
                    throw new RequestValidationException(
                        ErrorCodes.BatchTooLarge,
                        $"An atomic job runs in one transaction, so it may hold at most {chunkSize} items; send a "
                        + "larger one with the partial policy.");
                }

                var index = indexes.GetValueOrDefault(item.Operation);
                indexes[item.Operation] = index + 1;
                var rank = atomic ? 0 : RankOf(item.Operation);
                var entries = pending.TryGetValue(rank, out var list) ? list : pending[rank] = [];
                entries.Add(new PendingEntry(
                    position++, item.Operation, index, item.Sent ?? item.Item, item.Refusal, item.Echo));
                if (entries.Count == chunkSize)
                {
                    await FlushAsync(rank);
                }
            }

            foreach (var rank in pending.Keys.ToList())
            {
                await FlushAsync(rank);
            }

            await storing;
        }
        catch
        {
            // The caller discards the job with the same store, so only once this insert is over; the failure that
            // stopped the read is the one reported.
            await Task.WhenAny(storing);
            _ = storing.Exception;
            throw;
        }

        return position > 0
            ? position
            : throw new RequestValidationException(ErrorCodes.EmptyBatch, "The job has no items.");

        async Task FlushAsync(int rank)
        {
            if (pending[rank] is not { Count: > 0 } entries)
            {
                return;
            }

            var number = (rank * ChunksPerRank) + chunksOfRank.GetValueOrDefault(rank);
            chunksOfRank[rank] = chunksOfRank.GetValueOrDefault(rank) + 1;
            var chunk = new JobChunk
            {
                JobId = jobId,
                Number = number,
                ItemCount = entries.Count,
                Payload = JsonSerializer.Serialize(entries, JobPayload.Options),
            };
            entries.Clear();
            await storing;
            storing = store.AddChunkAsync(chunk, cancellationToken);
        }
    }

    /// <summary>
    /// A <see cref="JobEntry"/> whose body is the item as sent (canonical items) or still the typed item (what a
    /// dialect translated): the chunk's JSON is the same (the same names in the same order, the body copied or written
    /// from its runtime type), but each item is written once, straight into the chunk, rather than first into a JSON
    /// document of its own.
    /// </summary>
    private sealed record PendingEntry(
        int Position, JobOperation Operation, int Index, object? Body, ItemError? Refusal, JsonElement? Echo);

    private static int RankOf(JobOperation operation) => operation switch
    {
        JobOperation.Create => 0,
        JobOperation.Update or JobOperation.Upsert => 1,
        _ => 2,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} ({Kind}) queued with {Total} items")]
    private static partial void Submitted(ILogger logger, long jobId, string kind, int total);
}
