using System.Globalization;
using Catalog.Benchmarks.Data;
using Catalog.Benchmarks.Hosting;
using Catalog.Benchmarks.Paths;

namespace Catalog.Benchmarks;

/// <summary>
/// Runs every (size, operation, path) the options ask for. Each of them gets its own API on a fresh database file,
/// warmed once; each run then empties the tables, sets up its data untimed, and times exactly one call.
/// </summary>
internal sealed class BenchmarkRunner(IReadOnlyList<IBenchPath> paths, Action<string> progress)
{
    private const string Prefix = "bench";

    public async Task<IReadOnlyList<Measurement>> RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var results = new List<Measurement>();
        foreach (var size in options.Sizes)
        {
            foreach (var operation in options.Operations)
            {
                results.AddRange(await MeasureInterleavedAsync(options, operation, size, cancellationToken));
            }
        }

        return results;
    }

    /// <summary>
    /// Runs of the paths alternate (batch, naive, ado.net, batch, ...) rather than coming one path after the other,
    /// so that a slow spell of this shared machine (disk, CPU steal, the JIT's background work) falls on all alike.
    /// </summary>
    private async Task<IReadOnlyList<Measurement>> MeasureInterleavedAsync(
        BenchOptions options, Operation operation, int size, CancellationToken cancellationToken)
    {
        var hosts = new List<(IBenchPath Path, CatalogHost Host, List<Sample> Samples)>();
        try
        {
            foreach (var path in paths.Where(p => p.Supports(operation)))
            {
                hosts.Add((path, await StartAsync(path, cancellationToken), []));
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

        var measurements = hosts.Select(h => new Measurement(operation, h.Path.Name, size, h.Samples)).ToList();
        measurements.ForEach(m => progress(Describe(m)));
        return measurements;
    }

    /// <summary>
    /// Untimed passes of every operation on every path at the largest size (naive: 100 items). A deployed API runs
    /// optimised (tier-1) code, but on 2 cores the JIT needs many calls to get there: code that runs once per request
    /// is promoted after 30 requests, and then recompiled once more with what dynamic PGO learned, on a background
    /// thread that shares the two cores with the requests. After 3 passes a 1000-product create still took 1.5 to 2
    /// times what it takes after 30 (`System.Runtime.JitInfo` counted 100 or more methods compiled per request until
    /// then); 10 passes get most of the way.
    /// </summary>
    public async Task WarmUpAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var largestSize = options.Sizes.Max();
        foreach (var operation in options.Operations)
        {
            foreach (var path in paths.Where(p => p.Supports(operation)))
            {
                await using var host = await StartAsync(path, cancellationToken);
                for (var pass = 0; pass < options.WarmUpPasses; pass++)
                {
                    await MeasureAsync(host, path, operation, path.WarmUpSize(largestSize), cancellationToken);
                }
            }
        }
    }

    private static async Task<CatalogHost> StartAsync(IBenchPath path, CancellationToken cancellationToken)
    {
        var host = CatalogHost.Start();
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
        var specs = ProductSpec.Many(size, Prefix);
        var workload = operation == Operation.Create
            ? new Workload(specs, [])
            : new Workload([], await BatchApi.SeedAsync(host.Client, specs, cancellationToken));
        await JitQuiet.WaitAsync(TimeSpan.FromSeconds(3), cancellationToken);
        return await path.MeasureAsync(host, operation, workload, cancellationToken);
    }

    private static string Describe(Measurement m)
    {
        var runs = m.Samples.Select(s => s.Elapsed.TotalMilliseconds.ToString("F1", CultureInfo.InvariantCulture));
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{m.Operation,-6} {m.Path,-7} N={m.Size,-5} runs: {string.Join(", ", runs)} ms");
    }
}
