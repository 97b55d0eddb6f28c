using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Catalog.Testing;

namespace Catalog.Client.Tests;

/// <summary>
/// The generated SDK against the API on a loopback port, as an external user runs it: their own HttpClient, its
/// BaseAddress and the Bearer key.
/// </summary>
public sealed class ProductsClientTests : IAsyncLifetime, IDisposable
{
    private readonly SqliteApiFactory _factory = new() { KestrelPort = TestEnvironment.FreePort() };

    public Task InitializeAsync() => _factory.InitializeAsync();

    public Task DisposeAsync() => _factory.DisposeAsync();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task ProductsAsync_OnePageOverLoopback_AnswersThePage()
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_factory.KestrelPort}/") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", CatalogApiFactory.WriteKey);
        using var created = await http.PostAsJsonAsync("api/v1/products/batch",
            new { create = new[] { new { title = "Smoke test", handle = "smoke-test" } } });
        created.StatusCode.Should().Be(HttpStatusCode.OK);
        var client = new Client(http);

        // The page starts past the product: the document has no string enums yet, so its status would not read.
        var page = await client.ProductsAsync(limit: 10, offset: 1);

        page.Total.Should().Be(1);
        page.Items.Should().BeEmpty();
        page.Limit.Should().Be(10);
        page.Offset.Should().Be(1);
    }
}
