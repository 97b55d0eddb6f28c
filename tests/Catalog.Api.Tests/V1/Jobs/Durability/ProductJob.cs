using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Catalog.Api.Tests.V1.Jobs.Durability;

/// <summary>
/// A job of <see cref="Count"/> new products, each with two variants of two prices, every SKU unique (<c>tag-n-a</c>,
/// <c>tag-n-b</c>): what the durability tests submit, and then look for in the database.
/// </summary>
public sealed class ProductJob(string tag, int count)
{
    private const string Route = "/api/v1/products/batch";

    public string Tag { get; } = tag;

    public int Count { get; } = count;

    public long Id { get; private set; }

    public IEnumerable<string> Skus =>
        Enumerable.Range(0, Count).SelectMany(n => new[] { Sku(n, 'a'), Sku(n, 'b') });

    /// <summary>Submits the job with <c>Prefer: respond-async</c>; answers once it is stored (the 202).</summary>
    public async Task SubmitAsync(HttpClient client)
    {
        using var request = Request(new StringContent(Body(Count), Encoding.UTF8, "application/json"));
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.Accepted, text);
        Id = JsonNode.Parse(text)!["id"]!.GetValue<long>();
        response.Headers.Location!.OriginalString.Should().Be($"/api/v1/jobs/{Id}");
    }

    /// <summary>
    /// Starts submitting the job but sends only the first <paramref name="items"/> items, then stalls (the body never
    /// ends): the server has stored part of it and not answered yet.
    /// </summary>
    public Task<HttpResponseMessage> SubmitStalledAsync(
        HttpClient client, int items, CancellationToken cancellationToken)
    {
        var request = Request(new StalledContent(Encoding.UTF8.GetBytes(Body(items)[..^2] + ",")));
        return client.SendAsync(request, cancellationToken);
    }

    public static async Task<JsonNode> GetAsync(HttpClient client, long id)
    {
        using var response = await client.GetAsync(new Uri($"/api/v1/jobs/{id}", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, text);
        return JsonNode.Parse(text)!;
    }

    /// <summary>Polls the job until <paramref name="done"/> says so; answers the job as last seen.</summary>
    public async Task<JsonNode> WaitUntilAsync(HttpClient client, Func<JsonNode, bool> done, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var job = await GetAsync(client, Id);
            if (done(job))
            {
                return job;
            }

            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"Job {Id} did not get there within {timeout}: {job.ToJsonString()}");
            }

            await Task.Delay(25);
        }
    }

    public static int Processed(JsonNode job) => job["processed"]!.GetValue<int>();

    public static string Status(JsonNode job) => job["status"]!.GetValue<string>();

    public static bool IsFinished(JsonNode job) => Status(job) is not ("queued" or "running");

    /// <summary>
    /// Checks in the database that each job's every item was applied exactly once and recorded once: the products,
    /// variants and prices the jobs hold and no more, the SKUs sent and no others, each job succeeded with one
    /// succeeded result per item and no chunk left.
    /// </summary>
    public static async Task AssertAppliedOnceAsync(JobDatabase database, params ProductJob[] jobs)
    {
        var items = jobs.Sum(j => j.Count);
        (await database.CountAsync("SELECT COUNT(*) FROM products")).Should().Be(items, "one product per item");
        (await database.CountAsync("SELECT COUNT(*) FROM variants")).Should().Be(2 * items, "two variants per item");
        (await database.CountAsync("SELECT COUNT(*) FROM variant_prices")).Should().Be(4 * items, "two prices each");
        var skus = (await database.RowsAsync("SELECT sku FROM variants")).Select(r => (string)r[0]!).ToList();
        skus.Should().OnlyHaveUniqueItems();
        skus.Order(StringComparer.Ordinal).Should().Equal(jobs.SelectMany(j => j.Skus).Order(StringComparer.Ordinal));
        foreach (var job in jobs)
        {
            var row = (await database.RowsAsync(
                $"SELECT status, total, processed, succeeded, failed, not_applied FROM jobs WHERE id = {job.Id}"))
                .Should().ContainSingle().Subject;
            row.Select(Convert.ToString).Should().Equal(
                ["Succeeded", .. Enumerable.Repeat(job.Count.ToString(CultureInfo.InvariantCulture), 3), "0", "0"],
                $"job {job.Id} ran every item once");
            var results = (await database.RowsAsync(
                "SELECT COUNT(*), MIN(position), MAX(position) FROM job_results "
                + $"WHERE job_id = {job.Id} AND status = 'Succeeded'")).Single();
            results.Select(v => Convert.ToInt64(v, CultureInfo.InvariantCulture))
                .Should().Equal([job.Count, 0, job.Count - 1], $"job {job.Id} has one succeeded result per item");
            (await database.CountAsync($"SELECT COUNT(*) FROM job_results WHERE job_id = {job.Id}"))
                .Should().Be(job.Count, "no result but the succeeded ones");
            (await database.CountAsync($"SELECT COUNT(*) FROM job_chunks WHERE job_id = {job.Id}"))
                .Should().Be(0, "every chunk ran");
        }
    }

    private string Sku(int n, char variant) => $"{Tag}-{n.ToString(CultureInfo.InvariantCulture)}-{variant}";

    private static HttpRequestMessage Request(HttpContent content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Route) { Content = content };
        request.Headers.Add("Prefer", "respond-async");
        return request;
    }

    private string Body(int items)
    {
        var body = new StringBuilder("{\"create\":[");
        for (var n = 0; n < items; n++)
        {
            var number = n.ToString(CultureInfo.InvariantCulture);
            body.Append(n == 0 ? "" : ",")
                .Append(CultureInfo.InvariantCulture, $"{{\"title\":\"Product {Tag} {number}\",")
                .Append(CultureInfo.InvariantCulture, $"\"handle\":\"{Tag}-{number}\",\"variants\":[")
                .Append(Variant(n, 'a')).Append(',').Append(Variant(n, 'b')).Append("]}");
        }

        return body.Append("]}").ToString();
    }

    private string Variant(int n, char variant) =>
        $"{{\"title\":\"{variant}\",\"sku\":\"{Sku(n, variant)}\",\"stock_quantity\":{n % 100},\"prices\":["
        + "{\"currency_code\":\"usd\",\"amount\":10.50},{\"currency_code\":\"eur\",\"amount\":9.75}]}";

    /// <summary>A body that sends its start and then never ends (until the request is cancelled).</summary>
    private sealed class StalledContent : HttpContent
    {
        private readonly byte[] _start;

        public StalledContent(byte[] start)
        {
            _start = start;
            Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override async Task SerializeToStreamAsync(
            Stream stream, TransportContext? context, CancellationToken cancellationToken)
        {
            await stream.WriteAsync(_start, cancellationToken);
            await stream.FlushAsync(cancellationToken);
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
