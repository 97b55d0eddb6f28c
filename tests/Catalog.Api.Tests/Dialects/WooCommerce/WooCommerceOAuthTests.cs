using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Catalog.Infrastructure.Auth;
using Catalog.Testing;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Api.Tests.Dialects.WooCommerce;

/// <summary>
/// OAuth 1.0a one-legged signatures over plain HTTP, as WooCommerce checks them: the requests are signed here by the
/// book (RFC 5849), independently of the code under test, and the refusals carry WooCommerce's codes and messages.
/// </summary>
public abstract class WooCommerceOAuthTests(CatalogApiFactory factory) : WooCommerceApiTest(factory)
{
    private const string Origin = "http://localhost";

    [Theory]
    [InlineData("HMAC-SHA256")]
    [InlineData("HMAC-SHA1")]
    public async Task SignedQuery_WithAFreshNonce_IsAcceptedAndWrites(string method)
    {
        var url = Signed("POST", ProductsBatchRoute, CatalogApiFactory.WriteKey, method);

        var (status, body) = await WooPostAsync(url, new { create = new[] { SimpleProduct() } }, Anonymous());

        status.Should().Be(200, body.Text());
        (await CountRowsAsync()).Products.Should().Be(1);
    }

    [Fact]
    public async Task SignedAuthorizationHeader_WithQueryParameters_IsAccepted()
    {
        await SeedWooAsync(SimpleProduct("One"), SimpleProduct("Two"));
        var query = new Dictionary<string, string> { ["per_page"] = "1", ["search"] = "On e~" };
        var oauth = OAuthParameters(CatalogApiFactory.WriteKey, "HMAC-SHA256", Guid.NewGuid().ToString("N"), Now());
        oauth["oauth_signature"] = Signature(
            "GET", Origin + Products, query.Concat(oauth), CatalogApiFactory.WriteKey, "HMAC-SHA256");
        using var client = Anonymous();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "OAuth realm=\"\", " + string.Join(
            ", ", oauth.Select(p => $"{p.Key}=\"{Uri.EscapeDataString(p.Value)}\"")));

        var (status, body) = await WooGetAsync($"{Products}?per_page=1&search=On%20e~", client);

        status.Should().Be(200, body.Text());
    }

    [Fact]
    public async Task WrongSignature_Answers401SignatureDoesNotMatchAndWritesNothing()
    {
        var url = Signed(
            "POST", ProductsBatchRoute, "cat_not-the-key", "HMAC-SHA256", consumerKeyOf: CatalogApiFactory.WriteKey);

        var (status, body) = await WooPostAsync(url, new { create = new[] { SimpleProduct() } }, Anonymous());

        AssertRefused(status, body, "woocommerce_rest_authentication_error",
            "Invalid signature - provided signature does not match.");
        (await CountRowsAsync()).Products.Should().Be(0);
    }

    [Fact]
    public async Task SignatureOfAnotherPath_Answers401SignatureDoesNotMatch()
    {
        var url = Signed("GET", Products, CatalogApiFactory.WriteKey, "HMAC-SHA256")
            .Replace(Products, Variations(1), StringComparison.Ordinal);

        var (status, body) = await WooGetAsync(url, Anonymous());

        AssertRefused(status, body, "woocommerce_rest_authentication_error",
            "Invalid signature - provided signature does not match.");
    }

    [Theory]
    [InlineData(-16 * 60)]
    [InlineData(16 * 60)]
    public async Task TimestampOutsideFifteenMinutes_Answers401InvalidTimestamp(int offsetSeconds)
    {
        var url = Signed("POST", ProductsBatchRoute, CatalogApiFactory.WriteKey, "HMAC-SHA256",
            timestamp: Now() + offsetSeconds);

        var (status, body) = await WooPostAsync(url, new { create = new[] { SimpleProduct() } }, Anonymous());

        AssertRefused(status, body, "woocommerce_rest_authentication_error", "Invalid timestamp.");
        (await CountRowsAsync()).Products.Should().Be(0);
    }

    [Fact]
    public async Task ReplayedNonce_Answers401NonceAlreadyUsedAndWritesOnce()
    {
        var url = Signed("POST", ProductsBatchRoute, CatalogApiFactory.WriteKey, "HMAC-SHA256");

        var (first, _) = await WooPostAsync(url, new { create = new[] { SimpleProduct() } }, Anonymous());
        var (status, body) = await WooPostAsync(url, new { create = new[] { SimpleProduct() } }, Anonymous());

        first.Should().Be(200);
        AssertRefused(status, body, "woocommerce_rest_authentication_error",
            "Invalid nonce - nonce has already been used.");
        (await CountRowsAsync()).Products.Should().Be(1);
    }

    [Fact]
    public async Task SameNonceSentConcurrently_IsAcceptedExactlyOnce()
    {
        var url = Signed("GET", Products, CatalogApiFactory.WriteKey, "HMAC-SHA256");

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            using var client = Anonymous();
            return (await WooGetAsync(url, client)).Status;
        }));

        answers.Count(s => s == 200).Should().Be(1);
        answers.Count(s => s == 401).Should().Be(7);
    }

    [Fact]
    public async Task SameNonceOfAnotherKey_IsAccepted()
    {
        var other = await Factory.CreateKeyAsync(Scopes.All);
        var nonce = Guid.NewGuid().ToString("N");

        var (first, _) = await WooGetAsync(
            Signed("GET", Products, CatalogApiFactory.WriteKey, "HMAC-SHA256", nonce: nonce), Anonymous());
        var (second, body) =
            await WooGetAsync(Signed("GET", Products, other, "HMAC-SHA256", nonce: nonce), Anonymous());

        first.Should().Be(200);
        second.Should().Be(200, body.Text());
    }

    [Fact]
    public async Task MissingOAuthParameters_Answers401NamingThem()
    {
        var pair = Factory.Credentials(CatalogApiFactory.WriteKey);

        var (status, body) = await WooGetAsync(
            $"{Products}?oauth_consumer_key={pair.ConsumerKey}&oauth_signature=abc", Anonymous());

        AssertRefused(status, body, "woocommerce_rest_authentication_missing_parameter",
            "Missing OAuth parameters oauth_timestamp, oauth_nonce, oauth_signature_method");
    }

    [Fact]
    public async Task UnknownSignatureMethod_Answers401SignatureMethodIsInvalid()
    {
        var url = Signed("GET", Products, CatalogApiFactory.WriteKey, "HMAC-SHA256")
            .Replace("HMAC-SHA256", "PLAINTEXT", StringComparison.Ordinal);

        var (status, body) = await WooGetAsync(url, Anonymous());

        AssertRefused(status, body, "woocommerce_rest_authentication_error",
            "Invalid signature - signature method is invalid.");
    }

    [Fact]
    public async Task UnknownConsumerKey_Answers401ConsumerKeyIsInvalid()
    {
        var url = Signed("GET", Products, "cat_unknown", "HMAC-SHA256");

        var (status, body) = await WooGetAsync(url, Anonymous());

        AssertRefused(status, body, "woocommerce_rest_authentication_error", "Consumer key is invalid.");
    }

    [Fact]
    public async Task KeyIssuedBeforeKeysWereSealed_Answers401CannotSignButBasicStillWorks()
    {
        var key = await Factory.CreateKeyAsync(Scopes.All);
        var hash = Factory.Hasher.Hash(key);
        await Factory.QueryAsync(db => db.ApiKeys.Where(k => k.Hash == hash)
            .ExecuteUpdateAsync(k => k.SetProperty(x => x.SealedKey, (string?)null)));

        var (status, body) = await WooGetAsync(Signed("GET", Products, key, "HMAC-SHA256"), Anonymous());
        using var basic = WooClient(key);
        var (basicStatus, _) = await WooGetAsync(Products, basic);

        AssertRefused(status, body, "woocommerce_rest_authentication_error", null);
        body.Str("message").Should().StartWith("This consumer key cannot sign OAuth 1.0a requests");
        basicStatus.Should().Be(200);
    }

    [Fact]
    public async Task ReadOnlyKey_SignedWrite_Answers401WithoutWritePermissions()
    {
        var reader = await Factory.CreateKeyAsync(Scopes.Read);

        var (status, body) = await WooPostAsync(
            Signed("POST", ProductsBatchRoute, reader, "HMAC-SHA256"),
            new { create = new[] { SimpleProduct() } },
            Anonymous());

        AssertRefused(status, body, "woocommerce_rest_authentication_error",
            "The API key provided does not have write permissions.");
        (await CountRowsAsync()).Products.Should().Be(0);
    }

    [Fact]
    public async Task StoredKeys_NeverHoldTheSecretInClear()
    {
        var key = await Factory.CreateKeyAsync(Scopes.All);

        var stored = await Factory.QueryAsync(db => db.ApiKeys.AsNoTracking().Select(k => k.SealedKey).ToListAsync());
        var ring = await Factory.QueryAsync(db => db.DataProtectionKeys.AsNoTracking().CountAsync());

        stored.Should().OnlyContain(s => s != null && s.Length > 0);
        var clear = key["cat_".Length..];
        stored.Where(s => s!.Contains(clear, StringComparison.Ordinal)
            || s.Contains(CatalogApiFactory.WriteKey, StringComparison.Ordinal)).Should().BeEmpty();
        ring.Should().BeGreaterThan(0, "the key ring is kept in the database, for every instance");
    }

    private static void AssertRefused(int status, JsonNode? body, string code, string? message)
    {
        status.Should().Be(401, body.Text());
        body.Str("code").Should().Be(code);
        if (message is not null)
        {
            body.Str("message").Should().Be(message);
        }

        body.Num("data.status").Should().Be(401);
    }

    private HttpClient Anonymous() => Factory.CreateClientWithKey(null);

    private static long Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    /// <summary>
    /// <paramref name="path"/> with its query plus the oauth_ parameters, signed with <paramref name="key"/>'s secret.
    /// </summary>
    private string Signed(
        string method,
        string path,
        string key,
        string signatureMethod,
        long? timestamp = null,
        string? nonce = null,
        string? consumerKeyOf = null)
    {
        var oauth = OAuthParameters(
            consumerKeyOf ?? key, signatureMethod, nonce ?? Guid.NewGuid().ToString("N"), timestamp ?? Now());
        oauth["oauth_signature"] = Signature(method, Origin + path, oauth, key, signatureMethod);
        return path + "?" + string.Join("&", oauth.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));
    }

    private Dictionary<string, string> OAuthParameters(
        string key, string signatureMethod, string nonce, long timestamp) => new()
        {
            ["oauth_consumer_key"] = Factory.Credentials(key).ConsumerKey,
            ["oauth_nonce"] = nonce,
            ["oauth_signature_method"] = signatureMethod,
            ["oauth_timestamp"] = timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["oauth_version"] = "1.0",
        };

    /// <summary>RFC 5849 section 3.4: base string, then HMAC under <c>consumer_secret&amp;</c>.</summary>
    private string Signature(
        string method, string url, IEnumerable<KeyValuePair<string, string>> parameters, string key, string hmac)
    {
        static string Encode(string s) => Uri.EscapeDataString(s);
        var normalized = string.Join("&", parameters
            .Select(p => (Key: Encode(p.Key), Value: Encode(p.Value)))
            .OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => $"{p.Key}={p.Value}"));
        var baseString = $"{method}&{Encode(url)}&{Encode(normalized)}";
        var secret = Encoding.UTF8.GetBytes(Encode(Factory.Credentials(key).ConsumerSecret) + "&");
        var data = Encoding.UTF8.GetBytes(baseString);
#pragma warning disable CA5350 // WooCommerce's clients sign with HMAC-SHA1 too.
        var mac = hmac == "HMAC-SHA1" ? HMACSHA1.HashData(secret, data) : HMACSHA256.HashData(secret, data);
#pragma warning restore CA5350
        return Convert.ToBase64String(mac);
    }
}

public sealed class WooCommerceOAuthTestsOnSqlite(SqliteApiFactory f)
    : WooCommerceOAuthTests(f), IClassFixture<SqliteApiFactory>;

public sealed class WooCommerceOAuthTestsOnPostgres(PostgresApiFactory f)
    : WooCommerceOAuthTests(f), IClassFixture<PostgresApiFactory>;

public sealed class WooCommerceOAuthTestsOnSqlServer(SqlServerApiFactory f)
    : WooCommerceOAuthTests(f), IClassFixture<SqlServerApiFactory>;
