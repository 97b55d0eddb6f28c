using System.Data.Common;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Catalog.Infrastructure.Persistence;
using Catalog.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Catalog.Infrastructure.Tests.Persistence.HandWrittenSchema;

/// <summary>
/// The migrations written by hand before 2026-12-04, kept here to make a database as that release made it. They are
/// found by this context type, as EF finds a provider's generated migrations by its own.
/// </summary>
public sealed class HandWrittenSchemaContext(DbContextOptions<HandWrittenSchemaContext> options)
    : CatalogDbContext(options);

/// <summary>
/// A database made and filled by the release with hand-written migrations upgrades in place when today's code starts
/// on it: every row is still there and reads back through the API, the generated chain is recorded as applied, and
/// ids and unique indexes go on working.
/// </summary>
public abstract class HandWrittenSchemaUpgradeTests(CatalogApiFactory factory)
{
    [Fact]
    public async Task Start_OnAHandWrittenSchema_KeepsEveryRowAndRecordsTheGeneratedChain()
    {
        using var client = factory.CreateClientWithKey();

        var page = await client.GetFromJsonAsync<JsonObject>("/api/v1/products?sku=LEG-1");
        var product = page!["items"]!.AsArray().Single()!;
        var category = (await client.GetFromJsonAsync<JsonObject>("/api/v1/categories"))!["items"]![0]!;
        var attribute = (await client.GetFromJsonAsync<JsonObject>("/api/v1/attributes"))!["items"]![0]!;
        var role = (await client.GetFromJsonAsync<JsonObject>("/api/v1/wholesale-roles"))!["items"]![0]!;

        product["handle"]!.GetValue<string>().Should().Be("legacy-tee");
        product["title"]!.GetValue<string>().Should().Be("Legacy tee");
        product["status"]!.GetValue<string>().Should().Be("published");
        product["tags"]!.AsArray().Select(t => t!.GetValue<string>()).Should().Equal("legacy");
        product["metadata"]!["origin"]!.GetValue<string>().Should().Be("hand-written");
        product["weight"]!.GetValue<decimal>().Should().Be(1.25m);
        product["category_ids"]!.AsArray().Single()!.GetValue<long>().Should().Be(category["id"]!.GetValue<long>());
        category["handle"]!.GetValue<string>().Should().Be("shirts");
        var variant = product["variants"]!.AsArray().Single()!;
        variant["stock_quantity"]!.GetValue<int>().Should().Be(7);
        var price = variant["prices"]!.AsArray().Single()!;
        price["currency_code"]!.GetValue<string>().Should().Be("usd");
        price["amount"]!.GetValue<decimal>().Should().Be(19.99m);
        price["sale_amount"]!.GetValue<decimal>().Should().Be(17.5m);
        var value = attribute["values"]!.AsArray().Single()!;
        variant["attribute_value_ids"]!.AsArray().Single()!.GetValue<long>().Should().Be(value["id"]!.GetValue<long>());
        role["key"]!.GetValue<string>().Should().Be("wholesale_customer");
        var wholesale = variant["wholesale"]!["prices"]!.AsArray().Single()!;
        wholesale["role"]!.GetValue<string>().Should().Be("wholesale_customer");
        wholesale["amount"]!.GetValue<decimal>().Should().Be(12.5m);

        var (applied, pending, first) = await factory.QueryAsync(async db => (
            await db.Database.GetAppliedMigrationsAsync(),
            await db.Database.GetPendingMigrationsAsync(),
            db.Database.GetMigrations().First()));
        pending.Should().BeEmpty();
        applied.Should().Contain(first, "the generated chain starts where the hand-written one ended");
    }

    [Fact]
    public async Task Start_OnAHandWrittenSchema_LeavesTheSchemaOfAFreshDatabase()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();

        var actual = await DatabaseSchema.FromDatabaseAsync(db);

        actual.Should().BeEquivalentTo(DatabaseSchema.FromModel(db.Model), o => o.WithStrictOrdering());
    }

    [Fact]
    public async Task Start_OnAHandWrittenSchema_GoesOnIssuingIdsAndGuardingSkus()
    {
        using var client = factory.CreateClientWithKey();
        var existing = (await client.GetFromJsonAsync<JsonObject>("/api/v1/products?sku=LEG-1"))!["items"]![0]!;

        using var response = await client.PostAsJsonAsync("/api/v1/products/batch", new JsonObject
        {
            ["create"] = new JsonArray(
                Product("after-upgrade", "NEW-1"),
                Product("sku-taken", "LEG-1")),
        });
        var results = (await response.Content.ReadFromJsonAsync<JsonObject>())!["create"]!.AsArray();

        results[0]!["status"]!.GetValue<string>().Should().Be("succeeded");
        results[0]!["id"]!.GetValue<long>().Should().BeGreaterThan(existing["id"]!.GetValue<long>());
        results[1]!["error"]!["code"]!.GetValue<string>().Should().Be("DUPLICATE_SKU");
    }

    [Fact]
    public async Task Start_OnAHandWrittenSchema_IssuesIdsThatNoProductOrVariantHas()
    {
        using var client = factory.CreateClientWithKey();
        using var response = await client.PostAsJsonAsync("/api/v1/products/batch", new JsonObject
        {
            ["create"] = new JsonArray(Product("ids-after-upgrade", "IDS-1")),
        });
        response.EnsureSuccessStatusCode();

        var products = (await client.GetFromJsonAsync<JsonObject>("/api/v1/products?limit=100"))!["items"]!.AsArray();
        var legacy = products
            .Where(p => p!["handle"]!.GetValue<string>().StartsWith("legacy-", StringComparison.Ordinal)).ToList();
        var legacyIds = legacy.SelectMany(Ids).ToHashSet();
        var productIds = products.Select(p => p!["id"]!.GetValue<long>()).ToHashSet();
        var variantIds = products.SelectMany(p => p!["variants"]!.AsArray().Select(v => v!["id"]!.GetValue<long>()))
            .ToHashSet();

        legacy.Sum(p => p!["variants"]!.AsArray().Count).Should().Be(4, "variants outnumber products there");
        products.SelectMany(Ids).Where(id => !legacyIds.Contains(id)).Should().OnlyContain(
            id => !(productIds.Contains(id) && variantIds.Contains(id)) && id > legacyIds.Max(),
            "products and variants made after the upgrade draw from one id space, past every older id");
    }

    private static IEnumerable<long> Ids(JsonNode? product) =>
        product!["variants"]!.AsArray().Select(v => v!["id"]!.GetValue<long>()).Append(product["id"]!.GetValue<long>());

    private static JsonObject Product(string handle, string sku) => new()
    {
        ["title"] = handle,
        ["handle"] = handle,
        ["variants"] = new JsonArray(new JsonObject
        {
            ["title"] = "One",
            ["sku"] = sku,
            ["prices"] = new JsonArray(new JsonObject { ["currency_code"] = "usd", ["amount"] = 5 }),
        }),
    };
}

/// <summary>Makes the database with the hand-written migrations and fills it with plain SQL.</summary>
internal static class HandWrittenDatabase
{
    private const string At = "'2026-12-01 10:00:00+00:00'";

    private static readonly string[] Rows =
    [
        $$"""
        INSERT INTO categories (name, handle, rank, version, created_at, updated_at)
        VALUES ('Shirts', 'shirts', 0, 1, {{At}}, {{At}})
        """,
        $$"""
        INSERT INTO attributes (name, slug, type, order_by, has_archives, version, created_at, updated_at)
        VALUES ('Color', 'color', 'select', 'menu_order', FALSE, 1, {{At}}, {{At}})
        """,
        $$"""
        INSERT INTO attribute_values (attribute_id, name, slug, menu_order, version, created_at, updated_at)
        SELECT id, 'Red', 'red', 0, 1, {{At}}, {{At}} FROM attributes WHERE slug = 'color'
        """,
        $$"""
        INSERT INTO wholesale_roles (key, name, version, created_at, updated_at)
        VALUES ('wholesale_customer', 'Wholesale customer', 1, {{At}}, {{At}})
        """,
        $$"""
        INSERT INTO products (handle, title, status, images, tags, options, metadata, weight, version, created_at,
            updated_at)
        VALUES ('legacy-tee', 'Legacy tee', 'Published', '[]', '["legacy"]', '[]', '{"origin":"hand-written"}',
            '1.25', 1, {{At}}, {{At}})
        """,
        """
        INSERT INTO product_categories (product_id, category_id)
        SELECT p.id, c.id FROM products p, categories c WHERE p.handle = 'legacy-tee' AND c.handle = 'shirts'
        """,
        $$"""
        INSERT INTO variants (product_id, title, sku, stock_quantity, manage_inventory, allow_backorder, options, rank,
            version, created_at, updated_at)
        SELECT id, 'Default', 'LEG-1', 7, TRUE, FALSE, '{}', 0, 1, {{At}}, {{At}} FROM products
        WHERE handle = 'legacy-tee'
        """,
        $$"""
        INSERT INTO products (handle, title, status, images, tags, options, metadata, version, created_at, updated_at)
        VALUES ('legacy-mug', 'Legacy mug', 'Published', '[]', '[]', '[]', '{}', 1, {{At}}, {{At}})
        """,
        $$"""
        INSERT INTO variants (product_id, title, sku, stock_quantity, manage_inventory, allow_backorder, options, rank,
            version, created_at, updated_at)
        SELECT p.id, 'Mug ' || n.n, 'MUG-' || n.n, 1, TRUE, FALSE, '{}', n.n, 1, {{At}}, {{At}}
        FROM products p, (SELECT 1 AS n UNION ALL SELECT 2 UNION ALL SELECT 3) n WHERE p.handle = 'legacy-mug'
        """,
        """
        INSERT INTO variant_prices (variant_id, currency_code, amount, sale_amount)
        SELECT id, 'usd', '19.99', '17.5' FROM variants WHERE sku = 'LEG-1'
        """,
        """
        INSERT INTO variant_attribute_values (variant_id, attribute_value_id)
        SELECT v.id, a.id FROM variants v, attribute_values a WHERE v.sku = 'LEG-1' AND a.slug = 'red'
        """,
        """
        INSERT INTO variant_wholesale_prices (variant_id, role, currency_code, amount)
        SELECT id, 'wholesale_customer', 'usd', '12.5' FROM variants WHERE sku = 'LEG-1'
        """,
    ];

    public static async Task CreateAsync(DbContextOptions<HandWrittenSchemaContext> options)
    {
        await using var db = new HandWrittenSchemaContext(options);
        await db.Database.MigrateAsync();
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        foreach (var sql in Rows)
        {
            await using DbCommand command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync();
        }
    }
}

public sealed class HandWrittenSqliteFactory : SqliteApiFactory
{
    protected override async Task<string> CreateDatabaseAsync()
    {
        var connectionString = await base.CreateDatabaseAsync();
        await HandWrittenDatabase.CreateAsync(
            new DbContextOptionsBuilder<HandWrittenSchemaContext>().UseSqlite(connectionString).Options);
        return connectionString;
    }
}

public sealed class HandWrittenPostgresFactory : PostgresApiFactory
{
    protected override async Task<string> CreateDatabaseAsync()
    {
        var connectionString = await base.CreateDatabaseAsync();
        await HandWrittenDatabase.CreateAsync(
            new DbContextOptionsBuilder<HandWrittenSchemaContext>().UseNpgsql(connectionString).Options);
        NpgsqlConnection.ClearAllPools();
        return connectionString;
    }
}

public sealed class HandWrittenSchemaUpgradeTestsOnSqlite(HandWrittenSqliteFactory factory)
    : HandWrittenSchemaUpgradeTests(factory), IClassFixture<HandWrittenSqliteFactory>;

public sealed class HandWrittenSchemaUpgradeTestsOnPostgres(HandWrittenPostgresFactory factory)
    : HandWrittenSchemaUpgradeTests(factory), IClassFixture<HandWrittenPostgresFactory>;
