using System.Diagnostics;
using System.Globalization;

namespace Catalog.Benchmarks;

/// <summary>
/// One timed run: wall time, the SQL statements it sent (reads and writes as the API's counter sees them), the
/// bytes the process allocated meanwhile, and the process's peak resident memory during it (<see cref="PeakMemory"/>).
/// </summary>
internal sealed record Sample(Metered Span, long Reads, long Writes)
{
    public long? PeakRssBytes { get; init; }

    /// <summary>Round trips to the database (reads, write batches); null where the API does not count them.</summary>
    public long? RoundTrips { get; init; }

    /// <summary>Rows the writes wrote; null where the API does not count them.</summary>
    public long? RowsWritten { get; init; }

    public TimeSpan Elapsed => Span.Elapsed;

    public long Statements => Reads + Writes;
}

/// <summary>
/// Wall time and the bytes the whole process allocated in it: the API's and, the same code on every commit, the
/// client's. Unlike the time, the bytes hardly move between runs, so they show a change of work on a noisy machine.
/// </summary>
internal readonly record struct Metered(TimeSpan Elapsed, long AllocatedBytes)
{
    /// <summary>The answer's <c>Server-Timing</c> header: where the API spent the time; null where not sent.</summary>
    public string? ServerTiming { get; init; }

    /// <summary>The phases of <see cref="ServerTiming"/>, in milliseconds, in the order the API sent them.</summary>
    public IReadOnlyList<(string Name, double Milliseconds)> Phases =>
        ServerTiming is null
            ? []
            : [.. ServerTiming.Split(',', StringSplitOptions.TrimEntries).Select(entry => entry.Split(";dur="))
                .Where(parts => parts.Length == 2)
                .Select(parts => (parts[0], double.Parse(parts[1], CultureInfo.InvariantCulture)))];
}

/// <summary>Starts measuring at construction; <see cref="Stop"/> answers what the span took.</summary>
internal sealed class Meter
{
    private readonly long _allocated = GC.GetTotalAllocatedBytes(precise: true);
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public Metered Stop()
    {
        var elapsed = _clock.Elapsed;
        return new(elapsed, GC.GetTotalAllocatedBytes(precise: true) - _allocated);
    }

    /// <summary>The same, with the answer's <c>Server-Timing</c> header.</summary>
    public Metered Stop(HttpResponseMessage response) => Stop() with
    {
        ServerTiming = response.Headers.TryGetValues("Server-Timing", out var timing) ? timing.First() : null,
    };
}

/// <summary>
/// All runs of one operation on one path at one size on one database; the median is reported because a run can hit a
/// GC or a checkpoint.
/// </summary>
internal sealed record Measurement(
    string Database, Operation Operation, string Path, int Size, IReadOnlyList<Sample> Samples)
{
    public double MedianMilliseconds => Median(Samples.Select(s => s.Elapsed.TotalMilliseconds));

    public double ItemsPerSecond => Size / (MedianMilliseconds / 1000.0);

    /// <summary>
    /// Statement counts do not vary between runs of the same work; the median guards against one that differs.
    /// </summary>
    public long Reads => (long)Median(Samples.Select(s => (double)s.Reads));

    public long Writes => (long)Median(Samples.Select(s => (double)s.Writes));

    public long? RoundTrips => MedianOf(s => s.RoundTrips);

    public long? RowsWritten => MedianOf(s => s.RowsWritten);

    /// <summary>Each phase the API reported (Server-Timing), median ms over the runs, in the API's order.</summary>
    public IReadOnlyList<(string Name, double Milliseconds)> Phases =>
        [.. Samples.SelectMany(s => s.Span.Phases).Select(p => p.Name).Distinct()
            .Select(name => (name, Median(Samples.Select(s =>
                s.Span.Phases.Where(p => p.Name == name).Sum(p => p.Milliseconds)))))];

    public double AllocatedKilobytesPerItem => Median(Samples.Select(s => (double)s.Span.AllocatedBytes)) / 1024 / Size;

    public long Statements => Reads + Writes;

    /// <summary>The highest of the runs' peaks, in MiB; null where the peak could not be read.</summary>
    public double? PeakRssMebibytes =>
        Samples.Any(s => s.PeakRssBytes is null) ? null : Samples.Max(s => s.PeakRssBytes!.Value) / 1024.0 / 1024;

    private long? MedianOf(Func<Sample, long?> value) =>
        Samples.Any(s => value(s) is null) ? null : (long)Median(Samples.Select(s => (double)value(s)!.Value));

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
