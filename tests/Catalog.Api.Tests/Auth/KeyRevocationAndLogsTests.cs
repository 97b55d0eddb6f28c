using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Catalog.Api.Tests.V1.Jobs.Durability;
using Catalog.Testing;
using Catalog.Testing.Logs;
using Xunit.Abstractions;

namespace Catalog.Api.Tests.Auth;

/// <summary>
/// Keys across two API processes on one PostgreSQL, logging at Debug: a key issued through one instance
/// works on both in every credential form; once revoked through one, every route of both refuses it within a second,
/// whatever form it comes in; and no log line of either process holds a key, its hash or a consumer secret, though
/// the key went by Bearer, X-Api-Key, Basic, the WooCommerce query string and an OAuth 1.0a signature. (The lockout
/// after many wrong credentials is <c>FailedAuthenticationsTests</c>' subject; here it is set out of reach, since
/// the sweeps below send a revoked key hundreds of times.)
/// </summary>
public sealed class KeyRevocationAndLogsTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Bootstrap = "auth-suite-bootstrap-key-0123456789";
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(1);
    private readonly List<ApiProcess> _instances = [];
    private JobDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await JobDatabase.CreatePostgresAsync();
        var settings = new Dictionary<string, string>
        {
            ["Logging__LogLevel__Default"] = "Debug",
            ["Logging__LogLevel__Microsoft"] = "Debug",
            ["Logging__LogLevel__Microsoft.AspNetCore"] = "Debug",
            ["Logging__LogLevel__Microsoft.EntityFrameworkCore"] = "Debug",
            ["Catalog__RateLimits__FailedAuthentication__Limit"] = "1000000",
        };
        foreach (var name in new[] { "auth-a", "auth-b" })
        {
            _instances.Add(await ApiProcess.StartAsync(
                name, _database.Provider, _database.ConnectionString, Bootstrap, settings));
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var instance in _instances)
        {
            await instance.DisposeAsync();
        }

        await _database.DisposeAsync();
    }

    [Fact]
    public async Task RevokedKey_OnTwoInstances_IsRefusedOnEveryRouteWithinASecondAndNoSecretIsLogged()
    {
        var (a, b) = (_instances[0], _instances[1]);
        var key = await IssueAsync(a, "integration", ["catalog:read", "catalog:write"]);
        var rotated = await IssueAsync(a, "rotated", ["catalog:read"]);
        var rotation = await SendAsync(a, HttpMethod.Post, $"/api/v1/api-keys/{rotated.Id}/rotate", Bearer(Bootstrap));
        rotation.Status.Should().Be(200, rotation.Text);
        LogCapture.RegisterKey(JsonNode.Parse(rotation.Text).Str("key")!);
        (await SendAsync(a, HttpMethod.Get, "/api/v1/products", Bearer(rotated.Key))).Status.Should().Be(401);
        var routes = await RoutesAsync(a);

        // Every form the key may take, on both instances, each on a route of its family.
        foreach (var instance in _instances)
        {
            foreach (var (url, form) in Accepted(instance, key))
            {
                var answer = await SendAsync(instance, HttpMethod.Get, url, form);
                answer.Status.Should().BeOneOf([200, 404], $"{instance.Name} GET {url}: {answer.Text}");
            }
        }

        var before = await SweepAsync(routes, key);
        var revoke = await SendAsync(a, HttpMethod.Delete, $"/api/v1/api-keys/{key.Id}", Bearer(Bootstrap));
        var clock = Stopwatch.StartNew();
        var firstAnswers = new List<(string, int)>();
        foreach (var instance in _instances)
        {
            foreach (var (url, form) in Accepted(instance, key))
            {
                var answer = await SendAsync(instance, HttpMethod.Get, url, form);
                firstAnswers.Add(($"{instance.Name} {url}", answer.Status));
            }
        }

        var firstRefusedIn = clock.Elapsed;
        var after = await SweepAsync(routes, key);

        revoke.Status.Should().Be(200, revoke.Text);
        firstAnswers.Should().OnlyContain(a => a.Item2 == 401, "both instances refuse the key at once, every form");
        firstRefusedIn.Should().BeLessThan(Within);
        output.WriteLine($"{routes.Count} operations; first refusals on both instances within {firstRefusedIn}");
        routes.Count.Should().BeGreaterThan(60, "the OpenAPI document lists every family's operations");
        var authenticatedBefore = before.Where(r => r.Value.Any(s => s is not 401)).Select(r => r.Key).ToList();
        authenticatedBefore.Should().HaveCount(routes.Count, "the key got past authentication on every route before");
        after.Where(r => r.Value.Any(s => s != 401)).Select(r => $"{r.Key}: {string.Join(',', r.Value)}")
            .Should().BeEmpty("a revoked key is refused on every route of both instances, in every form");

        var lines = _instances.Sum(i => i.Log.Split('\n').Length);
        lines.Should().BeGreaterThan(1000, "Debug logging was on");
        _instances.Should().OnlyContain(i => i.Log.Contains("consumer_secret=[redacted]", StringComparison.Ordinal),
            "the request log names the query parameter and hides its value");
        LogCapture.Leaks.Where(l => _instances.Any(i => l.Contains($" {i.Name}: ", StringComparison.Ordinal)))
            .Should().BeEmpty("no key, key hash or consumer secret is ever logged");
    }

    /// <summary>Every operation of the OpenAPI document but the public ones, with its ids filled in.</summary>
    private static async Task<List<(string Method, string Url)>> RoutesAsync(ApiProcess instance)
    {
        var text = await instance.Client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        var document = JsonNode.Parse(text)!;
        var routes = new List<(string, string)>();
        foreach (var (path, operations) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in operations!.AsObject())
            {
                var isPublic = operation!["security"] is JsonArray { Count: 0 };
                if (isPublic || path.StartsWith("/health", StringComparison.Ordinal))
                {
                    continue;
                }

                var url = System.Text.RegularExpressions.Regex.Replace(path, "{([^}]+)}", m =>
                    !path.StartsWith("/admin/", StringComparison.Ordinal) ? "1"
                    : m.Groups[1].Value.StartsWith("variant", StringComparison.OrdinalIgnoreCase) ? "variant_1"
                    : "prod_1");
                routes.Add((method.ToUpperInvariant(), url));
            }
        }

        return routes;
    }

    /// <summary>
    /// Each route on both instances with the key by Bearer, by Medusa's Basic and by WooCommerce's Basic pair: the
    /// statuses each route answered.
    /// </summary>
    private async Task<Dictionary<string, List<int>>> SweepAsync(List<(string Method, string Url)> routes, Issued key)
    {
        var statuses = new Dictionary<string, List<int>>();
        foreach (var (method, url) in routes)
        {
            var seen = statuses[$"{method} {url}"] = [];
            foreach (var instance in _instances)
            {
                var forms = new[]
                {
                    Bearer(key.Key), Basic(key.Key + ":"), Basic($"{key.ConsumerKey}:{key.ConsumerSecret}"),
                };
                foreach (var form in forms)
                {
                    seen.Add((await SendAsync(instance, new HttpMethod(method), url, form, "{}")).Status);
                }
            }
        }

        return statuses;
    }

    /// <summary>
    /// A read route of each family, with a credential form that family takes (the process and operation-list routes
    /// name no job here: their 404 says the key got through).
    /// </summary>
    private static IEnumerable<(string Url, Credential Form)> Accepted(ApiProcess instance, Issued key)
    {
        var woo = "/wp-json/wc/v3/products";
        yield return ("/api/v1/products", Bearer(key.Key));
        yield return ("/api/v1/jobs", Header("X-Api-Key", key.Key));
        yield return (woo, Basic($"{key.ConsumerKey}:{key.ConsumerSecret}"));
        var secret = Uri.EscapeDataString(key.ConsumerSecret);
        yield return ($"{woo}?consumer_key={key.ConsumerKey}&consumer_secret={secret}", new Credential([]));
        yield return (Signed(instance, woo, key), new Credential([]));
        yield return ("/admin/products", Basic(key.Key + ":"));
        yield return ("/api/v1/api-keys/me", Bearer(key.Key));
        yield return ("/batch/1", Header("Subscription-Key", key.Key));
        yield return ("/api/batches/1.json", Bearer(key.Key));
    }

    /// <summary>An OAuth 1.0a one-legged HMAC-SHA256 signature of a GET, by RFC 5849, in the query.</summary>
    private static string Signed(ApiProcess instance, string path, Issued key)
    {
        static string Encode(string s) => Uri.EscapeDataString(s);
        var oauth = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["oauth_consumer_key"] = key.ConsumerKey,
            ["oauth_nonce"] = Guid.NewGuid().ToString("N"),
            ["oauth_signature_method"] = "HMAC-SHA256",
            ["oauth_timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            ["oauth_version"] = "1.0",
        };
        var normalized = string.Join('&', oauth.Select(p => $"{Encode(p.Key)}={Encode(p.Value)}"));
        var origin = instance.Client.BaseAddress!.GetLeftPart(UriPartial.Authority);
        var baseString = $"GET&{Encode(origin + path)}&{Encode(normalized)}";
        var mac = HMACSHA256.HashData(
            Encoding.UTF8.GetBytes(Encode(key.ConsumerSecret) + "&"), Encoding.UTF8.GetBytes(baseString));
        oauth["oauth_signature"] = Convert.ToBase64String(mac);
        return path + "?" + string.Join('&', oauth.Select(p => $"{p.Key}={Encode(p.Value)}"));
    }

    private static async Task<Issued> IssueAsync(ApiProcess instance, string name, string[] scopes)
    {
        var body = JsonSerializerBody(new { name, scopes });
        var answer = await SendAsync(instance, HttpMethod.Post, "/api/v1/api-keys", Bearer(Bootstrap), body);
        answer.Status.Should().Be(201, answer.Text);
        var json = JsonNode.Parse(answer.Text);
        var issued = new Issued(
            json.Num("id"), json.Str("key")!, json.Str("consumer_key")!, json.Str("consumer_secret")!);
        LogCapture.RegisterKey(issued.Key);
        LogCapture.RegisterSecret(issued.ConsumerSecret, "a consumer secret");
        return issued;
    }

    private static string JsonSerializerBody(object value) => System.Text.Json.JsonSerializer.Serialize(value);

    private static async Task<(int Status, string Text)> SendAsync(
        ApiProcess instance, HttpMethod method, string url, Credential credential, string? body = null)
    {
        using var request = new HttpRequestMessage(method, url);
        foreach (var (name, value) in credential.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (body is not null && method != HttpMethod.Get && method != HttpMethod.Delete)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        // The instance's own client carries the bootstrap key; these requests carry only the credential given.
        using var anonymous = new HttpClient { BaseAddress = instance.Client.BaseAddress };
        using var response = await anonymous.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static Credential Bearer(string key) => Header("Authorization", $"Bearer {key}");

    private static Credential Basic(string pair) =>
        Header("Authorization", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(pair)));

    private static Credential Header(string name, string value) => new([(name, value)]);

    private sealed record Credential(IReadOnlyList<(string Name, string Value)> Headers);

    private sealed record Issued(long Id, string Key, string ConsumerKey, string ConsumerSecret);
}
