using System.Globalization;
using System.Text;

namespace Catalog.Benchmarks.Reporting;

/// <summary>
/// The results as rows of text, shared by the console table and the Markdown file so that both say the same.
/// </summary>
internal sealed class ResultTable(IReadOnlyList<Measurement> measurements, BenchOptions options, string machine)
{
    public static readonly string[] Headers =
    [
        "Database", "Operation", "Path", "N", "Runs", "Median ms", "Items/s", "SQL stmts", "Reads + writes",
        "Round trips", "Rows written", "Peak RSS MiB", "KB/item",
    ];

    /// <summary>Columns that hold numbers, right-aligned in both renderings.</summary>
    public static readonly int[] NumericColumns = [3, 4, 5, 6, 7, 9, 10, 11, 12];

    public string Machine => machine;

    public IEnumerable<string[]> Rows =>
        measurements
            .OrderBy(m => options.Databases.ToList().IndexOf(m.Database))
            .ThenBy(m => m.Operation)
            .ThenBy(m => m.Size)
            .ThenBy(m => PathOrder(m.Path))
            .Select(m => new[]
            {
                m.Database,
                m.Operation.ToString().ToLowerInvariant(),
                m.Path,
                Format(m.Size),
                Format(m.Samples.Count),
                m.MedianMilliseconds.ToString("N1", CultureInfo.InvariantCulture),
                m.ItemsPerSecond.ToString("N0", CultureInfo.InvariantCulture),
                Format(m.Statements),
                $"{Format(m.Reads)} + {Format(m.Writes)}",
                m.RoundTrips is { } trips ? Format(trips) : "n/a",
                m.RowsWritten is { } rows ? Format(rows) : "n/a",
                m.PeakRssMebibytes?.ToString("N0", CultureInfo.InvariantCulture) ?? "n/a",
                m.AllocatedKilobytesPerItem.ToString("N1", CultureInfo.InvariantCulture),
            });

    private IReadOnlyList<Measurement> Timed => [.. Ordered.Where(m => m.Phases.Count > 0)];

    private IEnumerable<Measurement> Ordered =>
        measurements
            .OrderBy(m => options.Databases.ToList().IndexOf(m.Database))
            .ThenBy(m => m.Operation)
            .ThenBy(m => m.Size)
            .ThenBy(m => PathOrder(m.Path));

    /// <summary>The phases the API reported (Server-Timing), in its order; empty where it reported none.</summary>
    public IReadOnlyList<string> PhaseNames => [.. Timed.SelectMany(m => m.Phases.Select(p => p.Name)).Distinct()];

    public string[] PhaseHeaders => ["Database", "Operation", "Path", "N", "Median ms", .. PhaseNames, "outside"];

    /// <summary>
    /// Where the time went, per row with phases: each phase's median ms, and what the API did not time (the client,
    /// the wire, Kestrel): the median less the phases' sum.
    /// </summary>
    public IEnumerable<string[]> PhaseRows =>
        Timed.Select(m =>
        {
            var phases = PhaseNames.Select(name => m.Phases.FirstOrDefault(p => p.Name == name).Milliseconds).ToList();
            string[] row =
            [
                m.Database,
                m.Operation.ToString().ToLowerInvariant(),
                m.Path,
                Format(m.Size),
                Ms(m.MedianMilliseconds),
                .. phases.Select(Ms),
                Ms(m.MedianMilliseconds - phases.Sum()),
            ];
            return row;
        });

    private static string Ms(double value) => value.ToString("N1", CultureInfo.InvariantCulture);

    /// <summary>
    /// Per database, operation and size: batch against naive (the claim under test) and against the ADO.NET floor;
    /// the Medusa dialect against the canonical route with the same products, and both against the COPY floor.
    /// </summary>
    public IEnumerable<string> Comparisons
    {
        get
        {
            var groups = measurements
                .GroupBy(m => (m.Database, m.Operation, m.Size))
                .OrderBy(g => options.Databases.ToList().IndexOf(g.Key.Database))
                .ThenBy(g => g.Key.Operation)
                .ThenBy(g => g.Key.Size);
            foreach (var group in groups)
            {
                var ratios = new[]
                {
                    Ratio(group, "naive", "batch", "batch is {0:F1}x faster than naive"),
                    Ratio(group, "batch", "ado.net", "batch takes {0:F1}x the ado.net floor"),
                    Ratio(group, "medusa", "canonical-medusa", "medusa takes {0:F2}x canonical-medusa"),
                    Ratio(group, "medusa", "copy", "medusa takes {0:F1}x the copy floor"),
                    Ratio(group, "canonical-medusa", "copy", "canonical-medusa takes {0:F1}x the copy floor"),
                }.OfType<string>().ToList();
                if (ratios.Count > 0)
                {
                    var operation = group.Key.Operation.ToString().ToLowerInvariant();
                    yield return $"{group.Key.Database} {operation} N={Format(group.Key.Size)}: "
                        + string.Join("; ", ratios);
                }
            }
        }
    }

    /// <summary>The median time of one path over another's, in words; null when either did not run.</summary>
    private static string? Ratio(IEnumerable<Measurement> group, string path, string over, string words)
    {
        var time = group.FirstOrDefault(m => m.Path == path)?.MedianMilliseconds;
        var baseline = group.FirstOrDefault(m => m.Path == over)?.MedianMilliseconds;
        return time is { } t && baseline is { } b ? string.Format(CultureInfo.InvariantCulture, words, t / b) : null;
    }

    public IEnumerable<string> Notes =>
    [
        $"Median of {options.Runs} runs (naive: {options.NaiveRuns}, as it commits once per item), "
            + $"after {options.WarmUpPasses} untimed warm-up passes over every operation and path of the database. "
            + "Each database/operation/path/N has its own API on a fresh database (SQLite: a new file, WAL, foreign "
            + "keys on; PostgreSQL: a new database on a throwaway local server, fsync off, as the tests start it); "
            + "runs alternate between paths, and before each run the tables are emptied and the data set up, untimed.",
        "batch: one POST /api/v1/products/batch over loopback HTTP, timed from send to the last byte of the answer "
            + "(JSON in and out, auth, validation included); 2 variants of 2 prices (usd, eur) a product, updates "
            + "change the title and the first variant's prices.",
        "medusa: one POST /admin/products/batch (HTTP Basic key), Medusa-shaped: 2 variants of one usd price, "
            + "updates change the title and every variant's price by id (ids read from the dialect's create answer, "
            + "untimed), deletes by id. canonical-medusa: the same products and changes through the canonical route.",
        "naive (SQLite only): in-process, no HTTP; a new DbContext and one SaveChanges per item, ids hand-assigned. "
            + "ado.net (SQLite only): in-process, 3 prepared commands, one transaction, creates only, batch's shape. "
            + "copy (PostgreSQL only): in-process Npgsql binary COPY of the three tables in one transaction, creates "
            + "only, in Medusa's shape (one price a variant).",
        "SQL stmts: commands seen by the API's SqlStatementCounter during the timed call "
            + "(batch: includes the API-key lookup; naive: all N items); ado.net and copy count their own. "
            + "The counter files commands run through a data reader as reads, "
            + "and EF runs SaveChanges' INSERT/UPDATE/DELETE that way, so naive's writes show as reads. "
            + "A write statement may write many rows (PostgreSQL's set statements, SQLite's 16-row inserts).",
        "Round trips: the reads (one each) and the writer's trips to the database (PostgreSQL: one per batch of "
            + "statements; SQLite: one call per statement); transaction begin and commit not counted. Rows written: "
            + "rows the writer's statements wrote. n/a where the API's counter does not count them (older commits).",
        "Peak RSS MiB: the benchmark process's resident high-water mark (VmHWM) during the timed call, reset just "
            + "before it (/proc/self/clear_refs), highest of the runs. The process holds the API and its client and "
            + "whatever was resident before the call (the row's other hosts, heap the GC kept): an upper bound on "
            + "what the API alone would need, comparable between rows of one run.",
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

        if (PhaseNames.Count > 0)
        {
            text.AppendLine().AppendLine("Where the time went, median ms per phase (the API's Server-Timing):")
                .AppendLine();
            text.AppendLine("| " + string.Join(" | ", PhaseHeaders) + " |");
            text.AppendLine("|" + string.Join("|", PhaseHeaders.Select((_, i) => i < 3 ? "---" : "---:")) + "|");
            foreach (var row in PhaseRows)
            {
                text.AppendLine("| " + string.Join(" | ", row) + " |");
            }
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

    private static int PathOrder(string path) => Array.IndexOf(PathsInOrder, path);

    private static readonly string[] PathsInOrder = ["batch", "naive", "ado.net", "copy", "canonical-medusa", "medusa"];

    private static string Format(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
