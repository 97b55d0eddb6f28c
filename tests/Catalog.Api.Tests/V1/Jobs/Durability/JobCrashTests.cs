using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Catalog.Testing;
using Xunit.Abstractions;

namespace Catalog.Api.Tests.V1.Jobs.Durability;

/// <summary>
/// A job survives its process being killed: the API runs as a real process on a real database, is killed with SIGKILL
/// while a job is being received and three times while it runs, and is started again each time; at the end every item
/// was applied exactly once and has exactly one result.
/// </summary>
public abstract class JobCrashTests(ITestOutputHelper output)
{
    private const int Items = 20_000;
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    // Fractions of the job processed when the process is killed: early, half-way, near the end.
    private static readonly double[] KillPoints = [0.10, 0.45, 0.80];

    protected abstract Task<JobDatabase> CreateDatabaseAsync();

    [Fact]
    public async Task Job_KilledWhileReceivedAndThreeTimesWhileRunning_AppliesEveryItemExactlyOnce()
    {
        await using var database = await CreateDatabaseAsync();
        var instances = new List<ApiProcess>();
        var clock = Stopwatch.StartNew();
        try
        {
            var api = await StartAsync(database, instances);

            // Killed before the 202: the job is half stored and was never answered, so it must never run.
            var stalled = new ProductJob("stalled", Items);
            using (var abandon = new CancellationTokenSource())
            {
                var submission = stalled.SubmitStalledAsync(api.Client, Items / 10, abandon.Token);
                await WaitForAsync(async () => await database.CountAsync("SELECT COUNT(*) FROM job_chunks") >= 2);
                await api.KillAsync();
                await abandon.CancelAsync();
                await NotAcceptedAsync(submission);
            }

            output.WriteLine($"{clock.Elapsed}: killed while receiving");
            api = await StartAsync(database, instances);
            var list = JsonNode.Parse(await api.Client.GetStringAsync(new Uri("/api/v1/jobs", UriKind.Relative)))!;
            list["items"]!.AsArray().Should().BeEmpty("a job whose body never arrived whole is nobody's job");

            var job = new ProductJob("crash", Items);
            await job.SubmitAsync(api.Client);
            output.WriteLine($"{clock.Elapsed}: job {job.Id} accepted");
            var killedAt = new List<long>();
            foreach (var point in KillPoints)
            {
                var seen = await job.WaitUntilAsync(
                    api.Client, j => ProductJob.Processed(j) >= point * Items || ProductJob.IsFinished(j), Patience);
                ProductJob.Status(seen).Should().Be("running", $"the kill at {point:P0} must land while the job runs");
                await api.KillAsync();
                killedAt.Add(await database.CountAsync($"SELECT processed FROM jobs WHERE id = {job.Id}"));
                output.WriteLine($"{clock.Elapsed}: killed at {killedAt[^1]} processed (polled {seen.ToJsonString()})");
                api = await StartAsync(database, instances);
                output.WriteLine($"{clock.Elapsed}: restarted");
            }

            var finished = await job.WaitUntilAsync(api.Client, ProductJob.IsFinished, Patience);
            output.WriteLine($"{clock.Elapsed}: finished {finished.ToJsonString()}");

            killedAt.Should().BeInAscendingOrder().And.OnlyHaveUniqueItems().And.OnlyContain(p => p > 0 && p < Items);
            ProductJob.Status(finished).Should().Be("succeeded");
            ((int)finished["total"]!).Should().Be(Items);
            ProductJob.Processed(finished).Should().Be(Items);
            ((int)finished["left"]!).Should().Be(0);
            await ProductJob.AssertAppliedOnceAsync(database, job);
            (await database.CountAsync("SELECT COUNT(*) FROM jobs WHERE status <> 'Receiving'"))
                .Should().Be(1, "the stalled job never got queued");
            instances.Should().NotContain(i => i.LoggedFailure, "no chunk failed and no request answered 500");
        }
        finally
        {
            foreach (var instance in instances)
            {
                await instance.DisposeAsync();
                output.WriteLine(instance.Log);
            }
        }
    }

    private static async Task<ApiProcess> StartAsync(JobDatabase database, List<ApiProcess> instances)
    {
        var instance = await JobInstances.StartAsync($"run{instances.Count + 1}", database, Lease);
        instances.Add(instance);
        return instance;
    }

    private static async Task NotAcceptedAsync(Task<HttpResponseMessage> submission)
    {
        try
        {
            using var response = await submission;
            response.StatusCode.Should().NotBe(HttpStatusCode.Accepted);
        }
        catch (Exception failure) when (failure is HttpRequestException or OperationCanceledException)
        {
            // The connection died with the process: no answer at all.
        }
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > Patience)
            {
                throw new TimeoutException("The condition never held.");
            }

            await Task.Delay(25);
        }
    }
}

public sealed class JobCrashTestsOnSqlite(ITestOutputHelper output) : JobCrashTests(output)
{
    protected override Task<JobDatabase> CreateDatabaseAsync() => JobDatabase.CreateSqliteAsync();
}

public sealed class JobCrashTestsOnPostgres(ITestOutputHelper output) : JobCrashTests(output)
{
    protected override Task<JobDatabase> CreateDatabaseAsync() => JobDatabase.CreatePostgresAsync();
}
