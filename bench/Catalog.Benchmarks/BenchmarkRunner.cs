using System.Globalization;
using Catalog.Benchmarks.Data;
using Catalog.Benchmarks.Hosting;
using Catalog.Benchmarks.Jobs;
using Catalog.Benchmarks.Paths;
using Catalog.Testing.Postgres;

namespace Catalog.Benchmarks;

/// <summary>
/// Runs every (database, size, operation, path) the options ask for. Each of them gets its own API on a fresh
/// database, warmed once; each run then empties the tables, sets up its data untimed, and times exactly one call.
/// </summary>
internal sealed class BenchmarkRunner(
    IReadOnlyList<IBenchPath> paths, Func<Task<PostgresServer>> postgres, Action<string> progress)
{
    private const string Prefix = "bench";

    /// <summary>Per database: the warm-up passes (<see cref="WarmUpAsync"/>), then the measured runs.</summary>
    public async Task<IReadOnlyList<Measurement>> RunAsync(
        BenchOptions options, Action<string> announce, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var results = new List<Measurement>();
        foreach (var database in options.Databases)
        {
            announce($"{database}: warming up (untimed, {options.WarmUpPasses} passes)...");
            await WarmUpAsync(database, options, cancellationToken);
            foreach (var size in options.Sizes)
            {
                foreach (var operation in options.Operations)
                {
                    results.AddRange(
                        await MeasureInterleavedAsync(database, options, operation, size, cancellationToken));
                }
            }
        }

        return results;
    }

    /// <summary>
    /// Runs of the paths alternate (batch, naive, ado.net, batch, ...) rather than coming one path after the other,
    /// so that a slow spell of this shared machine (disk, CPU steal, the JIT's background work) falls on all alike.
    /// </summary>
    private async Task<IReadOnlyList<Measurement>> MeasureInterleavedAsync(
        string database, BenchOptions options, Operation operation, int size, CancellationToken cancellationToken)
    {
        var hosts = new List<(IBenchPath Path, CatalogHost Host, List<Sample> Samples)>();
        try
        {
            foreach (var path in On(database).Where(p => p.Supports(operation)))
            {
                hosts.Add((path, await StartAsync(database, path, cancellationToken), []));
            }

            for (var run = 0; hosts.Any(h => run < h.Path.Runs(options)); run++)
            {
                foreach (var (path, host, samples) in hosts.Where(h => run < h.Path.Runs(options)))
                {
                    samples.Add(await MeasureAsync(host, path, operation, size, cancellationToken));
                }
            }
        }
        finally
        {
            foreach (var (_, host, _) in hosts)
            {
                await host.DisposeAsync();
            }
        }

        var measurements = hosts
            .Select(h => new Measurement(database, operation, h.Path.Name, size, h.Samples))
            .ToList();
        measurements.ForEach(m => progress(Describe(m)));
        return measurements;
    }

    /// <summary>
    /// Untimed passes of every operation on every path at the largest size (naive: 100 items). A deployed API runs
    /// optimised (tier-1) code, but on 2 cores the JIT needs many calls to get there: code that runs once per request
    /// is promoted after 30 requests, and then recompiled once more with what dynamic PGO learned, on a background
    /// thread that shares the two cores with the requests. After 3 passes a 1000-product create still took 1.5 to 2
    /// times what it takes after 30 (`System.Runtime.JitInfo` counted 100 or more methods compiled per request until
    /// then); 10 passes get most of the way. Each database has its own, as each has its provider's code to compile.
    /// </summary>
    private async Task WarmUpAsync(string database, BenchOptions options, CancellationToken cancellationToken)
    {
        var largestSize = options.Sizes.Max();
        foreach (var operation in options.Operations)
        {
            foreach (var path in On(database).Where(p => p.Supports(operation)))
            {
                await using var host = await StartAsync(database, path, cancellationToken);
                for (var pass = 0; pass < options.WarmUpPasses; pass++)
                {
                    await MeasureAsync(host, path, operation, path.WarmUpSize(largestSize), cancellationToken);
                }
            }
        }
    }

    private IEnumerable<IBenchPath> On(string database) => paths.Where(p => p.RunsOn(database));

    private async Task<CatalogHost> StartAsync(string database, IBenchPath path, CancellationToken cancellationToken)
    {
        var host = CatalogHost.Start(await BenchDatabase.CreateAsync(database, postgres, cancellationToken));
        try
        {
            await path.WarmUpAsync(host, cancellationToken);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    private static async Task<Sample> MeasureAsync(
        CatalogHost host, IBenchPath path, Operation operation, int size, CancellationToken cancellationToken)
    {
        host.DeleteAllProducts();
        var timed = await path.PrepareAsync(host, operation, ProductSpec.Many(size, Prefix), cancellationToken);
        await JitQuiet.WaitAsync(TimeSpan.FromSeconds(3), cancellationToken);
        var peakKnown = PeakMemory.Reset();
        var sample = await timed(cancellationToken);
        return sample with { PeakRssBytes = peakKnown ? PeakMemory.PeakBytes() : null };
    }

    private static string Describe(Measurement m)
    {
        var runs = m.Samples.Select(s => s.Elapsed.TotalMilliseconds.ToString("F1", CultureInfo.InvariantCulture));
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{m.Database,-8} {m.Operation,-6} {m.Path,-16} N={m.Size,-5} runs: {string.Join(", ", runs)} ms");
    }
}
