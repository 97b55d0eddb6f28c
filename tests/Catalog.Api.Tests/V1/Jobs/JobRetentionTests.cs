using System.Diagnostics;
using Catalog.Testing;

namespace Catalog.Api.Tests.V1.Jobs;

/// <summary>
/// Finished jobs are kept for <c>Catalog:Jobs:Retention</c> (here one second), then purged by the worker.
/// </summary>
public abstract class JobRetentionTests(CatalogApiFactory factory) : JobsApiTest(factory)
{
    [Fact]
    public async Task Worker_FinishedJobPastRetention_PurgesTheJobAndItsResults()
    {
        var id = await SubmitAcceptedAsync(ProductsBatch, Batch.Of(create: Products(3)));
        var clock = Stopwatch.StartNew();
        int status;
        do
        {
            clock.Elapsed.Should().BeLessThan(Deadline, "the finished job should be purged");
            await Task.Delay(100);
            status = (await GetAsync(JobUrl(id))).Status;
        }
        while (status == 200);

        status.Should().Be(404);
        (await GetAsync(ResultsUrl(id))).Status.Should().Be(404);
        (await CountJobRowsAsync()).Should().Be(new JobRowCounts(0, 0, 0));
        (await CountRowsAsync()).Products.Should().Be(3, "the job ran before it was purged");
    }
}

public sealed class JobRetentionTestsOnSqlite(ShortRetentionSqliteFactory factory)
    : JobRetentionTests(factory), IClassFixture<ShortRetentionSqliteFactory>;

public sealed class JobRetentionTestsOnPostgres(ShortRetentionPostgresFactory factory)
    : JobRetentionTests(factory), IClassFixture<ShortRetentionPostgresFactory>;
