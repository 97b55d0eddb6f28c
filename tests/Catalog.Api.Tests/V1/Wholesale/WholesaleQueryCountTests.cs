using Catalog.Testing;

namespace Catalog.Api.Tests.V1.Wholesale;

/// <summary>Batches that carry wholesale terms, and the role batch, read as much for many items as for few.</summary>
public abstract class WholesaleQueryCountTests(CatalogApiFactory factory) : WholesaleApiTest(factory)
{
    [Fact]
    public async Task ProductsBatch_WithWholesale_10Or1000Items_ReadTheSameNumberOfTimes()
    {
        await SeedRolesAsync("gold", "silver");

        var small = await ReadsAsync(ProductsBatch, 10, ProductWithWholesale, (id, i) => new { id, subtitle = "x" });
        var large = await ReadsAsync(ProductsBatch, 1000, ProductWithWholesale, (id, i) => new { id, subtitle = "x" });

        large.Should().Equal(small);
        small[0].Should().BeLessThanOrEqualTo(6, "key, SKUs, handles, roles, id reservation");
    }

    [Fact]
    public async Task VariantsBatch_WithWholesale_10Or100Items_ReadTheSameNumberOfTimes()
    {
        await SeedRolesAsync("gold", "silver");

        var small = await VariantReadsAsync(10);
        var large = await VariantReadsAsync(100);

        large.Should().Equal(small);
    }

    [Fact]
    public async Task RolesBatch_10Or1000Items_ReadTheSameNumberOfTimes()
    {
        object Create(int i, string p) => new { key = $"r{p}{i}", name = "R" };
        object Update(long id, int i) => new { id, name = "Renamed" };
        var small = await ReadsAsync(RolesBatch, 10, Create, Update);
        var large = await ReadsAsync(RolesBatch, 1000, Create, Update);

        large.Should().Equal(small);
    }

    private static object ProductWithWholesale(int i, string prefix) => new
    {
        title = $"Product {prefix}{i}",
        variants = new[]
        {
            new { title = "V", sku = $"W-{prefix}{i}", prices = UsdPrice(10m), wholesale = Wholesale(i) },
        },
    };

    private static object[] UsdPrice(decimal amount) => [new { currency_code = "usd", amount }];

    /// <summary>Both roles in every list, so each item names roles and writes a row in every wholesale table.</summary>
    private static object Wholesale(int i) => new
    {
        prices = new[]
        {
            new { role = "gold", currency_code = "usd", amount = 8m },
            new { role = "silver", currency_code = "usd", amount = 9m },
        },
        minimum_order_quantities = new[] { new { role = "gold", quantity = 2 + (i % 3) } },
        order_quantity_steps = new[] { new { role = "gold", step = 2 } },
        visibility = new[] { "gold", "silver" },
        quantity_discount_rules = new[] { new { role = "silver", start_qty = 10, price_type = "percent", value = 5m } },
    };

    private async Task<long[]> VariantReadsAsync(int count)
    {
        var (_, body) = await PostAsync(ProductsBatch, new { create = new[] { new { title = $"Holder {count}" } } });
        var productId = body!["create"]![0]!["id"]!.GetValue<long>();
        return await ReadsAsync(VariantsBatch(productId), count,
            (i, p) => new
            {
                title = $"V{i}",
                sku = $"WV-{count}-{i}",
                prices = UsdPrice(1.5m),
                wholesale = Wholesale(i),
            },
            (id, i) => new { id, wholesale = new { visibility = new[] { "gold" } } });
    }

    /// <summary>
    /// Reads counted for a create of <paramref name="count"/> items, an update of them all, and a delete of them all.
    /// </summary>
    private async Task<long[]> ReadsAsync(
        string url, int count, Func<int, string, object> create, Func<long, int, object> update)
    {
        var prefix = $"{count}x";
        Factory.Statements.Reset();
        var creates = Enumerable.Range(0, count).Select(i => create(i, prefix));
        var (status, body) = await PostAsync(url, new { create = creates });
        var createReads = Factory.Statements.Reads;
        status.Should().Be(200, body.Text());
        body.Num("summary.succeeded").Should().Be(count, body.Text());
        var ids = body.Arr("create").Select(r => r!["id"]!.GetValue<long>()).ToList();

        Factory.Statements.Reset();
        (_, body) = await PostAsync(url, new { update = ids.Select((id, i) => update(id, i)) });
        var updateReads = Factory.Statements.Reads;
        body.Num("summary.succeeded").Should().Be(count, body.Text());

        Factory.Statements.Reset();
        (_, body) = await PostAsync(url, new { delete = ids });
        var deleteReads = Factory.Statements.Reads;
        body.Num("summary.succeeded").Should().Be(count, body.Text());

        return [createReads, updateReads, deleteReads];
    }
}

public sealed class WholesaleQueryCountTestsOnSqlite(SqliteApiFactory factory)
    : WholesaleQueryCountTests(factory), IClassFixture<SqliteApiFactory>;

public sealed class WholesaleQueryCountTestsOnPostgres(PostgresApiFactory factory)
    : WholesaleQueryCountTests(factory), IClassFixture<PostgresApiFactory>;

public sealed class WholesaleQueryCountTestsOnSqlServer(SqlServerApiFactory factory)
    : WholesaleQueryCountTests(factory), IClassFixture<SqlServerApiFactory>;
