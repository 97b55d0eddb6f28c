using System.Globalization;
using System.Text;

namespace Catalog.Benchmarks.Jobs;

/// <summary>The job mode's table, for the console and for docs/benchmarks.md.</summary>
internal static class JobReport
{
    public static string ToMarkdown(
        IReadOnlyList<JobComparison> results, string machine, string apiSettings)
    {
        // The machine line names this process's GC; the API processes run with the API's own runtime settings.
        var text = new StringBuilder()
            .AppendLine(machine)
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"API processes: {apiSettings}.")
            .AppendLine()
            .AppendLine("| Database | Items | Time to 202 | Time to finished | Job items/s | Sync items/s "
                + "(1,000 × batches) | Job / sync | API peak RSS, job | at 202 | API peak RSS, sync | Chunk ms |")
            .AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var (job, sync) in results.Select(r => (r.Job, r.Sync)))
        {
            text.AppendLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {job.Database} | {job.Items:N0} | {job.To202.TotalSeconds:F1} s "
                + $"| {job.ToFinished.TotalSeconds:F1} s | {job.ItemsPerSecond:N0} | {sync.ItemsPerSecond:N0} "
                + $"| {job.ItemsPerSecond / sync.ItemsPerSecond:P0} "
                + $"| {JobRun.Mib(job.PeakRss)} MiB | {JobRun.Mib(job.PeakRssAt202)} MiB "
                + $"| {JobRun.Mib(sync.PeakRss)} MiB | {job.ChunkSummary} |"));
        }

        text.AppendLine();
        foreach (var result in results)
        {
            text.AppendLine(string.Create(
                CultureInfo.InvariantCulture,
                $"- {result.Job.Database}: peak RSS under 300 MiB: {(result.MeetsRssGoal ? "met" : "missed")}; "
                + $"job items/s at least 80% of the synchronous path's: {(result.MeetsSpeedGoal ? "met" : "missed")} "
                + $"({result.Speed:P0})"));
        }

        return text.ToString();
    }
}
