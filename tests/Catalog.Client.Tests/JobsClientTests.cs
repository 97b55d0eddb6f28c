using System.Diagnostics;
using System.Net.Http.Headers;
using Catalog.Testing;

namespace Catalog.Client.Tests;

/// <summary>
/// A batch sent as a job through the generated SDK: submitted, polled until finished, its results paged.
/// </summary>
public sealed class JobsClientTests : IAsyncLifetime, IDisposable
{
    private readonly SqliteApiFactory _factory = new() { KestrelPort = TestEnvironment.FreePort() };
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        await _factory.InitializeAsync();
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_factory.KestrelPort}/") };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", CatalogApiFactory.WriteKey);
    }

    public Task DisposeAsync() => _factory.DisposeAsync();

    public void Dispose()
    {
        _http.Dispose();
        _factory.Dispose();
    }

    [Fact]
    public async Task SubmitAsync_RespondAsync_PollsTheJobAndPagesItsResults()
    {
        var products = new ProductsClient(_http);
        var jobs = new JobsClient(_http);
        var request = new ProductBatchRequest
        {
            Create = [.. Enumerable.Range(0, 5).Select(i => Product(i == 3 ? string.Empty : $"Shirt {i}", $"JOB-{i}"))],
        };

        var submitted = await CatalogJobs.SubmitAsync(prefer => products.BatchAsync(request, prefer: prefer));
        submitted.Status.Should().Be(JobStatusContract.Queued);
        submitted.Total.Should().Be(5);

        var clock = Stopwatch.StartNew();
        var job = submitted;
        while (job.Status is JobStatusContract.Queued or JobStatusContract.Running)
        {
            clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(60), "the job should finish");
            await Task.Delay(50);
            job = await jobs.GetAsync(submitted.Id);
        }

        job.Status.Should().Be(JobStatusContract.PartiallySucceeded);
        (job.Processed, job.Left, job.Summary.Succeeded, job.Summary.Failed).Should().Be((5, 0, 4, 1));
        job.Finished_at.Should().NotBeNull();

        var first = await jobs.ResultsAsync(job.Id, limit: 3);
        first.Items.Select(i => i.Position).Should().Equal(0, 1, 2);
        first.Next_after.Should().Be(2);
        var second = await jobs.ResultsAsync(job.Id, after: first.Next_after, limit: 3);
        second.Items.Select(i => i.Position).Should().Equal(3, 4);
        second.Next_after.Should().BeNull();
        second.Items.First().Status.Should().Be(ItemStatus.Failed);
        second.Items.First().Error!.Code.Should().Be(ErrorCode.VALIDATION_FAILED);
        var failed = await jobs.ResultsAsync(job.Id, ItemStatus.Failed);
        failed.Items.Select(i => i.Position).Should().Equal(3);
        (await products.ListAsync(sku: "JOB-4")).Total.Should().Be(1);
        (await jobs.ListAsync()).Items.Select(j => j.Id).Should().Equal(job.Id);
    }

    [Fact]
    public async Task SubmitAsync_WithoutThePreference_ThrowsSinceTheBatchRanSynchronously()
    {
        var products = new ProductsClient(_http);
        var request = new ProductBatchRequest { Create = [Product("Sync shirt", "SYNC-1")] };

        var act = () => CatalogJobs.SubmitAsync(_ => products.BatchAsync(request));

        (await act.Should().ThrowAsync<CatalogApiException>()).Which.StatusCode.Should().Be(200);
        (await products.ListAsync(sku: "SYNC-1")).Total.Should().Be(1);
    }

    private static ProductCreate Product(string title, string sku) => new()
    {
        Title = title,
        Variants = [new ProductVariantWrite { Title = "M", Sku = sku }],
    };
}
