using Catalog.Testing;

namespace Catalog.Api.Tests.V1.Products;

/// <summary>
/// <c>GET /api/v1/products</c>'s filters beyond status, SKU and category: text, ids, handles, titles, tags,
/// creation and update times, and the order; the database applies them before paging, so <c>total</c> counts what
/// matched.
/// </summary>
public abstract class ProductsFilterTests(CatalogApiFactory factory) : CatalogApiTest(factory)
{
    [Fact]
    public async Task List_ByIdsAndHandles_AnswersTheProductsNamedByEither()
    {
        var seeded = await SeedProductsAsync(new ProductBuilder(), new ProductBuilder(), new ProductBuilder());
        var (first, third) = (seeded[0].Num("id"), seeded[2].Num("id"));

        var (status, byId) = await GetAsync($"/api/v1/products?id={first}&id={third}");
        var (_, byHandle) = await GetAsync($"/api/v1/products?handle={seeded[1].Str("handle")}");
        var (_, both) = await GetAsync($"/api/v1/products?id={first}&handle={seeded[1].Str("handle")}");

        status.Should().Be(200, byId.Text());
        byId.Arr("items").Select(i => i.Num("id")).Should().Equal(first, third);
        byId.Num("total").Should().Be(2);
        byHandle.Arr("items").Select(i => i.Num("id")).Should().Equal(seeded[1].Num("id"));
        both.Arr("items").Should().BeEmpty("every filter given must hold");
    }

    [Fact]
    public async Task List_ByTitleTextAndTag_AnswersTheMatchingProducts()
    {
        var seeded = await SeedProductsAsync(
            new ProductBuilder().With("title", "Linen shirt").With("tags", new[] { "summer", "linen" }),
            new ProductBuilder().With("title", "Wool coat").With("tags", new[] { "winter" }),
            new ProductBuilder().With("title", "Linen trousers"));

        var (status, byTitle) = await GetAsync("/api/v1/products?title=Wool%20coat");
        var (_, byText) = await GetAsync("/api/v1/products?q=LINEN");
        var (_, byTag) = await GetAsync("/api/v1/products?tag=winter&tag=linen");

        status.Should().Be(200, byTitle.Text());
        byTitle.Arr("items").Select(i => i.Num("id")).Should().Equal(seeded[1].Num("id"));
        byText.Arr("items").Select(i => i.Num("id")).Should().Equal(seeded[0].Num("id"), seeded[2].Num("id"));
        byTag.Arr("items").Select(i => i.Num("id")).Should().Equal(seeded[0].Num("id"), seeded[1].Num("id"));
        byTag.Num("total").Should().Be(2);
    }

    [Fact]
    public async Task List_ByCreationTime_AnswersThoseInTheRange()
    {
        var older = await SeedProductAsync(new ProductBuilder());
        var newer = await SeedProductAsync(new ProductBuilder());
        var cut = Uri.EscapeDataString(newer.Str("created_at")!);

        var (status, from) = await GetAsync($"/api/v1/products?created_from={cut}");
        var (_, before) = await GetAsync($"/api/v1/products?created_before={cut}");
        var (_, after) = await GetAsync($"/api/v1/products?created_after={cut}");

        status.Should().Be(200, from.Text());
        from.Arr("items").Select(i => i.Num("id")).Should().Equal(newer.Num("id"));
        before.Arr("items").Select(i => i.Num("id")).Should().Equal(older.Num("id"));
        after.Arr("items").Should().BeEmpty("after is strict");
    }

    [Fact]
    public async Task List_ByUpdateTime_AnswersTheProductsChangedSince()
    {
        var seeded = await SeedProductsAsync(new ProductBuilder(), new ProductBuilder());
        var (updated, _) = await UpdateProductAsync(seeded[1].Num("id"), ("title", "Changed"));
        updated.Should().Be(200);
        var changed = await GetAsync($"/api/v1/products/{seeded[1].Num("id")}");
        var since = Uri.EscapeDataString(changed.Body.Str("updated_at")!);

        var (status, body) = await GetAsync($"/api/v1/products?updated_from={since}");

        status.Should().Be(200, body.Text());
        body.Arr("items").Select(i => i.Num("id")).Should().Equal(seeded[1].Num("id"));
    }

    [Fact]
    public async Task List_OrderedByTitleDescending_AnswersThatOrder()
    {
        var seeded = await SeedProductsAsync(
            new ProductBuilder().With("title", "B"), new ProductBuilder().With("title", "C"),
            new ProductBuilder().With("title", "A"));

        var (status, body) = await GetAsync("/api/v1/products?order=-title&limit=2");

        status.Should().Be(200, body.Text());
        body.Arr("items").Select(i => i.Str("title")).Should().Equal("C", "B");
        body.Num("total").Should().Be(3);
        var (_, byCreation) = await GetAsync("/api/v1/products?order=-created_at");
        byCreation.Arr("items").Should().HaveCount(seeded.Count);
    }

    [Fact]
    public async Task List_UnknownOrder_Answers400NamingTheField()
    {
        var (status, body) = await GetAsync("/api/v1/products?order=price");

        status.Should().Be(400, body.Text());
        body.Str("code").Should().Be("VALIDATION_FAILED");
        body.Fields("errors").Should().Contain("order", body.Text());
    }
}

public sealed class ProductsFilterTestsOnSqlite(SqliteApiFactory f)
    : ProductsFilterTests(f), IClassFixture<SqliteApiFactory>;

public sealed class ProductsFilterTestsOnPostgres(PostgresApiFactory f)
    : ProductsFilterTests(f), IClassFixture<PostgresApiFactory>;

public sealed class ProductsFilterTestsOnSqlServer(SqlServerApiFactory f)
    : ProductsFilterTests(f), IClassFixture<SqlServerApiFactory>;
