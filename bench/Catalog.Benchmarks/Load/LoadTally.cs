using System.Collections.Concurrent;

namespace Catalog.Benchmarks.Load;

/// <summary>What the clients of one load run saw, added to from every client at once.</summary>
internal sealed class LoadTally
{
    private readonly ConcurrentQueue<double> _latencies = new();
    private readonly ConcurrentDictionary<string, int> _statuses = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _failures = new();
    private long _items;
    private long _requests;
    private long _reads;
    private long _serverErrors;

    public long Items => Interlocked.Read(ref _items);

    public long Requests => Interlocked.Read(ref _requests);

    public long Reads => Interlocked.Read(ref _reads);

    /// <summary>Answers by who sent them and their status: <c>batch 200</c>, <c>hostile 400</c>, <c>read 200</c>.
    /// </summary>
    public IReadOnlyDictionary<string, int> Statuses => _statuses;

    public IReadOnlyCollection<double> Latencies => _latencies;

    /// <summary>What went wrong that must not: 5xx answers, unreadable ones, items a batch refused; the first few.
    /// </summary>
    public IReadOnlyCollection<string> Failures => _failures;

    public long ServerErrors => Interlocked.Read(ref _serverErrors);

    public void Batch(int status, int items, TimeSpan latency)
    {
        Count("batch", status);
        Interlocked.Increment(ref _requests);
        Interlocked.Add(ref _items, items);
        _latencies.Enqueue(latency.TotalMilliseconds);
    }

    public void Read(int status)
    {
        Count("read", status);
        Interlocked.Increment(ref _reads);
    }

    public void Count(string who, int status)
    {
        _statuses.AddOrUpdate($"{who} {status}", 1, (_, n) => n + 1);
        if (status >= 500)
        {
            Interlocked.Increment(ref _serverErrors);
        }
    }

    public void Fail(string failure)
    {
        if (_failures.Count < 20)
        {
            _failures.Enqueue(failure);
        }
    }

    public static double Percentile(IReadOnlyCollection<double> values, double fraction)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(fraction * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }
}
