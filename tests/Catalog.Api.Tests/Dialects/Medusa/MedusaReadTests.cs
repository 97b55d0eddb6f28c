using Catalog.Testing;

namespace Catalog.Api.Tests.Dialects.Medusa;

/// <summary>
/// <c>GET /admin/products</c> and <c>GET /admin/products/{id}</c>: Medusa's list and product shapes, filters, and
/// <c>fields</c>.
/// </summary>
public abstract class MedusaReadTests(CatalogApiFactory factory) : MedusaApiTest(factory)
{
    [Fact]
    public async Task List_Default_AnswersMedusasListShapeWithDefaultFields()
    {
        await MedusaSeedAsync(MedusaProduct(), MedusaProduct(), MedusaProduct());

        var (status, body) = await MedusaGetAsync($"{MedusaProducts}?limit=2&offset=1");

        status.Should().Be(200, body.Text());
        body!.AsObject().Select(p => p.Key).Should().Equal("products", "count", "offset", "limit");
        body.Num("count").Should().Be(3);
        body.Num("offset").Should().Be(1);
        body.Num("limit").Should().Be(2);
        body.Arr("products").Should().HaveCount(2);
        var product = body.At("products[0]")!.AsObject();
        product.Select(p => p.Key)
            .Should().Contain(
                ["id", "title", "handle", "status", "options", "variants", "images", "tags", "sales_channels", "type",
                    "collection"])
            .And.NotContain(["categories"]);
        product.At("variants[0]")!.AsObject().Select(p => p.Key)
            .Should().Contain(["id", "sku", "prices", "options"])
            .And.NotContain(["inventory_items", "inventory_quantity"]);
    }

    [Fact]
    public async Task List_ByStatusAndCategory_FiltersLikeTheCanonicalList()
    {
        var category = (await SeedCategoriesAsync(new CategoryBuilder()))[0].Num("id");
        var published = MedusaProduct();
        published["status"] = "published";
        published["categories"] = new[] { new Dictionary<string, object?> { ["id"] = $"pcat_{category}" } };
        var created = await MedusaSeedAsync(published, MedusaProduct());

        var (_, byStatus) = await MedusaGetAsync($"{MedusaProducts}?status[0]=published");
        var (_, byCategory) = await MedusaGetAsync($"{MedusaProducts}?category_id=pcat_{category}");
        var (_, drafts) = await MedusaGetAsync($"{MedusaProducts}?status=draft");

        byStatus.Arr("products").Select(p => p.Str("id")).Should().Equal(created[0].Str("id"));
        byCategory.Arr("products").Select(p => p.Str("id")).Should().Equal(created[0].Str("id"));
        drafts.Arr("products").Select(p => p.Str("id")).Should().Equal(created[1].Str("id"));
    }

    [Theory]
    [InlineData("colour=red", "'colour'")]
    [InlineData("variants[title]=x", "'variants[title]'")]
    [InlineData("created_at[$eq]=2024-01-01", "'created_at[$eq]'")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=abc", "Expected number")]
    [InlineData("status=private", "Invalid enum value")]
    [InlineData("order=price", "Catalog orders products by")]
    [InlineData("created_at[$gte]=yesterday", "Invalid date")]
    public async Task List_BadQuery_Answers400InvalidData(string query, string expected)
    {
        var (status, body) = await MedusaGetAsync($"{MedusaProducts}?{query}");

        status.Should().Be(400, body.Text());
        body.Str("type").Should().Be("invalid_data");
        body.Str("message").Should().Contain(expected);
    }

    [Fact]
    public async Task Get_Known_AnswersTheProductInMedusasShape()
    {
        var created = (await MedusaSeedAsync(MedusaProduct("READ-1")))[0];

        var (status, body) = await MedusaGetAsync($"{MedusaProducts}/{created.Str("id")}");

        status.Should().Be(200, body.Text());
        body.Str("product.id").Should().Be(created.Str("id"));
        body.Str("product.options[0].id").Should().Be($"opt_{NumberOf(created.Str("id")!)}_0");
        body.Str("product.options[0].values[1].value").Should().Be("M");
        body.Str("product.variants[0].sku").Should().Be("READ-1");
        body.Str("product.variants[0].options[0].value").Should().Be("S");
        body.Str("product.variants[0].options[0].option_id").Should().Be(body.Str("product.options[0].id"));
        body.Str("product.variants[0].prices[0].id").Should().MatchRegex("^price_[1-9][0-9]*$");
        body.Dec("product.variants[0].prices[0].amount").Should().Be(12.5m);
        body.Str("product.status").Should().Be("draft");
        body.At("product.is_giftcard")!.GetValue<bool>().Should().BeFalse();
        body.At("product.discountable")!.GetValue<bool>().Should().BeTrue();
        body.At("product.deleted_at").Should().BeNull();
    }

    [Theory]
    [InlineData("prod_424242")]
    [InlineData("not-an-id")]
    [InlineData("variant_1")]
    public async Task Get_UnknownOrMalformedId_Answers404NotFound(string id)
    {
        var (status, body) = await MedusaGetAsync($"{MedusaProducts}/{id}");

        status.Should().Be(404, body.Text());
        body.Str("type").Should().Be("not_found");
        body.Str("message").Should().Contain(id);
    }

    [Fact]
    public async Task Get_WithFields_PlusMinusReplaceAndRelationsApply()
    {
        var category = (await SeedCategoriesAsync(new CategoryBuilder().With("name", "Tops")))[0].Num("id");
        var made = await SeedProductAsync(
            new ProductBuilder().InCategories(category).WithVariant(new VariantBuilder().With("stock_quantity", 7)));
        var id = $"prod_{made.Num("id")}";
        var variant = $"variant_{made.Num("variants[0].id")}";

        var (_, plus) = await MedusaGetAsync(
            $"{MedusaProducts}/{id}?fields=%2Bvariants.inventory_quantity,-variants.prices,*categories");
        var (_, replaced) = await MedusaGetAsync($"{MedusaProducts}/{id}?fields=title,variants.sku");
        var (_, idsOnly) = await MedusaGetAsync($"{MedusaProducts}/{id}?fields=categories.id");

        plus.Num("product.variants[0].inventory_quantity").Should().Be(7);
        plus.At("product.variants[0]")!.AsObject().Should().NotContainKey("prices");
        plus.Str("product.title").Should().Be(made.Str("title"));
        plus.Str("product.categories[0].id").Should().Be($"pcat_{category}");
        plus.Str("product.categories[0].name").Should().Be("Tops");
        var sku = made.Str("variants[0].sku");
        replaced.At("product")!.ToJsonString().Should().Be(
            $$"""{"id":"{{id}}","title":"{{made.Str("title")}}","variants":[{"id":"{{variant}}","sku":"{{sku}}"}]}""");
        idsOnly.At("product")!.ToJsonString()
            .Should().Be($$"""{"id":"{{id}}","categories":[{"id":"pcat_{{category}}"}]}""");
    }

    [Fact]
    public async Task Get_CanonicalStatusesWithoutMedusaEquivalent_ReadAsDraft()
    {
        var privateOne = await SeedProductAsync(new ProductBuilder().With("status", "private"));
        var archived = await SeedProductAsync(new ProductBuilder().With("status", "archived"));

        var (_, first) = await MedusaGetAsync($"{MedusaProducts}/prod_{privateOne.Num("id")}");
        var (_, second) = await MedusaGetAsync($"{MedusaProducts}/prod_{archived.Num("id")}");

        first.Str("product.status").Should().Be("draft");
        second.Str("product.status").Should().Be("draft");
    }

    [Fact]
    public async Task Get_ProductMadeThroughTheCanonicalApi_ReadsWithMedusaDefaults()
    {
        var made = await SeedProductAsync(new ProductBuilder().With("tags", new[] { "summer" }).WithVariants(1));

        var (status, body) = await MedusaGetAsync($"{MedusaProducts}/prod_{made.Num("id")}");

        status.Should().Be(200, body.Text());
        body.Str("product.tags[0].id").Should().Be("summer");
        body.Str("product.tags[0].value").Should().Be("summer");
        body.At("product.type").Should().BeNull();
        body.Arr("product.sales_channels").Should().BeEmpty();
        body.At("product.variants[0].hs_code").Should().BeNull();
        body.Str("product.variants[0].sku").Should().Be(made.Str("variants[0].sku"));
    }

    [Fact]
    public async Task Batch_WithFields_AnswersOnlyThoseFields()
    {
        var (status, body) = await MedusaPostAsync(
            $"{MedusaProductsBatch}?fields=id,handle",
            new Dictionary<string, object?> { ["create"] = new[] { MedusaProduct() } });

        status.Should().Be(200, body.Text());
        body.At("created[0]")!.AsObject().Select(p => p.Key).Should().Equal("id", "handle");
    }
}

public sealed class MedusaReadTestsOnSqlite(SqliteApiFactory f) : MedusaReadTests(f), IClassFixture<SqliteApiFactory>;

public sealed class MedusaReadTestsOnPostgres(PostgresApiFactory f)
    : MedusaReadTests(f), IClassFixture<PostgresApiFactory>;

public sealed class MedusaReadTestsOnSqlServer(SqlServerApiFactory f)
    : MedusaReadTests(f), IClassFixture<SqlServerApiFactory>;
