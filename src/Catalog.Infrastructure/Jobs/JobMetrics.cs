using System.Diagnostics.Metrics;

namespace Catalog.Infrastructure.Jobs;

/// <summary>
/// The jobs' meter, <c>Catalog.Jobs</c>: items applied (a counter: its rate is items per second), chunk durations,
/// jobs running on this instance, and the queue as the worker last counted it.
/// </summary>
internal sealed class JobMetrics : IDisposable
{
    public const string MeterName = "Catalog.Jobs";

    private readonly Meter _meter;
    private readonly Counter<long> _items;
    private readonly Histogram<double> _chunks;
    private readonly UpDownCounter<int> _running;
    private int _queued;
    private int _runningAnywhere;

    public JobMetrics(IMeterFactory meters)
    {
        _meter = meters.Create(MeterName);
        _items = _meter.CreateCounter<long>("catalog.jobs.items.processed", "{item}", "Job items applied.");
        _chunks = _meter.CreateHistogram<double>("catalog.jobs.chunk.duration", "s", "Time to apply one chunk.");
        _running = _meter.CreateUpDownCounter<int>("catalog.jobs.running.local", "{job}", "Jobs this instance runs.");
        _meter.CreateObservableGauge("catalog.jobs.queued", () => _queued, "{job}", "Jobs waiting to run.");
        _meter.CreateObservableGauge("catalog.jobs.running", () => _runningAnywhere, "{job}", "Jobs running.");
    }

    public void ChunkDone(int items, TimeSpan elapsed)
    {
        _items.Add(items);
        _chunks.Record(elapsed.TotalSeconds);
    }

    public IDisposable Running()
    {
        _running.Add(1);
        return new Stop(() => _running.Add(-1));
    }

    public void Observe(int queued, int running) => (_queued, _runningAnywhere) = (queued, running);

    public void Dispose() => _meter.Dispose();

    private sealed class Stop(Action stop) : IDisposable
    {
        public void Dispose() => stop();
    }
}
