using System.Text.Json.Nodes;
using Catalog.Domain.Attributes;
using Catalog.Domain.Categories;
using Catalog.Domain.Products;
using Catalog.Testing;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Api.Tests;

/// <summary>How many rows each catalog table holds: what a test compares before and after a request.</summary>
public sealed record RowCounts(
    int Products,
    int Variants,
    int Prices,
    int ProductCategories,
    int VariantAttributeValues,
    int Categories,
    int Attributes,
    int AttributeValues);

/// <summary><see cref="ApiTest"/> with the canonical API's routes, seeding and database reads.</summary>
public abstract class CatalogApiTest(CatalogApiFactory factory) : ApiTest(factory)
{
    protected const string ProductsBatch = "/api/v1/products/batch";
    protected const string CategoriesBatch = "/api/v1/categories/batch";
    protected const string AttributesBatch = "/api/v1/attributes/batch";

    protected static string VariantsBatch(long productId) => $"/api/v1/products/{productId}/variants/batch";

    protected Task<(int Status, JsonNode? Body)> PatchAsync(string url, object body, HttpClient? client = null) =>
        SendAsync(HttpMethod.Patch, url, Body(body), client);

    protected Task<(int Status, JsonNode? Body)> PostRawAsync(string url, string json, HttpClient? client = null) =>
        SendAsync(HttpMethod.Post, url, Body(json), client);

    /// <summary>Posts a product batch that updates one product with the given fields.</summary>
    protected Task<(int Status, JsonNode? Body)> UpdateProductAsync(long id, params (string, object?)[] fields) =>
        PostAsync(ProductsBatch, Batch.Update(Batch.Item([("id", id), .. fields])));

    protected Task<(int Status, JsonNode? Body)> CreateVariantsAsync(long product, params VariantBuilder[] variants) =>
        PostAsync(VariantsBatch(product), Batch.Of(create: variants.Select(v => v.Build())));

    /// <summary>The item errors a theory expects, written <c>create[0]:CODE:field|update[1]:CODE:field</c>.</summary>
    protected static IEnumerable<(string Item, string Code, string Field)> ItemErrors(string expected) =>
        expected.Split('|').Select(e => e.Split(':')).Select(e => (e[0], e[1], e[2]));

    protected Task<RowCounts> CountRowsAsync() => Factory.QueryAsync(async db => new RowCounts(
        await db.Products.CountAsync(),
        await db.Variants.CountAsync(),
        await db.VariantPrices.CountAsync(),
        await db.ProductCategories.CountAsync(),
        await db.VariantAttributeValues.CountAsync(),
        await db.Categories.CountAsync(),
        await db.Attributes.CountAsync(),
        await db.AttributeValues.CountAsync()));

    protected Task<Product?> FindProductAsync(long id) => Factory.QueryAsync(db => db.Products.AsNoTracking()
        .Include(p => p.Categories)
        .Include(p => p.Variants).ThenInclude(v => v.Prices)
        .Include(p => p.Variants).ThenInclude(v => v.AttributeValues)
        .AsSplitQuery()
        .SingleOrDefaultAsync(p => p.Id == id));

    protected Task<Variant?> FindVariantAsync(long id) => Factory.QueryAsync(db => db.Variants.AsNoTracking()
        .Include(v => v.Prices)
        .Include(v => v.AttributeValues)
        .AsSplitQuery()
        .SingleOrDefaultAsync(v => v.Id == id));

    protected Task<Category?> FindCategoryAsync(long id) =>
        Factory.QueryAsync(db => db.Categories.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id));

    protected Task<ProductAttribute?> FindAttributeAsync(long id) =>
        Factory.QueryAsync(db => db.Attributes.AsNoTracking()
            .Include(a => a.Values)
            .SingleOrDefaultAsync(a => a.Id == id));

    /// <summary>Creates products through the API and answers them as returned; fails the test if one fails.</summary>

    protected async Task<IReadOnlyList<JsonNode>> SeedProductsAsync(params ProductBuilder[] products)
    {
        var (status, body) = await PostAsync(ProductsBatch, Batch.Create(products));
        status.Should().Be(200, body.Text());
        body.Num("summary.succeeded").Should().Be(products.Length, body.Text());
        return [.. body.Arr("create").Select(r => r!["product"]!)];
    }

    protected async Task<JsonNode> SeedProductAsync(ProductBuilder product) => (await SeedProductsAsync(product))[0];

    protected async Task<IReadOnlyList<JsonNode>> SeedCategoriesAsync(params CategoryBuilder[] categories)
    {
        var (status, body) = await PostAsync(CategoriesBatch, Batch.Of(create: categories.Select(c => c.Build())));
        status.Should().Be(200, body.Text());
        body.Num("summary.succeeded").Should().Be(categories.Length, body.Text());
        return [.. body.Arr("create").Select(r => r!["category"]!)];
    }

    protected async Task<JsonNode> SeedAttributeAsync(AttributeBuilder attribute)
    {
        var (status, body) = await PostAsync(AttributesBatch, Batch.Of(create: [attribute.Build()]));
        status.Should().Be(200, body.Text());
        body.Num("summary.succeeded").Should().Be(1, body.Text());
        return body.At("create[0].attribute")!;
    }
}
