using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Catalog.Testing;

namespace Catalog.Api.Tests.OpenApi;

/// <summary>
/// What a client generator needs from the served document, checked on every operation: an id, a named request body,
/// a documented success and error answer, the credentials the route takes, enums as strings; and the answers keep
/// the promise the document makes about problems (<c>code</c>, one spelling of the trace id).
/// </summary>
public sealed class OpenApiContractTests(SqliteApiFactory factory) : IClassFixture<SqliteApiFactory>
{
    [Fact]
    public async Task Document_EveryOperation_HasIdNamedSchemasResponsesAndSecurity()
    {
        var document = await DocumentAsync();
        var problems = new List<string>();
        var ids = new HashSet<string>();

        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, node) in item!.AsObject())
            {
                var operation = node!.AsObject();
                var name = $"{method.ToUpperInvariant()} {path}";
                var id = operation["operationId"]?.GetValue<string>();
                if (string.IsNullOrEmpty(id) || !id.Contains('_', StringComparison.Ordinal) || !ids.Add(id))
                {
                    problems.Add($"{name}: operationId '{id}' is missing, not Client_Operation, or not unique");
                }

                if (operation["requestBody"]?["content"]?["application/json"]?["schema"] is { } body
                    && body["$ref"] is null)
                {
                    problems.Add($"{name}: the request body is an inline schema, not a named one");
                }

                var responses = operation["responses"]!.AsObject();
                if (!responses.Any(r => r.Key.StartsWith('2') && SchemaOf(r.Value) is not null))
                {
                    problems.Add($"{name}: no documented success answer with a body");
                }

                if (!responses.Any(r => r.Key.StartsWith('4') && SchemaOf(r.Value)?["$ref"] is not null))
                {
                    problems.Add($"{name}: no documented error answer with a named body");
                }

                if (operation["security"] is not JsonArray { Count: > 0 })
                {
                    problems.Add($"{name}: no security declared");
                }

                if (operation["tags"] is not JsonArray { Count: 1 })
                {
                    problems.Add($"{name}: not exactly one tag");
                }
            }
        }

        problems.Should().BeEmpty();
        ids.Should().Contain(["Products_Batch", "Products_Patch", "WooCommerceProducts_Batch", "MedusaProducts_Batch"]);
    }

    [Fact]
    public async Task Document_Schemas_EnumsAreStringsMoneyIsDecimalAnswersRequired()
    {
        var schemas = (await DocumentAsync())["components"]!["schemas"]!.AsObject();

        var enums = schemas.Where(s => s.Value!["enum"] is not null).ToList();
        enums.Select(s => s.Key).Should().Contain(["ProductStatus", "ItemStatus", "BatchPolicy", "ErrorCode"]);
        enums.Should().OnlyContain(s => s.Value!["type"]!.GetValue<string>() == "string");
        schemas["PriceInput"]!["properties"]!["amount"]!["format"]!.GetValue<string>().Should().Be("decimal");
        schemas["ItemError"]!["properties"]!["code"]!["$ref"]!.GetValue<string>().Should().EndWith("/ErrorCode");
        schemas["BatchSummaryContract"]!["required"]!.AsArray().Select(r => r!.GetValue<string>())
            .Should().BeEquivalentTo(["total", "succeeded", "failed", "not_applied"]);
    }

    [Fact]
    public async Task Document_ProductUpdate_StatusIsOptionalAndNullable()
    {
        var schemas = (await DocumentAsync())["components"]!["schemas"]!.AsObject();

        var status = schemas["ProductWrite"]!["properties"]!["status"]!;
        status["nullable"]!.GetValue<bool>().Should().BeTrue();
        (schemas["ProductWrite"]!["required"] as JsonArray ?? []).Select(r => r!.GetValue<string>())
            .Should().NotContain("status");
    }

    [Fact]
    public async Task Document_DialectRoutes_DeclareTheirOwnCredentials()
    {
        var paths = (await DocumentAsync())["paths"]!.AsObject();

        Schemes(paths["/wp-json/wc/v3/products/batch"]!["post"]!)
            .Should().BeEquivalentTo(["woocommerce_basic", "consumer_key+consumer_secret"]);
        Schemes(paths["/admin/products/batch"]!["post"]!).Should().BeEquivalentTo(["medusa_basic"]);
        Schemes(paths["/api/v1/products/batch"]!["post"]!).Should().BeEquivalentTo(["bearer", "api_key"]);
    }

    [Theory]
    [InlineData("POST", "/api/v1/products/batch", "{", true, 400)]
    [InlineData("GET", "/api/v1/products", null, false, 401)]
    [InlineData("GET", "/api/v1/products/987654321", null, true, 404)]
    [InlineData("GET", "/api/v1/no-such-route", null, true, 404)]
    public async Task Problems_CanonicalErrors_CarryCodeAndTraceIdSpelledOnce(
        string method, string url, string? body, bool withKey, int expected)
    {
        using var client = withKey ? factory.CreateClientWithKey() : factory.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        }

        using var response = await client.SendAsync(request);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

        ((int)response.StatusCode).Should().Be(expected);
        problem["code"]!.GetValue<string>().Should().NotBeEmpty();
        problem["trace_id"]!.GetValue<string>().Should().NotBeEmpty();
        problem.Should().NotContainKey("traceId");
    }

    private static JsonNode? SchemaOf(JsonNode? response) =>
        response?["content"]?.AsObject().Select(c => c.Value?["schema"]).FirstOrDefault(s => s is not null);

    private static IEnumerable<string> Schemes(JsonNode operation) =>
        operation["security"]!.AsArray().Select(r => string.Join("+", r!.AsObject().Select(s => s.Key)));

    private async Task<JsonObject> DocumentAsync()
    {
        using var client = factory.CreateClient();
        return JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!.AsObject();
    }
}
