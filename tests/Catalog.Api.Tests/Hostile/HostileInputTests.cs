using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Catalog.Infrastructure.Auth;
using Catalog.Testing;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Catalog.Api.Tests.Hostile;

/// <summary>
/// The hostile-input suite: thousands of generated bodies (<see cref="HostileCases"/>) against every batch endpoint
/// and dialect. No answer may be a 5xx, every 4xx carries a code in its route's own error shape, and afterwards every
/// list page and every stored product still reads back. The seed is printed; <c>CATALOG_HOSTILE_SEED</c> replays one
/// and <c>CATALOG_HOSTILE_CASES</c> changes how many cases run (default 5,000).
/// </summary>
public abstract class HostileInputTests(CatalogApiFactory factory, ITestOutputHelper output) : CatalogApiTest(factory)
{
    private const int Parallelism = 4;

    [Fact]
    public async Task Batches_HostileBodies_NeverAnswer5xxAndLeaveEveryProductReadable()
    {
        var seed = EnvironmentNumber("CATALOG_HOSTILE_SEED") ?? Random.Shared.Next();
        var count = EnvironmentNumber("CATALOG_HOSTILE_CASES") ?? 5_000;
        output.WriteLine(
            $"Hostile input on {Factory.Provider}: seed {seed}, {count} cases (replay: CATALOG_HOSTILE_SEED={seed}).");
        var ids = await SeedCatalogAsync();
        using var wordPress = WordPressClient();
        using var medusa = MedusaClient();
        var failures = new ConcurrentQueue<string>();
        var statuses = new ConcurrentDictionary<int, int>();
        var clock = Stopwatch.StartNew();

        var cases = new HostileCases(seed, ids).Generate(count, HostileRoutes.All).ToList();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Parallelism };
        await Parallel.ForEachAsync(cases, parallel, async (hostile, _) =>
        {
            var client = hostile.Route.Shape switch
            {
                ErrorShape.WordPress => wordPress,
                ErrorShape.Medusa => medusa,
                _ => Client,
            };
            var (status, text) = await SendRawAsync(client, hostile);
            statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
            if (Problem(hostile.Route.Shape, status, text) is { } problem)
            {
                failures.Enqueue($"{problem}\n  {hostile.Describe()}\n  answer: {Cut(text)}");
            }
        });
        var sent = clock.Elapsed;

        var products = await Factory.QueryAsync(db => db.Products.Select(p => p.Id).ToListAsync());
        foreach (var list in await ListPageFailuresAsync(wordPress, medusa))
        {
            failures.Enqueue(list);
        }

        var reads = products.SelectMany(id => new[]
        {
            ($"/api/v1/products/{id}", Client),
            ($"/wp-json/wc/v3/products/{id}", wordPress),
            ($"/admin/products/prod_{id}", medusa),
        });
        await Parallel.ForEachAsync(reads, parallel, async (read, _) =>
        {
            var (status, text) = await GetTextAsync(read.Item2, read.Item1);
            if (status != 200)
            {
                // What is stored, as the canonical API answers it, is what a replay needs to find the cause.
                var lastSegment = read.Item1[(read.Item1.LastIndexOf('/') + 1)..];
                var id = lastSegment.Replace("prod_", string.Empty, StringComparison.Ordinal);
                var (_, stored) = await GetTextAsync(Client, $"/api/v1/products/{id}");
                failures.Enqueue($"GET {read.Item1} answered {status}: {Cut(text)}\n  stored: {stored}");
            }
        });

        output.WriteLine($"{count} cases in {sent.TotalSeconds:F1} s, {products.Count} products read back in "
            + $"{(clock.Elapsed - sent).TotalSeconds:F1} s; statuses: "
            + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key} x{s.Value}")));
        foreach (var failure in failures.Take(500))
        {
            output.WriteLine(failure);
        }

        failures.Should().BeEmpty(
            $"seed {seed} (set CATALOG_HOSTILE_SEED={seed} to replay); {failures.Count} failures, the first:\n"
            + string.Join("\n", failures.Take(15)));
    }

    /// <summary>What is wrong with an answer, if anything: a 5xx, or a 4xx without a code where its shape has one.
    /// </summary>
    private static string? Problem(ErrorShape shape, int status, string text)
    {
        if (status >= 500)
        {
            return $"answered {status}";
        }

        JsonNode? body;
        try
        {
            body = text.Length == 0 ? null : JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return $"answered {status} with a body that is not JSON";
        }

        if (status < 400)
        {
            return body is null && status != 204 ? $"answered {status} without a body" : null;
        }

        var code = shape switch
        {
            ErrorShape.Medusa => body?["type"],
            ErrorShape.Trade => body?["error"]?["code"],
            _ => body?["code"],
        };
        return code is JsonValue value && value.TryGetValue<string>(out var named) && named.Length > 0
            ? null
            : $"answered {status} without a code in the {shape} shape";
    }

    private async Task<List<string>> ListPageFailuresAsync(HttpClient wordPress, HttpClient medusa)
    {
        var failures = new List<string>();
        var pages = new List<(string Url, HttpClient Client)>();
        var total = await Factory.QueryAsync(db => db.Products.CountAsync());
        for (var offset = 0; offset <= total; offset += 50)
        {
            pages.Add(($"/api/v1/products?limit=50&offset={offset}", Client));
            pages.Add(($"/admin/products?limit=50&offset={offset}", medusa));
            pages.Add(($"/wp-json/wc/v3/products?per_page=50&page={(offset / 50) + 1}", wordPress));
        }

        foreach (var (url, client) in pages)
        {
            var (status, text) = await GetTextAsync(client, url);
            if (status != 200)
            {
                failures.Add($"list page GET {url} answered {status}: {Cut(text)}");
            }
        }

        return failures;
    }

    /// <summary>
    /// A role, a category, an attribute, a product with a variant, a WooCommerce variable product with a variation and
    /// a Medusa product: what the bodies' placeholders name.
    /// </summary>
    private async Task<IReadOnlyDictionary<string, string>> SeedCatalogAsync()
    {
        var (roleStatus, role) = await PostAsync(
            "/api/v1/wholesale-roles/batch", Batch.Of(create: [Batch.Item(("key", "gold"), ("name", "Gold"))]));
        roleStatus.Should().Be(200, role.Text());
        var category = (await SeedCategoriesAsync(new CategoryBuilder()))[0];
        var attribute = await SeedAttributeAsync(new AttributeBuilder().WithValues("Red", "Blue"));
        var product = await SeedProductAsync(new ProductBuilder().WithVariants(1));

        using var wordPress = WordPressClient();
        var (wooStatus, woo) = await SendAsync(HttpMethod.Post, "/wp-json/wc/v3/products/batch", Body("""
            {"create": [{"name": "Hoodie", "type": "variable",
              "attributes": [{"name": "Size", "position": 0, "visible": true, "variation": true,
                "options": ["S", "M", "L"]}]}]}
            """), wordPress);
        wooStatus.Should().Be(200, woo.Text());
        var wooProduct = woo.Num("create[0].id");
        var (variationStatus, variation) = await SendAsync(
            HttpMethod.Post,
            $"/wp-json/wc/v3/products/{wooProduct}/variations/batch",
            Body("""
                {"create": [{"sku": "HOODIE-S", "regular_price": "20",
                  "attributes": [{"name": "Size", "option": "S"}]}]}
                """),
            wordPress);
        variationStatus.Should().Be(200, variation.Text());

        using var medusa = MedusaClient();
        var (medusaStatus, made) = await SendAsync(HttpMethod.Post, "/admin/products/batch", Body("""
            {"create": [{"title": "Medusa seed", "handle": "medusa-seed",
              "options": [{"title": "Size", "values": ["S", "M"]}],
              "variants": [{"title": "S", "sku": "MEDUSA-S", "options": {"Size": "S"},
                "prices": [{"currency_code": "usd", "amount": 5}]}]}]}
            """), medusa);
        medusaStatus.Should().Be(200, made.Text());

        string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
        return new Dictionary<string, string>
        {
            ["P"] = Number(product.Num("id")),
            ["V"] = Number(product.Num("variants[0].id")),
            ["C"] = Number(category.Num("id")),
            ["A"] = Number(attribute.Num("id")),
            ["AV"] = Number(attribute.Num("values[0].id")),
            ["R"] = Number(role.Num("create[0].id")),
            ["WP"] = Number(wooProduct),
            ["WV"] = Number(variation.Num("create[0].id")),
            ["M"] = made.Str("created[0].id")!["prod_".Length..],
            ["MV"] = made.Str("created[0].variants[0].id")!["variant_".Length..],
        };
    }

    private static async Task<(int Status, string Text)> SendRawAsync(HttpClient client, HostileCase hostile)
    {
        using var content = new ByteArrayContent(hostile.Body);
        content.Headers.ContentType = null;
        if (hostile.ContentType is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", hostile.ContentType);
        }

        using var request = new HttpRequestMessage(new HttpMethod(hostile.Method), hostile.Url) { Content = content };
        using var response = await client.SendAsync(request);
        return ((int)response.StatusCode, await ReadTextAsync(response));
    }

    private static async Task<(int Status, string Text)> GetTextAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        return ((int)response.StatusCode, await ReadTextAsync(response));
    }

    private static async Task<string> ReadTextAsync(HttpResponseMessage response) =>
        Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());

    private HttpClient WordPressClient()
    {
        var pair = Factory.Credentials(CatalogApiFactory.WriteKey);
        var client = Factory.CreateClientWithKey(null);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{pair.ConsumerKey}:{pair.ConsumerSecret}")));
        return client;
    }

    private HttpClient MedusaClient()
    {
        var client = Factory.CreateClientWithKey(null);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(CatalogApiFactory.WriteKey + ":")));
        return client;
    }

    private static int? EnvironmentNumber(string name) =>
        int.TryParse(
            Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;

    private static string Cut(string text) => text.Length > 400 ? text[..400] + "..." : text;
}

/// <summary>The suite's API logs warnings only: thousands of batches logged at Information cost it time.</summary>
internal static class QuietLogging
{
    public static IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Logging:LogLevel:Default"] = "Warning",
    };
}

public sealed class QuietSqliteApiFactory : SqliteApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => QuietLogging.Settings;
}

public sealed class QuietPostgresApiFactory : PostgresApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => QuietLogging.Settings;
}

public sealed class HostileInputTestsOnSqlite(QuietSqliteApiFactory f, ITestOutputHelper output)
    : HostileInputTests(f, output), IClassFixture<QuietSqliteApiFactory>;

public sealed class HostileInputTestsOnPostgres(QuietPostgresApiFactory f, ITestOutputHelper output)
    : HostileInputTests(f, output), IClassFixture<QuietPostgresApiFactory>;

public sealed class QuietSqlServerApiFactory : SqlServerApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => QuietLogging.Settings;
}

public sealed class HostileInputTestsOnSqlServer(QuietSqlServerApiFactory f, ITestOutputHelper output)
    : HostileInputTests(f, output), IClassFixture<QuietSqlServerApiFactory>;
