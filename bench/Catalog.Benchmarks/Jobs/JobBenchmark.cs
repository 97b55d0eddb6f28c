using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Catalog.Benchmarks.Data;
using Catalog.Testing.Postgres;

namespace Catalog.Benchmarks.Jobs;

/// <summary>
/// The job mode: N products (2 variants of 2 prices each, unique SKUs) as one job, streamed to the canonical API with
/// <c>Prefer: respond-async</c> and polled until finished, against the same N sent synchronously as 1,000-item
/// batches one after another. Each path gets its own API process on its own fresh database, warmed with 1,000 items of
/// its own path, so each peak RSS is that path's alone.
/// </summary>
internal sealed partial class JobBenchmark(BenchOptions options, Action<string> progress)
{
    private const int SyncBatchSize = 1_000;
    private const int WarmUpItems = 1_000;

    public async Task<IReadOnlyList<JobComparison>> RunAsync(CancellationToken cancellationToken)
    {
        var items = options.JobItems ?? throw new InvalidOperationException("The job mode needs --job.");
        Task<PostgresServer>? server = null;
        try
        {
            var results = new List<JobComparison>();
            foreach (var database in options.Databases)
            {
                Task<PostgresServer> Server() => server ??= PostgresServer.StartAsync(cancellationToken);
                var job = await MeasureJobAsync(database, Server, items, cancellationToken);
                progress(job.Describe());
                var sync = await MeasureSyncAsync(database, Server, items, cancellationToken);
                progress(sync.Describe());
                results.Add(new JobComparison(job, sync));
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

    private async Task<JobRun> MeasureJobAsync(
        string name, Func<Task<PostgresServer>> server, int items, CancellationToken cancellationToken)
    {
        await using var database = await BenchDatabase.CreateAsync(name, server, cancellationToken);
        var (api, logFile) = await BenchApi.StartAsync(database, options.ApiEnvironment, cancellationToken);
        await using var running = api;
        await JobApi.RunAsync(api.Client, WarmUpItems, "warm", cancellationToken);
        var peakBefore = api.PeakRssBytes;

        var body = new StreamedCreates(items, "job");
        var started = Stopwatch.GetTimestamp();
        var id = await JobApi.SubmitAsync(api.Client, body, cancellationToken);
        var to202 = Stopwatch.GetElapsedTime(started);
        var peakAt202 = api.PeakRssBytes;
        var rss = new List<long>();
        using var job = await JobApi.WaitAsync(api.Client, id, items, () => rss.Add(api.RssBytes), cancellationToken);
        var toFinished = Stopwatch.GetElapsedTime(started);
        var peak = api.PeakRssBytes;

        var root = job.RootElement;
        var worker = root.GetProperty("finished_at").GetDateTimeOffset() - root.GetProperty("started_at")
            .GetDateTimeOffset();
        return new JobRun(
            name, items, body.Length, to202, toFinished, worker, peakBefore, peakAt202, peak, rss.Max(),
            await ChunkMillisecondsAsync(logFile, id, cancellationToken), logFile);
    }

    private async Task<SyncRun> MeasureSyncAsync(
        string name, Func<Task<PostgresServer>> server, int items, CancellationToken cancellationToken)
    {
        await using var database = await BenchDatabase.CreateAsync(name, server, cancellationToken);
        var (api, logFile) = await BenchApi.StartAsync(database, options.ApiEnvironment, cancellationToken);
        await using var running = api;
        (await BatchApi.PostAsync(
            api.Client, BatchPayloads.Create(ProductSpec.Many(WarmUpItems, "warm")), WarmUpItems, cancellationToken))
            .Answer.Dispose();
        var peakBefore = api.PeakRssBytes;

        // Each body is written just before its request, outside the timed span; the answers are read whole.
        var elapsed = TimeSpan.Zero;
        var requests = 0;
        for (var start = 0; start < items; start += SyncBatchSize)
        {
            var specs = ProductSpec.Range(start, Math.Min(SyncBatchSize, items - start), "sync");
            var (span, answer) = await BatchApi.PostAsync(
                api.Client, BatchPayloads.Create(specs), specs.Count, cancellationToken);
            answer.Dispose();
            elapsed += span.Elapsed;
            requests++;
        }

        return new SyncRun(name, items, requests, elapsed, peakBefore, api.PeakRssBytes);
    }

    /// <summary>The worker's duration of each chunk of the job, in the order they ran, from its log lines.</summary>
    private static async Task<IReadOnlyList<double>> ChunkMillisecondsAsync(
        string logFile, long jobId, CancellationToken cancellationToken)
    {
        // The console logger writes on a queue of its own: give it a moment to catch up.
        await Task.Delay(500, cancellationToken);
        var lines = await File.ReadAllLinesAsync(logFile, cancellationToken);
        return [.. lines.Select(l => ChunkLine().Match(l))
            .Where(m => m.Success && long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) == jobId)
            .Select(m => double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture))];
    }

    [GeneratedRegex(@"Job (\d+) chunk \d+: .* in (\d+) ms")]
    private static partial Regex ChunkLine();
}
