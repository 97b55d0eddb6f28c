using System.Net.Http.Headers;
using System.Text;
using Catalog.Infrastructure.Auth;
using Catalog.Testing;
using static Catalog.Testing.CatalogApiFactory;

namespace Catalog.Api.Tests.Dialects.WooCommerce;

/// <summary>
/// WooCommerce's authentication over Catalog's API keys: the consumer key and secret over HTTP Basic or in the query,
/// and WooCommerce's own codes when they are missing, wrong, or lack the permission; nothing is written then.
/// </summary>
public abstract class WooCommerceAuthenticationTests(CatalogApiFactory factory) : WooCommerceApiTest(factory)
{
    [Fact]
    public async Task ConsumerCredentials_OfNewKeys_AreRandomIdsAndTheKeyBehindPrefixes()
    {
        var first = await Factory.CreateKeyAsync(Scopes.All);
        var second = await Factory.CreateKeyAsync(Scopes.All);

        var pair = Factory.Credentials(first);
        var other = Factory.Credentials(second);

        pair.ConsumerKey.Should().MatchRegex("^ck_[0-9a-f]{40}$");
        pair.ConsumerSecret.Should().Be("cs_" + first);
        other.ConsumerKey.Should().NotBe(pair.ConsumerKey);

        // Until ADR 18 the consumer key was this prefix of the key's unsalted SHA-256: a guess could be checked on it.
        pair.ConsumerKey[3..].Should().NotBe(LegacyHash(first)[..40]);
        other.ConsumerKey[3..].Should().NotBe(LegacyHash(second)[..40]);
    }

    [Fact]
    public async Task Basic_WithTheConsumerPairOfANewKey_IsAccepted()
    {
        using var client = WooClient(await Factory.CreateKeyAsync(Scopes.All));

        var (status, body) = await WooPostAsync(ProductsBatchRoute, new { create = new[] { SimpleProduct() } }, client);

        status.Should().Be(200, body.Text());
        (await CountRowsAsync()).Products.Should().Be(1);
    }

    [Fact]
    public async Task QueryParameters_WithTheConsumerPair_AreAccepted()
    {
        var pair = Factory.Credentials(CatalogApiFactory.WriteKey);
        using var anonymous = Factory.CreateClientWithKey(null);
        var query = $"?consumer_key={pair.ConsumerKey}&consumer_secret={Uri.EscapeDataString(pair.ConsumerSecret)}";

        var (status, body) =
            await WooPostAsync(ProductsBatchRoute + query, new { create = new[] { SimpleProduct() } }, anonymous);
        var (readStatus, list) = await WooGetAsync(Products + query, anonymous);

        status.Should().Be(200, body.Text());
        readStatus.Should().Be(200, list.Text());
        list.Arr(string.Empty).Should().HaveCount(1);
    }

    public static TheoryData<string, string, string, string> Anonymous => new()
    {
        {
            "POST", "/wp-json/wc/v3/products/batch", "woocommerce_rest_cannot_batch",
            "Sorry, you are not allowed to batch manipulate this resource."
        },
        {
            "PUT", "/wp-json/wc/v3/products/1/variations/batch", "woocommerce_rest_cannot_batch",
            "Sorry, you are not allowed to batch manipulate this resource."
        },
        { "GET", "/wp-json/wc/v3/products", "woocommerce_rest_cannot_view", "Sorry, you cannot list resources." },
        { "GET", "/wp-json/wc/v3/products/1", "woocommerce_rest_cannot_view", "Sorry, you cannot view this resource." },
        {
            "GET", "/wp-json/wc/v3/products/1/variations", "woocommerce_rest_cannot_view",
            "Sorry, you cannot list resources."
        },
        {
            "GET", "/wp-json/wc/v3/products/1/variations/2", "woocommerce_rest_cannot_view",
            "Sorry, you cannot view this resource."
        },
    };

    [Theory]
    [MemberData(nameof(Anonymous))]
    public async Task NoCredentials_Answers401WithTheEndpointsCannotCode(
        string method, string url, string code, string message)
    {
        await SeedWooAsync(VariableProduct());
        using var anonymous = Factory.CreateClientWithKey(null);

        var (status, body) = await SendAsync(
            new HttpMethod(method),
            url,
            method == "GET" ? null : Body(new { create = new[] { SimpleProduct() } }),
            anonymous);

        status.Should().Be(401, body.Text());
        body.Str("code").Should().Be(code);
        body.Str("message").Should().Be(message);
        body.Num("data.status").Should().Be(401);
        (await CountRowsAsync()).Products.Should().Be(1);
    }

    [Fact]
    public async Task CanonicalBearerKey_OnAWooCommerceRoute_CountsAsNoCredentials()
    {
        var (status, body) = await WooPostAsync(ProductsBatchRoute, new { create = new[] { SimpleProduct() } }, Client);

        status.Should().Be(401, body.Text());
        body.Str("code").Should().Be("woocommerce_rest_cannot_batch");
        (await CountRowsAsync()).Products.Should().Be(0);
    }

    [Fact]
    public async Task UnknownConsumerKey_Answers401ConsumerKeyIsInvalid()
    {
        using var stranger = BasicClient("ck_" + new string('a', 40), "cs_whatever");

        var (status, body) =
            await WooPostAsync(ProductsBatchRoute, new { create = new[] { SimpleProduct() } }, stranger);

        status.Should().Be(401, body.Text());
        body.Str("code").Should().Be("woocommerce_rest_authentication_error");
        body.Str("message").Should().Be("Consumer key is invalid.");
        (await CountRowsAsync()).Products.Should().Be(0);
    }

    [Fact]
    public async Task WrongConsumerSecret_Answers401ConsumerSecretIsInvalidWithABasicChallenge()
    {
        var pair = Factory.Credentials(CatalogApiFactory.WriteKey);
        using var client = BasicClient(pair.ConsumerKey, pair.ConsumerSecret + "x");

        using var request = new HttpRequestMessage(HttpMethod.Get, Products);
        using var response = await client.SendAsync(request);
        var body = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync());

        ((int)response.StatusCode).Should().Be(401);
        body.Str("code").Should().Be("woocommerce_rest_authentication_error");
        body.Str("message").Should().Be("Consumer secret is invalid.");
        response.Headers.WwwAuthenticate.ToString().Should().StartWith("Basic realm=\"WooCommerce API.");
    }

    [Fact]
    public async Task TheKeyItselfAsSecretWithoutPrefix_IsNotTheSecret()
    {
        var pair = Factory.Credentials(CatalogApiFactory.WriteKey);
        using var client = BasicClient(pair.ConsumerKey, CatalogApiFactory.WriteKey);

        var (status, body) = await WooGetAsync(Products, client);

        status.Should().Be(401, body.Text());
        body.Str("message").Should().Be("Consumer secret is invalid.");
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    public async Task ReadOnlyKey_Writing_Answers401WithoutWritePermissionsAndWritesNothing(string method)
    {
        var product = await SeedWooAsync(VariableProduct());
        using var reader = WooClient(await Factory.CreateKeyAsync(Scopes.Read));

        var (status, body) = await SendAsync(new HttpMethod(method), ProductsBatchRoute, Body(new
        {
            create = new[] { SimpleProduct() },
            update = new[] { new { id = product.Num("id"), name = "Changed" } },
            delete = new[] { product.Num("id") },
        }), reader);
        var (variationStatus, _) = await SendAsync(
            new HttpMethod(method),
            VariationsBatch(product.Num("id")),
            Body(new { create = new[] { new { regular_price = "1" } } }),
            reader);
        var (readStatus, _) = await WooGetAsync(Products, reader);

        status.Should().Be(401, body.Text());
        body.Str("code").Should().Be("woocommerce_rest_authentication_error");
        body.Str("message").Should().Be("The API key provided does not have write permissions.");
        variationStatus.Should().Be(401);
        readStatus.Should().Be(200);
        (await CountRowsAsync()).Should().Be(new RowCounts(1, 0, 0, 0, 0, 0, 0, 0));
        (await FindProductAsync(product.Num("id")))!.Version.Should().Be(1);
    }

    [Fact]
    public async Task WriteOnlyKey_Reading_Answers401WithoutReadPermissions()
    {
        using var writer = WooClient(await Factory.CreateKeyAsync(Scopes.Write));

        var (status, body) = await WooGetAsync(Products, writer);

        status.Should().Be(401, body.Text());
        body.Str("code").Should().Be("woocommerce_rest_authentication_error");
        body.Str("message").Should().Be("The API key provided does not have read permissions.");
    }

    private HttpClient BasicClient(string user, string password)
    {
        var client = Factory.CreateClientWithKey(null);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        return client;
    }
}

public sealed class WooCommerceAuthenticationTestsOnSqlite(SqliteApiFactory f)
    : WooCommerceAuthenticationTests(f), IClassFixture<SqliteApiFactory>;

public sealed class WooCommerceAuthenticationTestsOnPostgres(PostgresApiFactory f)
    : WooCommerceAuthenticationTests(f), IClassFixture<PostgresApiFactory>;

public sealed class WooCommerceAuthenticationTestsOnSqlServer(SqlServerApiFactory f)
    : WooCommerceAuthenticationTests(f), IClassFixture<SqlServerApiFactory>;
