using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Catalog.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Catalog.Api.Tests.Dialects.Medusa;

/// <summary>
/// The official Medusa JS SDK (<c>@medusajs/js-sdk</c>, from package.json), unchanged, against Catalog on a real port:
/// a node script batches products and variants with a secret API key and a <c>fields</c> query, then runs an
/// integration's single-item scenario (create, list by handle, by SKU and by ids, retrieve, update, add, change and
/// delete a variant, list variants, delete, and the 404 of an unknown id) and checks the answers; this test then checks
/// what the SDK put on the wire (Basic header, query, compact JSON body) as the host recorded it.
/// </summary>
public sealed class MedusaSdkTests : IAsyncLifetime, IDisposable
{
    private readonly int _port;
    private readonly RecordingApiFactory _factory;

    public MedusaSdkTests()
    {
        _port = TestEnvironment.FreePort();
        _factory = new RecordingApiFactory { KestrelPort = _port };
    }

    public Task InitializeAsync() => _factory.InitializeAsync();

    public Task DisposeAsync() => _factory.DisposeAsync();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Sdk_BatchesAndSingleItemRoutes_WorkUnchangedAndSendMedusasWireFormat()
    {
        var root = TestEnvironment.RepositoryRoot();
        File.Exists(Path.Combine(root, "node_modules", "@medusajs", "js-sdk", "package.json"))
            .Should().BeTrue("the SDK comes from package.json: run `npm ci` at the repository root (.ci/run does)");
        var requests = Requests();
        var requestsFile = Path.Combine(Path.GetTempPath(), $"medusa-sdk-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(requestsFile, requests.ToJsonString());

        try
        {
            var (exitCode, output) = await RunNodeAsync(root, $"http://127.0.0.1:{_port}", requestsFile);
            exitCode.Should().Be(0, $"the SDK script's assertions must hold:\n{output}");
        }
        finally
        {
            File.Delete(requestsFile);
        }

        var basic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(CatalogApiFactory.WriteKey + ":"));
        var batch = _factory.Recorded.Single(r => r.Method == "POST" && r.Path == "/admin/products/batch"
            && r.Body.Contains("SDK-", StringComparison.Ordinal));
        batch.Authorization.Should().Be(basic);
        batch.ContentType.Should().Be("application/json");
        batch.Accept.Should().Be("application/json");
        batch.QueryString.Should().Be(
            "?fields=%2Bexternal_id%2C-variants", "the SDK encodes the query with qs: + as %2B, the comma as %2C");
        JsonNode.DeepEquals(JsonNode.Parse(batch.Body), requests["products"]!["body"]).Should().BeTrue(batch.Body);
        batch.Body.Should().Be(
            requests["products"]!["body"]!.ToJsonString(),
            "the SDK sends JSON.stringify of the body: compact, keys in the order given");

        var variants = _factory.Recorded.Single(
            r => r.Method == "POST" && r.Path.EndsWith("/variants/batch", StringComparison.Ordinal));
        variants.Path.Should().MatchRegex("^/admin/products/prod_[1-9][0-9]*/variants/batch$");
        variants.Authorization.Should().Be(basic);
        variants.QueryString.Should().Be("?fields=id%2Csku%2Ctitle%2C%2Aprices");
        JsonNode.Parse(variants.Body)!["create"].Should().NotBeNull();
        JsonNode.DeepEquals(JsonNode.Parse(variants.Body)!["create"], requests["variants"]!["body"]!["create"])
            .Should().BeTrue(variants.Body);

        var lists = _factory.Recorded.Where(r => r.Method == "GET" && r.Path == "/admin/products")
            .Select(r => r.QueryString).ToList();
        lists.Should().Contain("?handle=sdk-single&fields=id%2Chandle", "the SDK sends a filter as a plain key");
        lists.Should().Contain("?variants%5Bsku%5D=SDK-SINGLE-S&fields=id", "and an object as qs's key[sub]=");
        lists.Should().Contain(
            q => q.StartsWith("?id%5B0%5D=prod_", StringComparison.Ordinal), "and arrays as key[0]=");
        _factory.Recorded.Should().Contain(r => r.Method == "DELETE" && r.Path.StartsWith("/admin/products/prod_"));
    }

    private static JsonObject Requests() => JsonNode.Parse("""
        {
          "products": {
            "query": { "fields": "+external_id,-variants" },
            "body": {
              "create": [
                {
                  "title": "SDK Shirt",
                  "handle": "sdk-shirt",
                  "external_id": "sdk-erp-1",
                  "options": [ { "title": "Size", "values": [ "S", "M", "L" ] } ],
                  "variants": [
                    {
                      "title": "S", "sku": "SDK-S", "options": { "Size": "S" },
                      "prices": [ { "currency_code": "usd", "amount": 19.5 } ]
                    },
                    {
                      "title": "M", "sku": "SDK-M", "options": { "Size": "M" },
                      "prices": [
                        {
                          "currency_code": "usd", "amount": 19.5, "min_quantity": 1, "max_quantity": 9,
                          "rules": { "region_id": "reg_us" }
                        }
                      ]
                    }
                  ],
                  "sales_channels": [ { "id": "sc_web" } ]
                },
                {
                  "title": "SDK Trousers",
                  "external_id": "sdk-erp-2",
                  "options": [ { "title": "Size", "values": [ "32" ] } ]
                }
              ]
            }
          },
          "single": {
            "create": {
              "title": "SDK Single", "handle": "sdk-single",
              "options": [ { "title": "Size", "values": [ "S", "M" ] } ],
              "variants": [
                {
                  "title": "S", "sku": "SDK-SINGLE-S", "options": { "Size": "S" },
                  "prices": [ { "currency_code": "eur", "amount": 10 } ]
                }
              ]
            },
            "variant": {
              "title": "M", "sku": "SDK-SINGLE-M", "options": { "Size": "M" },
              "prices": [ { "currency_code": "eur", "amount": 11 } ]
            }
          },
          "variants": {
            "query": { "fields": "id,sku,title,*prices" },
            "body": {
              "create": [
                {
                  "title": "L", "sku": "SDK-L", "options": { "Size": "L" },
                  "prices": [ { "currency_code": "usd", "amount": 21 } ]
                }
              ]
            }
          }
        }
        """)!.AsObject();

    private static async Task<(int ExitCode, string Output)> RunNodeAsync(
        string root, string baseUrl, string requestsFile)
    {
        var script = Path.Combine(
            root, "tests", "Catalog.Api.Tests", "Dialects", "Medusa", "sdk", "medusa-sdk-batch.cjs");
        var (exitCode, output, errors) = await TestEnvironment.RunAsync(
            "node", [script, baseUrl, CatalogApiFactory.WriteKey, requestsFile], TimeSpan.FromMinutes(2));
        return (exitCode, output + errors);
    }

}

/// <summary>What reached the host, before anything else in the pipeline ran.</summary>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string QueryString,
    string? Authorization,
    string? ContentType,
    string? Accept,
    string Body);

/// <summary>The API on SQLite, with a first middleware that records every request as it arrived.</summary>
public sealed class RecordingApiFactory : SqliteApiFactory
{
    public ConcurrentQueue<RecordedRequest> Recorded { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(
            services => services.AddSingleton<IStartupFilter>(new RecordingStartupFilter(Recorded)));
    }

    private sealed class RecordingStartupFilter(ConcurrentQueue<RecordedRequest> recorded) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                context.Request.EnableBuffering();
                using var reader = new StreamReader(context.Request.Body, Encoding.UTF8, leaveOpen: true);
                var body = await reader.ReadToEndAsync(context.RequestAborted);
                context.Request.Body.Position = 0;
                var headers = context.Request.Headers;
                recorded.Enqueue(new RecordedRequest(
                    context.Request.Method,
                    context.Request.Path.Value ?? string.Empty,
                    context.Request.QueryString.Value ?? string.Empty,
                    headers.Authorization.Count > 0 ? headers.Authorization.ToString() : null,
                    headers.ContentType.Count > 0 ? headers.ContentType.ToString() : null,
                    headers.Accept.Count > 0 ? headers.Accept.ToString() : null,
                    body));
                await nextMiddleware(context);
            });
            next(app);
        };
    }
}
