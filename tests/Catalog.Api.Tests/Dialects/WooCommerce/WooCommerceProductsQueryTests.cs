using Catalog.Testing;

namespace Catalog.Api.Tests.Dialects.WooCommerce;

/// <summary>
/// <c>GET /wp-json/wc/v3/products</c> and <c>/products/{id}</c>: paging headers, WooCommerce's filters, and its errors.
/// </summary>
public abstract class WooCommerceProductsQueryTests(CatalogApiFactory factory) : WooCommerceApiTest(factory)
{
    [Fact]
    public async Task List_Pages_AnswerWooCommerceHeaders()
    {
        await SeedWooAsync([.. Enumerable.Range(0, 5).Select(_ => SimpleProduct())]);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Products}?per_page=2&page=3");
        using var response = await Woo.SendAsync(request);
        var page = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync());
        var (_, defaults) = await WooGetAsync(Products);

        ((int)response.StatusCode).Should().Be(200);
        response.Headers.GetValues("X-WP-Total").Should().Equal("5");
        response.Headers.GetValues("X-WP-TotalPages").Should().Equal("3");
        page.Arr(string.Empty).Select(p => p.Num("id")).Should().Equal(5);
        defaults.Arr(string.Empty).Should().HaveCount(5, "per_page defaults to 10");
    }

    [Fact]
    public async Task List_FilteredBySkuStatusCategoryTypeAndSearch_AnswersTheMatchingProducts()
    {
        var category = (await SeedCategoriesAsync(new CategoryBuilder()))[0];
        var shirt = await SeedWooAsync(new Dictionary<string, object?>(SimpleProduct("Linen Shirt"))
        {
            ["status"] = "pending",
            ["categories"] = new[] { new { id = category.Num("id") } },
        });
        var hoodie = await SeedWooAsync(
            new Dictionary<string, object?>(VariableProduct("Cotton Hoodie")) { ["status"] = "draft" });
        var canonical = await SeedProductsAsync(
            new ProductBuilder().With("title", "Rejected linen").With("status", "rejected"),
            new ProductBuilder().With("title", "Archived").With("status", "archived").WithVariants(2));

        async Task<IReadOnlyList<long>> IdsAsync(string query)
        {
            var (status, body) = await WooGetAsync($"{Products}?{query}");
            status.Should().Be(200, body.Text());
            return [.. body.Arr(string.Empty).Select(p => p.Num("id"))];
        }

        (await IdsAsync($"sku={shirt.Str("sku")}")).Should().Equal(shirt.Num("id"));
        (await IdsAsync("status=pending")).Should().Equal(shirt.Num("id"));
        (await IdsAsync("status=draft")).Should().Equal(hoodie.Num("id"), canonical[0].Num("id"));
        (await IdsAsync("status=private")).Should().Equal(canonical[1].Num("id"));
        (await IdsAsync("status=trash")).Should().BeEmpty();
        (await IdsAsync($"category={category.Num("id")}")).Should().Equal(shirt.Num("id"));
        (await IdsAsync("type=variable")).Should().Equal(hoodie.Num("id"));
        (await IdsAsync("type=simple")).Should().Equal(shirt.Num("id"), canonical[0].Num("id"), canonical[1].Num("id"));
        (await IdsAsync("type=grouped")).Should().BeEmpty();
        (await IdsAsync("search=LINEN")).Should().Equal(shirt.Num("id"), canonical[0].Num("id"));
        (await IdsAsync("search=linen&status=pending")).Should().Equal(shirt.Num("id"));
    }

    [Theory]
    [InlineData("per_page=101", "per_page")]
    [InlineData("per_page=0", "per_page")]
    [InlineData("page=0", "page")]
    [InlineData("status=sold", "status")]
    [InlineData("type=bundle", "type")]
    [InlineData("page=abc", "page")]
    public async Task List_BadQueryValue_Answers400RestInvalidParam(string query, string param)
    {
        var (status, body) = await WooGetAsync($"{Products}?{query}");

        status.Should().Be(400, body.Text());
        body.Str("code").Should().Be("rest_invalid_param");
        body.Num("data.status").Should().Be(400);
        body.At("data.params")!.AsObject().Select(p => p.Key).Should().Contain(param);
    }

    [Fact]
    public async Task Get_UnknownProduct_Answers404ProductInvalidId()
    {
        var (status, body) = await WooGetAsync($"{Products}/424242");

        status.Should().Be(404, body.Text());
        body.Str("code").Should().Be("woocommerce_rest_product_invalid_id");
        body.Str("message").Should().Be("Invalid ID.");
        body.Num("data.status").Should().Be(404);
    }
}

public sealed class WooCommerceProductsQueryTestsOnSqlite(SqliteApiFactory f)
    : WooCommerceProductsQueryTests(f), IClassFixture<SqliteApiFactory>;

public sealed class WooCommerceProductsQueryTestsOnPostgres(PostgresApiFactory f)
    : WooCommerceProductsQueryTests(f), IClassFixture<PostgresApiFactory>;

public sealed class WooCommerceProductsQueryTestsOnSqlServer(SqlServerApiFactory f)
    : WooCommerceProductsQueryTests(f), IClassFixture<SqlServerApiFactory>;
