using Catalog.Testing;

namespace Catalog.Api.Tests.V1.Products;

/// <summary>
/// A batch whose items ask for taken SKUs reads what the refusals tell the dialects (the holders and a free SKU for
/// each) in a fixed number of queries: as many for 1000 such items as for 10, and at most two more than the same
/// batch with free SKUs.
/// </summary>
public abstract class TakenSkuQueryCountTests(CatalogApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task Batch_CreatesWithTakenSkus_ReadsAsMuchFor1000ItemsAsFor10()
    {
        var small = await MeasureReadsAsync(10, "ts");
        var large = await MeasureReadsAsync(1000, "tl");

        large.Taken.Should().Be(small.Taken);
        large.Taken.Should().BeLessThanOrEqualTo(large.Free + 2);
    }

    /// <summary>The reads of creating <paramref name="count"/> products, then as many asking for their SKUs.</summary>
    private async Task<(long Free, long Taken)> MeasureReadsAsync(int count, string prefix)
    {
        Factory.Statements.Reset();
        var (status, body) = await PostAsync("/api/v1/products/batch", new { create = Items(count, prefix) });
        var free = Factory.Statements.Reads;
        status.Should().Be(200);
        body.Num("summary.succeeded").Should().Be(count);

        Factory.Statements.Reset();
        (status, body) = await PostAsync("/api/v1/products/batch", new { create = Items(count, prefix) });
        var taken = Factory.Statements.Reads;
        status.Should().Be(200);
        body.Num("summary.failed").Should().Be(count);
        body.Str("create[0].error.code").Should().Be("DUPLICATE_SKU", body.Text());
        body.Str($"create[{count - 1}].error.code").Should().Be("DUPLICATE_SKU");
        return (free, taken);
    }

    private static List<object> Items(int count, string prefix) =>
    [
        .. Enumerable.Range(0, count).Select(i => new
        {
            title = $"Product {prefix}{i}",
            handle = $"product-{prefix}-{i}-{Unique.Next()}",
            variants = new[] { new { title = "One", sku = $"{prefix}-{i}" } },
        }),
    ];
}

public sealed class TakenSkuQueryCountTestsOnSqlite(SqliteApiFactory factory)
    : TakenSkuQueryCountTests(factory), IClassFixture<SqliteApiFactory>;

public sealed class TakenSkuQueryCountTestsOnPostgres(PostgresApiFactory factory)
    : TakenSkuQueryCountTests(factory), IClassFixture<PostgresApiFactory>;
