using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Catalog.Infrastructure.Auth;
using Catalog.Testing;

namespace Catalog.Api.Tests.OpenApi;

/// <summary>
/// The request examples of the served document, sent as Swagger UI's "Try it out" sends them: every operation with a
/// body has one, and sent in document order to a fresh API, with the credentials the operation declares, each
/// succeeds with no failed item; then every read with path parameters, filled with their examples, finds its row.
/// </summary>
public sealed class OpenApiExamplesTests(SqliteApiFactory factory) : IClassFixture<SqliteApiFactory>
{
    [Fact]
    public async Task Document_EveryOperationWithABody_HasAnExampleAndExamplePathParameters()
    {
        var operations = Operations(await DocumentAsync());

        var missing = operations
            .Where(o => o.Operation["requestBody"] is not null && BodyExample(o.Operation) is null)
            .Select(o => $"{o.Name}: no request example")
            .Concat(operations.SelectMany(o => PathParameters(o.Operation)
                .Where(p => p["example"] is null)
                .Select(p => $"{o.Name}: path parameter '{p["name"]}' has no example")));

        operations.Should().Contain(o => o.Operation["requestBody"] != null);
        missing.Should().BeEmpty("Swagger UI's Try it out sends the documented example as it is");
    }

    [Fact]
    public async Task Examples_SentInDocumentOrderToAFreshApi_AllSucceed()
    {
        var operations = Operations(await DocumentAsync());
        var failures = new List<string>();

        var writes = operations.Where(o => o.Operation["requestBody"] is not null).ToList();
        foreach (var write in writes)
        {
            var example = BodyExample(write.Operation);
            if (example is null)
            {
                failures.Add($"{write.Name}: no request example");
                continue;
            }

            var (status, body) = await SendAsync(write, example.ToJsonString());
            if (status is < 200 or > 299 || FailedItems(body) is { Count: > 0 })
            {
                failures.Add($"{write.Name}: {status} {Cut(body?.ToJsonString())}");
            }
        }

        // The job reads name job 1: a batch sent as "Try it out" sends it, with Prefer: respond-async.
        (await SubmitJobAsync()).Should().Be(202);
        foreach (var read in operations.Where(o => o.Method == "get" && PathParameters(o.Operation).Any()))
        {
            var (status, body) = await SendAsync(read, null);
            if (status is < 200 or > 299)
            {
                failures.Add($"{read.Name}: {status} {Cut(body?.ToJsonString())}");
            }
        }

        writes.Should().NotBeEmpty();
        failures.Should().BeEmpty("every documented example must succeed when sent as it is, in document order");
    }

    private async Task<JsonNode> DocumentAsync()
    {
        using var client = factory.CreateClient();
        return JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
    }

    private static List<DocumentedOperation> Operations(JsonNode document) =>
    [
        .. document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject()
            .Select(item => new DocumentedOperation(item.Key, path.Key, item.Value!.AsObject()))),
    ];

    private static JsonNode? BodyExample(JsonObject operation) =>
        operation["requestBody"]?["content"]?["application/json"]?["example"];

    private static IEnumerable<JsonNode> PathParameters(JsonObject operation) =>
        operation["parameters"]?.AsArray().OfType<JsonNode>().Where(p => (string?)p["in"] == "path") ?? [];

    /// <summary>
    /// Sends what Swagger UI would: the path filled with the parameters' examples, the query parameters that have
    /// one, the example body, and the first credentials the operation declares.
    /// </summary>
    private async Task<(int Status, JsonNode? Body)> SendAsync(DocumentedOperation operation, string? body)
    {
        var url = new StringBuilder(operation.Path);
        var query = new List<string>();
        foreach (var parameter in operation.Operation["parameters"]?.AsArray().OfType<JsonNode>() ?? [])
        {
            var value = parameter["example"]?.ToString();
            var name = (string)parameter["name"]!;
            if ((string?)parameter["in"] == "path")
            {
                url.Replace("{" + name + "}", Uri.EscapeDataString(value ?? string.Empty));
            }
            else if ((string?)parameter["in"] == "query" && value is not null)
            {
                query.Add($"{name}={Uri.EscapeDataString(value)}");
            }
        }

        if (query.Count > 0)
        {
            url.Append('?').AppendJoin('&', query);
        }

        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(operation.Method.ToUpperInvariant()), url.ToString());
        request.Headers.Authorization = Credentials(operation.Operation);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    private async Task<int> SubmitJobAsync()
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/wholesale-roles/batch")
        {
            Content = new StringContent(
                """{"create": [{"key": "examples_job", "name": "Examples job"}]}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", CatalogApiFactory.WriteKey);
        request.Headers.Add("Prefer", "respond-async");
        using var response = await client.SendAsync(request);
        return (int)response.StatusCode;
    }

    /// <summary>The bootstrap key, in the form of the first security scheme the operation declares.</summary>
    private AuthenticationHeaderValue Credentials(JsonObject operation)
    {
        var scheme = operation["security"]!.AsArray()[0]!.AsObject().Single().Key;
        const string Key = CatalogApiFactory.WriteKey;
        return scheme switch
        {
            "woocommerce_basic" => Basic(
                $"{factory.Credentials(Key).ConsumerKey}:{factory.Credentials(Key).ConsumerSecret}"),
            "medusa_basic" => Basic(Key + ":"),
            "bearer" => new AuthenticationHeaderValue("Bearer", Key),
            _ => throw new InvalidOperationException($"No credentials for the security scheme '{scheme}'"),
        };
    }

    private static AuthenticationHeaderValue Basic(string pair) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(pair)));

    /// <summary>
    /// What failed in a batch answer, whatever the dialect: a <c>summary</c> with failed (or not applied) items
    /// (canonical and trade), or items carrying an <c>error</c> (WooCommerce and Wholesale Suite). Medusa's batches
    /// are atomic: a 2xx means every item was written.
    /// </summary>
    private static List<string> FailedItems(JsonNode? body)
    {
        if (body is not JsonObject answer)
        {
            return [];
        }

        if (answer["summary"] is JsonObject summary)
        {
            var failed = (int?)summary["failed"] ?? 0;
            var notApplied = (int?)summary["not_applied"] ?? 0;
            return failed + notApplied > 0 ? [summary.ToJsonString()] : [];
        }

        return
        [
            .. answer.Where(list => list.Value is JsonArray)
                .SelectMany(list => list.Value!.AsArray().OfType<JsonObject>()
                    .Where(item => item["error"] is not null)
                    .Select(item => $"{list.Key}: {item.ToJsonString()}")),
        ];
    }

    private static string Cut(string? text) => text is { Length: > 600 } ? text[..600] + "..." : text ?? string.Empty;

    private sealed record DocumentedOperation(string Method, string Path, JsonObject Operation)
    {
        public string Name => $"{Method.ToUpperInvariant()} {Path} ({Operation["operationId"]})";
    }
}
