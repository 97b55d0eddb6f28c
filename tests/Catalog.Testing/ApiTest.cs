using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Catalog.Api.Common;
using Xunit;

namespace Catalog.Testing;

/// <summary>A test class over the API: each test starts from an empty catalog and talks JSON over HTTP.</summary>
public abstract class ApiTest(CatalogApiFactory factory) : IAsyncLifetime
{
    public static readonly JsonSerializerOptions Json = CatalogJson.Create();

    protected CatalogApiFactory Factory { get; } = factory;

    protected HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Factory.ResetAsync();
        Client = Factory.CreateClientWithKey();
    }

    public Task DisposeAsync()
    {
        Client.Dispose();
        return Task.CompletedTask;
    }

    protected static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");

    protected static StringContent Body(object value) => Body(JsonSerializer.Serialize(value, Json));

    /// <summary>Sends and answers the status with the parsed body, whatever the status.</summary>
    protected async Task<(int Status, JsonNode? Body)> SendAsync(
        HttpMethod method, string url, HttpContent? content = null, HttpClient? client = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = content };
        using var response = await (client ?? Client).SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    protected Task<(int Status, JsonNode? Body)> PostAsync(string url, object body, HttpClient? client = null) =>
        SendAsync(HttpMethod.Post, url, Body(body), client);

    protected Task<(int Status, JsonNode? Body)> GetAsync(string url, HttpClient? client = null) =>
        SendAsync(HttpMethod.Get, url, null, client);

    protected async Task<T> ReadAsync<T>(string url)
    {
        var value = await Client.GetFromJsonAsync<T>(url, Json);
        return value!;
    }
}
