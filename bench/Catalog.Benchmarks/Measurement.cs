namespace Catalog.Benchmarks;

/// <summary>
/// One timed run: wall time, and the SQL statements it sent (reads and writes as the API's counter sees them).
/// </summary>
internal sealed record Sample(TimeSpan Elapsed, long Reads, long Writes)
{
    public long Statements => Reads + Writes;
}

/// <summary>
/// All runs of one operation on one path at one size; the median is reported because a run can hit a GC or a
/// checkpoint.
/// </summary>
internal sealed record Measurement(Operation Operation, string Path, int Size, IReadOnlyList<Sample> Samples)
{
    public double MedianMilliseconds => Median(Samples.Select(s => s.Elapsed.TotalMilliseconds));

    public double ItemsPerSecond => Size / (MedianMilliseconds / 1000.0);

    /// <summary>
    /// Statement counts do not vary between runs of the same work; the median guards against one that differs.
    /// </summary>
    public long Reads => (long)Median(Samples.Select(s => (double)s.Reads));

    public long Writes => (long)Median(Samples.Select(s => (double)s.Writes));

    public long Statements => Reads + Writes;

    private static double Median(IEnumerable<double> values)
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

/// <summary>
/// What a timed call works on: new products to create, or products already stored to update or delete.
/// </summary>
internal sealed record Workload(IReadOnlyList<Data.ProductSpec> New, IReadOnlyList<Data.SeededProduct> Existing)
{
    public int Size => New.Count + Existing.Count;
}
