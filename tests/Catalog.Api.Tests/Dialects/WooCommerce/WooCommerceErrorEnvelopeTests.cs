using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Catalog.Infrastructure.Auth;
using Catalog.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Catalog.Api.Tests.Dialects.WooCommerce;

/// <summary>
/// Every whole-request error on a WooCommerce route answers WordPress's <c>{code, message, data: {status}}</c>, never
/// problem details: checked over a real Kestrel port, where body limits and content negotiation are the server's.
/// </summary>
public sealed class WooCommerceErrorEnvelopeTests : IAsyncLifetime, IDisposable
{
    private const string Batch = "/wp-json/wc/v3/products/batch";

    private readonly SmallBodyApiFactory _factory = new() { KestrelPort = TestEnvironment.FreePort() };
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        await _factory.InitializeAsync();
        var pair = _factory.Credentials(CatalogApiFactory.WriteKey);
        _client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_factory.KestrelPort}") };
        _client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{pair.ConsumerKey}:{pair.ConsumerSecret}")));
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    public void Dispose() => _factory.Dispose();

    public static TheoryData<string, string?, string, int, string> Errors => new()
    {
        // WordPress has no 415: a body it cannot read as JSON is rest_invalid_json, 400.
        { "POST", "text/plain", "{\"create\":[]}", 400, "rest_invalid_json" },
        { "POST", null, "{\"create\":[]}", 400, "rest_invalid_json" },
        { "POST", "application/json", "{\"create\": [", 400, "rest_invalid_json" },
        { "DELETE", "application/json", "{}", 404, "rest_no_route" },
        { "GET", null, string.Empty, 404, "rest_no_route" },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public async Task Batch_WholeRequestError_AnswersWordPressEnvelope(
        string method, string? contentType, string body, int status, string code)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), Batch);
        if (method != "GET")
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            if (contentType is not null)
            {
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            }
        }

        var (answered, envelope, mediaType) = await SendAsync(request);

        AssertEnvelope(answered, envelope, mediaType, status, code);
    }

    [Fact]
    public async Task Batch_BodyOverTheServersLimit_Answers413Envelope()
    {
        var json = $"{{\"create\":[{{\"name\":\"{new string('a', SmallBodyApiFactory.MaxBodyBytes)}\"}}]}}";
        using var request = new HttpRequestMessage(HttpMethod.Post, Batch)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };

        var (status, envelope, mediaType) = await SendAsync(request);

        AssertEnvelope(status, envelope, mediaType, 413, "woocommerce_rest_request_entity_too_large");
    }

    [Fact]
    public async Task UnknownWooCommerceRoute_Answers404RestNoRoute()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/wp-json/wc/v3/coupons");

        var (status, envelope, mediaType) = await SendAsync(request);

        AssertEnvelope(status, envelope, mediaType, 404, "rest_no_route");
    }

    private static void AssertEnvelope(int status, JsonNode? envelope, string? mediaType, int expected, string code)
    {
        status.Should().Be(expected, envelope?.ToJsonString());
        mediaType.Should().Be("application/json", "never application/problem+json");
        envelope!["code"]!.GetValue<string>().Should().Be(code);
        envelope["message"]!.GetValue<string>().Should().NotBeNullOrEmpty();
        envelope["data"]!["status"]!.GetValue<int>().Should().Be(expected);
        envelope.AsObject().Select(p => p.Key).Should().Equal("code", "message", "data");
    }

    private async Task<(int Status, JsonNode? Body, string? MediaType)> SendAsync(HttpRequestMessage request)
    {
        using var response = await _client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text),
            response.Content.Headers.ContentType?.MediaType);
    }
}

/// <summary>The API with Kestrel's body limit lowered, so that a test can pass it without sending megabytes.</summary>
public sealed class SmallBodyApiFactory : SqliteApiFactory
{
    public const int MaxBodyBytes = 4096;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
            services.Configure<KestrelServerOptions>(options => options.Limits.MaxRequestBodySize = MaxBodyBytes));
    }
}
