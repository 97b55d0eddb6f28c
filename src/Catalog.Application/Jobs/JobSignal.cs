namespace Catalog.Application.Jobs;

/// <summary>Wakes this instance's worker when a job is queued here, instead of waiting for its next poll.</summary>
public sealed class JobSignal : IDisposable
{
    private readonly SemaphoreSlim _queued = new(0, 1);

    public void Notify()
    {
        try
        {
            _queued.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: the worker looks once for everything queued meanwhile.
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _queued.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _queued.Dispose();
}
