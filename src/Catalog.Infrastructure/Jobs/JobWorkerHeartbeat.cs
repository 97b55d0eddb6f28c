namespace Catalog.Infrastructure.Jobs;

/// <summary>
/// When the job worker last went round its loop (looked for work, or finished a chunk): a worker that stops going
/// round is stuck or gone, and <c>/health/ready</c> says so. Never beaten on an instance that runs no worker.
/// </summary>
public sealed class JobWorkerHeartbeat(TimeProvider clock)
{
    private long _lastTicks;

    /// <summary>When the worker last went round; null if it never ran on this instance.</summary>
    public DateTimeOffset? Last =>
        Interlocked.Read(ref _lastTicks) is var ticks and > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    /// <summary>How long the worker has been silent; null if it never ran.</summary>
    public TimeSpan? Silence => Last is { } last ? clock.GetUtcNow() - last : null;

    public void Beat() => Interlocked.Exchange(ref _lastTicks, clock.GetUtcNow().UtcTicks);
}
