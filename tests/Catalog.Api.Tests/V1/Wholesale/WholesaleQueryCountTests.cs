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
        var small = await ReadsAsync(RolesBatch, 10, (i, p) => new { key = $"r{p}{i}", name = "R" }, (id, i) => new { id, name = "Renamed" });
        var large = await ReadsAsync(RolesBatch, 1000, (i, p) => new { key = $"r{p}{i}", name = "R" }, (id, i) => new { id, name = "Renamed" });

        large.Should().Equal(small);
    }

    private static object ProductWithWholesale(int i, string prefix) => new
    {
        title = $"Product {prefix}{i}",
        variants = new[] { new { title = "V", sku = $"W-{prefix}{i}", prices = new[] { new { currency_code = "usd", amount = 10m } }, wholesale = Wholesale(i) } },
    };

    /// <summary>Both roles in every list, so each item names roles and writes a row in every wholesale table.</summary>
    private static object Wholesale(int i) => new
    {
        prices = new[] { new { role = "gold", currency_code = "usd", amount = 8m }, new { role = "silver", currency_code = "usd", amount = 9m } },
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
            (i, p) => new { title = $"V{i}", sku = $"WV-{count}-{i}", prices = new[] { new { currency_code = "usd", amount = 1.5m } }, wholesale = Wholesale(i) },
            (id, i) => new { id, wholesale = new { visibility = new[] { "gold" } } });
    }

    /// <summary>Reads counted for a create of <paramref name="count"/> items, an update of them all, and a delete of them all.</summary>
    private async Task<long[]> ReadsAsync(string url, int count, Func<int, string, object> create, Func<long, int, object> update)
    {
        var prefix = $"{count}x";
        Factory.Statements.Reset();
        var (status, body) = await PostAsync(url, new { create = Enumerable.Range(0, count).Select(i => create(i, prefix)) });
        var creates = Factory.Statements.Reads;
        status.Should().Be(200, body.Text());
        body.Num("summary.succeeded").Should().Be(count, body.Text());
        var ids = body.Arr("create").Select(r => r!["id"]!.GetValue<long>()).ToList();

        Factory.Statements.Reset();
        (_, body) = await PostAsync(url, new { update = ids.Select((id, i) => update(id, i)) });
        var updates = Factory.Statements.Reads;
        body.Num("summary.succeeded").Should().Be(count, body.Text());

        Factory.Statements.Reset();
        (_, body) = await PostAsync(url, new { delete = ids });
        var deletes = Factory.Statements.Reads;
        body.Num("summary.succeeded").Should().Be(count, body.Text());

        return [creates, updates, deletes];
    }
}

public sealed class WholesaleQueryCountTestsOnSqlite(SqliteApiFactory factory) : WholesaleQueryCountTests(factory), IClassFixture<SqliteApiFactory>;

public sealed class WholesaleQueryCountTestsOnPostgres(PostgresApiFactory factory) : WholesaleQueryCountTests(factory), IClassFixture<PostgresApiFactory>;
