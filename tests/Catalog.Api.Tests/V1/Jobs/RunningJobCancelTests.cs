using Catalog.Testing;

namespace Catalog.Api.Tests.V1.Jobs;

/// <summary>
/// Cancelling a job while it runs: it stops before its next chunk; what earlier chunks applied stays applied and is
/// reported, and nothing else is. Chunks of 10 items, so that a 5,000-item job runs long enough to be caught running
/// (1,500 items once finished between the poll that saw it start and the cancel, on a quiet machine).
/// </summary>
public abstract class RunningJobCancelTests(CatalogApiFactory factory) : JobsApiTest(factory)
{
    private const int Items = 5_000;

    [Fact]
    public async Task CancelJob_Running_StopsBeforeItsNextChunkAndKeepsWhatItApplied()
    {
        var id = await SubmitAcceptedAsync(ProductsBatch, Batch.Of(create: Products(Items)));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while ((await GetAsync(JobUrl(id))).Body.Num("processed") == 0)
        {
            clock.Elapsed.Should().BeLessThan(Deadline, "the job should start");
            await Task.Delay(10);
        }

        var (status, cancelled) = await SendAsync(HttpMethod.Delete, JobUrl(id));
        var job = await WaitForJobAsync(id);

        status.Should().Be(200, cancelled.Text());
        job.Str("status").Should().Be("cancelled", job.Text());
        var processed = job.Num("processed");
        processed.Should().BeInRange(10, Items - 10, "it was caught running, and stopped before the end");
        (processed % 10).Should().Be(0, "a chunk is applied whole or not at all");
        job.Num("left").Should().Be(Items - processed);
        job.Num("summary.succeeded").Should().Be(processed);
        (await CountRowsAsync()).Products.Should().Be((int)processed, "exactly what was reported is applied");
        (await AllResultsAsync(id)).Should().HaveCount((int)processed);
        (await CountJobRowsAsync()).Chunks.Should().Be(0, "the chunks not run are dropped");
    }
}

/// <summary>Jobs in chunks of 10 items, the worker looking for work often.</summary>
public static class SmallChunks
{
    public static readonly IReadOnlyDictionary<string, string?> Settings =
        new Dictionary<string, string?>(JobSettings.Default)
        {
            ["Catalog:Jobs:ChunkSize"] = "10",
            ["Catalog:Jobs:MaxItems"] = "5000",
        };
}

public sealed class SmallChunksSqliteFactory : SqliteApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => SmallChunks.Settings;
}

public sealed class SmallChunksPostgresFactory : PostgresApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => SmallChunks.Settings;
}

public sealed class RunningJobCancelTestsOnSqlite(SmallChunksSqliteFactory f)
    : RunningJobCancelTests(f), IClassFixture<SmallChunksSqliteFactory>;

public sealed class RunningJobCancelTestsOnPostgres(SmallChunksPostgresFactory f)
    : RunningJobCancelTests(f), IClassFixture<SmallChunksPostgresFactory>;
