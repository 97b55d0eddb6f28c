using System.Text.Json.Nodes;
using Catalog.Testing;
using FluentAssertions.Execution;

namespace Catalog.Api.Tests.Common;

/// <summary>
/// Request-level bad input: bodies that cannot be bound, or batches that are empty or too large, answer a 400 problem
/// with a stable code (and the field at fault), never a 500, and nothing of the request is written.
/// </summary>
public abstract class InvalidRequestResponseTests(CatalogApiFactory factory) : CatalogApiTest(factory)
{
    private const string ValidItem = """{"title": "Valid", "handle": "valid"}""";

    [Theory]
    [InlineData("truncated JSON", """{"create": [{"title": "A", "handle": "a"}""", "MALFORMED_JSON", null)]
    [InlineData("not JSON at all", "create=A", "MALFORMED_JSON", null)]
    [InlineData("trailing comma", """{"create": [{"title": "A",}]}""", "MALFORMED_JSON", null)]
    [InlineData("empty body", "", "MALFORMED_JSON", null)]
    [InlineData("unknown top-level property", """{"create": [ITEM], "replace": []}""", "INVALID_BODY", "replace")]
    [InlineData(
        "unknown product property",
        """{"create": [ITEM, {"title": "B", "colour": "red"}]}""",
        "INVALID_BODY",
        "create[1].colour")]
    [InlineData(
        "unknown variant property",
        """{"create": [{"title": "B", "variants": [{"title": "V", "size": "M"}]}]}""",
        "INVALID_BODY",
        "create[0].variants[0].size")]
    [InlineData(
        "stock_quantity as a word",
        """{"create": [ITEM, {"title": "B", "variants": [{"title": "V", "stock_quantity": "ten"}]}]}""",
        "INVALID_BODY",
        "create[1].variants[0].stock_quantity")]
    [InlineData(
        "amount as a string",
        """
        {"create": [{
            "title": "B",
            "variants": [{"title": "V", "prices": [{"currency_code": "usd", "amount": "19.99"}]}]
        }]}
        """,
        "INVALID_BODY",
        "create[0].variants[0].prices[0].amount")]
    [InlineData("title as a number", """{"create": [{"title": 5}]}""", "INVALID_BODY", "create[0].title")]
    [InlineData(
        "unknown status value",
        """{"create": [{"title": "B", "status": "live"}]}""",
        "INVALID_BODY",
        "create[0].status")]
    [InlineData(
        "status as a number", """{"create": [{"title": "B", "status": 1}]}""", "INVALID_BODY", "create[0].status")]
    [InlineData("create as an object", """{"create": {"title": "B"}}""", "INVALID_BODY", "create")]
    [InlineData("delete id as a word", """{"delete": ["abc"]}""", "INVALID_BODY", "delete[0]")]
    [InlineData("delete id as null", """{"delete": [null]}""", "INVALID_BODY", "delete[0]")]
    [InlineData("update id as a string", """{"update": [{"id": "1", "title": "B"}]}""", "INVALID_BODY", "update[0].id")]
    [InlineData(
        "category id as a fraction",
        """{"create": [{"title": "B", "category_ids": [1.5]}]}""",
        "INVALID_BODY",
        "create[0].category_ids[0]")]
    [InlineData("body is an array", """[{"title": "B"}]""", "INVALID_BODY", null)]
    [InlineData("body is null", "null", "INVALID_BODY", null)]
    [InlineData("item is null", """{"create": [ITEM, null]}""", "INVALID_BODY", "create[1]")]
    [InlineData("update item is null", """{"update": [null]}""", "INVALID_BODY", "update[0]")]
    [InlineData("empty batch", "{}", "EMPTY_BATCH", null)]
    [InlineData("empty lists", """{"create": [], "update": [], "delete": []}""", "EMPTY_BATCH", null)]
    [InlineData("null lists", """{"create": null, "update": null, "delete": null}""", "EMPTY_BATCH", null)]
    public async Task Batch_BadRequestBody_Answers400WithCodeAndWritesNothing(
        string scenario, string json, string code, string? field)
    {
        var existing = await SeedProductAsync(new ProductBuilder().WithVariants(1));
        var before = await CountRowsAsync();

        var (status, body) = await PostRawAsync(
            ProductsBatch, json.Replace("ITEM", ValidItem, StringComparison.Ordinal));

        var after = await CountRowsAsync();
        var stored = await FindProductAsync(existing.Num("id"));
        using (new AssertionScope(scenario))
        {
            status.Should().Be(400, body.Text());
            body.Str("code").Should().Be(code, body.Text());
            body.Str("title").Should().NotBeNullOrEmpty();
            if (field is not null)
            {
                body.At("errors").Should().NotBeNull(body.Text());
                body.Fields("errors").Should().Contain(field, body.Text());
            }

            after.Should().Be(before);
            stored!.Version.Should().Be(1);
        }
    }

    [Theory]
    [InlineData("policy=everything", "policy")]
    [InlineData("policy=5", "policy")]
    public async Task Batch_UnknownPolicy_Answers400ValidationFailedNamingTheParameter(string query, string field)
    {
        var (status, body) = await PostAsync($"{ProductsBatch}?{query}", Batch.Create(new ProductBuilder()));

        status.Should().Be(400, body.Text());
        body.Str("code").Should().Be("VALIDATION_FAILED");
        body.Fields("errors").Should().Contain(field);
        (await CountRowsAsync()).Products.Should().Be(0);
    }

    [Fact]
    public async Task Batch_OneItemOverTheLimit_Answers400BatchTooLargeAndWritesNothing()
    {
        Factory.MaxItems.Should().Be(1000);
        var products = Enumerable.Range(0, 1001).Select(_ => new ProductBuilder()).ToArray();

        var (status, body) = await PostAsync(ProductsBatch, Batch.Create(products));

        status.Should().Be(400, body.Text());
        body.Str("code").Should().Be("BATCH_TOO_LARGE");
        body.Str("detail").Should().Contain("1001").And.Contain("1000");
        (await CountRowsAsync()).Products.Should().Be(0);
    }

    [Fact]
    public async Task Batch_OverTheLimitAcrossOperations_Answers400BatchTooLargeAndWritesNothing()
    {
        var existing = await SeedProductAsync(new ProductBuilder());
        var creates = Enumerable.Range(0, 500).Select(_ => new ProductBuilder().Build());
        var deletes = Enumerable.Range(0, 501).Select(i => existing.Num("id") + i);

        var (status, body) = await PostAsync(ProductsBatch, Batch.Of(create: creates, delete: deletes));

        status.Should().Be(400, body.Text());
        body.Str("code").Should().Be("BATCH_TOO_LARGE");
        (await CountRowsAsync()).Products.Should().Be(1);
    }

    [Fact]
    public async Task Batch_ExactlyAtTheLimit_WritesEveryItem()
    {
        var products = Enumerable.Range(0, 1000).Select(_ => new ProductBuilder()).ToArray();

        var (status, body) = await PostAsync(ProductsBatch, Batch.Create(products));

        status.Should().Be(200, body.Text().Length > 500 ? body.Text()[..500] : body.Text());
        body.Num("summary.succeeded").Should().Be(1000);
        (await CountRowsAsync()).Products.Should().Be(1000);
    }

    [Theory]
    [InlineData("/api/v1/products/batch", "POST", 1001, "BATCH_TOO_LARGE")]
    [InlineData("/api/v1/products/batch", "PATCH", 1001, "BATCH_TOO_LARGE")]
    [InlineData("/api/v1/products/{id}/variants/batch", "POST", 1001, "BATCH_TOO_LARGE")]
    [InlineData("/api/v1/categories/batch", "POST", 1001, "BATCH_TOO_LARGE")]
    [InlineData("/api/v1/attributes/batch", "POST", 1001, "BATCH_TOO_LARGE")]
    [InlineData("/api/v1/products/batch", "POST", 0, "EMPTY_BATCH")]
    [InlineData("/api/v1/products/batch", "PATCH", 0, "EMPTY_BATCH")]
    [InlineData("/api/v1/products/{id}/variants/batch", "POST", 0, "EMPTY_BATCH")]
    [InlineData("/api/v1/categories/batch", "POST", 0, "EMPTY_BATCH")]
    [InlineData("/api/v1/attributes/batch", "POST", 0, "EMPTY_BATCH")]
    public async Task Batch_ItemCountOutsideTheLimits_Answers400OnEveryBatchEndpoint(
        string url, string method, int items, string code)
    {
        var product = await SeedProductAsync(new ProductBuilder().WithVariants(1));
        var before = await CountRowsAsync();
        var ids = Enumerable.Range(1, items).Select(i => (long)i).ToList();
        object body = method == "PATCH"
            ? new { updates = ids.Select(id => Batch.Item(("id", id), ("title", "Changed"))).ToList() }
            : Batch.Of(delete: ids);

        var (status, problem) = await SendAsync(new HttpMethod(method), WithProductId(url, product), Body(body));

        status.Should().Be(400, problem.Text());
        problem.Str("code").Should().Be(code);
        (await CountRowsAsync()).Should().Be(before);
    }

    [Theory]
    [InlineData("/api/v1/products/batch", "PATCH", """{"updates": [null]}""", "updates[0]")]
    [InlineData("/api/v1/products/{id}/variants/batch", "POST", """{"create": [null]}""", "create[0]")]
    [InlineData("/api/v1/products/{id}/variants/batch", "POST", """{"update": [null]}""", "update[0]")]
    [InlineData("/api/v1/categories/batch", "POST", """{"create": [null]}""", "create[0]")]
    [InlineData("/api/v1/attributes/batch", "POST", """{"update": [null]}""", "update[0]")]
    public async Task Batch_NullItemOnEveryBatchEndpoint_Answers400InvalidBody(
        string url, string method, string json, string field)
    {
        var product = await SeedProductAsync(new ProductBuilder().WithVariants(1));
        var before = await CountRowsAsync();

        var (status, body) = await SendAsync(new HttpMethod(method), WithProductId(url, product), Body(json));

        using (new AssertionScope(json))
        {
            status.Should().Be(400, body.Text());
            body.Str("code").Should().Be("INVALID_BODY", body.Text());
            body.Fields("errors").Should().Contain(field, body.Text());
        }

        (await CountRowsAsync()).Should().Be(before);
    }

    [Theory]
    [InlineData("/api/v1/products/batch", "POST")]
    [InlineData("/api/v1/products/batch", "PATCH")]
    [InlineData("/api/v1/categories/batch", "POST")]
    [InlineData("/api/v1/attributes/batch", "POST")]
    public async Task Batch_TruncatedJsonOnEveryBatchEndpoint_Answers400MalformedJson(string url, string method)
    {
        var (status, body) = await SendAsync(new HttpMethod(method), url, Body("""{"create": [{"name": "x" """));

        status.Should().Be(400, body.Text());
        body.Str("code").Should().Be("MALFORMED_JSON");
    }

    [Fact]
    public async Task Patch_CreateProperty_Answers400InvalidBodyNamingIt()
    {
        var (status, body) = await PatchAsync(ProductsBatch, new { create = new[] { new ProductBuilder().Build() } });

        status.Should().Be(400, body.Text());
        body.Str("code").Should().Be("INVALID_BODY");
        body.Fields("errors").Should().Contain("create");
        (await CountRowsAsync()).Products.Should().Be(0);
    }

    [Fact]
    public async Task Patch_EmptyUpdates_Answers400EmptyBatch()
    {
        var (status, body) = await PatchAsync(ProductsBatch, new { updates = Array.Empty<object>() });

        status.Should().Be(400, body.Text());
        body.Str("code").Should().Be("EMPTY_BATCH");
    }

    [Fact]
    public async Task Batch_ProblemBody_IsServedAsProblemJson()
    {
        using var response = await Client.PostAsync(ProductsBatch, Body("{"));

        ((int)response.StatusCode).Should().Be(400);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    private static string WithProductId(string url, JsonNode product)
    {
        var id = product.Num("id").ToString(System.Globalization.CultureInfo.InvariantCulture);
        return url.Replace("{id}", id, StringComparison.Ordinal);
    }
}

public sealed class InvalidRequestResponseTestsOnSqlite(SqliteApiFactory f)
    : InvalidRequestResponseTests(f), IClassFixture<SqliteApiFactory>;

public sealed class InvalidRequestResponseTestsOnPostgres(PostgresApiFactory f)
    : InvalidRequestResponseTests(f), IClassFixture<PostgresApiFactory>;

public sealed class InvalidRequestResponseTestsOnSqlServer(SqlServerApiFactory f)
    : InvalidRequestResponseTests(f), IClassFixture<SqlServerApiFactory>;
