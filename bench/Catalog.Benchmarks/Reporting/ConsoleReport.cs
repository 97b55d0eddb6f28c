using Spectre.Console;

namespace Catalog.Benchmarks.Reporting;

internal static class ConsoleReport
{
    public static void Write(IAnsiConsole console, ResultTable results)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("Catalog products: the paths on each database");
        for (var i = 0; i < ResultTable.Headers.Length; i++)
        {
            var column = new TableColumn(ResultTable.Headers[i]);
            table.AddColumn(ResultTable.NumericColumns.Contains(i) ? column.RightAligned() : column);
        }

        foreach (var row in results.Rows)
        {
            table.AddRow([.. row.Select(cell => new Text(cell))]);
        }

        console.WriteLine(results.Machine);
        console.Write(table);
        if (results.PhaseNames.Count > 0)
        {
            var phases = new Table().Border(TableBorder.Rounded).Title("Where the time went, median ms per phase");
            foreach (var (header, i) in results.PhaseHeaders.Select((h, i) => (h, i)))
            {
                phases.AddColumn(i < 3 ? new TableColumn(header) : new TableColumn(header).RightAligned());
            }

            foreach (var row in results.PhaseRows)
            {
                phases.AddRow([.. row.Select(cell => new Text(cell))]);
            }

            console.Write(phases);
        }

        foreach (var line in results.Comparisons)
        {
            console.WriteLine(line);
        }

        console.WriteLine();
        foreach (var note in results.Notes)
        {
            console.WriteLine("* " + note);
        }
    }
}
