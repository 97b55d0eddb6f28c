using Catalog.Testing;

namespace Catalog.Api.Tests.Dialects.WholesaleSuite;

/// <summary>Wholesale fields cost no read per item: a batch reads as often for many items as for five.</summary>
public abstract class WholesaleSuiteQueryCountTests(CatalogApiFactory factory) : WholesaleSuiteApiTest(factory)
{
    private static object Terms(int i) => new
    {
        wholesale_price = new { gold = $"{10 + i}" },
        wholesale_sale_price = new { gold = "9" },
        wholesale_visibility_filter = "gold",
        wholesale_minimum_order_quantity = new { gold = "2" },
        wholesale_order_quantity_step = new { gold = "2" },
        wholesale_quantity_discount_rule_mapping = new[]
        {
            new
            {
                wholesale_role = "gold", start_qty = "10", end_qty = "", price_type = "percent-price",
                wholesale_price = "5",
            },
        },
    };

    [Fact]
    public async Task ProductsBatch_Reads_AreAsManyForFiftyItemsAsForFive()
    {
        await SeedRolesAsync("gold");

        async Task<long> ReadsAsync(int count)
        {
            var seeded = await SeedWooAsync([.. Enumerable.Range(0, count).Select(_ => SimpleProduct())]);
            Factory.Statements.Reset();
            var (status, body) = await WooPostAsync(WwsProductsBatch, new
            {
                create = Enumerable.Range(0, count).Select(i => Merge(SimpleProduct(), Terms(i))),
                update = seeded.Select(
                    (p, i) => Merge(new Dictionary<string, object?> { ["id"] = p.Num("id") }, Terms(i))),
            });
            status.Should().Be(200, body.Text());
            body.Arr("create").Concat(body.Arr("update")).Should().OnlyContain(u => u!["error"] == null, body.Text());
            return Factory.Statements.Reads;
        }

        var few = await ReadsAsync(5);
        var many = await ReadsAsync(50);

        many.Should().Be(few);
    }

    [Fact]
    public async Task VariationsBatch_Reads_AreAsManyForThirtyItemsOfEachKindAsForFive()
    {
        await SeedRolesAsync("gold");

        async Task<long> ReadsAsync(int count)
        {
            var productId = (await SeedWooAsync(VariableProduct())).Num("id");
            var variation = new { regular_price = "20" };
            var (_, seeded) = await WooPostAsync(
                WwsVariationsBatch(productId), new { create = Enumerable.Range(0, 2 * count).Select(_ => variation) });
            var ids = seeded.Arr("create").Select(v => v.Num("id")).ToList();
            Factory.Statements.Reset();
            var (status, body) = await WooPostAsync(WwsVariationsBatch(productId), new
            {
                create = Enumerable.Range(0, count)
                    .Select(i => Merge(new Dictionary<string, object?> { ["regular_price"] = "20" }, Terms(i))),
                update = ids.Take(count)
                    .Select((id, i) => Merge(new Dictionary<string, object?> { ["id"] = id }, Terms(i))),
                delete = ids.Skip(count),
            });
            status.Should().Be(200, body.Text());
            body.Arr("create").Concat(body.Arr("update")).Concat(body.Arr("delete"))
                .Should().OnlyContain(u => u!["error"] == null, body.Text());
            return Factory.Statements.Reads;
        }

        var few = await ReadsAsync(5);
        var many = await ReadsAsync(30);

        many.Should().Be(few);
    }

    private static Dictionary<string, object?> Merge(Dictionary<string, object?> item, object terms)
    {
        foreach (var property in terms.GetType().GetProperties())
        {
            item[property.Name] = property.GetValue(terms);
        }

        return item;
    }
}

public sealed class WholesaleSuiteQueryCountTestsOnSqlite(SqliteApiFactory f)
    : WholesaleSuiteQueryCountTests(f), IClassFixture<SqliteApiFactory>;

public sealed class WholesaleSuiteQueryCountTestsOnPostgres(PostgresApiFactory f)
    : WholesaleSuiteQueryCountTests(f), IClassFixture<PostgresApiFactory>;

public sealed class WholesaleSuiteQueryCountTestsOnSqlServer(SqlServerApiFactory f)
    : WholesaleSuiteQueryCountTests(f), IClassFixture<SqlServerApiFactory>;
