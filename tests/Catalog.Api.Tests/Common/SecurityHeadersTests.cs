using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Catalog.Infrastructure.Auth;
using Catalog.Testing;

namespace Catalog.Api.Tests.Common;

/// <summary>
/// The headers every answer carries (<see cref="Api.Common.SecurityHeaders"/>), read off real Kestrel on a loopback
/// port: Kestrel is what would add a <c>Server</c> header, and what serves Swagger UI to a browser.
/// </summary>
public abstract partial class SecurityHeadersTests(CatalogApiFactory factory) : CatalogApiTest(factory)
{
    [Fact]
    public async Task ProductsList_WithKey_AnswersSecurityHeadersAndNoStore()
    {
        using var response = await Client.GetAsync("/api/v1/products");

        ((int)response.StatusCode).Should().Be(200);
        ShouldCarryApiHeaders(response);
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
    }

    [Fact]
    public async Task ProductsList_WithoutKey_Answers401WithSecurityHeadersAndNoStore()
    {
        using var anonymous = Factory.CreateClientWithKey(null);

        using var response = await anonymous.GetAsync("/api/v1/products");

        ((int)response.StatusCode).Should().Be(401);
        ShouldCarryApiHeaders(response);
        response.Headers.CacheControl!.NoStore.Should().BeTrue("an error of a route that takes a key is not cached");
    }

    [Fact]
    public async Task ProductsBatch_MalformedJson_Answers400WithSecurityHeaders()
    {
        using var response = await Client.PostAsync(ProductsBatch, Body("{\"create\": ["));

        ((int)response.StatusCode).Should().Be(400);
        ShouldCarryApiHeaders(response);
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
    }

    [Fact]
    public async Task WooCommerceProducts_WithKey_AnswersSecurityHeadersAndNoStore()
    {
        using var woo = Factory.CreateClientWithKey(null);
        var pair = Factory.Credentials(CatalogApiFactory.WriteKey);
        woo.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{pair.ConsumerKey}:{pair.ConsumerSecret}")));

        using var response = await woo.GetAsync("/wp-json/wc/v3/products");

        ((int)response.StatusCode).Should().Be(200);
        ShouldCarryApiHeaders(response);
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
    }

    [Fact]
    public async Task Health_WithoutKey_AnswersSecurityHeadersAndIsNeverCached()
    {
        using var anonymous = Factory.CreateClientWithKey(null);

        using var response = await anonymous.GetAsync("/health");

        ((int)response.StatusCode).Should().Be(200);
        ShouldCarryApiHeaders(response);
        (response.Headers.CacheControl?.NoStore ?? false).Should().BeTrue("a probe must read the state of now");
    }

    [Fact]
    public async Task SwaggerUi_WithoutKey_LoadsUnderAPolicyThatAllowsItsOwnScriptsOnly()
    {
        using var anonymous = Factory.CreateClientWithKey(null);

        using var page = await anonymous.GetAsync("/swagger/index.html");

        ((int)page.StatusCode).Should().Be(200);
        page.Headers.Server.Should().BeEmpty();
        page.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        page.Headers.GetValues("Referrer-Policy").Should().Equal("no-referrer");
        var policy = Directives(page);
        policy["frame-ancestors"].Should().Equal("'none'");
        policy["default-src"].Should().Equal("'none'");
        policy["script-src"].Should().NotContain(["'unsafe-inline'", "'unsafe-eval'", "*"]);
        policy["style-src"].Should().NotContain(["'unsafe-inline'", "*"]);
        var html = await page.Content.ReadAsStringAsync();
        var inline = InlineScript().Matches(html).Select(m => Hash(m.Groups["code"].Value)).ToList();
        inline.Should().NotBeEmpty("Swagger UI starts from an inline script");
        policy["script-src"].Should().Contain(inline, "a browser runs an inline script only when its hash is allowed");

        // Everything the page loads is its own, and loads under the same headers.
        var assets = AssetReference().Matches(html).Select(m => m.Groups["url"].Value).ToList();
        assets.Should().Contain(a => a.EndsWith(".js", StringComparison.Ordinal));
        foreach (var asset in assets)
        {
            asset.Should().NotContain("//", "a policy of 'self' refuses another origin");
            using var loaded = await anonymous.GetAsync(new Uri(page.RequestMessage!.RequestUri!, asset));
            ((int)loaded.StatusCode).Should().Be(200, asset);
            Directives(loaded)["frame-ancestors"].Should().Equal("'none'");
        }
    }

    [Fact]
    public async Task OpenApiDocument_WithoutKey_LoadsWithSecurityHeaders()
    {
        using var anonymous = Factory.CreateClientWithKey(null);

        using var response = await anonymous.GetAsync("/openapi/v1.json");

        ((int)response.StatusCode).Should().Be(200);
        (await response.Content.ReadAsStringAsync()).Should().Contain("\"openapi\"");
        response.Headers.Server.Should().BeEmpty();
        Directives(response)["frame-ancestors"].Should().Equal("'none'");
        response.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
    }

    private static void ShouldCarryApiHeaders(HttpResponseMessage response)
    {
        response.Headers.Server.Should().BeEmpty("Kestrel's Server header is off");
        response.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        response.Headers.GetValues("Referrer-Policy").Should().Equal("no-referrer");
        response.Headers.GetValues("X-Frame-Options").Should().Equal("DENY");
        var policy = Directives(response);
        policy["default-src"].Should().Equal("'none'");
        policy["frame-ancestors"].Should().Equal("'none'");
    }

    private static Dictionary<string, string[]> Directives(HttpResponseMessage response) =>
        response.Headers.GetValues("Content-Security-Policy").Single()
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Split(' '))
            .ToDictionary(d => d[0], d => d[1..]);

    /// <summary>The hash a browser allows the script by: of its text after HTML's newline normalization.</summary>
    private static string Hash(string script) => $"'sha256-{Convert.ToBase64String(SHA256.HashData(
        Encoding.UTF8.GetBytes(script.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'))))}'";

    [GeneratedRegex("<script>(?<code>.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex InlineScript();

    [GeneratedRegex("(?:src|href)=\"(?<url>[^\"]+)\"")]
    private static partial Regex AssetReference();
}

/// <summary>The API on real Kestrel over SQLite.</summary>
public sealed class KestrelSqliteFactory : SqliteApiFactory
{
    public KestrelSqliteFactory() => KestrelPort = TestEnvironment.FreePort();
}

/// <summary>The API on real Kestrel over PostgreSQL.</summary>
public sealed class KestrelPostgresFactory : PostgresApiFactory
{
    public KestrelPostgresFactory() => KestrelPort = TestEnvironment.FreePort();
}

public sealed class SecurityHeadersTestsOnSqlite(KestrelSqliteFactory factory)
    : SecurityHeadersTests(factory), IClassFixture<KestrelSqliteFactory>;

public sealed class SecurityHeadersTestsOnPostgres(KestrelPostgresFactory factory)
    : SecurityHeadersTests(factory), IClassFixture<KestrelPostgresFactory>;
