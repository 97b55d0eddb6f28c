using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Catalog.Testing;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace Catalog.Api.Tests.Common;

/// <summary>
/// A list page at the per-item limits, read by several clients at once from a real API process: the answer streams
/// (its bytes are not held whole, so it goes out in chunks), the process's peak memory stays within a bound
/// set by the data the page loads rather than by the answers in flight, and its RSS comes back after the readers.
/// </summary>
public sealed class BoundedAnswerTests(ITestOutputHelper output)
{
    private const string Key = "bounded-answer-test-key-0123456789";
    private const int Products = 50;
    private const int VariantsEach = 8;
    private const int Readers = 4;
    private const int Rounds = 2;
    private const long MiB = 1024 * 1024;

    /// <summary>
    /// Each reader holds its page as loaded (rows, then the answer's objects: about three times the answer's bytes),
    /// plus slack for the collector's timing (measured, streaming: 260 to 560 MiB over warm for four readers of 31 MiB
    /// answers). Too loose to tell one whole copy of an answer (the chunked check does), it catches several, or a JSON
    /// tree of each (ten times its bytes).
    /// </summary>
    private const int PerReaderAnswers = 8;

    // Longer than IdleCollection.QuietSeconds plus its one-second tick.
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(5);

    // Just under Catalog:Limits:MaxJsonValueBytes (65,536) with its braces and key.
    private static readonly string Blob = new('m', 65_000);

    [Fact]
    public async Task ListProducts_FullPagesAtItemLimitsConcurrently_StreamedAndMemoryBounded()
    {
        var file = Path.Combine(Path.GetTempPath(), $"catalog-bounded-{Guid.NewGuid():N}.db");
        try
        {
            var connectionString = new SqliteConnectionStringBuilder { DataSource = file }.ToString();
            await using var api = await ApiProcess.StartAsync("bounded", "Sqlite", connectionString, Key,
                new Dictionary<string, string> { ["Logging__LogLevel__Default"] = "Warning" });
            for (var batch = 0; batch < Products / 10; batch++)
            {
                await SeedAsync(api.Client, batch);
            }

            using var medusa = MedusaClient(api.Client.BaseAddress!);
            string[] pages = [$"api/v1/products?limit={Products}", $"admin/products?limit={Products}"];
            var sizes = new List<long>();
            foreach (var page in pages)
            {
                sizes.Add((await ReadAsync(page.StartsWith("admin", StringComparison.Ordinal) ? medusa : api.Client,
                    page)).Bytes);
            }

            // The warmed-up level is the process's after a quiet spell, as the level after the readers is.
            await Task.Delay(Quiet);
            var warm = api.RssBytes;
            api.ResetPeakRss();

            var reads = Enumerable.Range(0, Readers).Select(async reader =>
            {
                var answers = new List<Answer>();
                for (var round = 0; round < Rounds; round++)
                {
                    answers.Add(await ReadAsync(api.Client, pages[0]));
                    answers.Add(await ReadAsync(medusa, pages[1]));
                }

                return answers;
            });
            var answers = (await Task.WhenAll(reads)).SelectMany(a => a).ToList();
            var peak = api.PeakRssBytes;
            await Task.Delay(Quiet);
            var after = api.RssBytes;

            var inFlight = Readers * sizes.Max();
            var bound = PerReaderAnswers * inFlight;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"answers {sizes[0] / MiB} MiB (canonical), {sizes[1] / MiB} MiB (Medusa); {Readers} readers: "
                + $"RSS warm {warm / MiB} MiB, peak {peak / MiB} MiB (+{(peak - warm) / MiB}), "
                + $"after {Quiet.TotalSeconds} s quiet {after / MiB} MiB; "
                + $"bound on the peak's growth {bound / MiB} MiB"));
            answers.Should().OnlyContain(a => a.Items == Products && a.Chunked);
            sizes.Should().OnlyContain(size => size > 25 * MiB, "each answer is far larger than a stream's buffer");
            (peak - warm).Should().BeLessThan(bound, "each reader holds its page once, never an answer whole");
            after.Should().BeLessThan(warm + (warm / 5), "RSS returns to within 20% of its warmed-up level");
        }
        finally
        {
            foreach (var path in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(path);
            }
        }
    }

    private sealed record Answer(int Items, long Bytes, bool Chunked);

    private static async Task<Answer> ReadAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        response.IsSuccessStatusCode.Should().BeTrue(Encoding.UTF8.GetString(bytes.AsSpan(0, 400)));
        var body = JsonNode.Parse(bytes)!;
        var items = (body["items"] ?? body["products"])!.AsArray().Count;
        return new Answer(items, bytes.Length, response.Headers.TransferEncodingChunked == true);
    }

    /// <summary>Ten products, each with metadata and extensions at their limits and variants whose metadata is too.
    /// </summary>
    private static async Task SeedAsync(HttpClient client, int batch)
    {
        var products = Enumerable.Range(0, 10).Select(i =>
        {
            var n = string.Create(CultureInfo.InvariantCulture, $"{batch}-{i}");
            var variants = Enumerable.Range(0, VariantsEach).Select(v => new JsonObject
            {
                ["title"] = $"V{v}",
                ["sku"] = $"BOUNDED-{n}-{v}",
                ["metadata"] = new JsonObject { ["blob"] = Blob },
                ["prices"] = new JsonArray(new JsonObject { ["currency_code"] = "usd", ["amount"] = 10 }),
            });
            return (JsonNode)new JsonObject
            {
                ["title"] = $"Bounded {n}",
                ["handle"] = $"bounded-{n}",
                ["metadata"] = new JsonObject { ["blob"] = Blob },
                ["extensions"] = new JsonObject { ["custom"] = new JsonObject { ["blob"] = Blob } },
                ["variants"] = new JsonArray([.. variants]),
            };
        });
        var body = new JsonObject { ["create"] = new JsonArray([.. products]) };
        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri("api/v1/products/batch", UriKind.Relative), content);
        var text = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.Should().BeTrue(text[..Math.Min(text.Length, 400)]);
        JsonNode.Parse(text)!["summary"]!["succeeded"]!.GetValue<int>().Should().Be(10, text[..400]);
    }

    private static HttpClient MedusaClient(Uri address)
    {
        var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(3) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(Key + ":")));
        return client;
    }
}
