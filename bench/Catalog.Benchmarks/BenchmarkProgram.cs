using System.Diagnostics;
using Catalog.Benchmarks.Data;
using Catalog.Benchmarks.Jobs;
using Catalog.Benchmarks.Load;
using Catalog.Benchmarks.Paths;
using Catalog.Benchmarks.Processes;
using Catalog.Benchmarks.Reporting;
using Catalog.Testing.Postgres;
using Spectre.Console;

namespace Catalog.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project bench/Catalog.Benchmarks</c>
/// <c>[--sizes 10,100,500,1000] [--runs 7] [--naive-runs 3] [--databases sqlite,postgres] [--markdown path]</c>.
/// An explicit entry class (not top-level statements) so that <c>Program</c> stays the API's, which the host
/// factory starts.
/// </summary>
internal static class BenchmarkProgram
{
    public static async Task<int> Main(string[] args)
    {
        BenchOptions options;
        try
        {
            options = BenchOptions.Parse(args);
        }
        catch (ArgumentException error)
        {
            Console.Error.WriteLine(error.Message);
            return 2;
        }

        // Wide enough for the table when the output goes to a file or a CI log rather than a terminal.
        var console = AnsiConsole.Create(new AnsiConsoleSettings());
        if (Console.IsOutputRedirected)
        {
            console.Profile.Width = 160;
        }

        var machine = MachineInfo.Describe();
        console.WriteLine(machine);
        var total = Stopwatch.StartNew();
        if (options.JobItems is not null)
        {
            return await RunJobsAsync(options, machine, console);
        }

        if (options.Load is not null)
        {
            return await RunLoadAsync(options, machine, console);
        }

        if (options.ApiProcess)
        {
            return await RunApiProcessAsync(options, machine, console);
        }

        // Progress goes straight to stdout: Spectre would wrap the long lines at its profile width.
        IBenchPath[] paths =
        [
            new BatchPath(ProductShape.Canonical), new NaivePath(), new AdoNetPath(), new CopyPath(),
            new BatchPath(ProductShape.Medusa), new MedusaPath(),
        ];
        if (options.Paths is { } names && names.FirstOrDefault(n => paths.All(p => p.Name != n)) is { } unknown)
        {
            Console.Error.WriteLine($"'{unknown}' is not a path: use {string.Join(", ", paths.Select(p => p.Name))}.");
            return 2;
        }

        var chosen = paths.Where(p => options.Paths?.Contains(p.Name) ?? true);
        Task<PostgresServer>? server = null;
        IReadOnlyList<Measurement> measurements;
        try
        {
            // Started on first use, as the job mode and the tests start theirs; one server, a database per host.
            var runner = new BenchmarkRunner(
                [.. chosen], () => server ??= PostgresServer.StartAsync(CancellationToken.None), Console.WriteLine);
            measurements = await runner.RunAsync(options, console.WriteLine, CancellationToken.None);
        }
        finally
        {
            if (server is not null)
            {
                await (await server).DisposeAsync();
            }
        }

        var results = new ResultTable(measurements, options, machine);
        console.WriteLine();
        ConsoleReport.Write(console, results);
        console.WriteLine($"Total benchmark time: {total.Elapsed.TotalSeconds:F0} s");
        if (options.MarkdownPath is { } markdown)
        {
            await File.WriteAllTextAsync(markdown, results.ToMarkdown());
            console.WriteLine($"Markdown written to {Path.GetFullPath(markdown)}");
        }

        return 0;
    }

    private static async Task<int> RunApiProcessAsync(BenchOptions options, string machine, IAnsiConsole console)
    {
        var total = Stopwatch.StartNew();
        var results = await new ApiProcessBenchmark(options, Console.WriteLine).RunAsync(CancellationToken.None);
        var markdown = ProcessReport.ToMarkdown(results, machine, options);
        Console.WriteLine();
        Console.WriteLine(markdown);
        console.WriteLine($"Total benchmark time: {total.Elapsed.TotalSeconds:F0} s");
        if (options.MarkdownPath is { } path)
        {
            await File.WriteAllTextAsync(path, markdown);
        }

        return 0;
    }

    private static async Task<int> RunLoadAsync(BenchOptions options, string machine, IAnsiConsole console)
    {
        var total = Stopwatch.StartNew();
        var results = await new LoadBenchmark(options, Console.WriteLine).RunAsync(CancellationToken.None);
        var markdown = LoadResult.ToMarkdown(results, machine, options);
        Console.WriteLine();
        Console.WriteLine(markdown);
        console.WriteLine($"Total benchmark time: {total.Elapsed.TotalSeconds:F0} s");
        if (options.MarkdownPath is { } path)
        {
            await File.WriteAllTextAsync(path, markdown);
        }

        // Loudly: a 5xx, or a batch that did not apply, fails the run whatever the numbers.
        foreach (var failed in results.Where(r => !r.Clean))
        {
            Console.Error.WriteLine($"FAIL: {failed.Database} K={failed.Clients}: {failed.Tally.ServerErrors} answers "
                + $"were 5xx ({failed.WarmUpServerErrors} in the warm-up), {failed.Tally.Failures.Count} failures: "
                + string.Join(" | ", failed.Tally.Failures.Take(3)));
        }

        var memory = results.All(r => r.MemoryPasses) ? "PASS" : "FAIL";
        Console.WriteLine($"RSS after the run within 20% of after the warm-up: {memory}");
        return results.All(r => r.Clean) ? 0 : 1;
    }

    private static async Task<int> RunJobsAsync(BenchOptions options, string machine, IAnsiConsole console)
    {
        var total = Stopwatch.StartNew();
        var results = await new JobBenchmark(options, Console.WriteLine).RunAsync(CancellationToken.None);
        var markdown = JobReport.ToMarkdown(results, machine, options.ApiSettings);
        Console.WriteLine();
        Console.WriteLine(markdown);
        console.WriteLine($"Total benchmark time: {total.Elapsed.TotalSeconds:F0} s");
        if (options.MarkdownPath is { } path)
        {
            await File.WriteAllTextAsync(path, markdown);
            console.WriteLine($"Markdown written to {Path.GetFullPath(path)}");
        }

        return 0;
    }
}
