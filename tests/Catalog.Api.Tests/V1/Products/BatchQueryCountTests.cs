using System.Text.Json.Nodes;
using Catalog.Testing;

namespace Catalog.Api.Tests.V1.Products;

/// <summary>
/// A batch reads what it needs in a fixed number of queries: as many for 1000 items as for 10. Counted with the
/// command interceptor (EF queries) and the writer's own count (id reservation included).
/// </summary>
public abstract class BatchQueryCountTests(CatalogApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task Batch_CreateUpdateDelete_ReadsAsMuchFor1000ItemsAsFor10()
    {
        var small = await MeasureReadsAsync(10, "s");
        var large = await MeasureReadsAsync(1000, "l");

        // An update or delete loads its products one query per level (product, categories, variants, prices, attribute
        // values, and the four wholesale lists), plus the API-key lookup.
        large.Create.Should().Be(small.Create).And.BeLessThanOrEqualTo(10);
        large.Update.Should().Be(small.Update).And.BeLessThanOrEqualTo(10);
        large.Delete.Should().Be(small.Delete).And.BeLessThanOrEqualTo(10);
    }

    [Fact]
    public async Task Batch_CreateUpdateDelete_WritesAsManyStatementsFor1000ItemsAsFor10OnPostgres()
    {
        var small = await MeasureWritesAsync(10, "ws");
        var large = await MeasureWritesAsync(1000, "wl");

        // A create writes a product, its 2 variants and their prices: 5 rows. An update rewrites the product alone; a
        // delete deletes the product, and the foreign keys' cascade its variants and prices.
        small.Rows.Should().Equal(10 * 5, 10, 10);
        large.Rows.Should().Equal(1000 * 5, 1000, 1000);
        if (Factory.Provider == "Postgres")
        {
            // One set statement per table and kind, in one round trip: products, variants, prices.
            large.Statements.Should().Equal(small.Statements).And.Equal(3, 1, 1);
            large.Trips.Should().Equal(small.Trips);
        }
        else
        {
            large.Statements.Should().OnlyContain(s => s > 0);
        }
    }

    [Fact]
    public async Task BatchUpsert_InsertsThenUpdates_ReadsAsMuchFor1000ItemsAsFor10()
    {
        var small = await MeasureUpsertReadsAsync(10, "us");
        var large = await MeasureUpsertReadsAsync(1000, "ul");

        // The SKU lookup that resolves every upsert of the batch is one query on top of what a create or an update
        // of the same items reads.
        large.Should().Be(small);
        large.Insert.Should().Be(large.Create + 1);
        large.Update.Should().Be(large.Replace + 1);
    }

    /// <summary>What creating, updating and deleting <paramref name="count"/> products wrote, and how.</summary>
    private async Task<(long[] Statements, long[] Trips, long[] Rows)> MeasureWritesAsync(int count, string prefix)
    {
        var statements = new List<long>();
        var trips = new List<long>();
        var rows = new List<long>();
        var (_, created) = await WritesOfAsync(new { create = Items(count, prefix) }, "create");
        var ids = created.Select(p => p["id"]!.GetValue<long>()).ToList();
        await WritesOfAsync(new { update = ids.Select(id => new { id, subtitle = "changed" }) }, "update");
        await WritesOfAsync(new { delete = ids }, "delete");
        return ([.. statements], [.. trips], [.. rows]);

        async Task<(long Reads, IReadOnlyList<JsonNode> Products)> WritesOfAsync(object batch, string list)
        {
            var answer = await ReadsOfAsync(batch, list);
            statements.Add(Factory.Statements.Writes);
            trips.Add(Factory.Statements.RoundTrips - Factory.Statements.Reads);
            rows.Add(Factory.Statements.RowsWritten);
            return answer;
        }
    }

    private async Task<(long Create, long Update, long Delete)> MeasureReadsAsync(int count, string prefix)
    {
        var creates = Items(count, prefix);

        Factory.Statements.Reset();
        var (status, body) = await PostAsync("/api/v1/products/batch", new { create = creates });
        var createReads = Factory.Statements.Reads;
        status.Should().Be(200);
        body!["summary"]!["succeeded"]!.GetValue<int>().Should().Be(count);
        var ids = body["create"]!.AsArray().Select(r => r!["id"]!.GetValue<long>()).ToList();

        Factory.Statements.Reset();
        var updates = ids.Select(id => new { id, subtitle = "changed" });
        (status, body) = await PostAsync("/api/v1/products/batch", new { update = updates });
        var updateReads = Factory.Statements.Reads;
        status.Should().Be(200);
        body!["summary"]!["succeeded"]!.GetValue<int>().Should().Be(count);

        Factory.Statements.Reset();
        (status, body) = await PostAsync("/api/v1/products/batch", new { delete = ids });
        var deleteReads = Factory.Statements.Reads;
        status.Should().Be(200);
        body!["summary"]!["succeeded"]!.GetValue<int>().Should().Be(count);

        return (createReads, updateReads, deleteReads);
    }

    /// <summary>
    /// The reads of: creating <paramref name="count"/> products; upserting as many (all new: inserts); upserting them
    /// again (all known: updates); and updating them with their whole variant lists by id, as those upserts did.
    /// </summary>
    private async Task<(long Create, long Insert, long Update, long Replace)> MeasureUpsertReadsAsync(
        int count, string prefix)
    {
        var (create, created) = await ReadsOfAsync(new { create = Items(count, prefix + "c") }, "create");
        var items = Items(count, prefix);
        var (insert, inserted) = await ReadsOfAsync(new { upsert = items }, "upsert");
        var (update, updated) = await ReadsOfAsync(new { upsert = items }, "upsert");
        var replaces = created.Select(p => new
        {
            id = p["id"]!.GetValue<long>(),
            title = "Replaced",
            category_ids = Array.Empty<long>(),
            options = new[] { new { title = "Size", values = new[] { "S", "M" } } },
            replace_variants = true,
            variants = p["variants"]!.AsArray().Select(v => new
            {
                id = v!["id"]!.GetValue<long>(),
                title = v["title"]!.GetValue<string>(),
                sku = v["sku"]!.GetValue<string>(),
                options = new Dictionary<string, string> { ["Size"] = v["title"]!.GetValue<string>() },
                replace_prices = true,
                prices = new[] { new { currency_code = "usd", amount = 12.5m } },
            }).ToList(),
        });
        var (replace, _) = await ReadsOfAsync(new { update = replaces }, "update");

        inserted.Select(p => p["id"]!.GetValue<long>())
            .Should().Equal(updated.Select(p => p["id"]!.GetValue<long>()), "the second upsert updates the first's");
        return (create, insert, update, replace);
    }

    /// <summary>Posts a product batch that must succeed whole: its reads and the products of one result list.</summary>
    private async Task<(long Reads, IReadOnlyList<JsonNode> Products)> ReadsOfAsync(object batch, string list)
    {
        Factory.Statements.Reset();
        var (status, body) = await PostAsync("/api/v1/products/batch", batch);
        var reads = Factory.Statements.Reads;
        status.Should().Be(200);
        var results = body![list]!.AsArray();
        body["summary"]!["failed"]!.GetValue<int>().Should().Be(0, results.FirstOrDefault()?.ToJsonString());
        return (reads, [.. results.Select(r => r!["product"]!)]);
    }

    private static List<object> Items(int count, string prefix) =>
    [
        .. Enumerable.Range(0, count).Select(i => new
        {
            title = $"Product {prefix}{i}",
            category_ids = Array.Empty<long>(),
            options = new[] { new { title = "Size", values = new[] { "S", "M" } } },
            variants = new[]
            {
                Variant("S", $"{prefix}-{i}-S", 10.5m),
                Variant("M", $"{prefix}-{i}-M", 11.5m),
            },
        }),
    ];

    private static object Variant(string size, string sku, decimal amount) => new
    {
        title = size,
        sku,
        options = new Dictionary<string, string> { ["Size"] = size },
        prices = new[] { new { currency_code = "usd", amount } },
    };
}

public sealed class BatchQueryCountTestsOnSqlite(SqliteApiFactory factory)
    : BatchQueryCountTests(factory), IClassFixture<SqliteApiFactory>;

public sealed class BatchQueryCountTestsOnPostgres(PostgresApiFactory factory)
    : BatchQueryCountTests(factory), IClassFixture<PostgresApiFactory>;

public sealed class BatchQueryCountTestsOnSqlServer(SqlServerApiFactory factory)
    : BatchQueryCountTests(factory), IClassFixture<SqlServerApiFactory>;
