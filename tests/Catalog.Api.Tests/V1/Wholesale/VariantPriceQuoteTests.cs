using System.Text.Json.Nodes;
using Catalog.Testing;

namespace Catalog.Api.Tests.V1.Wholesale;

/// <summary><c>GET /api/v1/variants/{id}/price?role=&amp;quantity=&amp;currency=</c> end to end.</summary>
public abstract class VariantPriceQuoteTests(CatalogApiFactory factory) : WholesaleApiTest(factory)
{
    /// <summary>
    /// USD 19 / EUR 17 regular; gold: USD 12 (on sale 11.5), EUR 11, minimum 5 step 3, 20% off 11-20, USD 8 fixed from
    /// 21.
    /// </summary>
    private async Task<long> SeedGoldVariantAsync()
    {
        await SeedRolesAsync("gold", "silver");
        var wholesale = FullWholesale("gold");
        wholesale["visibility"] = new[] { "gold", "silver" };
        return (await SeedVariantAsync(wholesale)).Num("id");
    }

    [Theory]
    [InlineData(4, 19.00, 76.00, false, "below_minimum", null)]
    [InlineData(5, 11.50, 57.50, true, "wholesale_price", null)]
    [InlineData(6, 19.00, 114.00, false, "step_mismatch", null)]
    [InlineData(8, 11.50, 92.00, true, "wholesale_price", null)]
    [InlineData(11, 9.20, 101.20, true, "quantity_discount_rule", 11L)]
    [InlineData(20, 9.20, 184.00, true, "quantity_discount_rule", 11L)]
    [InlineData(23, 8.00, 184.00, true, "quantity_discount_rule", 21L)]
    [InlineData(302, 8.00, 2416.00, true, "quantity_discount_rule", 21L)]
    public async Task Quote_GoldInUsd_FollowsMinimumStepAndRules(
        long quantity, decimal unit, decimal total, bool allowed, string reason, long? ruleStart)
    {
        var variantId = await SeedGoldVariantAsync();

        var (status, body) = await GetAsync(Quote(variantId, $"role=gold&quantity={quantity}&currency=USD"));

        status.Should().Be(200, body.Text());
        body.Num("variant_id").Should().Be(variantId);
        body.Str("role").Should().Be("gold");
        body.Num("quantity").Should().Be(quantity);
        body.Str("currency").Should().Be("usd");
        body.Dec("regular_price").Should().Be(19m);
        body.Dec("unit_price").Should().Be(unit);
        body.Dec("total").Should().Be(total);
        body.At("quantity_allowed")!.GetValue<bool>().Should().Be(allowed);
        body.Str("reason").Should().Be(reason);
        if (ruleStart is null)
        {
            body!.AsObject().ContainsKey("applied_rule").Should().BeTrue();
            body.At("applied_rule").Should().BeNull();
        }
        else
        {
            body.Num("applied_rule.start_qty").Should().Be(ruleStart.Value);
            body.Str("applied_rule.role").Should().Be("gold");
        }
    }

    [Fact]
    public async Task Quote_AppliedRule_IsTheWholeRuleObject_AndMoneyHasTwoPlaces()
    {
        var variantId = await SeedGoldVariantAsync();

        var (_, body) = await GetAsync(Quote(variantId, "role=gold&quantity=11&currency=usd"));

        ShouldEqualJson(body.At("applied_rule"), JsonNode.Parse("""
            {
                "role": "gold", "start_qty": 11, "end_qty": 20,
                "price_type": "percent", "value": 20, "currency_code": null
            }
            """)!);
        body.At("unit_price")!.ToJsonString().Should().Be("9.20");
        body.At("regular_price")!.ToJsonString().Should().Be("19.00");
    }

    [Fact]
    public async Task Quote_NoCurrency_UsesTheFirstPlainPriceCurrency()
    {
        var variantId = await SeedGoldVariantAsync();

        var (status, body) = await GetAsync(Quote(variantId, "role=gold&quantity=5"));

        status.Should().Be(200, body.Text());
        body.Str("currency").Should().Be("eur", "eur comes before usd");
        body.Dec("regular_price").Should().Be(17m);
        body.Dec("unit_price").Should().Be(11m);
        body.Str("reason").Should().Be("wholesale_price");
    }

    [Fact]
    public async Task Quote_RoleWithoutWholesalePrice_PaysTheRegularPrice()
    {
        var variantId = await SeedGoldVariantAsync();

        var (_, body) = await GetAsync(Quote(variantId, "role=silver&quantity=30&currency=usd"));

        body.Dec("unit_price").Should().Be(19m);
        body.Dec("total").Should().Be(570m);
        body.Str("reason").Should().Be("no_wholesale_price");
        body.At("quantity_allowed")!.GetValue<bool>().Should().BeTrue();
    }

    [Fact]
    public async Task Quote_VariantHiddenFromTheRole_AnswersAsIfItDidNotExist()
    {
        await SeedRolesAsync("gold", "silver");
        var variantId = (await SeedVariantAsync(new { visibility = new[] { "gold" } })).Num("id");

        var (hiddenStatus, hidden) = await GetAsync(Quote(variantId, "role=silver&quantity=1"));
        var (missingStatus, missing) = await GetAsync(Quote(987654, "role=silver&quantity=1"));
        var (visibleStatus, _) = await GetAsync(Quote(variantId, "role=gold&quantity=1"));

        hiddenStatus.Should().Be(404);
        missingStatus.Should().Be(404);
        hidden.Str("code").Should().Be("NOT_FOUND");
        hidden.Str("detail").Should().Be($"Variant {variantId} was not found.");
        missing.Str("code").Should().Be(hidden.Str("code"));
        visibleStatus.Should().Be(200);
    }

    [Fact]
    public async Task Quote_UnknownRole_Is400OnRole()
    {
        var variantId = await SeedGoldVariantAsync();

        var (status, body) = await GetAsync(Quote(variantId, "role=platinum&quantity=1"));

        status.Should().Be(400);
        body.Str("code").Should().Be("VALIDATION_FAILED");
        body.Fields("errors").Should().Equal("role");
    }

    [Theory]
    [InlineData("role=gold", "quantity")]
    [InlineData("role=gold&quantity=0", "quantity")]
    [InlineData("role=gold&quantity=-3", "quantity")]
    [InlineData("quantity=1", "role")]
    [InlineData("role=all&quantity=1", "role")]
    [InlineData("role=gold&quantity=1&currency=dollars", "currency")]
    public async Task Quote_BadQuery_Is400ProblemDetails(string query, string field)
    {
        var variantId = await SeedGoldVariantAsync();

        var (status, body) = await GetAsync(Quote(variantId, query));

        status.Should().Be(400, body.Text());
        body.Str("code").Should().Be("VALIDATION_FAILED");
        body.Fields("errors").Should().Contain(field);
    }

    [Fact]
    public async Task Quote_QuantityNotANumber_Is400()
    {
        var variantId = await SeedGoldVariantAsync();

        var (status, body) = await GetAsync(Quote(variantId, "role=gold&quantity=lots"));

        status.Should().Be(400);
        body.Str("code").Should().Be("VALIDATION_FAILED");
    }

    [Fact]
    public async Task Quote_CurrencyWithoutPlainPrice_Is404()
    {
        var variantId = await SeedGoldVariantAsync();

        var (status, body) = await GetAsync(Quote(variantId, "role=gold&quantity=5&currency=gbp"));

        status.Should().Be(404);
        body.Str("detail").Should().Contain("gbp");
    }

    [Fact]
    public async Task Quote_NeedsTheReadScopeOnly()
    {
        var variantId = await SeedGoldVariantAsync();
        using var reader = Factory.CreateClientWithKey(await Factory.CreateKeyAsync("catalog:read"));
        using var anonymous = Factory.CreateClientWithKey(null);

        (await GetAsync(Quote(variantId, "role=gold&quantity=5"), reader)).Status.Should().Be(200);
        (await GetAsync(Quote(variantId, "role=gold&quantity=5"), anonymous)).Status.Should().Be(401);
    }
}

public sealed class VariantPriceQuoteTestsOnSqlite(SqliteApiFactory factory)
    : VariantPriceQuoteTests(factory), IClassFixture<SqliteApiFactory>;

public sealed class VariantPriceQuoteTestsOnPostgres(PostgresApiFactory factory)
    : VariantPriceQuoteTests(factory), IClassFixture<PostgresApiFactory>;

public sealed class VariantPriceQuoteTestsOnSqlServer(SqlServerApiFactory factory)
    : VariantPriceQuoteTests(factory), IClassFixture<SqlServerApiFactory>;
