using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Catalog.Infrastructure.Auth;
using Catalog.Testing;

namespace Catalog.Api.Tests.Dialects.WooCommerce;

/// <summary>
/// <see cref="CatalogApiTest"/> speaking WooCommerce: a client that sends the bootstrap key as a consumer key and
/// secret over HTTP Basic, WooCommerce's routes, and builders of WooCommerce bodies.
/// </summary>
public abstract class WooCommerceApiTest(CatalogApiFactory factory) : CatalogApiTest(factory), IAsyncLifetime
{
    protected const string Products = "/wp-json/wc/v3/products";
    protected const string ProductsBatchRoute = "/wp-json/wc/v3/products/batch";

    protected HttpClient Woo { get; private set; } = null!;

    protected static string Variations(long productId) => $"/wp-json/wc/v3/products/{productId}/variations";

    protected static string VariationsBatch(long productId) => $"/wp-json/wc/v3/products/{productId}/variations/batch";

    public new async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Woo = WooClient(CatalogApiFactory.WriteKey);
    }

    public new async Task DisposeAsync()
    {
        Woo.Dispose();
        await base.DisposeAsync();
    }

    /// <summary>
    /// A client sending <paramref name="key"/> as WooCommerce clients do: consumer key and secret over HTTP Basic.
    /// </summary>
    protected HttpClient WooClient(string key)
    {
        var pair = Factory.Credentials(key);
        var client = Factory.CreateClientWithKey(null);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{pair.ConsumerKey}:{pair.ConsumerSecret}")));
        return client;
    }

    protected Task<(int Status, JsonNode? Body)> WooPostAsync(string url, object body, HttpClient? client = null) =>
        SendAsync(HttpMethod.Post, url, Body(body), client ?? Woo);

    protected Task<(int Status, JsonNode? Body)> WooGetAsync(string url, HttpClient? client = null) =>
        SendAsync(HttpMethod.Get, url, null, client ?? Woo);

    /// <summary>
    /// Creates products through WooCommerce's batch and answers them as WooCommerce answered; fails the test if any
    /// fails.
    /// </summary>
    protected async Task<IReadOnlyList<JsonNode>> SeedWooAsync(params object[] products)
    {
        var (status, body) = await WooPostAsync(ProductsBatchRoute, new { create = products });
        status.Should().Be(200, body.Text());
        var created = body.Arr("create");
        created.Should().OnlyContain(p => p!["error"] == null, body.Text());
        return [.. created.Select(p => p!)];
    }

    protected async Task<JsonNode> SeedWooAsync(object product) => (await SeedWooAsync([product]))[0];

    /// <summary>A variable product with a local attribute "Size" (S, M, L) used for variations.</summary>
    protected static Dictionary<string, object?> VariableProduct(string? name = null) => new()
    {
        ["name"] = name ?? $"Hoodie {Unique.Next()}",
        ["type"] = "variable",
        ["attributes"] = new[]
        {
            new { name = "Size", position = 0, visible = true, variation = true, options = new[] { "S", "M", "L" } },
        },
    };

    /// <summary>A simple product with a unique SKU and a regular price.</summary>
    protected static Dictionary<string, object?> SimpleProduct(string? name = null)
    {
        var n = Unique.Next();
        return new()
        {
            ["name"] = name ?? $"Tee {n}",
            ["type"] = "simple",
            ["sku"] = $"TEE-{n}",
            ["regular_price"] = "19.99",
        };
    }
}
