using System.Text.Json.Nodes;
using Catalog.Testing;

namespace Catalog.Api.Tests.Dialects.Trade;

/// <summary>
/// <see cref="CatalogApiTest"/> with the trade dialect's endpoint. Trade bodies are written as JSON text, so that a
/// test sends exactly what a trade client sends (camelCase, integers as integers) and can compare numbers by their
/// digits.
/// </summary>
public abstract class TradeApiTest(CatalogApiFactory factory) : CatalogApiTest(factory)
{
    protected const string TradeBatch = "/v1/products/batch";

    /// <summary>The keys of a trade product, in the order the trade API answers them.</summary>
    protected static readonly string[] TradeProductKeys =
    [
        "id", "name", "description", "tradeCategoryId", "pricingType", "price", "maxPrice", "isDisclosePrice", "faqs",
        "isActive", "createdAt", "updatedAt",
    ];

    protected Task<(int Status, JsonNode? Body)> TradePatchAsync(string json, HttpClient? client = null) =>
        SendAsync(HttpMethod.Patch, TradeBatch, Body(json), client);

    /// <summary><c>{"updates": [...]}</c> from items written as JSON objects.</summary>
    protected static string Updates(params string[] items) => $$"""{"updates": [{{string.Join(", ", items)}}]}""";

    /// <summary>
    /// A category and products in it, published, made through the canonical API as a catalog would hold them.
    /// </summary>
    protected async Task<(long CategoryId, IReadOnlyList<long> ProductIds)> SeedTradeProductsAsync(int count)
    {
        var category = (await SeedCategoriesAsync(new CategoryBuilder().With("name", "Stone benchtops")))[0];
        var products = await SeedProductsAsync([.. Enumerable.Range(0, count).Select(_ => new ProductBuilder()
            .With("description", "High-quality granite countertop with polished finish")
            .With("status", "published")
            .InCategories(category.Num("id")))]);
        return (category.Num("id"), [.. products.Select(p => p.Num("id"))]);
    }

    protected async Task<JsonNode> CanonicalAsync(long id)
    {
        var (status, body) = await GetAsync($"/api/v1/products/{id}");
        status.Should().Be(200, body.Text());
        return body!;
    }

    protected static bool SameJson(JsonNode? actual, string expected) =>
        JsonNode.DeepEquals(actual, JsonNode.Parse(expected));
}
