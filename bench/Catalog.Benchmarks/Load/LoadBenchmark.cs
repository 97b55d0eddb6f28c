using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Catalog.Benchmarks.Jobs;
using Catalog.Infrastructure.Auth;
using Catalog.Testing;
using Catalog.Testing.Hostile;
using Catalog.Testing.Postgres;

namespace Catalog.Benchmarks.Load;

/// <summary>
/// The load mode (<c>--load 30s --clients 1,4,16</c>): for each K, an API process of its own on a fresh database;
/// K clients send mixed batches of 100 products (<see cref="LoadClient"/>) through the canonical API, WooCommerce and
/// Medusa for the given time, while the hostile generator (<see cref="HostileCases"/>, the hostile-input suite's)
/// sends its bodies beside them. Before the timed part the same clients warm the process up; its RSS is read after
/// the warm-up and a quiet spell, at the end of the run, and after the same quiet spell: within 20% of the first is a
/// pass (issue 16). Any 5xx fails the run.
/// </summary>
internal sealed class LoadBenchmark(BenchOptions options, Action<string> progress)
{
    private const int HostileSenders = 2;

    public async Task<IReadOnlyList<LoadResult>> RunAsync(CancellationToken cancellationToken)
    {
        Task<PostgresServer>? server = null;
        try
        {
            var results = new List<LoadResult>();
            foreach (var database in options.Databases)
            {
                foreach (var clients in options.Clients)
                {
                    Task<PostgresServer> Server() => server ??= PostgresServer.StartAsync(cancellationToken);
                    var result = await RunAsync(database, Server, clients, cancellationToken);
                    progress(result.Describe());
                    results.Add(result);
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

    private async Task<LoadResult> RunAsync(
        string name, Func<Task<PostgresServer>> server, int clients, CancellationToken cancellationToken)
    {
        await using var database = await BenchDatabase.CreateAsync(name, server, cancellationToken);
        var key = ApiKeyService.NewKey();
        var (api, logFile) = await BenchApi.StartAsync(database, options.ApiEnvironment, key, cancellationToken);
        await using var running = api;
        var http = await ClientsAsync(api, key, cancellationToken);
        try
        {
            progress($"{name}, {clients} clients: API process {api.ProcessId}, log {logFile}");
            var seed = Random.Shared.Next();
            var ids = await HostileCatalog.SeedAsync(
                http["canonical"], http["woocommerce"], http["medusa"], $"load-{seed}");
            using var hostile = new HostileCases(seed, ids).Generate(int.MaxValue, HostileRoutes.All).GetEnumerator();

            // The warm-up: the same work, its own tally, then the quiet spell the end of the run gets too.
            var warmUp = new LoadTally();
            var warmUpClients = Enumerable.Range(0, clients).Select(n => new LoadClient(n, http, warmUp)).ToList();
            await RunForAsync(warmUpClients, hostile, http, warmUp, "w", options.LoadWarmUp, cancellationToken);
            await Task.Delay(options.LoadIdle, cancellationToken);
            var afterWarmUp = api.RssBytes;

            var tally = new LoadTally();
            var timed = Enumerable.Range(0, clients).Select(n => new LoadClient(n, http, tally)).ToList();
            api.ResetPeakRss();
            var clock = Stopwatch.StartNew();
            var hostileSent = await RunForAsync(timed, hostile, http, tally, "r", options.LoadDuration,
                cancellationToken);
            var elapsed = clock.Elapsed;
            var atEnd = api.RssBytes;
            var peak = api.PeakRssBytes;
            await Task.Delay(options.LoadIdle, cancellationToken);
            var afterIdle = api.RssBytes;
            return new LoadResult(name, clients, elapsed, tally, hostileSent, warmUp.ServerErrors,
                afterWarmUp, peak, atEnd, afterIdle, api.LoggedFailure);
        }
        finally
        {
            foreach (var client in http.Values.Distinct())
            {
                client.Dispose();
            }
        }
    }

    /// <summary>Runs the clients and the hostile senders for <paramref name="duration"/>; answers the cases sent.
    /// </summary>
    private static async Task<int> RunForAsync(
        IReadOnlyList<LoadClient> clients,
        IEnumerator<HostileCase> hostile,
        Dictionary<string, HttpClient> http,
        LoadTally tally,
        string phase,
        TimeSpan duration,
        CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(duration);
        var sent = 0;
        var gate = new object();
        async Task HostileAsync()
        {
            while (!stop.IsCancellationRequested)
            {
                HostileCase next;
                lock (gate)
                {
                    hostile.MoveNext();
                    next = hostile.Current;
                }

                var client = next.Route.Shape switch
                {
                    ErrorShape.WordPress => http["woocommerce"],
                    ErrorShape.Medusa => http["medusa"],
                    _ => http["canonical"],
                };
                try
                {
                    var (status, text) = await HostileCatalog.SendAsync(client, next, stop.Token);
                    tally.Count("hostile", status);
                    Interlocked.Increment(ref sent);
                    if (HostileCatalog.Problem(next.Route.Shape, status, text) is { } problem)
                    {
                        tally.Fail($"{problem}: {next.Describe()}");
                    }
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    return;
                }
            }
        }

        await Task.WhenAll(clients.Select(c => c.RunAsync(phase, stop.Token))
            .Concat(Enumerable.Range(0, HostileSenders).Select(_ => HostileAsync())));
        return sent;
    }

    /// <summary>
    /// A client per dialect, all with the process's bootstrap key: Bearer, Medusa's Basic (the key as user), and
    /// WooCommerce's consumer key and secret (from <c>/api/v1/api-keys/me</c>).
    /// </summary>
    private static async Task<Dictionary<string, HttpClient>> ClientsAsync(
        ApiProcess api, string key, CancellationToken cancellationToken)
    {
        var address = api.Client.BaseAddress!;
        HttpClient Make(AuthenticationHeaderValue authorization)
        {
            var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) };
            client.DefaultRequestHeaders.Authorization = authorization;
            return client;
        }

        var canonical = Make(new AuthenticationHeaderValue("Bearer", key));
        var clients = new Dictionary<string, HttpClient>(StringComparer.Ordinal)
        {
            ["canonical"] = canonical,
            ["medusa"] = Make(new AuthenticationHeaderValue(
                "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(key + ":")))),
        };
        var me = await canonical.GetStringAsync(new Uri("api/v1/api-keys/me", UriKind.Relative), cancellationToken);
        using var body = JsonDocument.Parse(me);
        var consumerKey = body.RootElement.GetProperty("consumer_key").GetString();
        clients["woocommerce"] = Make(new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{consumerKey}:cs_{key}"))));

        return clients;
    }
}
