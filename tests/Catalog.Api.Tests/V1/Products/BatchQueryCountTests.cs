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

    private async Task<(long Create, long Update, long Delete)> MeasureReadsAsync(int count, string prefix)
    {
        var creates = Enumerable.Range(0, count).Select(i => new
        {
            title = $"Product {prefix}{i}",
            category_ids = Array.Empty<long>(),
            options = new[] { new { title = "Size", values = new[] { "S", "M" } } },
            variants = new[]
            {
                Variant("S", $"{prefix}-{i}-S", 10.5m),
                Variant("M", $"{prefix}-{i}-M", 11.5m),
            },
        }).ToList();

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
