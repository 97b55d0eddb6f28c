using Catalog.Testing;

namespace Catalog.Api.Tests.V1;

/// <summary>The variant, category and attribute batches read in a fixed number of queries too, whatever their size.</summary>
public abstract class ResourceBatchQueryCountTests(CatalogApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task CategoriesBatch_10Or1000Items_ReadTheSameNumberOfTimes()
    {
        var small = await ReadsAsync("/api/v1/categories/batch", 10, (i, p) => new { name = $"Cat {p}{i}" }, (id, i) => new { id, description = "x" });
        var large = await ReadsAsync("/api/v1/categories/batch", 1000, (i, p) => new { name = $"Cat {p}{i}" }, (id, i) => new { id, description = "x" });

        large.Should().Equal(small);
    }

    [Fact]
    public async Task AttributesBatch_10Or1000Items_ReadTheSameNumberOfTimes()
    {
        object Create(int i, string p) => new { name = $"Attr {p}{i}", values = new[] { new { name = "One" }, new { name = "Two" } } };
        var small = await ReadsAsync("/api/v1/attributes/batch", 10, Create, (id, i) => new { id, name = $"Renamed {id}" });
        var large = await ReadsAsync("/api/v1/attributes/batch", 1000, Create, (id, i) => new { id, name = $"Renamed {id}" });

        large.Should().Equal(small);
    }

    [Fact]
    public async Task VariantsBatch_10Or100Items_ReadTheSameNumberOfTimes()
    {
        var small = await VariantReadsAsync(10);
        var large = await VariantReadsAsync(100);

        large.Should().Equal(small);
    }

    private async Task<long[]> VariantReadsAsync(int count)
    {
        var (_, body) = await PostAsync("/api/v1/products/batch", new { create = new[] { new { title = $"Holder {count}" } } });
        var productId = body!["create"]![0]!["id"]!.GetValue<long>();
        return await ReadsAsync($"/api/v1/products/{productId}/variants/batch", count,
            (i, p) => new { title = $"V{i}", sku = $"SKU-{count}-{i}", prices = new[] { new { currency_code = "usd", amount = 1.5m } } },
            (id, i) => new { id, stock_quantity = i });
    }

    /// <summary>Reads counted for a create of <paramref name="count"/> items, an update of them all, and a delete of them all.</summary>
    private async Task<long[]> ReadsAsync(string url, int count, Func<int, string, object> create, Func<long, int, object> update)
    {
        var prefix = $"{count}-";
        Factory.Statements.Reset();
        var (status, body) = await PostAsync(url, new { create = Enumerable.Range(0, count).Select(i => create(i, prefix)) });
        var creates = Factory.Statements.Reads;
        status.Should().Be(200);
        body!["summary"]!["succeeded"]!.GetValue<int>().Should().Be(count);
        var ids = body["create"]!.AsArray().Select(r => r!["id"]!.GetValue<long>()).ToList();

        Factory.Statements.Reset();
        (status, body) = await PostAsync(url, new { update = ids.Select((id, i) => update(id, i)) });
        var updates = Factory.Statements.Reads;
        body!["summary"]!["succeeded"]!.GetValue<int>().Should().Be(count, body.ToJsonString());

        Factory.Statements.Reset();
        (status, body) = await PostAsync(url, new { delete = ids });
        var deletes = Factory.Statements.Reads;
        body!["summary"]!["succeeded"]!.GetValue<int>().Should().Be(count);

        return [creates, updates, deletes];
    }
}

public sealed class ResourceBatchQueryCountTestsOnSqlite(SqliteApiFactory factory) : ResourceBatchQueryCountTests(factory), IClassFixture<SqliteApiFactory>;

public sealed class ResourceBatchQueryCountTestsOnPostgres(PostgresApiFactory factory) : ResourceBatchQueryCountTests(factory), IClassFixture<PostgresApiFactory>;
