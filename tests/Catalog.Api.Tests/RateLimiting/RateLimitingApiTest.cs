using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Catalog.Infrastructure.Auth;
using Catalog.Testing;

namespace Catalog.Api.Tests.RateLimiting;

/// <summary>What one request answered: status, <c>Retry-After</c> in seconds (if sent), body.</summary>
public sealed record Answer(int Status, long? RetryAfter, JsonNode? Body);

/// <summary>
/// A test over the rate limits. Forwarded headers are on (as README says to run behind a proxy), so each test sends
/// from an address of its own in <c>X-Forwarded-For</c> and no lockout leaks into the next test.
/// </summary>
public abstract class RateLimitingApiTest(CatalogApiFactory factory) : CatalogApiTest(factory)
{
    protected const string CanonicalRoute = "/api/v1/products";
    protected const string WooRoute = "/wp-json/wc/v3/products";
    protected const string MedusaRoute = "/admin/products";

    /// <summary>An address no other test of the run sends from.</summary>
    protected static string NewAddress() =>
        $"198.18.{Random.Shared.Next(0, 256)}.{Random.Shared.Next(1, 255)}";

    protected Task<string> NewKeyAsync() => Factory.CreateKeyAsync(Scopes.All);

    /// <summary>A client from <paramref name="address"/>, with the key as a Bearer token, or none.</summary>
    protected HttpClient ClientFrom(string address, string? key = null)
    {
        var client = Factory.CreateClientWithKey(key);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }

    protected static async Task<Answer> RequestAsync(
        HttpClient client, string url, AuthenticationHeaderValue? authorization = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = authorization;
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var retryAfter = response.Headers.RetryAfter?.Delta is { } delta ? (long)delta.TotalSeconds : (long?)null;
        return new Answer((int)response.StatusCode, retryAfter, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    protected static AuthenticationHeaderValue Bearer(string key) => new("Bearer", key);

    /// <summary><c>Basic base64(user:password)</c>: WooCommerce's consumer pair, or Medusa's key with no password.
    /// </summary>
    protected static AuthenticationHeaderValue Basic(string user, string password = "") =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));

    /// <summary>The <paramref name="n"/>th wrong credential: canonical, WooCommerce, Medusa in turn.</summary>
    protected static (string Url, AuthenticationHeaderValue Credential) WrongCredential(int n) => (n % 3) switch
    {
        0 => (CanonicalRoute, Bearer($"cat_wrong-{n}")),
        1 => (WooRoute, Basic($"ck_wrong{n}", $"cs_wrong{n}")),
        _ => (MedusaRoute, Basic($"cat_wrong-{n}")),
    };
}

/// <summary>The limits the rate limiting tests run with, small enough to reach in a few requests.</summary>
public static class RateLimitSettings
{
    public const int FailureLimit = 20;

    public const int Burst = 3;

    /// <summary><see cref="FailureLimit"/> failures lock an address out for a minute.</summary>
    public static readonly IReadOnlyDictionary<string, string?> Lockout = new Dictionary<string, string?>
    {
        ["FORWARDEDHEADERS_ENABLED"] = "true",
        ["Catalog:RateLimits:FailedAuthentication:Limit"] = FailureLimit.ToString(CultureInfo.InvariantCulture),
        ["Catalog:RateLimits:FailedAuthentication:Window"] = "00:01:00",
    };

    /// <summary>A key may send <see cref="Burst"/> requests, then one a second.</summary>
    public static readonly IReadOnlyDictionary<string, string?> TightKeys = new Dictionary<string, string?>
    {
        ["FORWARDEDHEADERS_ENABLED"] = "true",
        ["Catalog:RateLimits:PerKey:PermitsPerSecond"] = "1",
        ["Catalog:RateLimits:PerKey:Burst"] = Burst.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>5 failures in two seconds.</summary>
    public static readonly IReadOnlyDictionary<string, string?> ShortWindow = new Dictionary<string, string?>
    {
        ["FORWARDEDHEADERS_ENABLED"] = "true",
        ["Catalog:RateLimits:FailedAuthentication:Limit"] = "5",
        ["Catalog:RateLimits:FailedAuthentication:Window"] = "00:00:02",
    };

    /// <summary>The tightest limits, switched off.</summary>
    public static readonly IReadOnlyDictionary<string, string?> Disabled = new Dictionary<string, string?>
    {
        ["FORWARDEDHEADERS_ENABLED"] = "true",
        ["Catalog:RateLimits:Enabled"] = "false",
        ["Catalog:RateLimits:PerKey:PermitsPerSecond"] = "1",
        ["Catalog:RateLimits:PerKey:Burst"] = "1",
        ["Catalog:RateLimits:FailedAuthentication:Limit"] = "1",
    };
}

public sealed class LockoutSqliteFactory : SqliteApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => RateLimitSettings.Lockout;
}

public sealed class LockoutPostgresFactory : PostgresApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => RateLimitSettings.Lockout;
}

public sealed class TightKeysSqliteFactory : SqliteApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => RateLimitSettings.TightKeys;
}

public sealed class TightKeysPostgresFactory : PostgresApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => RateLimitSettings.TightKeys;
}

public sealed class ShortWindowSqliteFactory : SqliteApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => RateLimitSettings.ShortWindow;
}

public sealed class ShortWindowPostgresFactory : PostgresApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => RateLimitSettings.ShortWindow;
}

public sealed class LimitsOffSqliteFactory : SqliteApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => RateLimitSettings.Disabled;
}

public sealed class LimitsOffPostgresFactory : PostgresApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => RateLimitSettings.Disabled;
}
