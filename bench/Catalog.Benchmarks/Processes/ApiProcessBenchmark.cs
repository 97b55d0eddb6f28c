using System.Text.Json;
using Catalog.Benchmarks.Data;
using Catalog.Benchmarks.Jobs;
using Catalog.Infrastructure.Auth;
using Catalog.Testing.Postgres;

namespace Catalog.Benchmarks.Processes;

/// <summary>
/// The API-process mode (<c>--api-process on</c>): the medusa and canonical-medusa batches (create, update, delete of N
/// Medusa-shaped products) against the API running as a process of its own, as it is deployed, so that the peak RSS
/// is the API's alone. One process and fresh database per database, path and size; warmed with the same work; then
/// the runs, each timed, with the process's high-water mark reset before it (<c>/proc/pid/clear_refs</c>) and read
/// after. The batch limit is raised to the largest size.
/// </summary>
internal sealed class ApiProcessBenchmark(BenchOptions options, Action<string> progress)
{
    private static readonly string[] PathNames = ["canonical-medusa", "medusa"];

    public async Task<IReadOnlyList<ProcessMeasurement>> RunAsync(CancellationToken cancellationToken)
    {
        Task<PostgresServer>? server = null;
        try
        {
            var results = new List<ProcessMeasurement>();
            var paths = PathNames.Where(p => options.Paths?.Contains(p) ?? true).ToList();
            foreach (var database in options.Databases)
            {
                foreach (var path in paths)
                {
                    foreach (var size in options.Sizes)
                    {
                        Task<PostgresServer> Server() => server ??= PostgresServer.StartAsync(cancellationToken);
                        var measured = await MeasureAsync(database, Server, path, size, cancellationToken);
                        results.AddRange(measured);
                        foreach (var m in measured)
                        {
                            progress(m.Describe());
                        }
                    }
                }
            }

            return results;
        }
        finally
        {
            if (server is not null)
            {
                await (await server).DisposeAsync();
            }
        }
    }

    private async Task<IReadOnlyList<ProcessMeasurement>> MeasureAsync(
        string name, Func<Task<PostgresServer>> server, string path, int size, CancellationToken cancellationToken)
    {
        await using var database = await BenchDatabase.CreateAsync(name, server, cancellationToken);
        var key = ApiKeyService.NewKey();
        var limit = Math.Max(1000, options.Sizes.Max());
        string[] environment = [$"Catalog__Batch__MaxItems={limit}", .. options.ApiEnvironment];
        var (api, _) = await BenchApi.StartAsync(database, environment, key, cancellationToken);
        await using var running = api;
        var client = new Workload(api.Client, key, path == "medusa");
        var afterStart = api.PeakRssBytes;
        for (var pass = 0; pass < options.WarmUpPasses; pass++)
        {
            await client.RoundAsync(size, $"w{pass}", (_, _) => { }, cancellationToken);
        }

        var afterWarmUp = api.PeakRssBytes;
        var samples = Enum.GetValues<Operation>().ToDictionary(o => o, _ => new List<(TimeSpan, long)>());
        for (var run = 0; run < options.Runs; run++)
        {
            await client.RoundAsync(
                size,
                $"r{run}",
                (operation, timed) => samples[operation].Add((timed, PeakMemory.PeakBytesOf(api.ProcessId) ?? 0)),
                cancellationToken,
                before: () => PeakMemory.ResetOf(api.ProcessId));
        }

        return [.. samples.Where(s => options.Operations.Contains(s.Key)).Select(s => new ProcessMeasurement(
            name, s.Key, path, size, [.. s.Value.Select(v => v.Item1)], s.Value.Max(v => v.Item2), afterStart,
            afterWarmUp, api.RssBytes))];
    }

    /// <summary>One path's client: creates N products, updates them, deletes them, timing each request.</summary>
    private sealed class Workload(HttpClient client, string key, bool medusa)
    {
        public async Task RoundAsync(
            int size,
            string prefix,
            Action<Operation, TimeSpan> timed,
            CancellationToken cancellationToken,
            Action? before = null)
        {
            var specs = ProductSpec.Many(size, prefix);
            var create = medusa ? MedusaPayloads.Create(specs) : BatchPayloads.Create(specs, ProductShape.Medusa);
            byte[] update, delete;
            using (var created = await TimeAsync(Operation.Create, create))
            {
                if (medusa)
                {
                    var seeded = MedusaApi.Seeded(created, specs);
                    (update, delete) = (MedusaPayloads.Update(seeded), MedusaPayloads.Delete(seeded));
                }
                else
                {
                    var seeded = BatchApi.Seeded(created, specs);
                    update = BatchPayloads.Update(seeded, ProductShape.Medusa);
                    delete = BatchPayloads.Delete(seeded);
                }
            }

            (await TimeAsync(Operation.Update, update)).Dispose();
            (await TimeAsync(Operation.Delete, delete)).Dispose();

            async Task<JsonDocument> TimeAsync(Operation operation, byte[] payload)
            {
                before?.Invoke();
                var (span, answer) = medusa
                    ? await MedusaApi.PostAsync(client, key, payload, operation, size, cancellationToken)
                    : await BatchApi.PostAsync(client, payload, size, cancellationToken);
                timed(operation, span.Elapsed);
                return answer;
            }
        }
    }
}

/// <summary>
/// One operation's runs against an API process: the times, the process's peak RSS over them (each run's high-water
/// mark, the highest), and its peak after start-up and after the warm-up, and its RSS at the end.
/// </summary>
internal sealed record ProcessMeasurement(
    string Database,
    Operation Operation,
    string Path,
    int Size,
    IReadOnlyList<TimeSpan> Times,
    long PeakRss,
    long PeakAfterStart,
    long PeakAfterWarmUp,
    long RssAtEnd)
{
    public double MedianMilliseconds => Measurement.Median(Times.Select(t => t.TotalMilliseconds));

    public double ItemsPerSecond => Size / (MedianMilliseconds / 1000);

    public double MillisecondsPerItem => MedianMilliseconds / Size;

    public string Describe() =>
        $"{Database} {Operation.ToString().ToLowerInvariant()} {Path} N={Size}: {MedianMilliseconds:F1} ms, "
        + $"{ItemsPerSecond:N0} items/s, API peak RSS {Mib(PeakRss):F0} MiB (after start {Mib(PeakAfterStart):F0}, "
        + $"after warm-up {Mib(PeakAfterWarmUp):F0}, at the end {Mib(RssAtEnd):F0})";

    public static double Mib(long bytes) => bytes / 1024.0 / 1024;
}
