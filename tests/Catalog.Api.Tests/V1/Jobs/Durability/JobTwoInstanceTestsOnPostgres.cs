using System.Diagnostics;
using System.Globalization;
using Catalog.Testing;
using Xunit.Abstractions;

namespace Catalog.Api.Tests.V1.Jobs.Durability;

/// <summary>
/// Two API processes on one PostgreSQL database share the job queue: jobs submitted to either run on either, each
/// chunk once; when one instance is killed mid-job, the other takes the job over once its lease expires.
/// </summary>
public sealed class JobTwoInstanceTestsOnPostgres(ITestOutputHelper output)
{
    private const int Jobs = 4;
    private const int ItemsPerJob = 5_000;
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Jobs_TwoInstancesOneKilledMidJob_OtherFinishesAndEveryItemAppliedOnce()
    {
        await using var database = await JobDatabase.CreatePostgresAsync();
        ApiProcess? a = null;
        ApiProcess? b = null;
        var clock = Stopwatch.StartNew();
        try
        {
            // One after the other: each migrates the database at start.
            a = await JobInstances.StartAsync("A", database, Lease);
            b = await JobInstances.StartAsync("B", database, Lease);
            var jobs = Enumerable.Range(0, Jobs).Select(n => new ProductJob($"job{n}", ItemsPerJob)).ToArray();
            output.WriteLine($"{clock.Elapsed}: A and B started");
            await Task.WhenAll(jobs.Select((job, n) => job.SubmitAsync((n % 2 == 0 ? a : b).Client)));
            output.WriteLine($"{clock.Elapsed}: jobs {string.Join(", ", jobs.Select(j => j.Id))} accepted");

            var victim = await JobRunningOnAsync(database, a);
            await a.KillAsync();
            output.WriteLine($"{clock.Elapsed}: A killed while running job {victim}");

            foreach (var job in jobs)
            {
                var finished = await job.WaitUntilAsync(b.Client, ProductJob.IsFinished, Patience);
                output.WriteLine($"{clock.Elapsed}: {finished.ToJsonString()}");
                ProductJob.Status(finished).Should().Be("succeeded");
            }

            await ProductJob.AssertAppliedOnceAsync(database, jobs);
            foreach (var job in jobs)
            {
                output.WriteLine($"job {job.Id}: A ran {a.ChunksRun(job.Id)} chunks, B {b.ChunksRun(job.Id)}");
            }

            a.ChunksRun(victim).Should().BePositive("A ran part of the job it was killed in");
            b.ChunksRun(victim).Should().BePositive("B took the job over and finished it");
            b.LoggedFailure.Should().BeFalse("no chunk failed and no request answered 500");
        }
        finally
        {
            foreach (var instance in new[] { a, b }.OfType<ApiProcess>())
            {
                await instance.DisposeAsync();
                output.WriteLine(instance.Log);
            }
        }
    }

    /// <summary>A job that <paramref name="instance"/> holds and has run a good part of (not all).</summary>
    private static async Task<long> JobRunningOnAsync(JobDatabase database, ApiProcess instance)
    {
        var owner = $"/{instance.ProcessId.ToString(CultureInfo.InvariantCulture)}/";
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Patience)
        {
            var running = await database.RowsAsync(
                $"SELECT id FROM jobs WHERE status = 'Running' AND lease_owner LIKE '%{owner}%' "
                + $"AND processed >= {ItemsPerJob / 5} AND processed < {ItemsPerJob * 4 / 5}");
            if (running.Count > 0)
            {
                return Convert.ToInt64(running[0][0], CultureInfo.InvariantCulture);
            }

            await Task.Delay(25);
        }

        throw new TimeoutException($"{instance.Name} never ran a job half-way:\n{instance.Log}");
    }
}
