using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Catalog.Testing;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Api.Tests.Dialects.Process;

/// <summary>
/// The process API: <c>PATCH /process/products</c> upserts products keyed by SKU as a job and answers its
/// <c>batchId</c>; <c>GET /batch/{batchId}</c> answers 206 while it runs, then every item as sent with its id and
/// <c>status: {success, message, process}</c>.
/// </summary>
public abstract class ProcessDialectTests(CatalogApiFactory factory) : CatalogApiTest(factory)
{
    [Fact]
    public async Task Products_NewThenKnownSku_InsertsThenUpdatesOnlyTheFieldsSent()
    {
        var (status, body) = await ProcessAsync("""
            [{"sku": "A-1", "title": "Alpha", "description": "First", "status": "published", "price": 9.5,
              "currencyCode": "eur", "quantity": 3}]
            """);
        status.Should().Be(200, body.Text());
        var (done, inserted) = await FinishedAsync(body.Str("batchId")!);

        done.Should().Be(200, inserted.Text());
        inserted.Str("status").Should().Be("SUCCESS");
        inserted.Str("batchId").Should().Be(body.Str("batchId"));
        var item = inserted.At("data[0]")!;
        item.Str("sku").Should().Be("A-1");
        item.Str("title").Should().Be("Alpha");
        item.At("price")!.GetValue<decimal>().Should().Be(9.5m);
        SameJson(item.At("status"), """{"success": true, "message": "successfully", "process": "INSERT"}""")
            .Should().BeTrue(item.Text());
        var id = long.Parse(item.Str("id")!, System.Globalization.CultureInfo.InvariantCulture);

        (status, body) = await ProcessAsync("""[{"sku": "A-1", "quantity": 8}]""");
        status.Should().Be(200, body.Text());
        (done, var updated) = await FinishedAsync(body.Str("batchId")!);

        done.Should().Be(200, updated.Text());
        SameJson(updated.At("data[0]"), $$$"""
            {"sku": "A-1", "quantity": 8, "id": "{{{id}}}",
             "status": {"success": true, "message": "successfully", "process": "UPDATE"}}
            """).Should().BeTrue(updated.Text());
        var (_, product) = await GetAsync($"/api/v1/products/{id}");
        product.Str("title").Should().Be("Alpha");
        product.Str("description").Should().Be("First");
        product.Str("status").Should().Be("published");
        product.Arr("variants").Should().ContainSingle();
        product.Str("variants[0].sku").Should().Be("A-1");
        product.Num("variants[0].stock_quantity").Should().Be(8);
        product.Str("variants[0].prices[0].currency_code").Should().Be("eur");
        product.At("variants[0].prices[0].amount")!.GetValue<decimal>().Should().Be(9.5m);
        (await CountRowsAsync()).Products.Should().Be(1);
    }

    [Fact]
    public async Task Products_ItemsThatCannotRun_FailAloneAndTheBatchIsPartial()
    {
        var (status, body) = await ProcessAsync("""
            [{"sku": "OK-1", "title": "Fine"}, {"title": "No SKU"}, {"sku": "X-1", "title": "Red", "colour": "red"},
             {"sku": "Y-1", "title": "Typed", "quantity": "many"}, 17, {"sku": "Z-1", "title": "Odd", "status": "x"},
             {"sku": "N-1"}]
            """);
        status.Should().Be(200, body.Text());
        var (done, result) = await FinishedAsync(body.Str("batchId")!);

        done.Should().Be(206, result.Text());
        result.Str("status").Should().Be("PARTIAL");
        var data = result.Arr("data");
        data.Select(d => d.At("status.success")!.GetValue<bool>())
            .Should().Equal(true, false, false, false, false, false, false);
        data[1].Str("status.message").Should().Contain("sku is required");
        data[2].Str("status.message").Should().Be("colour is not a field of a process product.");
        data[2].Str("colour").Should().Be("red", "an item is echoed as it was sent");
        data[3].Str("status.message").Should().Be("quantity has the wrong type.");
        data[5].Str("status.message").Should().Contain("status 'x'");
        data[6].Str("status.message").Should().Contain("title", "a new product needs a title");
        data[6].Str("status.process").Should().Be("INSERT");
        data.Skip(1).Select(d => d.At("id")).Should().AllSatisfy(id => id.Should().BeNull());
        (await CountRowsAsync()).Products.Should().Be(1);
    }

    [Fact]
    public async Task Batch_EveryItemFailed_AnswersFailed()
    {
        var (_, body) = await ProcessAsync("""[{"title": "No SKU"}]""");

        var (done, result) = await FinishedAsync(body.Str("batchId")!);

        done.Should().Be(206);
        result.Str("status").Should().Be("FAILED");
    }

    [Fact]
    public async Task Credentials_SubscriptionKeyBearerOrBoth_AreTheCatalogKey()
    {
        using var subscription = Factory.CreateClientWithKey(null);
        subscription.DefaultRequestHeaders.Add("Subscription-Key", CatalogApiFactory.WriteKey);
        var (status, body) = await ProcessAsync("""[{"sku": "S-1", "title": "Sub"}]""", subscription);
        status.Should().Be(200, body.Text());

        subscription.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Bearer", CatalogApiFactory.WriteKey);
        (status, body) = await SendAsync(HttpMethod.Get, $"/batch/{body.Str("batchId")}", null, subscription);
        status.Should().BeOneOf([200, 206], body.Text());

        using var mismatched = Factory.CreateClientWithKey();
        mismatched.DefaultRequestHeaders.Add("Subscription-Key", "another-key-entirely");
        (status, body) = await ProcessAsync("""[{"sku": "S-2", "title": "Sub"}]""", mismatched);
        status.Should().Be(401);
        body.Str("detail").Should().Contain("different keys");

        using var none = Factory.CreateClientWithKey(null);
        (status, body) = await ProcessAsync("""[{"sku": "S-3", "title": "Sub"}]""", none);
        status.Should().Be(401);
        body.Str("detail").Should().Contain("Subscription-Key");

        using var reader = Factory.CreateClientWithKey(await Factory.CreateKeyAsync("catalog:read"));
        (status, _) = await ProcessAsync("""[{"sku": "S-4", "title": "Sub"}]""", reader);
        status.Should().Be(403);
    }

    [Fact]
    public async Task Batch_UnknownOrAnotherKeys_IsNotFound()
    {
        var (_, body) = await ProcessAsync("""[{"sku": "K-1", "title": "Mine"}]""");
        var batchId = body.Str("batchId");
        using var other = Factory.CreateClientWithKey(await Factory.CreateKeyAsync("catalog:read catalog:write"));

        var (status, answer) = await SendAsync(HttpMethod.Get, $"/batch/{batchId}", null, other);
        status.Should().Be(404);
        answer.Str("detail").Should().Be($"Batch {batchId} was not found.");
        (status, _) = await GetAsync("/batch/999999");
        status.Should().Be(404);
        (status, _) = await GetAsync("/batch/5349b4ddd2781d08c09890f3");
        status.Should().Be(404);
    }

    [Fact]
    public async Task Products_MalformedJsonAfterManyItems_IsRefusedWholeAndNothingIsStored()
    {
        var items = string.Join(", ", Enumerable.Range(0, 1500).Select(i => $$"""{"sku": "M-{{i}}", "title": "M"}"""));

        var (status, body) = await ProcessAsync($"[{items}, {{\"sku\": ");

        status.Should().Be(400, body.Text());
        body.Str("detail").Should().Contain("MALFORMED_JSON");
        (await Factory.QueryAsync(db => db.Set<Application.Jobs.Job>().CountAsync())).Should().Be(0);
        (await Factory.QueryAsync(db => db.Set<Application.Jobs.JobChunk>().CountAsync())).Should().Be(0);
        (status, body) = await ProcessAsync("""{"sku": "not-a-list"}""");
        status.Should().Be(400, body.Text());
        body.Str("detail").Should().Contain("array");
    }

    private Task<(int Status, JsonNode? Body)> ProcessAsync(string json, HttpClient? client = null) =>
        SendAsync(HttpMethod.Patch, "/process/products", Body(json), client);

    /// <summary>Polls the batch until it no longer says it is processing.</summary>
    private async Task<(int Status, JsonNode Body)> FinishedAsync(string batchId)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var (status, body) = await GetAsync($"/batch/{batchId}");
            if (status != 206 || body.Str("detail") != "processing")
            {
                return (status, body!);
            }

            body.Str("status").Should().BeOneOf("PENDING", "RUNNING");
            clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(60), "the batch should finish");
            await Task.Delay(100);
        }
    }

    private static bool SameJson(JsonNode? actual, string expected) =>
        JsonNode.DeepEquals(actual, JsonNode.Parse(expected));
}

/// <summary>With no worker, a batch stays in the queue: the answer is 206 PENDING.</summary>
public sealed class ProcessPendingTests(ProcessPendingTests.NoWorkerFactory factory)
    : CatalogApiTest(factory), IClassFixture<ProcessPendingTests.NoWorkerFactory>
{
    [Fact]
    public async Task Batch_Queued_Answers206Pending()
    {
        var (status, body) = await SendAsync(
            HttpMethod.Patch, "/process/products", Body("""[{"sku": "P-1", "title": "Wait"}]"""));
        status.Should().Be(200, body.Text());

        (status, body) = await GetAsync($"/batch/{body.Str("batchId")}");

        status.Should().Be(206);
        JsonNode.DeepEquals(body, JsonNode.Parse("""{"detail": "processing", "status": "PENDING"}"""))
            .Should().BeTrue(body.Text());
    }

    public sealed class NoWorkerFactory : SqliteApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings { get; } =
            new Dictionary<string, string?> { ["Catalog:Jobs:RunWorker"] = "false" };
    }
}

public sealed class ProcessDialectTestsOnSqlite(SqliteApiFactory f)
    : ProcessDialectTests(f), IClassFixture<SqliteApiFactory>;

public sealed class ProcessDialectTestsOnPostgres(PostgresApiFactory f)
    : ProcessDialectTests(f), IClassFixture<PostgresApiFactory>;
