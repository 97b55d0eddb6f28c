using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Catalog.Testing;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Api.Tests.Idempotency;

/// <summary>
/// <c>Idempotency-Key</c> on every family of batch route: the same request with the same key, sent again or sent at
/// once from several clients, is applied once and answered alike; the key with another request is refused; every
/// variant created here has no SKU, so nothing but the key can tell a retry from a new item.
/// </summary>
public abstract class IdempotencyTests(CatalogApiFactory factory) : CatalogApiTest(factory)
{
    private const string Key = "Idempotency-Key";
    private const string Replayed = "Idempotent-Replayed";

    /// <summary>A batch route and how its own clients send to it, against the product <c>p</c> seeded first.</summary>
    public sealed record Route(string Name, string Method, Func<long, string> Url, Func<long, string> Json, string Auth)
    {
        public string? Prefer { get; init; }

        /// <summary>Whether the route needs a variable product (WooCommerce's variations).</summary>
        public bool Variable => Auth == "woo";

        public override string ToString() => Name;
    }

    private static readonly Route[] Routes =
    [
        new("canonical products", "POST", _ => ProductsBatch, _ => """
            {"create": [{"title": "Idempotent", "variants": [{"title": "No SKU"}]}]}
            """, "key"),
        new("canonical variants", "POST", p => $"/api/v1/products/{p}/variants/batch", _ => """
            {"create": [{"title": "No SKU"}]}
            """, "key"),
        new("canonical patch", "PATCH", _ => ProductsBatch, p => $$"""
            {"updates": [{"id": {{p}}, "title": "Patched"}]}
            """, "key"),
        new("canonical job", "POST", p => $"/api/v1/products/{p}/variants/batch", _ => """
            {"create": [{"title": "No SKU"}]}
            """, "key") { Prefer = "respond-async" },
        new("woocommerce variations", "POST", p => $"/wp-json/wc/v3/products/{p}/variations/batch", _ => """
            {"create": [{"regular_price": "5"}]}
            """, "woo"),
        new("woocommerce single variation", "POST", p => $"/wp-json/wc/v3/products/{p}/variations", _ => """
            {"regular_price": "6"}
            """, "woo"),
        new("wholesale suite variations", "POST", p => $"/wp-json/wholesale/v1/products/{p}/batch", _ => """
            {"create": [{"regular_price": "7"}]}
            """, "woo"),
        new("medusa variants", "POST", p => $"/admin/products/prod_{p}/variants/batch", _ => """
            {"create": [{"title": "No SKU", "prices": [{"currency_code": "usd", "amount": 5}]}]}
            """, "medusa"),
        new("trade", "PATCH", _ => "/v1/products/batch", p => $$"""
            {"updates": [{"id": {{p}}, "name": "Traded"}]}
            """, "key"),
        new("operation list", "POST", _ => "/api/products/variants/batches.json", p => $$$"""
            [{"method": "POST", "body": {"product_id": {{{p}}}, "title": "No SKU"}}]
            """, "key"),
        new("process", "PATCH", _ => "/process/products", _ => """
            [{"sku": "PROCESS-1", "title": "Processed"}]
            """, "key"),
    ];

    public static TheoryData<string> RouteNames => [.. Routes.Select(r => r.Name)];

    [Theory]
    [MemberData(nameof(RouteNames))]
    public async Task Batch_SameKeySentTwice_AppliedOnceAndAnsweredAlike(string name)
    {
        var route = Routes.Single(r => r.Name == name);
        var product = await SeedAsync(route);
        var before = await StateAsync(product);

        var first = await SendAsync(route, product, "retry-1");
        first.Status.Should().BeInRange(200, 299, first.Body);
        first.Replayed.Should().BeFalse();
        var applied = await StateAsync(product);
        applied.Should().NotBe(before, "the first request is applied");

        var second = await SendAsync(route, product, "\"retry-1\"");
        second.Replayed.Should().BeTrue("the same key, quoted or bare, is the same key");
        second.Status.Should().Be(first.Status);
        second.Body.Should().Be(first.Body);
        second.Location.Should().Be(first.Location);
        (await StateAsync(product)).Should().Be(applied, "a replay runs nothing");
    }

    [Theory]
    [MemberData(nameof(RouteNames))]
    public async Task Batch_SameKeyFromConcurrentClients_AppliedOnce(string name)
    {
        var route = Routes.Single(r => r.Name == name);
        var product = await SeedAsync(route);
        var before = await StateAsync(product);

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => SendAsync(route, product, "race-1")));

        var ran = answers.Where(a => a.Status is >= 200 and < 300 && !a.Replayed).ToList();
        ran.Should().ContainSingle("exactly one of the requests runs");
        foreach (var other in answers.Except(ran))
        {
            if (other.Status == 409)
            {
                // In the route's own shape, which names the key in its code or its message.
                other.Body.Should().Contain("dempotency");
            }
            else
            {
                other.Replayed.Should().BeTrue(other.Body);
                other.Body.Should().Be(ran[0].Body);
            }
        }

        var after = await StateAsync(product);
        after.Should().NotBe(before);
        var again = await SendAsync(route, product, "race-1");
        again.Replayed.Should().BeTrue();
        (await StateAsync(product)).Should().Be(after);
    }

    [Theory]
    [MemberData(nameof(RouteNames))]
    public async Task Batch_SameKeyOtherBody_422AndNothingApplied(string name)
    {
        var route = Routes.Single(r => r.Name == name);
        var product = await SeedAsync(route);
        await SendAsync(route, product, "reused-1");
        var applied = await StateAsync(product);

        var changed = route with { Json = p => " " + route.Json(p) };
        var other = await SendAsync(changed, product, "reused-1");

        other.Status.Should().Be(422, other.Body);
        other.Body.Should().Contain("dempotency");
        (await StateAsync(product)).Should().Be(applied);
    }

    [Fact]
    public async Task Batch_SameKeyOfAnotherApiKey_RunsAgain()
    {
        var product = await SeedAsync();
        var route = Routes.Single(r => r.Name == "canonical variants");
        await SendAsync(route, product, "shared-1");
        var other = await Factory.CreateKeyAsync("catalog:read catalog:write");

        var answer = await SendAsync(route, product, "shared-1", other);

        answer.Replayed.Should().BeFalse("keys belong to the API key that sent them");
        (await VariantCountAsync(product)).Should().Be(3);
    }

    [Theory]
    [InlineData("a\u00e9b")]
    [InlineData("\"unterminated")]
    [InlineData("two, keys")]
    [InlineData("\"\"")]
    public async Task Batch_MalformedKey_400AndNothingApplied(string key)
    {
        var product = await SeedAsync();
        var route = Routes.Single(r => r.Name == "canonical variants");

        var answer = await SendAsync(route, product, key);

        answer.Status.Should().Be(400, answer.Body);
        answer.Body.Should().Contain("IDEMPOTENCY_KEY_INVALID");
        (await VariantCountAsync(product)).Should().Be(1);
    }

    [Fact]
    public async Task Batch_KeyTooLong_400()
    {
        var product = await SeedAsync();
        var answer = await SendAsync(Routes.Single(r => r.Name == "canonical variants"), product, new string('k', 256));
        answer.Status.Should().Be(400, answer.Body);
    }

    [Fact]
    public async Task Batch_FailedValidation_NotStoredSoAFixedBodyRuns()
    {
        var product = await SeedAsync();
        var route = Routes.Single(r => r.Name == "canonical variants");
        var broken = await SendAsync(route with { Json = _ => """{"create": "not a list"}""" }, product, "fixed-1");
        broken.Status.Should().Be(400, broken.Body);

        var fixedAnswer = await SendAsync(route, product, "fixed-1");

        fixedAnswer.Status.Should().Be(200, fixedAnswer.Body);
        fixedAnswer.Replayed.Should().BeFalse();
        (await VariantCountAsync(product)).Should().Be(2);
    }

    private sealed record Answer(int Status, string Body, bool Replayed, string? Location);

    private async Task<Answer> SendAsync(Route route, long product, string key, string? apiKey = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(route.Method), route.Url(product))
        {
            Content = new StringContent(route.Json(product), Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation(Key, key);
        if (route.Prefer is { } prefer)
        {
            request.Headers.TryAddWithoutValidation("Prefer", prefer);
        }

        apiKey ??= CatalogApiFactory.WriteKey;
        using var client = Factory.CreateClientWithKey(null);
        switch (route.Auth)
        {
            case "woo":
                var pair = Factory.Credentials(apiKey);
                var basic = Encoding.UTF8.GetBytes($"{pair.ConsumerKey}:{pair.ConsumerSecret}");
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(basic));
                break;
            case "medusa":
                request.Headers.Authorization = new AuthenticationHeaderValue(
                    "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(apiKey + ":")));
                break;
            default:
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
                break;
        }

        using var response = await client.SendAsync(request);
        return new Answer(
            (int)response.StatusCode,
            await response.Content.ReadAsStringAsync(),
            response.Headers.TryGetValues(Replayed, out var replayed) && replayed.Single() == "true",
            response.Headers.Location?.ToString());
    }

    /// <summary>
    /// A product with one variant, to which the routes add variants or which they update; for WooCommerce's routes a
    /// variable product, made through WooCommerce.
    /// </summary>
    private async Task<long> SeedAsync(Route? route = null)
    {
        if (route is not { Variable: true })
        {
            var products = await SeedProductsAsync(new ProductBuilder().WithVariants(1));
            return products[0].Num("id");
        }

        var seed = new Route("seed", "POST", _ => "/wp-json/wc/v3/products/batch", _ => """
            {"create": [{"name": "Hoodie", "type": "variable", "attributes": [
              {"name": "Size", "variation": true, "options": ["S", "M"]}]}]}
            """, "woo");
        var answer = await SendAsync(seed, 0, $"seed-{Guid.NewGuid()}");
        var product = JsonNode.Parse(answer.Body)!["create"]![0]!["id"]!.GetValue<long>();
        var variation = new Route("seed", "POST", p => $"/wp-json/wc/v3/products/{p}/variations", _ => """
            {"regular_price": "1", "attributes": [{"name": "Size", "option": "S"}]}
            """, "woo");
        (await SendAsync(variation, product, $"seed-{Guid.NewGuid()}")).Status.Should().Be(201);
        return product;
    }

    private Task<int> VariantCountAsync(long product) =>
        Factory.QueryAsync(db => db.Variants.CountAsync(v => v.ProductId == product));

    /// <summary>
    /// What any of the routes changes: the product's variants and version, products, and jobs (once every job has
    /// run).
    /// </summary>
    private async Task<string> StateAsync(long product)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await Factory.QueryAsync(db => db.Jobs.AnyAsync(j => j.FinishedAt == null)))
        {
            DateTime.UtcNow.Should().BeBefore(deadline, "every job should finish");
            await Task.Delay(50);
        }

        return await Factory.QueryAsync(async db => string.Join(
        ' ',
        await db.Variants.CountAsync(v => v.ProductId == product),
        await db.Products.Where(p => p.Id == product).Select(p => p.Version).SingleAsync(),
        await db.Products.CountAsync(),
        await db.Jobs.CountAsync()));
    }
}

public sealed class IdempotencyTestsOnSqlite(SqliteApiFactory factory)
    : IdempotencyTests(factory), IClassFixture<SqliteApiFactory>;

public sealed class IdempotencyTestsOnPostgres(PostgresApiFactory factory)
    : IdempotencyTests(factory), IClassFixture<PostgresApiFactory>;
