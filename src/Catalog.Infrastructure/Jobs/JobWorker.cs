using System.Diagnostics;
using Catalog.Application.Common;
using Catalog.Application.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Catalog.Infrastructure.Jobs;

/// <summary>
/// Runs queued jobs, one at a time per instance, chunk by chunk. A job is leased before it runs and the lease is
/// renewed while it runs; each chunk commits with the job's progress (see <see cref="JobRunner"/>), so a killed
/// instance leaves the job at its last committed chunk, and whichever instance claims it after the lease expires goes
/// on from there. Between jobs, it purges those past retention.
/// </summary>
internal sealed partial class JobWorker(
    IServiceScopeFactory scopes,
    JobSignal signal,
    JobMetrics metrics,
    JobWorkerHeartbeat heartbeat,
    IOptions<JobOptions> options,
    TimeProvider clock,
    ILogger<JobWorker> logger) : BackgroundService
{
    private const int AttemptsPerChunk = 3;
    private const int PurgeBatch = 5_000;
    private static readonly TimeSpan AbandonedUpload = TimeSpan.FromHours(1);
    private static readonly ItemError GaveUp = ItemError.Of(
        ErrorCodes.InternalError,
        "The item could not be applied (its chunk failed three times); the error was logged.");
    private readonly string _instance = $"{Environment.MachineName}/{Environment.ProcessId}";
    private DateTimeOffset _nextPurge = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            heartbeat.Beat();
            try
            {
                var owner = $"{_instance}/{Guid.NewGuid():N}";
                var job = await InScopeAsync(
                    (store, _) => store.ClaimAsync(owner, clock.GetUtcNow(), LeaseEnd(), stoppingToken));
                if (job is not null)
                {
                    await RunAsync(job, owner, stoppingToken);
                    continue;
                }

                await PurgeAsync(stoppingToken);
                await signal.WaitAsync(settings.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The worker outlives any one failure: the database may be back on the next round.
            catch (Exception failure)
#pragma warning restore CA1031
            {
                WorkerFailed(logger, failure);
                await Task.Delay(settings.PollInterval, clock, stoppingToken);
            }
        }
    }

    private async Task RunAsync(Job claimed, string owner, CancellationToken stoppingToken)
    {
        using var lost = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        using var running = metrics.Running();
        var renewal = RenewAsync(claimed.Id, owner, lost);

        // The chunk after the one running, read on a connection of its own while that one runs, so that the read's
        // round trip is not a gap between chunks. It is dropped whenever the running chunk did not commit.
        Task<JobChunk?>? ahead = null;
        try
        {
            var job = claimed;
            var failures = 0;
            while (job is not null && job.LeaseOwner == owner)
            {
                lost.Token.ThrowIfCancellationRequested();
                var reading = ahead;
                ahead = null;
                if (job.CancelRequested)
                {
                    await DropAsync(reading);
                    await FinishAsync(job, lost.Token);
                    return;
                }

                var chunk = await (reading ?? NextChunkAsync(job.Id, -1, lost.Token));
                if (chunk is null)
                {
                    await FinishAsync(job, lost.Token);
                    return;
                }

                try
                {
                    ahead = NextChunkAsync(job.Id, chunk.Number, lost.Token);
                    job = await RunChunkAsync(job, chunk, failures >= AttemptsPerChunk, lost.Token);
                    failures = 0;
                }
                catch (CheckpointRefusedException)
                {
                    // The job moved on without this worker (cancelled, or taken over after the lease lapsed): read it
                    // again; nothing of the chunk was committed.
                    await DropAsync(ahead);
                    ahead = null;
                    job = await InScopeAsync((store, _) => store.FindAsync(claimed.Id, null, lost.Token));
                }
                catch (Exception failure) when (failure is not OperationCanceledException)
                {
                    await DropAsync(ahead);
                    ahead = null;
                    failures++;
                    ChunkFailed(logger, failure, job.Id, chunk.Number, failures);
                    await Task.Delay(options.Value.PollInterval, clock, lost.Token);
                    job = await InScopeAsync((store, _) => store.FindAsync(claimed.Id, null, lost.Token));
                }
            }
        }
        catch (OperationCanceledException) when (lost.IsCancellationRequested && !stoppingToken.IsCancellationRequested)
        {
            LeaseLost(logger, claimed.Id);
        }
        finally
        {
            await lost.CancelAsync();
            await DropAsync(ahead);
            await renewal;
        }
    }

    private Task<JobChunk?> NextChunkAsync(long jobId, int after, CancellationToken cancellationToken) =>
        InScopeAsync((store, _) => store.NextChunkAsync(jobId, after, cancellationToken));

    /// <summary>Waits for a read ahead that is no longer wanted, whatever its outcome.</summary>
    private static async Task DropAsync(Task<JobChunk?>? ahead)
    {
        if (ahead is not null)
        {
            await Task.WhenAny(ahead);
            _ = ahead.Exception;
        }
    }

    private async Task<Job> RunChunkAsync(Job job, JobChunk chunk, bool giveUp, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var next = await InScopeAsync((_, services) =>
        {
            var runner = services.GetRequiredService<JobRunner>();
            return giveUp
                ? runner.FailChunkAsync(job, chunk, LeaseEnd(), GaveUp, cancellationToken)
                : runner.RunChunkAsync(job, chunk, LeaseEnd(), cancellationToken);
        });
        var elapsed = Stopwatch.GetElapsedTime(started);
        heartbeat.Beat();
        metrics.ChunkDone(chunk.ItemCount, elapsed);
        ChunkDone(
            logger,
            job.Id,
            chunk.Number,
            chunk.ItemCount,
            next.Succeeded - job.Succeeded,
            next.Failed - job.Failed,
            next.NotApplied - job.NotApplied,
            next.Left,
            elapsed.TotalMilliseconds);
        return next;
    }

    private async Task FinishAsync(Job job, CancellationToken cancellationToken)
    {
        await InScopeAsync(async (store, _) =>
        {
            if (job.CancelRequested)
            {
                await store.DropChunksAsync(job.Id, cancellationToken);
            }

            var finished = job.Finished(clock.GetUtcNow());
            if (await store.SaveAsync(finished, job.Version, cancellationToken))
            {
                Finished(logger, job.Id, finished.Status, finished.Succeeded, finished.Failed, finished.NotApplied);
            }

            return finished;
        });
    }

    /// <summary>Keeps the lease while the job runs; cancels the run if the lease was lost.</summary>
    private async Task RenewAsync(long jobId, string owner, CancellationTokenSource lost)
    {
        var every = options.Value.LeaseDuration / 3;
        try
        {
            while (!lost.IsCancellationRequested)
            {
                await Task.Delay(every, clock, lost.Token);
                var held = await InScopeAsync((store, _) => store.RenewAsync(jobId, owner, LeaseEnd(), lost.Token));
                if (!held)
                {
                    await lost.CancelAsync();
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The run ended, or the instance stops.
        }
#pragma warning disable CA1031 // A failed renewal is retried; the checkpoint guards against a lapsed lease anyway.
        catch (Exception failure)
#pragma warning restore CA1031
        {
            RenewalFailed(logger, failure, jobId);
        }
    }

    private async Task PurgeAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (now < _nextPurge)
        {
            return;
        }

        _nextPurge = now + options.Value.PurgeInterval;
        var cutoff = now - options.Value.Retention;
        int deleted;
        do
        {
            deleted = await InScopeAsync(
                (store, _) => store.PurgeAsync(cutoff, now - AbandonedUpload, PurgeBatch, cancellationToken));
        }
        while (deleted > 0 && !cancellationToken.IsCancellationRequested);

        var (queued, running) = await InScopeAsync((store, _) => store.CountAsync(cancellationToken));
        metrics.Observe(queued, running);
    }

    private async Task<T> InScopeAsync<T>(Func<IJobStore, IServiceProvider, Task<T>> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<IJobStore>(), scope.ServiceProvider);
    }

    private DateTimeOffset LeaseEnd() => clock.GetUtcNow() + options.Value.LeaseDuration;

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} chunk {Chunk}: {Items} items, {Succeeded} "
        + "succeeded, {Failed} failed, {NotApplied} not applied, {Left} left, in {ElapsedMs:F0} ms")]
    private static partial void ChunkDone(
        ILogger logger,
        long jobId,
        int chunk,
        int items,
        int succeeded,
        int failed,
        int notApplied,
        int left,
        double elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} {Status}: {Succeeded} succeeded, {Failed} "
        + "failed, {NotApplied} not applied")]
    private static partial void Finished(
        ILogger logger, long jobId, JobStatus status, int succeeded, int failed, int notApplied);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {JobId} chunk {Chunk} failed (attempt {Attempt})")]
    private static partial void ChunkFailed(ILogger logger, Exception exception, long jobId, int chunk, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId}: lease lost; another instance goes on with it")]
    private static partial void LeaseLost(ILogger logger, long jobId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {JobId}: the lease could not be renewed")]
    private static partial void RenewalFailed(ILogger logger, Exception exception, long jobId);

    [LoggerMessage(Level = LogLevel.Error, Message = "The job worker failed; it tries again")]
    private static partial void WorkerFailed(ILogger logger, Exception exception);
}
