using Catalog.Testing;

namespace Catalog.Api.Tests.V1.Jobs;

/// <summary>
/// Upserts as a job: matched by SKU chunk by chunk, each result saying what it became, as a synchronous batch does.
/// </summary>
public abstract class UpsertJobTests(CatalogApiFactory factory) : JobsApiTest(factory)
{
    [Fact]
    public async Task Upsert_KnownAndNewSkus_InsertsAndUpdatesAndReportsTheProcess()
    {
        var known = await SeedProductsAsync(new ProductBuilder().With("title", "Known").WithVariants(1));
        var sku = known[0].Str("variants[0].sku")!;
        var body = new Dictionary<string, object?>
        {
            ["upsert"] = new object[]
            {
                Batch.Item(("title", "Renamed"), ("variants", new[] { Batch.Item(("sku", sku)) })),
                Batch.Item(
                    ("title", "Brand new"), ("variants", new[] { Batch.Item(("title", "v"), ("sku", "NEW-1")) })),
                Batch.Item(("title", "No key"), ("variants", new[] { Batch.Item(("title", "v")) })),
            },
        };

        var id = await SubmitAcceptedAsync(ProductsBatch, body);
        var job = await WaitForJobAsync(id);

        job.Str("status").Should().Be("partially_succeeded", job.Text());
        var results = await AllResultsAsync(id);
        results.Select(r => r.Str("operation")).Should().Equal("upsert", "upsert", "upsert");
        results.Select(r => r.Num("index")).Should().Equal(0, 1, 2);
        results.Select(r => r.Str("status")).Should().Equal("succeeded", "succeeded", "failed");
        results[0].Str("process").Should().Be("update");
        results[0].Num("id").Should().Be(known[0].Num("id"));
        results[1].Str("process").Should().Be("insert");
        results[2].Str("error.code").Should().Be("VALIDATION_FAILED");
        var (_, renamed) = await GetAsync($"/api/v1/products/{known[0].Num("id")}");
        renamed.Str("title").Should().Be("Renamed");
        (await CountRowsAsync()).Products.Should().Be(2);
    }
}

public sealed class UpsertJobTestsOnSqlite(JobsSqliteFactory f) : UpsertJobTests(f), IClassFixture<JobsSqliteFactory>;

public sealed class UpsertJobTestsOnPostgres(JobsPostgresFactory f)
    : UpsertJobTests(f), IClassFixture<JobsPostgresFactory>;
