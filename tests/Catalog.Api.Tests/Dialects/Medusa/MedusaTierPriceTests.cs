using Catalog.Testing;

namespace Catalog.Api.Tests.Dialects.Medusa;

/// <summary>
/// Medusa's tier prices are canonical prices with quantity ranges: the regular price at a quantity, which the canonical
/// price quote uses for a role without terms of its own, and which a role's wholesale price overrides.
/// </summary>
public abstract class MedusaTierPriceTests(CatalogApiFactory factory) : MedusaApiTest(factory)
{
    [Theory]
    [InlineData(1, 20)]
    [InlineData(10, 15)]
    [InlineData(49, 15)]
    [InlineData(50, 12)]
    public async Task Quote_VariantWithMedusaTierPrices_TakesTheTierOfTheQuantityAsTheRegularPrice(
        long quantity, decimal expected)
    {
        var (roleStatus, roles) = await PostAsync(
            "/api/v1/wholesale-roles/batch",
            Batch.Of(create: [Batch.Item(("key", "retail_partner"), ("name", "Retail partner"))]));
        roleStatus.Should().Be(200, roles.Text());
        var variant = MedusaVariant("TIER-1", "S");
        variant["prices"] = new[]
        {
            new Dictionary<string, object?> { ["currency_code"] = "usd", ["amount"] = 20 },
            new Dictionary<string, object?>
            {
                ["currency_code"] = "usd", ["amount"] = 15, ["min_quantity"] = 10, ["max_quantity"] = 49,
            },
            new Dictionary<string, object?> { ["currency_code"] = "usd", ["amount"] = 12, ["min_quantity"] = 50 },
        };
        var product = MedusaProduct();
        product["variants"] = new[] { variant };
        var created = (await MedusaSeedAsync(product))[0];
        var variantId = NumberOf(created.Str("variants[0].id")!);

        var (status, quote) = await GetAsync(
            $"/api/v1/variants/{variantId}/price?role=retail_partner&quantity={quantity}&currency=usd");

        status.Should().Be(200, quote.Text());
        quote.Dec("regular_price").Should().Be(expected);
        quote.Dec("unit_price").Should().Be(expected);
        quote.Str("reason").Should().Be("no_wholesale_price");
        created.Arr("variants[0].prices").Should().HaveCount(3, "Medusa reads back the three prices it sent");
    }
}

public sealed class MedusaTierPriceTestsOnSqlite(SqliteApiFactory f)
    : MedusaTierPriceTests(f), IClassFixture<SqliteApiFactory>;

public sealed class MedusaTierPriceTestsOnPostgres(PostgresApiFactory f)
    : MedusaTierPriceTests(f), IClassFixture<PostgresApiFactory>;

public sealed class MedusaTierPriceTestsOnSqlServer(SqlServerApiFactory f)
    : MedusaTierPriceTests(f), IClassFixture<SqlServerApiFactory>;
