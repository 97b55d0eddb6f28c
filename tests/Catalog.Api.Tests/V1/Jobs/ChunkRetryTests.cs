using Catalog.Application.Common.Batches;
using Catalog.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Catalog.Api.Tests.V1.Jobs;

/// <summary>
/// A chunk whose write fails runs again, before any later chunk: the worker reads the next chunk while one runs, and
/// must drop what it read ahead when the running one did not commit.
/// </summary>
public abstract class ChunkRetryTests(CatalogApiFactory factory) : JobsApiTest(factory)
{
    [Fact]
    public async Task Job_SecondChunkFailsOnce_RunsItAgainBeforeTheThirdAndAppliesEveryItemOnce()
    {
        var id = await SubmitAcceptedAsync(ProductsBatch, Batch.Of(create: Products(1200)));
        var writes = new FailingWrite(failing: 2);

        // A second instance on the same database, this one with a worker whose second write fails.
        await using var worker = ((CatalogApiFactory)Factory).WithWebHostBuilder(b => b
            .UseSetting("Catalog:Jobs:RunWorker", "true")
            .UseSetting("Catalog:Jobs:PollInterval", "00:00:00.1")
            .ConfigureTestServices(writes.Decorate));
        _ = worker.Services.GetRequiredService<IServiceProvider>();
        var job = await WaitForJobAsync(id);

        writes.Failed.Should().Be(1);
        job.Str("status").Should().Be("succeeded", job.Text());
        job.Num("processed").Should().Be(1200);
        var results = await AllResultsAsync(id);
        results.Select(r => r.Num("position")).Should().Equal(Enumerable.Range(0, 1200).Select(p => (long)p));
        results.Should().OnlyContain(r => r.Str("status") == "succeeded");
        results.Select(r => r.Num("id")).Should().BeInAscendingOrder("the chunks ran in order, the failed one again");
        (await CountRowsAsync()).Products.Should().Be(1200);
        (await CountJobRowsAsync()).Chunks.Should().Be(0);
    }

    /// <summary>Decorates the batch writer so that one of its calls, counted across scopes, throws.</summary>
    private sealed class FailingWrite(int failing)
    {
        private readonly int _failing = failing;
        private int _calls;
        private int _failed;

        public int Failed => _failed;

        public void Decorate(IServiceCollection services)
        {
            var real = services.Single(d => d.ServiceType == typeof(IBatchWriter));
            services.Remove(real);
            services.AddScoped<IBatchWriter>(provider => new Writer(
                this, (IBatchWriter)ActivatorUtilities.CreateInstance(provider, real.ImplementationType!)));
        }

        private sealed class Writer(FailingWrite writes, IBatchWriter inner) : IBatchWriter
        {
            public Task<WriteOutcome> ApplyAsync(WritePlan plan, CancellationToken cancellationToken)
            {
                if (Interlocked.Increment(ref writes._calls) != writes._failing)
                {
                    return inner.ApplyAsync(plan, cancellationToken);
                }

                Interlocked.Increment(ref writes._failed);
                throw new InvalidOperationException("The database went away (a test's injected failure).");
            }
        }
    }
}

public sealed class ChunkRetryTestsOnSqlite(NoWorkerSqliteFactory factory)
    : ChunkRetryTests(factory), IClassFixture<NoWorkerSqliteFactory>;

public sealed class ChunkRetryTestsOnPostgres(NoWorkerPostgresFactory factory)
    : ChunkRetryTests(factory), IClassFixture<NoWorkerPostgresFactory>;
