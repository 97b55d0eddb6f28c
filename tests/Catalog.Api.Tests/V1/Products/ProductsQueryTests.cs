using System.Text.Json.Nodes;
using Catalog.Testing;

namespace Catalog.Api.Tests.V1.Products;

/// <summary><c>GET /api/v1/products</c> (filters and paging) and <c>GET /api/v1/products/{id}</c>.</summary>
public abstract class ProductsQueryTests(CatalogApiFactory factory) : CatalogApiTest(factory)
{
    [Fact]
    public async Task List_WithoutFilters_AnswersAPageOfEveryProductInIdOrder()
    {
        var seeded = await SeedProductsAsync(
            new ProductBuilder().WithVariants(1), new ProductBuilder(), new ProductBuilder());

        var (status, body) = await GetAsync("/api/v1/products");

        status.Should().Be(200, body.Text());
        body.Arr("items").Select(i => i.Num("id")).Should().Equal(seeded.Select(p => p.Num("id")));
        body.Num("total").Should().Be(3);
        body.Num("limit").Should().Be(50);
        body.Num("offset").Should().Be(0);
        body.Arr("items[0].variants").Should().HaveCount(1);
        body.Arr("items[0].variants[0].prices").Should().HaveCount(1);
    }

    [Fact]
    public async Task List_WithLimitAndOffset_AnswersThatSliceAndTheFullTotal()
    {
        var seeded = await SeedProductsAsync([.. Enumerable.Range(0, 5).Select(_ => new ProductBuilder())]);

        var (status, body) = await GetAsync("/api/v1/products?limit=2&offset=2");

        status.Should().Be(200, body.Text());
        body.Arr("items").Select(i => i.Num("id")).Should().Equal(seeded.Skip(2).Take(2).Select(p => p.Num("id")));
        body.Num("total").Should().Be(5);
        body.Num("limit").Should().Be(2);
        body.Num("offset").Should().Be(2);
    }

    [Fact]
    public async Task List_OffsetPastTheEnd_AnswersNoItemsAndTheTotal()
    {
        await SeedProductsAsync(new ProductBuilder(), new ProductBuilder());

        var (status, body) = await GetAsync("/api/v1/products?offset=10");

        status.Should().Be(200, body.Text());
        body.Arr("items").Should().BeEmpty();
        body.Num("total").Should().Be(2);
    }

    [Fact]
    public async Task List_ByStatus_AnswersOnlyThoseProducts()
    {
        var seeded = await SeedProductsAsync(
            new ProductBuilder().With("status", "published"),
            new ProductBuilder(),
            new ProductBuilder().With("status", "published"),
            new ProductBuilder().With("status", "archived"));

        var (status, body) = await GetAsync("/api/v1/products?status=published");

        status.Should().Be(200, body.Text());
        body.Arr("items").Select(i => i.Num("id")).Should().Equal(seeded[0].Num("id"), seeded[2].Num("id"));
        body.Arr("items").Select(i => i.Str("status")).Should().AllBe("published");
        body.Num("total").Should().Be(2);
    }

    [Fact]
    public async Task List_BySku_AnswersTheProductOwningThatVariant()
    {
        var wanted = new ProductBuilder().WithVariants(2);
        var seeded = await SeedProductsAsync(new ProductBuilder().WithVariants(1), wanted);

        var (status, body) = await GetAsync($"/api/v1/products?sku={wanted.Variants[1].Sku}");

        status.Should().Be(200, body.Text());
        body.Arr("items").Select(i => i.Num("id")).Should().Equal(seeded[1].Num("id"));
        body.Arr("items[0].variants").Should().HaveCount(2, "the product comes with all its variants");
        body.Num("total").Should().Be(1);
    }

    [Fact]
    public async Task List_ByCategory_AnswersTheLinkedProducts()
    {
        var categories = await SeedCategoriesAsync(new CategoryBuilder(), new CategoryBuilder());
        var (shirts, shoes) = (categories[0].Num("id"), categories[1].Num("id"));
        var seeded = await SeedProductsAsync(
            new ProductBuilder().InCategories(shirts),
            new ProductBuilder().InCategories(shoes),
            new ProductBuilder().InCategories(shirts, shoes),
            new ProductBuilder());

        var (status, body) = await GetAsync($"/api/v1/products?category_id={shirts}");

        status.Should().Be(200, body.Text());
        body.Arr("items").Select(i => i.Num("id")).Should().Equal(seeded[0].Num("id"), seeded[2].Num("id"));
        body.Num("total").Should().Be(2);
    }

    [Fact]
    public async Task List_WithFiltersCombined_AnswersTheIntersection()
    {
        var category = (await SeedCategoriesAsync(new CategoryBuilder()))[0].Num("id");
        var seeded = await SeedProductsAsync(
            new ProductBuilder().InCategories(category).With("status", "published"),
            new ProductBuilder().InCategories(category));

        var (status, body) = await GetAsync($"/api/v1/products?category_id={category}&status=published");

        status.Should().Be(200, body.Text());
        body.Arr("items").Select(i => i.Num("id")).Should().Equal(seeded[0].Num("id"));
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=201", "limit")]
    [InlineData("offset=-1", "offset")]
    [InlineData("limit=ten", "limit")]
    [InlineData("status=live", "status")]
    [InlineData("category_id=abc", "category_id")]
    public async Task List_BadQuery_Answers400ValidationFailedNamingTheParameter(string query, string field)
    {
        var (status, body) = await GetAsync($"/api/v1/products?{query}");

        status.Should().Be(400, body.Text());
        body.Str("code").Should().Be("VALIDATION_FAILED");
        body.Fields("errors").Should().Contain(field, body.Text());
    }

    [Fact]
    public async Task Get_Existing_AnswersTheProductWithVariantsAndPrices()
    {
        var product = await SeedProductAsync(new ProductBuilder().WithVariants(2));

        var (status, body) = await GetAsync($"/api/v1/products/{product.Num("id")}");

        status.Should().Be(200, body.Text());
        body.Str("handle").Should().Be(product.Str("handle"));
        body.Arr("variants").Select(v => v.Str("sku"))
            .Should().Equal(product.Arr("variants").Select(v => v.Str("sku")));
        body.Arr("variants[1].prices").Should().HaveCount(1);
    }

    [Fact]
    public async Task Get_Unknown_Answers404ProblemWithNotFound()
    {
        var (status, body) = await GetAsync("/api/v1/products/424242");

        status.Should().Be(404, body.Text());
        body.Str("code").Should().Be("NOT_FOUND");
        body.Num("status").Should().Be(404);
        body.Str("detail").Should().Contain("424242");
        body.Str("title").Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task Get_AfterACreate_AnswersTheSameTimestampsAndVersionTheCreateAnswered()
    {
        var product = await SeedProductAsync(new ProductBuilder().WithVariants(1));

        var (_, read) = await GetAsync($"/api/v1/products/{product.Num("id")}");

        read.Num("version").Should().Be(product.Num("version"));
        Time(read, "created_at").Should().Be(Time(product, "created_at"), "the write's answer is what was stored");
        Time(read, "variants[0].updated_at").Should().Be(Time(product, "variants[0].updated_at"));
    }

    private static DateTimeOffset Time(JsonNode? node, string path) =>
        DateTimeOffset.Parse(node.Str(path)!, System.Globalization.CultureInfo.InvariantCulture);
}

public sealed class ProductsQueryTestsOnSqlite(SqliteApiFactory f)
    : ProductsQueryTests(f), IClassFixture<SqliteApiFactory>;

public sealed class ProductsQueryTestsOnPostgres(PostgresApiFactory f)
    : ProductsQueryTests(f), IClassFixture<PostgresApiFactory>;

public sealed class ProductsQueryTestsOnSqlServer(SqlServerApiFactory f)
    : ProductsQueryTests(f), IClassFixture<SqlServerApiFactory>;
