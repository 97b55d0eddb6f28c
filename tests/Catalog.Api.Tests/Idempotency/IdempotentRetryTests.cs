using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Catalog.Api.Tests.V1.Jobs.Durability;
using Catalog.Testing;
using Xunit.Abstractions;

namespace Catalog.Api.Tests.Idempotency;

/// <summary>
/// What a client that retries with its <c>Idempotency-Key</c> sees when the first attempt breaks off at a random point:
/// its connection closed, or the API process killed (SIGKILL) and started again. The API runs as a real process on a
/// real database; whatever happened to the first attempt, the retries end with the batch applied exactly once, every
/// product whole, and an answer of every item succeeded.
/// </summary>
public abstract class IdempotentRetryTests(ITestOutputHelper output)
{
    private const int Products = 300;
    private const int Rounds = 4;

    protected abstract Task<JobDatabase> CreateDatabaseAsync();

    [Fact]
    public async Task Batch_ConnectionClosedMidBatchThenRetried_AppliedExactlyOnce()
    {
        await using var database = await CreateDatabaseAsync();
        await using var api = await JobInstances.StartAsync("retry", database, TimeSpan.FromSeconds(30));
        for (var round = 0; round < Rounds; round++)
        {
            var (key, body) = Batch(round);
            using (var abandon = new CancellationTokenSource(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 400))))
            {
                var first = await TryPostAsync(api.Client, key, body, abandon.Token);
                output.WriteLine($"round {round}: first attempt {(first is null ? "cut off" : $"answered {first}")}");
            }

            await RetryUntilAnsweredAsync(api.Client, key, body);
            await AssertAppliedOnceAsync(database, round);
        }

        api.LoggedFailure.Should().BeFalse(api.Log);
    }

    [Fact]
    public async Task Batch_ProcessKilledMidBatchThenRetried_AppliedExactlyOnce()
    {
        await using var database = await CreateDatabaseAsync();
        var api = await JobInstances.StartAsync("retry-0", database, TimeSpan.FromSeconds(30));
        try
        {
            for (var round = 0; round < Rounds; round++)
            {
                var (key, body) = Batch(round);
                var first = TryPostAsync(api.Client, key, body, CancellationToken.None);
                await Task.Delay(Random.Shared.Next(5, 400));
                await api.KillAsync();
                output.WriteLine($"round {round}: killed; first attempt {await first ?? "cut off"}");
                await api.DisposeAsync();
                api = await JobInstances.StartAsync($"retry-{round + 1}", database, TimeSpan.FromSeconds(30));

                await RetryUntilAnsweredAsync(api.Client, key, body);
                await AssertAppliedOnceAsync(database, round);
            }
        }
        finally
        {
            await api.DisposeAsync();
        }
    }

    /// <summary>A batch of products, each with two variants without SKU, under a key of its own.</summary>
    private static (string Key, string Body) Batch(int round)
    {
        var products = Enumerable.Range(0, Products).Select(i => new JsonObject
        {
            ["title"] = $"Round {round} product {i}",
            ["variants"] = new JsonArray(new JsonObject { ["title"] = "S" }, new JsonObject { ["title"] = "M" }),
        });
        return (Guid.NewGuid().ToString(), new JsonObject { ["create"] = new JsonArray([.. products]) }.ToJsonString());
    }

    private static async Task<string?> TryPostAsync(
        HttpClient client, string key, string body, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await client.SendAsync(Request(key, body), cancellationToken);
            return ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception failure) when (failure is HttpRequestException or OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>Sends the batch again with its key until it is answered (a 409 means the first attempt still runs).
    /// </summary>
    private async Task RetryUntilAnsweredAsync(HttpClient client, string key, string body)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (true)
        {
            using var response = await client.SendAsync(Request(key, body));
            var text = await response.Content.ReadAsStringAsync();
            if ((int)response.StatusCode == 409)
            {
                DateTime.UtcNow.Should().BeBefore(deadline, "the first attempt ends: {0}", text);
                await Task.Delay(100);
                continue;
            }

            ((int)response.StatusCode).Should().Be(200, text);
            var answer = JsonNode.Parse(text)!;
            answer["summary"]!["succeeded"]!.GetValue<int>().Should().Be(Products, text);
            output.WriteLine($"  retry answered {(int)response.StatusCode}, replayed: "
                + $"{response.Headers.Contains("Idempotent-Replayed")}");
            return;
        }
    }

    private static async Task AssertAppliedOnceAsync(JobDatabase database, int round)
    {
        var like = $"'Round {round} product %'";
        (await database.CountAsync($"SELECT COUNT(*) FROM products WHERE title LIKE {like}"))
            .Should().Be(Products, "the batch is applied exactly once");
        (await database.CountAsync(
                $"SELECT COUNT(*) FROM variants v JOIN products p ON p.id = v.product_id WHERE p.title LIKE {like}"))
            .Should().Be(2 * Products, "every product is whole");
    }

    private static HttpRequestMessage Request(string key, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/products/batch")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", JobInstances.Key);
        return request;
    }
}

public sealed class IdempotentRetryTestsOnSqlite(ITestOutputHelper output) : IdempotentRetryTests(output)
{
    protected override Task<JobDatabase> CreateDatabaseAsync() => JobDatabase.CreateSqliteAsync();
}

public sealed class IdempotentRetryTestsOnPostgres(ITestOutputHelper output) : IdempotentRetryTests(output)
{
    protected override Task<JobDatabase> CreateDatabaseAsync() => JobDatabase.CreatePostgresAsync();
}
