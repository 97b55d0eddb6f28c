using System.Globalization;
using System.Text;

namespace Catalog.Benchmarks.Load;

/// <summary>One K's load run: what the clients and the hostile senders saw, and the API process's memory.</summary>
internal sealed record LoadResult(
    string Database,
    int Clients,
    TimeSpan Elapsed,
    LoadTally Tally,
    int HostileSent,
    long WarmUpServerErrors,
    long RssAfterWarmUp,
    long PeakRss,
    long RssAtEnd,
    long RssAfterIdle,
    bool LoggedFailure)
{
    /// <summary>Issue 16: RSS after the run (and a quiet spell) within 20% of RSS after the warm-up (and the same).
    /// </summary>
    public bool MemoryPasses => RssAfterIdle <= RssAfterWarmUp * 1.2;

    /// <summary>No 5xx in the warm-up or the run, no batch refused or unreadable, no 4xx without its code.</summary>
    public bool Clean => Tally.ServerErrors == 0 && WarmUpServerErrors == 0 && Tally.Failures.Count == 0;

    public double ItemsPerSecond => Tally.Items / Elapsed.TotalSeconds;

    public double RequestsPerSecond => Tally.Requests / Elapsed.TotalSeconds;

    public double P50 => LoadTally.Percentile(Tally.Latencies, 0.50);

    public double P99 => LoadTally.Percentile(Tally.Latencies, 0.99);

    public string Statuses => string.Join(", ", Tally.Statuses.OrderBy(s => s.Key, StringComparer.Ordinal)
        .Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Key} x{s.Value}")));

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{Database} K={Clients}: {ItemsPerSecond:N0} items/s, {RequestsPerSecond:N1} batches/s, "
        + $"p50 {P50:N0} ms, p99 {P99:N0} ms, {HostileSent} hostile requests; 5xx: {Tally.ServerErrors}; "
        + $"RSS after warm-up {Mib(RssAfterWarmUp):N0} MiB, peak {Mib(PeakRss):N0}, at the end {Mib(RssAtEnd):N0}, "
        + $"after idle {Mib(RssAfterIdle):N0}: {(MemoryPasses ? "PASS" : "FAIL")}; answers: {Statuses}");

    public static string ToMarkdown(IReadOnlyList<LoadResult> results, string machine, BenchOptions options)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(options);
        var text = new StringBuilder()
            .AppendLine(machine)
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture,
                $"Load: {options.LoadDuration.TotalSeconds:N0} s per K after {options.LoadWarmUp.TotalSeconds:N0} s "
                + $"of warm-up, RSS read after {options.LoadIdle.TotalSeconds:N0} s quiet; batches of "
                + $"{LoadClient.ItemsPerBatch} (canonical, WooCommerce, Medusa in turn) and the hostile generator; "
                + $"API process: {options.ApiSettings}.")
            .AppendLine()
            .AppendLine("| Database | K | items/s | batches/s | p50 ms | p99 ms | hostile sent | 5xx "
                + "| RSS MiB after warm-up | peak | at the end | after idle | memory |")
            .AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var r in results)
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Database} | {r.Clients} | {r.ItemsPerSecond:N0} | {r.RequestsPerSecond:N1} | {r.P50:N0} "
                + $"| {r.P99:N0} | {r.HostileSent:N0} | {r.Tally.ServerErrors} | {Mib(r.RssAfterWarmUp):N0} "
                + $"| {Mib(r.PeakRss):N0} | {Mib(r.RssAtEnd):N0} | {Mib(r.RssAfterIdle):N0} "
                + $"| {(r.MemoryPasses ? "PASS" : "FAIL")} |"));
        }

        text.AppendLine();
        foreach (var r in results)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {r.Database} K={r.Clients} answers: {r.Statuses}");
            foreach (var failure in r.Tally.Failures)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  - FAILURE: {failure}");
            }
        }

        return text.ToString();
    }

    private static double Mib(long bytes) => bytes / 1024.0 / 1024;
}
