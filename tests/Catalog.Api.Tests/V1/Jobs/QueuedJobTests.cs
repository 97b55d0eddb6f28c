using Catalog.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Catalog.Api.Tests.V1.Jobs;

/// <summary>Jobs on an instance that runs no worker: they stay queued until one starts.</summary>
public abstract class QueuedJobTests(CatalogApiFactory factory) : JobsApiTest(factory)
{
    [Fact]
    public async Task GetJob_Queued_AnswersNothingProcessedYet()
    {
        var id = await SubmitAcceptedAsync(ProductsBatch, Batch.Of(create: Products(3)));

        var (status, job) = await GetAsync(JobUrl(id));

        status.Should().Be(200, job.Text());
        job.Str("status").Should().Be("queued");
        (job.Num("total"), job.Num("processed"), job.Num("left")).Should().Be((3, 0, 3));
        job.At("started_at").Should().BeNull();
        job.At("finished_at").Should().BeNull();
        (await CountJobRowsAsync()).Should().Be(new JobRowCounts(1, 1, 0));
    }

    [Fact]
    public async Task CancelJob_Queued_AnswersCancelledAndAppliesNothing()
    {
        var id = await SubmitAcceptedAsync(ProductsBatch, Batch.Of(create: Products(3)));

        var (status, job) = await SendAsync(HttpMethod.Delete, JobUrl(id));

        status.Should().Be(200, job.Text());
        job.Str("status").Should().Be("cancelled");
        (job.Num("total"), job.Num("processed"), job.Num("left")).Should().Be((3, 0, 3));
        job.At("finished_at").Should().NotBeNull();
        (await GetAsync(JobUrl(id))).Body.Str("status").Should().Be("cancelled");
        (await CountJobRowsAsync()).Should().Be(new JobRowCounts(1, 0, 0), "a cancelled job's chunks are dropped");
        (await CountRowsAsync()).Products.Should().Be(0);
        (await SendAsync(HttpMethod.Delete, JobUrl(id))).Status.Should().Be(409);
    }

    [Fact]
    public async Task VariantsJob_ProductDeletedBeforeItRuns_FailsEveryItemWithNotFound()
    {
        var product = await SeedProductAsync(new ProductBuilder().WithVariants(1));
        var id = await SubmitAcceptedAsync(
            VariantsBatch(product.Num("id")),
            Batch.Of(create: [new VariantBuilder().Build(), new VariantBuilder().Build()]));
        (await PostAsync(ProductsBatch, Batch.Delete(product.Num("id")))).Status.Should().Be(200);

        // A second instance on the same database, this one with a worker.
        await using var worker = ((CatalogApiFactory)Factory).WithWebHostBuilder(
            b => b.UseSetting("Catalog:Jobs:RunWorker", "true").UseSetting("Catalog:Jobs:PollInterval", "00:00:00.1"));
        _ = worker.Services.GetRequiredService<IServiceProvider>();
        var job = await WaitForJobAsync(id);

        job.Str("status").Should().Be("failed", job.Text());
        var results = await AllResultsAsync(id);
        results.Should().HaveCount(2);
        results.Should().OnlyContain(r => r.Str("error.code") == "NOT_FOUND", results[0].Text());
        (await CountRowsAsync()).Variants.Should().Be(0);
    }
}

public sealed class QueuedJobTestsOnSqlite(NoWorkerSqliteFactory factory)
    : QueuedJobTests(factory), IClassFixture<NoWorkerSqliteFactory>;

public sealed class QueuedJobTestsOnPostgres(NoWorkerPostgresFactory factory)
    : QueuedJobTests(factory), IClassFixture<NoWorkerPostgresFactory>;
