using System.Globalization;
using System.Text.Json.Nodes;
using Catalog.Domain.Products;
using Catalog.Testing;

namespace Catalog.Api.Tests.Dialects.Trade;

/// <summary>
/// <c>PATCH /v1/products/batch</c>: the trade API's own example, every field round-tripping through the trade answer
/// and the canonical API, updates applied in order with failures that stay in their place, and an id sent twice.
/// </summary>
public abstract class TradeBatchTests(CatalogApiFactory factory) : TradeApiTest(factory)
{
    [Fact]
    public async Task Batch_ReferenceExample_AnswersTheSentValuesInTheTradeShapeAndTheCanonicalApiHoldsThem()
    {
        var (categoryId, ids) = await SeedTradeProductsAsync(2);
        var (first, second) = (ids[0], ids[1]);
        var before = await CanonicalAsync(first);

        var (status, body) = await TradePatchAsync($$"""
            {
              "updates": [
                { "id": {{first}}, "pricing": { "pricingType": "FIXED", "price": 12500, "isDisclosePrice": true } },
                { "id": {{second}}, "name": "Renamed product" }
              ]
            }
            """);

        status.Should().Be(200, body.Text());
        SameJson(body.At("summary"), """{"total": 2, "succeeded": 2, "failed": 0}""").Should().BeTrue(body.Text());
        body.Arr("results").Select(r => r.Num("id")).Should().Equal(first, second);
        body.Arr("results").Select(r => r.Str("status")).Should().Equal("ok", "ok");
        var product = body.At("results[0].product")!;
        product.AsObject().Select(p => p.Key).Should().Equal(TradeProductKeys);
        product.Num("id").Should().Be(first);
        product.Str("name").Should().Be(before.Str("title"));
        product.Str("description").Should().Be("High-quality granite countertop with polished finish");
        product.Num("tradeCategoryId").Should().Be(categoryId);
        product.Str("pricingType").Should().Be("FIXED");
        product.At("price")!.ToJsonString().Should().Be("12500", "an integer price stays an integer");
        product.At("maxPrice").Should().BeNull("no maxPrice was ever sent");
        product.At("isDisclosePrice")!.GetValue<bool>().Should().BeTrue();
        product.Arr("faqs").Should().BeEmpty();
        product.At("isActive")!.GetValue<bool>().Should().BeTrue();
        product.Str("createdAt").Should().Be(TradeTime(before.Str("created_at")!));
        product.Str("updatedAt").Should().MatchRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$");
        body.Str("results[1].product.name").Should().Be("Renamed product");

        var read = await CanonicalAsync(first);
        SameJson(read.At("extensions"), """
            {"trade": {"pricingType": "FIXED", "price": 12500, "isDisclosePrice": true}}
            """).Should().BeTrue(read.Text());
        read.At("extensions.trade.price")!.ToJsonString().Should().Be("12500");
        read.Str("title").Should().Be(before.Str("title"));
        read.Str("status").Should().Be("published");
        read.Arr("category_ids").Select(c => c!.GetValue<long>()).Should().Equal(categoryId);
        product.Str("updatedAt").Should().Be(TradeTime(read.Str("updated_at")!));
        var renamed = await CanonicalAsync(second);
        renamed.Str("title").Should().Be("Renamed product");
        renamed.At("extensions")!.ToJsonString().Should().Be("{}", "a rename sends no trade-only field");
        (await FindProductAsync(second))!.Title.Should().Be("Renamed product");
    }

    [Fact]
    public async Task Batch_UnknownId_AnswersTheTradeNotFoundResultAndAppliesTheRest()
    {
        var (_, ids) = await SeedTradeProductsAsync(1);

        var (status, body) = await TradePatchAsync(
            Updates($$"""{"id": {{ids[0]}}, "name": "Kept"}""", """{"id": 987654, "name": "Renamed product"}"""));

        status.Should().Be(200, body.Text());
        SameJson(
                body.At("results[1]"),
                """{"id": 987654, "status": "error", "code": "NOT_FOUND", "message": "Trade product not found"}""")
            .Should().BeTrue(body.Text());
        SameJson(body.At("summary"), """{"total": 2, "succeeded": 1, "failed": 1}""").Should().BeTrue(body.Text());
        (await FindProductAsync(ids[0]))!.Title.Should().Be("Kept");
        (await CountRowsAsync()).Products.Should().Be(1);
    }

    [Fact]
    public async Task Batch_EveryField_RoundTripsThroughTheTradeAnswerAndTheCanonicalApi()
    {
        var (_, ids) = await SeedTradeProductsAsync(1);
        var other = (await SeedCategoriesAsync(new CategoryBuilder()))[0].Num("id");
        const string Faqs = """
            [
              {"question": "What materials do you use?", "answer": "Locally sourced granite.", "order": 1},
              {"question": "Lead time?", "answer": null}
            ]
            """;

        var (status, body) = await TradePatchAsync(Updates($$"""
            {
              "id": {{ids[0]}}, "name": "Granite Countertop", "description": "Polished", "tradeCategoryId": {{other}},
              "pricingType": "RANGE", "price": 299.99, "maxPrice": 499.90, "isDisclosePrice": false,
              "faqs": {{Faqs}}, "isActive": true
            }
            """));

        status.Should().Be(200, body.Text());
        var product = body.At("results[0].product")!;
        product.Str("name").Should().Be("Granite Countertop");
        product.Str("description").Should().Be("Polished");
        product.Num("tradeCategoryId").Should().Be(other);
        product.Str("pricingType").Should().Be("RANGE");
        product.At("price")!.ToJsonString().Should().Be("299.99");
        product.At("maxPrice")!.ToJsonString().Should().Be("499.90", "numbers keep their digits");
        product.At("isDisclosePrice")!.GetValue<bool>().Should().BeFalse();
        SameJson(product.At("faqs"), Faqs).Should().BeTrue(product.Text());
        product.At("isActive")!.GetValue<bool>().Should().BeTrue();

        var read = await CanonicalAsync(ids[0]);
        read.Str("title").Should().Be("Granite Countertop");
        read.Str("description").Should().Be("Polished");
        read.Arr("category_ids").Select(c => c!.GetValue<long>()).Should().Equal(other);
        read.Str("status").Should().Be("published");
        SameJson(read.At("extensions.trade"), $$"""
            {"pricingType": "RANGE", "price": 299.99, "maxPrice": 499.90, "isDisclosePrice": false, "faqs": {{Faqs}}}
            """).Should().BeTrue(read.Text());

        // An update naming nothing else reads the product back through the trade dialect.
        var (_, again) = await TradePatchAsync(Updates($$"""{"id": {{ids[0]}}}"""));
        var reread = again.At("results[0].product")!.AsObject();
        reread.Remove("updatedAt");
        product.AsObject().Remove("updatedAt");
        JsonNode.DeepEquals(reread, product).Should().BeTrue($"{reread.ToJsonString()} vs {product.ToJsonString()}");
        again.At("results[0].product.maxPrice")!.ToJsonString().Should().Be("499.90");
    }

    [Fact]
    public async Task Batch_NullDescriptionAndPrices_ClearThemAndKeepTheRest()
    {
        var (_, ids) = await SeedTradeProductsAsync(1);
        await TradePatchAsync(Updates($$"""
            {
              "id": {{ids[0]}}, "pricingType": "RANGE", "price": 10, "maxPrice": 20,
              "faqs": [{"question": "q", "answer": "a"}]
            }
            """));

        var (status, body) = await TradePatchAsync(Updates(
            $$"""{"id": {{ids[0]}}, "description": null, "pricing": {"price": null, "maxPrice": null} }"""));

        status.Should().Be(200, body.Text());
        body.Str("results[0].status").Should().Be("ok", body.Text());
        body.At("results[0].product.description").Should().BeNull();
        body.At("results[0].product.price").Should().BeNull();
        body.At("results[0].product.maxPrice").Should().BeNull();
        body.Str("results[0].product.pricingType").Should().Be("RANGE");
        body.Arr("results[0].product.faqs").Should().HaveCount(1);
        var stored = await FindProductAsync(ids[0]);
        stored!.Description.Should().BeNull();
        SameJson(JsonNode.Parse(stored.Extensions!)!["trade"], """
            {"pricingType": "RANGE", "faqs": [{"question": "q", "answer": "a"}]}
            """).Should().BeTrue("a null removes the field (RFC 7396): " + stored.Extensions);
    }

    [Fact]
    public async Task Batch_FailingMiddleUpdate_FailsAloneAndTheOthersAreWritten()
    {
        var (categoryId, ids) = await SeedTradeProductsAsync(3);

        var (status, body) = await TradePatchAsync(Updates(
            $$"""{"id": {{ids[0]}}, "name": "First"}""",
            $$"""{"id": {{ids[1]}}, "name": "Second", "tradeCategoryId": 999999}""",
            $$"""{"id": {{ids[2]}}, "name": "Third", "isActive": false}"""));

        status.Should().Be(200, body.Text());
        body.Arr("results").Select(r => r.Str("status")).Should().Equal("ok", "error", "ok");
        body.Arr("results").Select(r => r.Num("id")).Should().Equal(ids);
        body.Str("results[1].code").Should().Be("REFERENCE_NOT_FOUND");
        body.Str("results[1].message").Should().Contain("999999");
        body.At("results[1].product").Should().BeNull();
        SameJson(body.At("summary"), """{"total": 3, "succeeded": 2, "failed": 1}""").Should().BeTrue(body.Text());
        (await FindProductAsync(ids[0]))!.Title.Should().Be("First");
        var untouched = await FindProductAsync(ids[1]);
        untouched!.Title.Should().NotBe("Second");
        untouched.Version.Should().Be(1);
        untouched.Categories.Select(c => c.CategoryId).Should().Equal(categoryId);
        var third = await FindProductAsync(ids[2]);
        third!.Title.Should().Be("Third");
        third.Status.Should().Be(ProductStatus.Draft);
    }

    [Theory]
    [InlineData("\"pricingType\": \"HOURLY\"", "pricingType")]
    [InlineData("\"pricingType\": null", "pricingType")]
    [InlineData("\"price\": -1", "price")]
    [InlineData("\"pricing\": {\"maxPrice\": -0.01}", "maxPrice")]
    [InlineData("\"price\": 0.123456789012345678901234567890123", "price")]
    [InlineData("\"maxPrice\": 123456789012345", "maxPrice")]
    [InlineData("\"pricing\": {\"pricingType\": \"RANGE\", \"price\": 10, \"maxPrice\": 5}", "maxPrice")]
    [InlineData("\"price\": 5, \"pricing\": {\"price\": 6}", "price")]
    [InlineData("\"pricing\": null", "pricing")]
    [InlineData("\"name\": \"  \"", "name")]
    [InlineData("\"name\": null", "name")]
    [InlineData("\"tradeCategoryId\": null", "tradeCategoryId")]
    [InlineData("\"tradeCategoryId\": 0", "tradeCategoryId")]
    [InlineData("\"faqs\": [\"not an object\"]", "faqs[0]")]
    [InlineData("\"faqs\": null", "faqs")]
    [InlineData("\"isActive\": null", "isActive")]
    [InlineData("\"isDisclosePrice\": null", "isDisclosePrice")]
    public async Task Batch_InvalidValue_FailsThatUpdateAloneWithValidationFailed(string fields, string field)
    {
        var (_, ids) = await SeedTradeProductsAsync(2);

        var (status, body) = await TradePatchAsync(Updates(
            $$"""{"id": {{ids[0]}}, "description": "Never written", {{fields}}}""",
            $$"""{"id": {{ids[1]}}, "name": "Good one"}"""));

        status.Should().Be(200, body.Text());
        body.Str("results[0].status").Should().Be("error", body.Text());
        body.Str("results[0].code").Should().Be("VALIDATION_FAILED");
        body.Str("results[0].message").Should().Contain(field);
        body.Str("results[1].status").Should().Be("ok");
        var bad = await FindProductAsync(ids[0]);
        bad!.Version.Should().Be(1);
        bad.Description.Should().NotBe("Never written");
        bad.Extensions.Should().BeNull();
        (await FindProductAsync(ids[1]))!.Title.Should().Be("Good one");
    }

    [Fact]
    public async Task Batch_SameIdSeveralTimes_AppliesThemInOrderEachSeeingTheOneBefore()
    {
        var (_, ids) = await SeedTradeProductsAsync(2);
        var (a, b) = (ids[0], ids[1]);

        var (status, body) = await TradePatchAsync(Updates(
            $$"""{"id": {{a}}, "pricing": {"pricingType": "RANGE", "price": 100, "maxPrice": 200} }""",
            $$"""{"id": {{b}}, "name": "B once"}""",
            $$"""{"id": {{a}}, "name": "A twice", "maxPrice": 150}""",
            $$"""{"id": {{a}}, "maxPrice": 50}""",
            $$"""{"id": {{b}}, "name": "B twice"}"""));

        status.Should().Be(200, body.Text());
        body.Arr("results").Select(r => r.Str("status")).Should().Equal("ok", "ok", "ok", "error", "ok");
        body.At("results[0].product.maxPrice")!.ToJsonString()
            .Should().Be("200", "the first update's answer is the product after it");
        body.Str("results[2].product.name").Should().Be("A twice");
        body.Str("results[2].product.pricingType").Should().Be("RANGE", "the second update sees the first");
        body.At("results[2].product.price")!.ToJsonString().Should().Be("100");
        body.At("results[2].product.maxPrice")!.ToJsonString().Should().Be("150");
        body.Str("results[3].code").Should().Be("VALIDATION_FAILED", "50 is below the price 100 the first update set");
        body.Str("results[4].product.name").Should().Be("B twice");
        var stored = await FindProductAsync(a);
        stored!.Title.Should().Be("A twice");
        stored.Version.Should().Be(3);
        SameJson(JsonNode.Parse(stored.Extensions!)!["trade"], """
            {"pricingType": "RANGE", "price": 100, "maxPrice": 150}
            """).Should().BeTrue(stored.Extensions);
        (await FindProductAsync(b))!.Title.Should().Be("B twice");
    }

    [Fact]
    public async Task Batch_IsActive_PublishesOrUnpublishesAndKeepsOtherInactiveStatuses()
    {
        var published = await SeedProductAsync(new ProductBuilder().With("status", "published"));
        var archived = await SeedProductAsync(new ProductBuilder().With("status", "archived"));
        var draft = await SeedProductAsync(new ProductBuilder());

        var (status, body) = await TradePatchAsync(Updates(
            $$"""{"id": {{published.Num("id")}}, "isActive": false}""",
            $$"""{"id": {{archived.Num("id")}}, "isActive": false}""",
            $$"""{"id": {{draft.Num("id")}}, "isActive": true}"""));

        status.Should().Be(200, body.Text());
        body.Arr("results").Select(r => r.At("product.isActive")!.GetValue<bool>()).Should().Equal(false, false, true);
        (await CanonicalAsync(published.Num("id"))).Str("status").Should().Be("draft");
        (await CanonicalAsync(archived.Num("id"))).Str("status").Should().Be("archived");
        (await CanonicalAsync(draft.Num("id"))).Str("status").Should().Be("published");
    }

    [Fact]
    public async Task Batch_TradeCategoryOfAProductWithSeveral_ReadsTheLowestAndReplacesOnlyWhenItChanges()
    {
        var categories = await SeedCategoriesAsync(new CategoryBuilder(), new CategoryBuilder());
        var (low, high) = (categories[0].Num("id"), categories[1].Num("id"));
        var product = await SeedProductAsync(new ProductBuilder().InCategories(high, low));

        var (_, same) = await TradePatchAsync(
            Updates($$"""{"id": {{product.Num("id")}}, "tradeCategoryId": {{low}}}"""));

        same.Num("results[0].product.tradeCategoryId").Should().Be(low);
        (await FindProductAsync(product.Num("id")))!.Categories.Select(c => c.CategoryId)
            .Should().BeEquivalentTo([low, high]);

        var (_, moved) = await TradePatchAsync(
            Updates($$"""{"id": {{product.Num("id")}}, "tradeCategoryId": {{high}}}"""));

        moved.Num("results[0].product.tradeCategoryId").Should().Be(high);
        (await FindProductAsync(product.Num("id")))!.Categories.Select(c => c.CategoryId).Should().Equal(high);
    }

    [Fact]
    public async Task Batch_ProductWithOtherExtensions_KeepsThemAndTheTradeKeysItDoesNotKnow()
    {
        var product = await SeedProductAsync(new ProductBuilder().With("extensions", new Dictionary<string, object>
        {
            ["woocommerce"] = new { menu_order = 3 },
            ["trade"] = new { note = "kept", price = 1 },
        }));

        var (status, body) = await TradePatchAsync(Updates($$"""{"id": {{product.Num("id")}}, "price": 2.50}"""));

        status.Should().Be(200, body.Text());
        body.At("results[0].product.price")!.ToJsonString().Should().Be("2.50");
        var read = await CanonicalAsync(product.Num("id"));
        SameJson(read.At("extensions"), """
            {"woocommerce": {"menu_order": 3}, "trade": {"note": "kept", "price": 2.50}}
            """).Should().BeTrue(read.Text());
    }

    [Fact]
    public async Task Batch_HundredUpdates_AreAllApplied()
    {
        var (_, ids) = await SeedTradeProductsAsync(100);

        var (status, body) = await TradePatchAsync(
            Updates([.. ids.Select(id => $$"""{"id": {{id}}, "price": {{id}}}""")]));

        status.Should().Be(200, body.Text());
        body.Num("summary.succeeded").Should().Be(100, body.Text());
        body.Arr("results").Select(r => r.Num("product.price")).Should().Equal(ids);
    }

    [Fact]
    public async Task Batch_ReadsAsMuchForHundredUpdatesAsForTen()
    {
        var (_, ids) = await SeedTradeProductsAsync(110);
        var other = (await SeedCategoriesAsync(new CategoryBuilder()))[0].Num("id");

        async Task<long> ReadsAsync(IEnumerable<long> targets)
        {
            Factory.Statements.Reset();
            var (status, body) = await TradePatchAsync(Updates([.. targets.Select(id => $$"""
                {
                  "id": {{id}}, "name": "Counted {{id}}", "tradeCategoryId": {{other}},
                  "pricing": {"pricingType": "FIXED", "price": 10}, "isActive": false
                }
                """)]));
            body.Num("summary.failed").Should().Be(0, body.Text());
            return status == 200 ? Factory.Statements.Reads : -1;
        }

        var ten = await ReadsAsync(ids.Take(10));
        var hundred = await ReadsAsync(ids.Skip(10));

        hundred.Should().Be(ten).And.BeLessThan(20);
    }

    /// <summary>The canonical timestamp as the trade API writes it: UTC, milliseconds, Z.</summary>
    private static string TradeTime(string canonical) =>
        DateTimeOffset.Parse(canonical, CultureInfo.InvariantCulture).UtcDateTime
            .ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}

public sealed class TradeBatchTestsOnSqlite(SqliteApiFactory f) : TradeBatchTests(f), IClassFixture<SqliteApiFactory>;

public sealed class TradeBatchTestsOnPostgres(PostgresApiFactory f)
    : TradeBatchTests(f), IClassFixture<PostgresApiFactory>;

public sealed class TradeBatchTestsOnSqlServer(SqlServerApiFactory f)
    : TradeBatchTests(f), IClassFixture<SqlServerApiFactory>;
