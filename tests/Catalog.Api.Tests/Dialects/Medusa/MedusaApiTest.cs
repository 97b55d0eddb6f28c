using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Catalog.Testing;

namespace Catalog.Api.Tests.Dialects.Medusa;

/// <summary>
/// A test over the Medusa dialect: a client that sends the key as Medusa's admin clients do (HTTP Basic), and the
/// dialect's routes.
/// </summary>
public abstract class MedusaApiTest(CatalogApiFactory factory) : CatalogApiTest(factory)
{
    protected const string MedusaProductsBatch = "/admin/products/batch";
    protected const string MedusaProducts = "/admin/products";

    protected static string MedusaVariantsBatch(string productId) => $"/admin/products/{productId}/variants/batch";

    /// <summary>Catalog's number behind a Medusa id: <c>prod_12</c> is 12.</summary>
    protected static long NumberOf(string medusaId) =>
        long.Parse(
            medusaId[(medusaId.IndexOf('_', StringComparison.Ordinal) + 1)..],
            System.Globalization.CultureInfo.InvariantCulture);

    /// <summary><c>Authorization: Basic base64(key + ":")</c>, as the JS SDK sends a secret API key.</summary>
    protected static AuthenticationHeaderValue Basic(string key) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(key + ":")));

    protected HttpClient MedusaClient(string? key = CatalogApiFactory.WriteKey)
    {
        var client = Factory.CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = Basic(key);
        }

        return client;
    }

    protected async Task<(int Status, JsonNode? Body)> MedusaPostAsync(
        string url, string json, HttpClient? client = null)
    {
        using var medusa = client is null ? MedusaClient() : null;
        return await SendAsync(HttpMethod.Post, url, Body(json), client ?? medusa);
    }

    protected async Task<(int Status, JsonNode? Body)> MedusaPostAsync(
        string url, object body, HttpClient? client = null)
    {
        using var medusa = client is null ? MedusaClient() : null;
        return await SendAsync(HttpMethod.Post, url, Body(body), client ?? medusa);
    }

    protected async Task<(int Status, JsonNode? Body)> MedusaGetAsync(string url, HttpClient? client = null)
    {
        using var medusa = client is null ? MedusaClient() : null;
        return await SendAsync(HttpMethod.Get, url, null, client ?? medusa);
    }

    protected async Task<(int Status, JsonNode? Body)> MedusaDeleteAsync(string url, HttpClient? client = null)
    {
        using var medusa = client is null ? MedusaClient() : null;
        return await SendAsync(HttpMethod.Delete, url, null, client ?? medusa);
    }

    /// <summary>
    /// Creates products through the Medusa batch and answers them as it returned them; fails the test otherwise.
    /// </summary>
    protected async Task<IReadOnlyList<JsonNode>> MedusaSeedAsync(params object[] products)
    {
        var (status, body) = await MedusaPostAsync(
            MedusaProductsBatch, new Dictionary<string, object?> { ["create"] = products });
        status.Should().Be(200, body.Text());
        return [.. body.Arr("created").Select(p => p!)];
    }

    /// <summary>A Medusa product create with one variant, a unique handle and SKU, and one USD price.</summary>
    protected static Dictionary<string, object?> MedusaProduct(string? sku = null)
    {
        var n = Unique.Next();
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["title"] = $"Medusa product {n}",
            ["handle"] = $"medusa-product-{n}",
            ["options"] = new[]
            {
                new Dictionary<string, object?> { ["title"] = "Size", ["values"] = new[] { "S", "M", "L" } },
            },
            ["variants"] = new[] { MedusaVariant(sku ?? $"MED-{n}", "S") },
        };
    }

    protected static Dictionary<string, object?> MedusaVariant(string sku, string size) => new(StringComparer.Ordinal)
    {
        ["title"] = $"Variant {sku}",
        ["sku"] = sku,
        ["options"] = new Dictionary<string, string> { ["Size"] = size },
        ["prices"] = new[] { new Dictionary<string, object?> { ["currency_code"] = "usd", ["amount"] = 12.5m } },
    };
}
