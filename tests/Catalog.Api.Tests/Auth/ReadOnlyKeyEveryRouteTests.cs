using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Catalog.Infrastructure.Auth;
using Catalog.Testing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Catalog.Api.Tests.Auth;

/// <summary>
/// A read-only key (<c>catalog:read</c>) cannot write through any route of any family. The write routes are read from
/// the running app's endpoints, not listed by hand, so a route added later is covered the day it is added; each is sent
/// the key in every form any family accepts, and must refuse it (401 or 403, in the family's shape) and change no row.
/// </summary>
public abstract class ReadOnlyKeyEveryRouteTests(CatalogApiFactory factory) : CatalogApiTest(factory)
{
    private static readonly HashSet<string> ReadMethods = ["GET", "HEAD", "OPTIONS"];

    // Route prefixes of every family; each must own at least one write route, or the enumeration is broken.
    private static readonly string[] Families =
    [
        "api/v1/products", "api/v1/categories", "api/v1/attributes", "api/v1/tags", "api/v1/wholesale-roles",
        "api/v1/jobs", "api/v1/api-keys", "wp-json/wc/v3/products", "wp-json/wc/v3/products/categories",
        "wp-json/wc/v3/products/attributes", "wp-json/wc/v3/products/tags", "wp-json/wholesale/v1", "admin/products",
        "v1/products", "api/products", "process/products",
    ];

    [Fact]
    public async Task EveryWriteRoute_WithReadOnlyKeyInEveryForm_IsRefusedAndChangesNothing()
    {
        await SeedOneOfEachAsync();
        var reader = await Factory.CreateKeyAsync(Scopes.Read);
        var pair = Factory.Credentials(reader);
        var routes = WriteRoutes();
        var before = await SnapshotAsync();
        var accepted = new List<string>();
        var shapeless = new List<string>();
        var authenticated = new HashSet<string>();
        using var client = Factory.CreateClientWithKey(null);

        foreach (var (method, template) in routes)
        {
            foreach (var (form, apply) in CredentialForms(reader, pair))
            {
                var url = Fill(template);
                using var request = new HttpRequestMessage(new HttpMethod(method), apply(url, out var headers));
                foreach (var (name, value) in headers)
                {
                    request.Headers.TryAddWithoutValidation(name, value);
                }

                if (method is "POST" or "PUT" or "PATCH")
                {
                    request.Content = new StringContent(WriteBody, Encoding.UTF8, "application/json");
                }

                using var response = await client.SendAsync(request);
                var status = (int)response.StatusCode;
                var text = await response.Content.ReadAsStringAsync();
                var seen = $"{method} {url} with {form}: {status} {text}";
                if (status is not (401 or 403))
                {
                    accepted.Add(seen);
                }
                else if (!HasErrorShape(text))
                {
                    shapeless.Add(seen);
                }

                if (status == 403 || text.Contains("permission", StringComparison.OrdinalIgnoreCase))
                {
                    authenticated.Add($"{method} {template}");
                }
            }
        }

        routes.Count.Should().BeGreaterThan(40, "every family's write routes are found");
        foreach (var family in Families)
        {
            routes.Should().Contain(r => r.Template.StartsWith(family, StringComparison.Ordinal), family);
        }

        accepted.Should().BeEmpty("a read-only key never gets past authorization on a write route");
        shapeless.Should().BeEmpty("each refusal is worded in the route's own error shape");
        routes.Select(r => $"{r.Method} {r.Template}").Should().BeSubsetOf(
            authenticated, "the key was recognised on every route and refused for its scope, not as a stranger");
        (await SnapshotAsync()).Should().Be(before, "no row changed");
    }

    /// <summary>Every route of the app that a method other than GET, HEAD or OPTIONS reaches, and not anonymously.
    /// </summary>
    private List<(string Method, string Template)> WriteRoutes()
    {
        var endpoints = Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        return
        [
            .. endpoints
                .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null)
                .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])
                    .Where(m => !ReadMethods.Contains(m))
                    .Select(m => (m, e.RoutePattern.RawText!.TrimStart('/'))))
                .Distinct()
                .OrderBy(r => r.Item2, StringComparer.Ordinal),
        ];
    }

    /// <summary>
    /// Every way a family takes a key: the canonical headers, Medusa's Basic key, WooCommerce's consumer pair by Basic
    /// and by query, the process API's subscription key.
    /// </summary>
    private static IEnumerable<(string Form, Credential Apply)> CredentialForms(string key, ConsumerCredentials pair)
    {
        yield return ("Bearer", (string url, out (string, string)[] h) =>
        {
            h = [("Authorization", $"Bearer {key}")];
            return url;
        }
        );
        yield return ("X-Api-Key", (string url, out (string, string)[] h) =>
        {
            h = [("X-Api-Key", key)];
            return url;
        }
        );
        yield return ("Basic key", (string url, out (string, string)[] h) =>
        {
            h = [("Authorization", "Basic " + Base64($"{key}:"))];
            return url;
        }
        );
        yield return ("Basic consumer pair", (string url, out (string, string)[] h) =>
        {
            h = [("Authorization", "Basic " + Base64($"{pair.ConsumerKey}:{pair.ConsumerSecret}"))];
            return url;
        }
        );
        yield return ("query consumer pair", (string url, out (string, string)[] h) =>
        {
            h = [];
            var query = $"consumer_key={pair.ConsumerKey}&consumer_secret={Uri.EscapeDataString(pair.ConsumerSecret)}";
            return url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query;
        }
        );
        yield return ("Subscription-Key", (string url, out (string, string)[] h) =>
        {
            h = [("Subscription-Key", key)];
            return url;
        }
        );
    }

    private delegate string Credential(string url, out (string Name, string Value)[] headers);

    // Any JSON body will do: authorization runs before the body is bound, and the snapshot shows nothing was written.
    private const string WriteBody = """{"create":[{"title":"Intruder","name":"Intruder"}],"updates":[{"id":1}]}""";

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    /// <summary>A route's parameters filled with the ids <see cref="SeedOneOfEachAsync"/> made (all are 1).</summary>
    private static string Fill(string template)
    {
        var url = new StringBuilder();
        var rest = template;
        while (rest.IndexOf('{', StringComparison.Ordinal) is var open and >= 0)
        {
            var close = rest.IndexOf('}', open);
            var name = rest[(open + 1)..close].TrimStart('*').Split(':', '=', '?')[0];
            url.Append(rest[..open]).Append(ValueOf(name, template));
            rest = rest[(close + 1)..];
        }

        return "/" + url.Append(rest);
    }

    private static string ValueOf(string parameter, string template) =>
        !template.StartsWith("admin/", StringComparison.Ordinal) ? "1"
        : parameter.StartsWith("variant", StringComparison.OrdinalIgnoreCase) ? "variant_1"
        : "prod_1";

    /// <summary>An error body with a code or type a client can branch on (ProblemDetails, WooCommerce, Medusa, ...).
    /// </summary>
    private static bool HasErrorShape(string text)
    {
        try
        {
            var body = System.Text.Json.Nodes.JsonNode.Parse(text);
            // ProblemDetails and WooCommerce carry a code, Medusa a type, the process API a detail, trade an error.
            return body?["code"] is not null || body?["type"] is not null || body?["detail"] is not null
                || body?["error"]?["status"] is not null;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    private async Task SeedOneOfEachAsync()
    {
        await SeedProductAsync(new ProductBuilder().WithVariants(1));
        await SeedCategoriesAsync(new CategoryBuilder());
        await SeedAttributeAsync(new AttributeBuilder());
        (await PostAsync("/api/v1/tags/batch", Batch.Of(create: [new { name = "seed" }]))).Status.Should().Be(200);
        var role = await PostAsync(
            "/api/v1/wholesale-roles/batch", Batch.Of(create: [new { key = "seed", name = "S" }]));
        role.Status.Should().Be(200, role.Body.Text());
    }

    /// <summary>Every row of every table the app maps, as text: equal snapshots mean nothing was written.</summary>
    private Task<string> SnapshotAsync() => Factory.QueryAsync(async db =>
    {
        var tables = db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct().Order();
        var snapshot = new StringBuilder();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<string>();
            while (await reader.ReadAsync())
            {
                var values = new object[reader.FieldCount];
                reader.GetValues(values);
                rows.Add(string.Join('|', values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture))));
            }

            snapshot.Append(table).Append(": ").AppendJoin('\n', rows.Order(StringComparer.Ordinal)).Append('\n');
        }

        return snapshot.ToString();
    });
}

public sealed class ReadOnlyKeyEveryRouteTestsOnSqlite(SqliteApiFactory f)
    : ReadOnlyKeyEveryRouteTests(f), IClassFixture<SqliteApiFactory>;

public sealed class ReadOnlyKeyEveryRouteTestsOnPostgres(PostgresApiFactory f)
    : ReadOnlyKeyEveryRouteTests(f), IClassFixture<PostgresApiFactory>;
