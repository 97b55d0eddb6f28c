using System.Globalization;
using System.Text;

namespace Catalog.Benchmarks.Reporting;

/// <summary>
/// The results as rows of text, shared by the console table and the Markdown file so that both say the same.
/// </summary>
internal sealed class ResultTable(IReadOnlyList<Measurement> measurements, BenchOptions options, string machine)
{
    public static readonly string[] Headers =
        ["Operation", "Path", "N", "Runs", "Median ms", "Items/s", "SQL stmts", "Reads + writes", "KB/item"];

    /// <summary>Columns that hold numbers, right-aligned in both renderings.</summary>
    public static readonly int[] NumericColumns = [2, 3, 4, 5, 6, 8];

    public string Machine => machine;

    public IEnumerable<string[]> Rows =>
        measurements
            .OrderBy(m => m.Operation)
            .ThenBy(m => m.Size)
            .ThenBy(m => PathOrder(m.Path))
            .Select(m => new[]
            {
                m.Operation.ToString().ToLowerInvariant(),
                m.Path,
                Format(m.Size),
                Format(m.Samples.Count),
                m.MedianMilliseconds.ToString("N1", CultureInfo.InvariantCulture),
                m.ItemsPerSecond.ToString("N0", CultureInfo.InvariantCulture),
                Format(m.Statements),
                $"{Format(m.Reads)} + {Format(m.Writes)}",
                m.AllocatedKilobytesPerItem.ToString("N1", CultureInfo.InvariantCulture),
            });

    /// <summary>
    /// Batch against naive (the claim under test) and against the ADO.NET floor, per operation and size.
    /// </summary>
    public IEnumerable<string> Comparisons
    {
        get
        {
            var groups = measurements
                .GroupBy(m => (m.Operation, m.Size))
                .OrderBy(g => g.Key.Operation)
                .ThenBy(g => g.Key.Size);
            foreach (var group in groups)
            {
                var batch = group.FirstOrDefault(m => m.Path == "batch");
                var naive = group.FirstOrDefault(m => m.Path == "naive");
                var floor = group.FirstOrDefault(m => m.Path == "ado.net");
                if (batch is null)
                {
                    continue;
                }

                var operation = group.Key.Operation.ToString().ToLowerInvariant();
                var line = new StringBuilder($"{operation} N={Format(group.Key.Size)}:");
                if (naive is not null)
                {
                    var speedUp = naive.MedianMilliseconds / batch.MedianMilliseconds;
                    line.Append(CultureInfo.InvariantCulture, $" batch is {speedUp:F1}x faster than naive");
                }

                if (floor is not null)
                {
                    var overFloor = batch.MedianMilliseconds / floor.MedianMilliseconds;
                    line.Append(CultureInfo.InvariantCulture, $"; batch takes {overFloor:F1}x the ado.net floor");
                }

                yield return line.ToString();
            }
        }
    }

    public IEnumerable<string> Notes =>
    [
        $"Median of {options.Runs} runs (naive: {options.NaiveRuns}, as it commits once per item), "
            + $"after {options.WarmUpPasses} untimed warm-up passes over every operation and path. "
            + "Each operation/path/N has its own API on a fresh SQLite file (WAL, foreign keys on); "
            + "runs alternate between paths, and before each run the tables are emptied and the data set up, untimed.",
        "batch: one POST /api/v1/products/batch over loopback HTTP, timed from send to the last byte of the answer "
            + "(JSON in and out, auth, validation included).",
        "naive: in-process, no HTTP; a new DbContext and one SaveChanges per item, ids hand-assigned. "
            + "ado.net: in-process, 3 prepared commands, one transaction, creates only.",
        "SQL stmts: commands seen by the API's SqlStatementCounter during the timed call "
            + "(batch: includes the API-key lookup; naive: all N items); ado.net counts its own. "
            + "The counter files commands run through a data reader as reads, "
            + "and EF runs SaveChanges' INSERT/UPDATE/DELETE that way, so naive's writes show as reads.",
        "KB/item: bytes the benchmark's process (the API and its client) allocated during the timed call, median, "
            + "per item. Unlike the time, it hardly varies between runs: it shows a change of work on a noisy machine.",
    ];

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine("# Catalog batch benchmark").AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Machine: {machine}").AppendLine();
        text.AppendLine("| " + string.Join(" | ", Headers) + " |");
        var alignments = Headers.Select((_, i) => NumericColumns.Contains(i) ? "---:" : "---");
        text.AppendLine("|" + string.Join("|", alignments) + "|");
        foreach (var row in Rows)
        {
            text.AppendLine("| " + string.Join(" | ", row) + " |");
        }

        text.AppendLine();
        foreach (var line in Comparisons)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {line}");
        }

        text.AppendLine();
        foreach (var note in Notes)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {note}");
        }

        return text.ToString();
    }

    private static int PathOrder(string path) => path switch
    {
        "batch" => 0,
        "naive" => 1,
        _ => 2,
    };

    private static string Format(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
