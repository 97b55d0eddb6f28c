using System.Globalization;

namespace Catalog.Benchmarks.Jobs;

/// <summary>One job, from the first byte sent to the poll that saw it finished.</summary>
/// <param name="Worker">From the job's <c>started_at</c> to its <c>finished_at</c>: the worker's part alone.</param>
/// <param name="PeakRssBefore">The API's peak RSS after its warm-up, before the job was sent.</param>
/// <param name="MaxPolledRss">The largest RSS seen at a poll while the job ran (the peak may be earlier).</param>
internal sealed record JobRun(
    string Database,
    int Items,
    long BodyBytes,
    TimeSpan To202,
    TimeSpan ToFinished,
    TimeSpan Worker,
    long PeakRssBefore,
    long PeakRssAt202,
    long PeakRss,
    long MaxPolledRss,
    IReadOnlyList<double> ChunkMilliseconds,
    string LogFile)
{
    public double ItemsPerSecond => Items / ToFinished.TotalSeconds;

    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Database} job: {Items:N0} items ({BodyBytes / 1048576.0:F0} MiB), 202 after {To202.TotalSeconds:F1} s, "
        + $"finished after {ToFinished.TotalSeconds:F1} s ({ItemsPerSecond:F0} items/s; worker "
        + $"{Worker.TotalSeconds:F1} s), peak RSS {Mib(PeakRssBefore)} before / {Mib(PeakRssAt202)} at 202 / "
        + $"{Mib(PeakRss)} MiB at the end; chunks {ChunkSummary}; log {LogFile}");

    /// <summary>
    /// Median chunk time, and of the first and the last tenth of the chunks: whether chunks slow down.
    /// </summary>
    public string ChunkSummary
    {
        get
        {
            var chunks = ChunkMilliseconds;
            if (chunks.Count == 0)
            {
                return "(no chunk lines)";
            }

            var tenth = Math.Max(1, chunks.Count / 10);
            return string.Create(
                CultureInfo.InvariantCulture,
                $"{chunks.Count} × median {Median(chunks):F0} ms (first tenth {Median(chunks.Take(tenth)):F0}, "
                + $"last tenth {Median(chunks.TakeLast(tenth)):F0}, max {chunks.Max():F0})");
        }
    }

    internal static string Mib(long bytes) => (bytes / 1048576.0).ToString("F0", CultureInfo.InvariantCulture);

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}

/// <summary>The same items sent synchronously, one 1,000-item batch after another; time is the requests' sum.</summary>
internal sealed record SyncRun(
    string Database, int Items, int Requests, TimeSpan Elapsed, long PeakRssBefore, long PeakRss)
{
    public double ItemsPerSecond => Items / Elapsed.TotalSeconds;

    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Database} sync: {Items:N0} items in {Requests} requests, {Elapsed.TotalSeconds:F1} s "
        + $"({ItemsPerSecond:F0} items/s), peak RSS {JobRun.Mib(PeakRssBefore)} before / "
        + $"{JobRun.Mib(PeakRss)} MiB at the end");
}

/// <summary>A job and the synchronous path on one database, and the two goals.</summary>
internal sealed record JobComparison(JobRun Job, SyncRun Sync)
{
    public const long RssGoalBytes = 300L * 1024 * 1024;
    public const double SpeedGoal = 0.8;

    public double Speed => Job.ItemsPerSecond / Sync.ItemsPerSecond;

    public bool MeetsRssGoal => Job.PeakRss < RssGoalBytes;

    public bool MeetsSpeedGoal => Speed >= SpeedGoal;
}
