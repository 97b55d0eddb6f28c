using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Catalog.Api.Tests.Dialects.WooCommerce;
using Catalog.Testing;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Api.Tests.Common;

/// <summary>
/// One input policy on every route and provider: what is accepted can be stored and answered. Text without NUL or
/// lone surrogates, free JSON within one depth and size limit, bodies in any charset that can be decoded, column
/// lengths checked before the write; and a row that cannot be answered never takes a list page down.
/// </summary>
public abstract class InputPolicyTests(CatalogApiFactory factory) : WooCommerceApiTest(factory)
{
    [Fact]
    public async Task Batch_NulInTitle_FailsItemWithValidationFailedNamingIt()
    {
        var (status, body) = await PostRawAsync(ProductsBatch, """
            {"create": [{"title": "a\u0000b"}, {"title": "Fine", "variants": [{"title": "V", "sku": "S\u0000"}]},
              {"title": "Kept"}]}
            """);

        status.Should().Be(200, body.Text());
        body.Str("create[0].error.code").Should().Be("VALIDATION_FAILED");
        body.Fields("create[0].error.details").Should().Contain("title");
        body.Fields("create[1].error.details").Should().Contain("variants[0].sku");
        body.Str("create[2].status").Should().Be("succeeded");
        (await CountRowsAsync()).Products.Should().Be(1);
    }

    [Fact]
    public async Task WooBatch_NulInName_FailsOnlyThatItem()
    {
        var (status, body) = await SendAsync(HttpMethod.Post, ProductsBatchRoute,
            Body("""{"create": [{"name": "x\u0000"}, {"name": "Fine", "regular_price": "2"}]}"""), Woo);

        status.Should().Be(200, body.Text());
        body.Str("create[0].error.code").Should().Be("rest_invalid_param", body.Text());
        body.At("create[1].error").Should().BeNull(body.Text());
    }

    [Theory]
    [InlineData("""{"create": [{"title": "x", "handle": "x", "metadata": {"k": "\ud800"}}]}""", "create[0].metadata.k")]
    [InlineData(
        """{"create": [{"title": "x", "extensions": {"woocommerce": {"\udc00": 1}}}]}""",
        "create[0].extensions.woocommerce.?")]
    public async Task Batch_LoneSurrogateInFreeJson_Answers400InvalidBodyAndWritesNothing(string json, string field)
    {
        var (status, body) = await PostRawAsync(ProductsBatch, json);

        status.Should().Be(400, body.Text());
        body.Str("code").Should().Be("INVALID_BODY");
        body.Fields("errors").Should().Contain(field);
        (await CountRowsAsync()).Products.Should().Be(0);
    }

    [Fact]
    public async Task WholesaleSuiteBatch_LoneSurrogateInWholesaleValue_Answers400NotAServerError()
    {
        var (status, body) = await SendAsync(HttpMethod.Post, "/wp-json/wholesale/v1/products/batch",
            Body("""{"create": [{"name": "W", "wholesale_price": {"gold": "2\udc00"}}]}"""), Woo);

        status.Should().Be(400, body.Text());
        body.Str("code").Should().Be("rest_invalid_param", body.Text());
    }

    [Theory]
    [InlineData(28)]
    [InlineData(32)]
    public async Task Batch_MetadataNestedWithinTheLimit_IsStoredAndReadsBack(int depth)
    {
        // A variant's metadata sits six levels down in the answer: the writer once counted those against the value.
        var json = $$"""
            {"create": [{"title": "Deep", "variants": [{"title": "V", "metadata": {{Nested(depth)}}}]}]}
            """;

        var (status, body) = await PostRawAsync(ProductsBatch, json);

        status.Should().Be(200, body.Text());
        body.Str("create[0].status").Should().Be("succeeded", body.Text());
        var id = body.Num("create[0].id");
        (await GetAsync($"/api/v1/products/{id}")).Status.Should().Be(200);
        (await GetAsync("/api/v1/products")).Status.Should().Be(200);
        (await SendAsync(HttpMethod.Get, $"/wp-json/wc/v3/products/{id}", null, Woo)).Status.Should().Be(200);
    }

    [Theory]
    [InlineData(33)]
    [InlineData(60)]
    public async Task Batch_MetadataNestedPastTheLimit_FailsItemWithValidationFailed(int depth)
    {
        var (status, body) = await PostRawAsync(ProductsBatch, $$$"""
            {"create": [{"title": "Deep", "metadata": {{{Nested(depth)}}}},
              {"title": "Flat", "extensions": {"medusa": {{{Nested(depth - 1)}}}}}]}
            """);

        status.Should().Be(200, body.Text());
        body.Str("create[0].error.code").Should().Be("VALIDATION_FAILED");
        body.Fields("create[0].error.details").Should().Contain("metadata");
        body.Fields("create[1].error.details").Should().Contain("extensions");
        (await CountRowsAsync()).Products.Should().Be(0);
    }

    [Fact]
    public async Task MedusaBatch_MetadataNestedPastTheLimit_Answers400AndWritesNothing()
    {
        using var medusa = Factory.CreateClientWithKey(null);
        medusa.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(CatalogApiFactory.WriteKey + ":")));

        var (status, body) = await SendAsync(HttpMethod.Post, "/admin/products/batch",
            Body($$"""{"create": [{"title": "Deep", "metadata": {{Nested(45)}}}]}"""), medusa);

        status.Should().Be(400, body.Text());
        body.Str("type").Should().Be("invalid_data", body.Text());
        (await CountRowsAsync()).Products.Should().Be(0);
        (await SendAsync(HttpMethod.Get, "/admin/products", null, medusa)).Status.Should().Be(200);
    }

    [Fact]
    public async Task Batch_ValidJsonDeeperThanTheDocumentLimit_Answers400JsonTooDeep()
    {
        var json = $$"""{"create": [{"title": "x", "metadata": {{Nested(70)}}}]}""";

        var (status, body) = await PostRawAsync(ProductsBatch, json);

        status.Should().Be(400, body.Text());
        body.Str("code").Should().Be("JSON_TOO_DEEP");
    }

    [Fact]
    public async Task Batch_MetadataLargerThanTheValueLimit_FailsItem()
    {
        var big = new string('a', 70_000);
        var json = $$$"""{"create": [{"title": "Big", "metadata": {"k": "{{{big}}}"}}]}""";

        var (status, body) = await PostRawAsync(ProductsBatch, json);

        status.Should().Be(200, body.Text());
        body.Str("create[0].error.code").Should().Be("VALIDATION_FAILED");
        body.At("create[0].error.details[0].message")!.GetValue<string>().Should().Contain("65536 bytes");
    }

    [Theory]
    [InlineData("application/json; charset=utf-16", "{ }", 400, "MALFORMED_JSON")]
    [InlineData("application/json; charset=x-unknown", "{}", 415, "UNSUPPORTED_MEDIA_TYPE")]
    [InlineData("text/plain", "{}", 415, "UNSUPPORTED_MEDIA_TYPE")]
    public async Task Batch_BodyInACharsetOrTypeItCannotRead_Answers4xxWithCode(
        string contentType, string text, int expected, string code)
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        var (status, body) = await SendAsync(HttpMethod.Post, ProductsBatch, content);

        status.Should().Be(expected, body.Text());
        body.Str("code").Should().Be(code);
    }

    [Fact]
    public async Task Batch_BodyInUtf16_IsDecodedAndApplied()
    {
        using var content = new ByteArrayContent(Encoding.Unicode.GetBytes("""{"create": [{"title": "Größe"}]}"""));
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=utf-16");

        var (status, body) = await SendAsync(HttpMethod.Post, ProductsBatch, content);

        status.Should().Be(200, body.Text());
        body.Str("create[0].product.title").Should().Be("Größe");
    }

    [Fact]
    public async Task WholesaleSuiteBatch_InvalidUtf8_Answers400InvalidJson()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"create": [{"name": "W", "wholesale_price": {"gold": "2X"}}]}""");
        bytes[Array.IndexOf(bytes, (byte)'X')] = 0xFF;
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var (status, body) = await SendAsync(HttpMethod.Post, "/wp-json/wholesale/v1/products/batch", content, Woo);

        status.Should().Be(400, body.Text());
        body.Str("code").Should().Be("rest_invalid_json");
    }

    [Fact]
    public async Task WooBatch_RepeatedName_Answers400NamingIt()
    {
        var (status, body) = await SendAsync(HttpMethod.Post, ProductsBatchRoute,
            Body("""{"create": [{"name": "T", "dimensions": {"height": "1", "height": "2"}}]}"""), Woo);

        status.Should().Be(400, body.Text());
        body.Str("code").Should().Be("rest_invalid_param");
        (body.At("data.params") as JsonObject)!.Select(p => p.Key).Should().Contain("create[0].dimensions.height");
    }

    [Fact]
    public async Task WholesaleRoleCurrency_WithTrailingNewline_FailsItem()
    {
        await PostAsync(
            "/api/v1/wholesale-roles/batch", Batch.Of(create: [Batch.Item(("key", "gold"), ("name", "Gold"))]));

        var (status, body) = await PostRawAsync(ProductsBatch, """
            {"create": [{"title": "P", "variants": [{"title": "V",
              "wholesale": {"prices": [{"role": "gold", "currency_code": "usd\n", "amount": 1}]}}]}]}
            """);

        status.Should().Be(200, body.Text());
        body.Fields("create[0].error.details").Should().Contain("variants[0].wholesale.prices[0].currency_code");
        (await CountRowsAsync()).Products.Should().Be(0);
    }

    [Fact]
    public async Task WooVariation_DimensionsNotAnObject_FailsItemAndNothingUnreadableIsStored()
    {
        var parent = await SeedWooAsync(VariableProduct());

        var (status, body) = await WooPostAsync(VariationsBatch(parent.Num("id")), new
        {
            create = new object[]
            {
                new
                {
                    sku = "DIM-1",
                    dimensions = new[] { 1, 2 },
                    attributes = new[] { new { name = "Size", option = "S" } },
                },
            },
        });

        status.Should().Be(200, body.Text());
        body.Str("create[0].error.code").Should().Be("rest_invalid_param", body.Text());
        (await WooGetAsync(Variations(parent.Num("id")))).Status.Should().Be(200);
        (await WooGetAsync($"{Products}/{parent.Num("id")}")).Status.Should().Be(200);
    }

    [Fact]
    public async Task List_BadQueryValue_DoesNotEchoIt()
    {
        var (status, body) = await GetAsync("/api/v1/products?limit=%3Cscript%3E");

        status.Should().Be(400, body.Text());
        body.Text().Should().NotContain("script");
    }

    [Fact]
    public async Task List_RowThatCannotBeAnswered_IsLeftOutAndThePageAnswers()
    {
        var products = await SeedProductsAsync(new ProductBuilder(), new ProductBuilder());
        var poisoned = products[0].Num("id");
        await Factory.QueryAsync(db => db.Database.ExecuteSqlAsync(
            $"UPDATE products SET metadata = {"{\"k\": \"\\ud800\"}"} WHERE id = {poisoned}"));

        var (status, body) = await GetAsync("/api/v1/products");
        var woo = await WooGetAsync(Products);

        status.Should().Be(200, body.Text());
        body.Arr("items").Select(p => p!["id"]!.GetValue<long>()).Should().Equal(products[1].Num("id"));
        woo.Status.Should().Be(200, woo.Body.Text());
    }

    private static string Nested(int depth) =>
        string.Concat(Enumerable.Repeat("{\"k\":", depth)) + "1" + new string('}', depth);
}

public sealed class InputPolicyTestsOnSqlite(SqliteApiFactory f) : InputPolicyTests(f), IClassFixture<SqliteApiFactory>;

public sealed class InputPolicyTestsOnPostgres(PostgresApiFactory f)
    : InputPolicyTests(f), IClassFixture<PostgresApiFactory>;

public sealed class InputPolicyTestsOnSqlServer(SqlServerApiFactory f)
    : InputPolicyTests(f), IClassFixture<SqlServerApiFactory>;
