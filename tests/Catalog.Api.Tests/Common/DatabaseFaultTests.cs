using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Catalog.Infrastructure.Auth;
using Catalog.Testing;
using Catalog.Testing.Postgres;
using Npgsql;

namespace Catalog.Api.Tests.Common;

/// <summary>
/// The database goes away under a running API process (its PostgreSQL server halted as a crash would, or its sessions
/// killed in the middle of a batch): clients get a 503 with a code, in their route's shape, within seconds; nothing is
/// half-written; and the API serves again once the database is back, without a restart. A server of the test's own,
/// since it is stopped.
/// </summary>
public sealed class DatabaseFaultTests : IAsyncLifetime
{
    private const string ProductsBatch = "api/v1/products/batch";
    private static readonly TimeSpan Bounded = TimeSpan.FromSeconds(15);
    private PostgresServer? _server;
    private string _database = string.Empty;
    private ApiProcess? _api;

    private PostgresServer Server => _server ?? throw new InvalidOperationException("Not started.");

    private HttpClient Client => (_api ?? throw new InvalidOperationException("Not started.")).Client;

    public async Task InitializeAsync()
    {
        _server = await PostgresServer.StartAsync();
        _database = await _server.CreateDatabaseAsync("faults");
        _api = await ApiProcess.StartAsync("faults", "Postgres", _database, ApiKeyService.NewKey());
    }

    public async Task DisposeAsync()
    {
        if (_api is not null)
        {
            await _api.DisposeAsync();
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    [Fact]
    public async Task Batch_ServerHalted_Answers503InEachRouteShapeAndServesAgainOnceItIsBack()
    {
        (await PostAsync(ProductsBatch, Products("before", 1))).Status.Should().Be(HttpStatusCode.OK);

        await Server.HaltAsync();
        var clock = Stopwatch.StartNew();
        var canonical = await PostAsync(ProductsBatch, Products("while-down", 3));
        var woo = await PostAsync("wp-json/wc/v3/products/batch", """{"create": [{"name": "Down"}]}""");
        var medusa = await PostAsync("admin/products/batch", """{"create": [{"title": "Down"}]}""");
        var read = await SendAsync(HttpMethod.Get, "api/v1/products", null);
        var elapsed = clock.Elapsed;
        await Server.ResumeAsync();

        elapsed.Should().BeLessThan(Bounded * 4, "four requests each answer within a bounded time");
        canonical.Status.Should().Be(HttpStatusCode.ServiceUnavailable, canonical.Body.Text());
        canonical.Body.Str("code").Should().Be("DATABASE_UNAVAILABLE");
        canonical.RetryAfter.Should().NotBeNull();
        woo.Status.Should().Be(HttpStatusCode.ServiceUnavailable, woo.Body.Text());
        woo.Body.Str("code").Should().Be("db_connect_fail");
        woo.Body.Num("data.status").Should().Be(503);
        medusa.Status.Should().Be(HttpStatusCode.ServiceUnavailable, medusa.Body.Text());
        medusa.Body.Str("type").Should().NotBeNullOrEmpty();
        read.Status.Should().Be(HttpStatusCode.ServiceUnavailable, read.Body.Text());
        read.Body.Str("code").Should().Be("DATABASE_UNAVAILABLE");

        // Back without a restart: the first batch after the server is up again goes through.
        var after = await PostAsync(ProductsBatch, Products("after", 2));
        after.Status.Should().Be(HttpStatusCode.OK, after.Body.Text());
        after.Body.Num("summary.succeeded").Should().Be(2);
        (await CountAsync("SELECT COUNT(*) FROM products")).Should().Be(3, "what was refused is not there");
    }

    [Fact]
    public async Task Batch_SessionsKilledMidBatch_Answers503AndWritesNothingOrAnswers200AndWroteAll()
    {
        var outcomes = new List<HttpStatusCode>();
        for (var round = 0; round < 3; round++)
        {
            var before = await CountAsync("SELECT COUNT(*) FROM products");
            using var stop = new CancellationTokenSource();
            var killing = KillSessionsAsync(stop.Token);
            var answer = await PostAsync(ProductsBatch + "?policy=partial", Products($"killed-{round}", 800));
            await stop.CancelAsync();
            await killing;

            var written = await CountAsync("SELECT COUNT(*) FROM products") - before;
            outcomes.Add(answer.Status);
            if (answer.Status == HttpStatusCode.OK)
            {
                written.Should().Be(answer.Body.Num("summary.succeeded"), "the answer matches the database");
            }
            else
            {
                answer.Status.Should().Be(HttpStatusCode.ServiceUnavailable, answer.Body.Text());
                answer.Body.Str("code").Should().Be("DATABASE_UNAVAILABLE");
                written.Should().Be(0, "a batch is one transaction: nothing of it stands");
            }
        }

        outcomes.Should().Contain(HttpStatusCode.ServiceUnavailable, "sessions were killed while batches ran");
        (await PostAsync(ProductsBatch, Products("after-kills", 1))).Status.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Batch_KeyedAndSessionsKilledMidBatch_RetryWithTheKeyCompletesItExactlyOnce()
    {
        var first = new List<HttpStatusCode>();
        for (var round = 0; round < 3; round++)
        {
            var key = Guid.NewGuid().ToString();
            var body = Products($"keyed-{round}", 800);
            using (var stop = new CancellationTokenSource())
            {
                var killing = KillSessionsAsync(stop.Token);
                first.Add((await SendAsync(HttpMethod.Post, ProductsBatch, body, key)).Status);
                await stop.CancelAsync();
                await killing;
            }

            // A retry as the recipe has it: again while the first still runs (409) or the database recovers (503).
            var deadline = DateTime.UtcNow + Bounded;
            var retried = await SendAsync(HttpMethod.Post, ProductsBatch, body, key);
            while (retried.Status is HttpStatusCode.Conflict or HttpStatusCode.ServiceUnavailable
                && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
                retried = await SendAsync(HttpMethod.Post, ProductsBatch, body, key);
            }

            retried.Status.Should().Be(HttpStatusCode.OK, retried.Body.Text());
            retried.Body.Num("summary.succeeded").Should().Be(800, "the retry answers the batch, applied");
            (await CountAsync($"SELECT COUNT(*) FROM products WHERE title LIKE 'keyed-{round} %'"))
                .Should().Be(800, "exactly once, whatever became of the first attempt");
        }

        first.Should().Contain(HttpStatusCode.ServiceUnavailable, "sessions were killed while batches ran");
    }

    /// <summary>Terminates every session of the API's database, again and again, until stopped.</summary>
    private async Task KillSessionsAsync(CancellationToken stop)
    {
        await using var admin = new NpgsqlConnection(Server.AdminConnectionString);
        await admin.OpenAsync(CancellationToken.None);
        var name = new NpgsqlConnectionStringBuilder(_database).Database;
        await using var kill = new NpgsqlCommand(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = @name AND pid <> pg_backend_pid()",
            admin);
        kill.Parameters.AddWithValue("name", name!);
        while (!stop.IsCancellationRequested)
        {
            await kill.ExecuteNonQueryAsync(CancellationToken.None);
            await Task.Delay(5, CancellationToken.None);
        }
    }

    private async Task<long> CountAsync(string sql)
    {
        // Unpooled: a pooled connection of the test's own may have been killed with the API's.
        var unpooled = new NpgsqlConnectionStringBuilder(_database) { Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(unpooled);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private Task<Answer> PostAsync(string url, string json) => SendAsync(HttpMethod.Post, url, json);

    private async Task<Answer> SendAsync(HttpMethod method, string url, string? json, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new Answer(
            response.StatusCode,
            text.Length == 0 ? null : JsonNode.Parse(text),
            response.Headers.RetryAfter?.ToString());
    }

    private static string Products(string tag, int count) => new JsonObject
    {
        ["create"] = new JsonArray([.. Enumerable.Range(0, count).Select(i => (JsonNode)new JsonObject
        {
            ["title"] = $"{tag} {i}",
            ["handle"] = $"{tag}-{i}-{Guid.NewGuid():N}",
            ["variants"] = new JsonArray(new JsonObject
            {
                ["title"] = "One",
                ["sku"] = $"{tag}-{i}-{Guid.NewGuid():N}",
                ["prices"] = new JsonArray(new JsonObject { ["currency_code"] = "usd", ["amount"] = 10 }),
            }),
        })]),
    }.ToJsonString();

    private sealed record Answer(HttpStatusCode Status, JsonNode? Body, string? RetryAfter);
}
