using System.Globalization;
using System.Text;

namespace Catalog.Benchmarks.Processes;

/// <summary>The API-process mode's table, for the console and for docs/benchmarks.md.</summary>
internal static class ProcessReport
{
    public static string ToMarkdown(IReadOnlyList<ProcessMeasurement> results, string machine, BenchOptions options)
    {
        var text = new StringBuilder()
            .AppendLine(machine)
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"API processes: {options.ApiSettings}; "
                + $"{options.WarmUpPasses} warm-up rounds, then {options.Runs} timed rounds (create, update, "
                + $"delete) each.")
            .AppendLine()
            .AppendLine("| Database | Operation | Path | N | Median ms | Items/s | ms/item | API peak RSS MiB "
                + "| after start | after warm-up | at the end |")
            .AppendLine("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var m in results)
        {
            text.AppendLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {m.Database} | {m.Operation.ToString().ToLowerInvariant()} | {m.Path} | {m.Size:N0} "
                + $"| {m.MedianMilliseconds:N1} | {m.ItemsPerSecond:N0} | {m.MillisecondsPerItem:F3} "
                + $"| {ProcessMeasurement.Mib(m.PeakRss):N0} | {ProcessMeasurement.Mib(m.PeakAfterStart):N0} "
                + $"| {ProcessMeasurement.Mib(m.PeakAfterWarmUp):N0} | {ProcessMeasurement.Mib(m.RssAtEnd):N0} |"));
        }

        text.AppendLine();
        foreach (var group in results.GroupBy(m => (m.Database, m.Operation, m.Size)))
        {
            var medusa = group.FirstOrDefault(m => m.Path == "medusa");
            var canonical = group.FirstOrDefault(m => m.Path == "canonical-medusa");
            if (medusa is not null && canonical is not null)
            {
                text.AppendLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"- {group.Key.Database} {group.Key.Operation.ToString().ToLowerInvariant()} "
                    + $"N={group.Key.Size:N0}: medusa takes "
                    + $"{medusa.MedianMilliseconds / canonical.MedianMilliseconds:F2}x canonical-medusa"));
            }
        }

        return text.ToString();
    }
}
