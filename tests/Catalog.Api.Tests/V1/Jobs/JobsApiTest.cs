using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Catalog.Testing;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Api.Tests.V1.Jobs;

/// <summary>What a job submission answered: status, the headers that matter, the body.</summary>
public sealed record Submitted(int Status, string? Location, string? PreferenceApplied, JsonNode? Body)
{
    public long JobId => Body.Num("id");
}

/// <summary>How many rows the job tables hold: a refused submission must leave all three empty.</summary>
public sealed record JobRowCounts(int Jobs, int Chunks, int Results);

/// <summary><see cref="CatalogApiTest"/> with job submission (<c>Prefer: respond-async</c>) and polling.</summary>
public abstract class JobsApiTest(CatalogApiFactory factory) : CatalogApiTest(factory)
{
    protected const string RolesBatch = "/api/v1/wholesale-roles/batch";

    /// <summary>How long a test waits for a job before it fails; polling, never a fixed sleep.</summary>
    protected static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    protected static string JobUrl(long id) => $"/api/v1/jobs/{id}";

    protected static string ResultsUrl(long id, string query = "") => $"/api/v1/jobs/{id}/results{query}";

    protected Task<Submitted> SubmitAsync(
        string url, object body, HttpMethod? method = null, HttpClient? client = null) =>
        SubmitRawAsync(url, Body(body), method, client);

    protected async Task<Submitted> SubmitRawAsync(
        string url, HttpContent content, HttpMethod? method = null, HttpClient? client = null)
    {
        using var request = new HttpRequestMessage(method ?? HttpMethod.Post, url) { Content = content };
        request.Headers.Add("Prefer", "respond-async");
        using var response = await (client ?? Client).SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new Submitted(
            (int)response.StatusCode,
            response.Headers.Location?.OriginalString,
            response.Headers.TryGetValues("Preference-Applied", out var applied) ? string.Join(",", applied) : null,
            text.Length == 0 ? null : JsonNode.Parse(text));
    }

    /// <summary>Submits and checks the 202; answers the job's id.</summary>
    protected async Task<long> SubmitAcceptedAsync(string url, object body, HttpMethod? method = null)
    {
        var submitted = await SubmitAsync(url, body, method);
        submitted.Status.Should().Be(202, submitted.Body.Text());
        return submitted.JobId;
    }

    /// <summary>Polls the job until it has finished (any status but queued and running), or fails the test.</summary>
    protected async Task<JsonNode> WaitForJobAsync(long id, HttpClient? client = null)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var (status, body) = await GetAsync(JobUrl(id), client);
            status.Should().Be(200, body.Text());
            if (body.Str("status") is not ("queued" or "running"))
            {
                return body!;
            }

            clock.Elapsed.Should().BeLessThan(Deadline, $"job {id} should finish; it stands at {body.Text()}");
            await Task.Delay(50);
        }
    }

    /// <summary>Every result of a job, page by page (100 a page), in position order.</summary>
    protected async Task<IReadOnlyList<JsonNode>> AllResultsAsync(long id, string filter = "")
    {
        var items = new List<JsonNode>();
        var after = -1L;
        while (true)
        {
            var (status, body) = await GetAsync(ResultsUrl(id, $"?limit=100&after={after}{filter}"));
            status.Should().Be(200, body.Text());
            items.AddRange(body.Arr("items").Select(i => i!));
            if (body.At("next_after") is null)
            {
                return items;
            }

            after = body.Num("next_after");
        }
    }

    protected Task<JobRowCounts> CountJobRowsAsync() => Factory.QueryAsync(async db => new JobRowCounts(
        await db.Jobs.CountAsync(), await db.JobChunks.CountAsync(), await db.JobResults.CountAsync()));

    protected static StringContent RawBody(string json, string mediaType = "application/json")
    {
        var content = new StringContent(json, System.Text.Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(mediaType);
        return content;
    }

    /// <summary><paramref name="count"/> product creates, each with one variant of a unique SKU.</summary>
    protected static List<Dictionary<string, object?>> Products(int count) =>
        [.. Enumerable.Range(0, count).Select(_ => new ProductBuilder().WithVariants(1).Build())];
}

/// <summary>Jobs of at most 1,500 items, a worker that looks for work often.</summary>
public static class JobSettings
{
    public static readonly IReadOnlyDictionary<string, string?> Default = new Dictionary<string, string?>
    {
        ["Catalog:Jobs:MaxItems"] = "1500",
        ["Catalog:Jobs:PollInterval"] = "00:00:00.100",
    };

    /// <summary>No worker: jobs stay queued.</summary>
    public static readonly IReadOnlyDictionary<string, string?> NoWorker = new Dictionary<string, string?>
    {
        ["Catalog:Jobs:RunWorker"] = "false",
    };

    /// <summary>Finished jobs kept one second, purged as often as the worker looks for work.</summary>
    public static readonly IReadOnlyDictionary<string, string?> ShortRetention = new Dictionary<string, string?>
    {
        ["Catalog:Jobs:Retention"] = "00:00:01",
        ["Catalog:Jobs:PollInterval"] = "00:00:00.100",
        ["Catalog:Jobs:PurgeInterval"] = "00:00:00.100",
    };
}

public sealed class JobsSqliteFactory : SqliteApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => JobSettings.Default;
}

public sealed class JobsPostgresFactory : PostgresApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => JobSettings.Default;
}

public sealed class NoWorkerSqliteFactory : SqliteApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => JobSettings.NoWorker;
}

public sealed class NoWorkerPostgresFactory : PostgresApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => JobSettings.NoWorker;
}

public sealed class ShortRetentionSqliteFactory : SqliteApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => JobSettings.ShortRetention;
}

public sealed class ShortRetentionPostgresFactory : PostgresApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => JobSettings.ShortRetention;
}
