using Catalog.Testing;

namespace Catalog.Api.Tests.V1;

/// <summary>
/// The variant, category and attribute batches read in a fixed number of queries too, whatever their size.
/// </summary>
public abstract class ResourceBatchQueryCountTests(CatalogApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task CategoriesBatch_10Or1000Items_ReadTheSameNumberOfTimes()
    {
        object Create(int i, string p) => new { name = $"Cat {p}{i}" };
        object Update(long id, int i) => new { id, description = "x" };
        var small = await ReadsAsync("/api/v1/categories/batch", 10, Create, Update);
        var large = await ReadsAsync("/api/v1/categories/batch", 1000, Create, Update);

        large.Should().Equal(small);
    }

    [Fact]
    public async Task AttributesBatch_10Or1000Items_ReadTheSameNumberOfTimes()
    {
        object Create(int i, string p) =>
            new { name = $"Attr {p}{i}", values = new[] { new { name = "One" }, new { name = "Two" } } };
        object Update(long id, int i) => new { id, name = $"Renamed {id}" };
        var small = await ReadsAsync("/api/v1/attributes/batch", 10, Create, Update);
        var large = await ReadsAsync("/api/v1/attributes/batch", 1000, Create, Update);

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
        var (_, body) = await PostAsync(
            "/api/v1/products/batch", new { create = new[] { new { title = $"Holder {count}" } } });
        var productId = body!["create"]![0]!["id"]!.GetValue<long>();
        var prices = new[] { new { currency_code = "usd", amount = 1.5m } };
        return await ReadsAsync($"/api/v1/products/{productId}/variants/batch", count,
            (i, p) => new { title = $"V{i}", sku = $"SKU-{count}-{i}", prices },
            (id, i) => new { id, stock_quantity = i });
    }

    /// <summary>
    /// Reads counted for a create of <paramref name="count"/> items, an update of them all, and a delete of them all.
    /// </summary>
    private async Task<long[]> ReadsAsync(
        string url, int count, Func<int, string, object> create, Func<long, int, object> update)
    {
        var prefix = $"{count}-";
        Factory.Statements.Reset();
        var creates = Enumerable.Range(0, count).Select(i => create(i, prefix));
        var (status, body) = await PostAsync(url, new { create = creates });
        var createReads = Factory.Statements.Reads;
        status.Should().Be(200);
        body!["summary"]!["succeeded"]!.GetValue<int>().Should().Be(count);
        var ids = body["create"]!.AsArray().Select(r => r!["id"]!.GetValue<long>()).ToList();

        Factory.Statements.Reset();
        (status, body) = await PostAsync(url, new { update = ids.Select((id, i) => update(id, i)) });
        var updateReads = Factory.Statements.Reads;
        body!["summary"]!["succeeded"]!.GetValue<int>().Should().Be(count, body.ToJsonString());

        Factory.Statements.Reset();
        (status, body) = await PostAsync(url, new { delete = ids });
        var deleteReads = Factory.Statements.Reads;
        body!["summary"]!["succeeded"]!.GetValue<int>().Should().Be(count);

        return [createReads, updateReads, deleteReads];
    }
}

public sealed class ResourceBatchQueryCountTestsOnSqlite(SqliteApiFactory factory)
    : ResourceBatchQueryCountTests(factory), IClassFixture<SqliteApiFactory>;

public sealed class ResourceBatchQueryCountTestsOnPostgres(PostgresApiFactory factory)
    : ResourceBatchQueryCountTests(factory), IClassFixture<PostgresApiFactory>;

public sealed class ResourceBatchQueryCountTestsOnSqlServer(SqlServerApiFactory factory)
    : ResourceBatchQueryCountTests(factory), IClassFixture<SqlServerApiFactory>;
