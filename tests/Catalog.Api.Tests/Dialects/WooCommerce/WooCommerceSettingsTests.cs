using Catalog.Testing;

namespace Catalog.Api.Tests.Dialects.WooCommerce;

/// <summary>The dialect's settings: the store currency WooCommerce's prices are in, and the batch item limit.</summary>
public abstract class WooCommerceSettingsTests(CatalogApiFactory factory) : WooCommerceApiTest(factory)
{
    public static readonly IReadOnlyDictionary<string, string?> EuroStoreOfThree = new Dictionary<string, string?>
    {
        ["Catalog:Dialects:WooCommerce:Currency"] = "EUR",
        ["Catalog:Dialects:WooCommerce:MaxBatchItems"] = "3",
    };

    [Fact]
    public async Task Prices_AreThePlainPriceInTheConfiguredCurrencyAndOtherCurrenciesStay()
    {
        var product = await SeedProductAsync(new ProductBuilder().WithVariant(new VariantBuilder().WithPrices(
            VariantBuilder.Price("usd", 30m), VariantBuilder.Price("eur", 25m))));

        var (_, read) = await WooGetAsync($"{Products}/{product.Num("id")}");
        var (_, body) = await WooPostAsync(
            ProductsBatchRoute,
            new { update = new[] { new { id = product.Num("id"), regular_price = "27", sale_price = "21" } } });

        read.Str("regular_price").Should().Be("25");
        body.Str("update[0].regular_price").Should().Be("27", body.Text());
        body.Str("update[0].sale_price").Should().Be("21");
        var prices = (await FindProductAsync(product.Num("id")))!.Variants.Single().Prices
            .OrderBy(p => p.CurrencyCode).ToList();
        prices.Select(p => (p.CurrencyCode, p.Amount, p.SaleAmount))
            .Should().Equal(("eur", 27m, 21m), ("usd", 30m, (decimal?)null));
    }

    [Fact]
    public async Task Batch_OverTheConfiguredLimit_Answers413NamingIt()
    {
        var (status, body) = await WooPostAsync(
            ProductsBatchRoute, new { create = Enumerable.Range(0, 4).Select(_ => SimpleProduct()) });
        var (okStatus, _) = await WooPostAsync(
            ProductsBatchRoute, new { create = Enumerable.Range(0, 3).Select(_ => SimpleProduct()) });

        status.Should().Be(413, body.Text());
        body.Str("message").Should().Be("Unable to accept more than 3 items for this request.");
        okStatus.Should().Be(200);
        (await CountRowsAsync()).Products.Should().Be(3);
    }
}

public sealed class EuroStoreSqliteFactory : SqliteApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => WooCommerceSettingsTests.EuroStoreOfThree;
}

public sealed class EuroStorePostgresFactory : PostgresApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => WooCommerceSettingsTests.EuroStoreOfThree;
}

public sealed class WooCommerceSettingsTestsOnSqlite(EuroStoreSqliteFactory f)
    : WooCommerceSettingsTests(f), IClassFixture<EuroStoreSqliteFactory>;

public sealed class WooCommerceSettingsTestsOnPostgres(EuroStorePostgresFactory f)
    : WooCommerceSettingsTests(f), IClassFixture<EuroStorePostgresFactory>;

public sealed class EuroStoreSqlServerFactory : SqlServerApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => WooCommerceSettingsTests.EuroStoreOfThree;
}

public sealed class WooCommerceSettingsTestsOnSqlServer(EuroStoreSqlServerFactory f)
    : WooCommerceSettingsTests(f), IClassFixture<EuroStoreSqlServerFactory>;
