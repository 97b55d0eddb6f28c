using Catalog.Infrastructure.Auth;
using Catalog.Testing;

namespace Catalog.Api.Tests.Dialects.WooCommerce;

/// <summary>
/// The single product and variation routes (<c>POST /products</c>, <c>PUT|PATCH|POST /products/{id}</c>,
/// <c>DELETE /products/{id}</c>, and the same under <c>/variations</c>): one-item batches, answered as WooCommerce
/// answers a single route, and read back through the canonical API.
/// </summary>
public abstract class WooCommerceSingleWritesTests(CatalogApiFactory factory) : WooCommerceApiTest(factory)
{
    [Fact]
    public async Task Create_SimpleProduct_Answers201AndReadsBackThroughTheCanonicalApi()
    {
        var sent = SimpleProduct("Linen Tee");

        var (status, body) = await WooPostAsync(Products, sent);

        status.Should().Be(201, body.Text());
        body.Str("name").Should().Be("Linen Tee");
        body.Str("sku").Should().Be((string)sent["sku"]!);
        body.Str("regular_price").Should().Be("19.99");
        var (canonicalStatus, canonical) = await GetAsync($"/api/v1/products/{body.Num("id")}");
        canonicalStatus.Should().Be(200, canonical.Text());
        canonical.Str("title").Should().Be("Linen Tee");
        canonical.Str("variants[0].sku").Should().Be((string)sent["sku"]!);
        canonical.At("variants[0].prices[0].amount")!.GetValue<decimal>().Should().Be(19.99m);
    }

    [Fact]
    public async Task Create_WrongType_Answers400InvalidParamAndWritesNothing()
    {
        var (status, body) =
            await SendAsync(HttpMethod.Post, Products, Body("""{"name": ["not", "a", "name"]}"""), Woo);

        status.Should().Be(400, body.Text());
        body.Str("code").Should().Be("rest_invalid_param");
        body.Num("data.status").Should().Be(400);
        (await CountRowsAsync()).Products.Should().Be(0);
    }

    [Fact]
    public async Task Create_TakenSku_Answers400ProductInvalidSku()
    {
        var taken = await SeedWooAsync(SimpleProduct());

        var (status, body) = await WooPostAsync(
            Products, new Dictionary<string, object?>(SimpleProduct()) { ["sku"] = taken.Str("sku") });

        status.Should().Be(400, body.Text());
        body.Str("code").Should().Be("product_invalid_sku");
        (await CountRowsAsync()).Products.Should().Be(1);
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    [InlineData("POST")]
    public async Task Update_AnyEditableMethod_ChangesWhatItSendsAndKeepsTheRest(string method)
    {
        var product = await SeedWooAsync(SimpleProduct("Before"));

        var (status, body) = await SendAsync(
            new HttpMethod(method),
            $"{Products}/{product.Num("id")}",
            Body(new { id = 999999, name = "After", sale_price = "9.5" }),
            Woo);

        status.Should().Be(200, body.Text());
        body.Num("id").Should().Be(product.Num("id"), "the route's id wins over the body's");
        body.Str("name").Should().Be("After");
        body.Str("sale_price").Should().Be("9.5");
        body.Str("regular_price").Should().Be("19.99");
        body.Str("sku").Should().Be(product.Str("sku"));
        var canonical = await ReadAsync<System.Text.Json.Nodes.JsonNode>($"/api/v1/products/{product.Num("id")}");
        canonical.Str("title").Should().Be("After");
        canonical.At("variants[0].prices[0].sale_amount")!.GetValue<decimal>().Should().Be(9.5m);
    }

    [Fact]
    public async Task Update_UnknownId_Answers400InvalidId()
    {
        var (status, body) = await SendAsync(HttpMethod.Put, $"{Products}/424242", Body(new { name = "X" }), Woo);

        status.Should().Be(400, body.Text());
        body.Str("code").Should().Be("woocommerce_rest_product_invalid_id");
        body.Str("message").Should().Be("Invalid ID.");
    }

    [Fact]
    public async Task Delete_Forced_AnswersTheProductAsItWasAndRemovesIt()
    {
        var product = await SeedWooAsync(SimpleProduct("Doomed"));

        var (status, body) =
            await SendAsync(HttpMethod.Delete, $"{Products}/{product.Num("id")}?force=true", null, Woo);

        status.Should().Be(200, body.Text());
        body.Num("id").Should().Be(product.Num("id"));
        body.Str("name").Should().Be("Doomed");
        var (canonicalStatus, _) = await GetAsync($"/api/v1/products/{product.Num("id")}");
        canonicalStatus.Should().Be(404);
        (await CountRowsAsync()).Variants.Should().Be(0);
    }

    [Fact]
    public async Task Delete_WithoutForce_Answers501TrashNotSupportedAndKeepsTheProduct()
    {
        var product = await SeedWooAsync(SimpleProduct());

        var (status, body) = await SendAsync(HttpMethod.Delete, $"{Products}/{product.Num("id")}", null, Woo);
        var (falseStatus, _) = await SendAsync(
            HttpMethod.Delete, $"{Products}/{product.Num("id")}?force=false", null, Woo);

        status.Should().Be(501, body.Text());
        body.Str("code").Should().Be("woocommerce_rest_trash_not_supported");
        body.Num("data.status").Should().Be(501);
        falseStatus.Should().Be(501);
        (await CountRowsAsync()).Products.Should().Be(1);
    }

    [Theory]
    [InlineData("?force=true")]
    [InlineData("")]
    public async Task Delete_UnknownId_Answers404InvalidId(string query)
    {
        var (status, body) = await SendAsync(HttpMethod.Delete, $"{Products}/424242{query}", null, Woo);

        status.Should().Be(404, body.Text());
        body.Str("code").Should().Be("woocommerce_rest_product_invalid_id");
    }

    [Fact]
    public async Task Delete_ForceNotABoolean_Answers400InvalidParam()
    {
        var product = await SeedWooAsync(SimpleProduct());

        var (status, body) =
            await SendAsync(HttpMethod.Delete, $"{Products}/{product.Num("id")}?force=maybe", null, Woo);

        status.Should().Be(400, body.Text());
        body.Str("code").Should().Be("rest_invalid_param");
        body.At("data.params.force").Should().NotBeNull();
        (await CountRowsAsync()).Products.Should().Be(1);
    }

    [Fact]
    public async Task List_MiddlePage_AnswersLinkHeadersToItsNeighbours()
    {
        await SeedWooAsync([.. Enumerable.Range(0, 5).Select(_ => SimpleProduct())]);

        using var response = await Woo.GetAsync($"{Products}?per_page=2&page=2&status=publish");

        ((int)response.StatusCode).Should().Be(200);
        var link = string.Join(", ", response.Headers.GetValues("Link"));
        link.Should().Contain("page=1").And.Contain("rel=\"prev\"");
        link.Should().Contain("page=3").And.Contain("rel=\"next\"");
        link.Should().Contain("per_page=2").And.Contain("status=publish").And.Contain("/wp-json/wc/v3/products?");
    }

    [Fact]
    public async Task CreateVariation_Answers201AndReadsBackAsAVariantOfTheProduct()
    {
        var parent = await SeedWooAsync(VariableProduct());
        var sku = $"V-{Unique.Next()}";

        var (status, body) = await WooPostAsync(Variations(parent.Num("id")), new
        {
            sku,
            regular_price = "12",
            attributes = new[] { new { name = "Size", option = "M" } },
        });

        status.Should().Be(201, body.Text());
        body.Str("sku").Should().Be(sku);
        body.Str("attributes[0].option").Should().Be("M");
        var canonical = await ReadAsync<System.Text.Json.Nodes.JsonNode>($"/api/v1/products/{parent.Num("id")}");
        var variant = canonical.Arr("variants").Single(v => v.Str("sku") == sku)!;
        variant.Num("id").Should().Be(body.Num("id"));
        variant.Str("options.Size").Should().Be("M");
    }

    [Fact]
    public async Task CreateVariation_UnknownProduct_Answers404InvalidProductId()
    {
        var (status, body) = await WooPostAsync(Variations(424242), new { regular_price = "1" });

        status.Should().Be(404, body.Text());
        body.Str("code").Should().Be("woocommerce_rest_invalid_product_id");
        (await CountRowsAsync()).Variants.Should().Be(0);
    }

    [Fact]
    public async Task UpdateVariation_ChangesItsPriceAndKeepsItsSku()
    {
        var (parent, variation) = await SeedVariationAsync();

        var (status, body) = await SendAsync(
            HttpMethod.Put,
            $"{Variations(parent)}/{variation.Num("id")}",
            Body(new { sale_price = "8" }),
            Woo);

        status.Should().Be(200, body.Text());
        body.Str("sale_price").Should().Be("8");
        body.Str("regular_price").Should().Be("10");
        body.Str("sku").Should().Be(variation.Str("sku"));
    }

    [Fact]
    public async Task UpdateVariation_UnknownId_Answers400InvalidId()
    {
        var (parent, _) = await SeedVariationAsync();

        var (status, body) = await SendAsync(
            HttpMethod.Patch, $"{Variations(parent)}/424242", Body(new { sale_price = "8" }), Woo);

        status.Should().Be(400, body.Text());
        body.Str("code").Should().Be("woocommerce_rest_product_variation_invalid_id");
    }

    [Fact]
    public async Task DeleteVariation_ForcedUnforcedAndUnknown_AnswerAsWooCommerce()
    {
        var (parent, variation) = await SeedVariationAsync();
        var url = $"{Variations(parent)}/{variation.Num("id")}";

        var (unforced, unforcedBody) = await SendAsync(HttpMethod.Delete, url, null, Woo);
        var (unknown, unknownBody) = await SendAsync(HttpMethod.Delete, $"{Variations(parent)}/424242", null, Woo);
        var (forced, forcedBody) = await SendAsync(HttpMethod.Delete, $"{url}?force=true", null, Woo);

        unforced.Should().Be(501, unforcedBody.Text());
        unforcedBody.Str("code").Should().Be("woocommerce_rest_trash_not_supported");
        unknown.Should().Be(404, unknownBody.Text());
        unknownBody.Str("code").Should().Be("woocommerce_rest_product_variation_invalid_id");
        forced.Should().Be(200, forcedBody.Text());
        forcedBody.Str("sku").Should().Be(variation.Str("sku"));
        (await CountRowsAsync()).Variants.Should().Be(0);
    }

    [Fact]
    public async Task ReadOnlyKey_SingleWrites_Answer401AndWriteNothing()
    {
        var (parent, variation) = await SeedVariationAsync();
        using var reader = WooClient(await Factory.CreateKeyAsync(Scopes.Read));

        var answers = new[]
        {
            await WooPostAsync(Products, SimpleProduct(), reader),
            await SendAsync(HttpMethod.Put, $"{Products}/{parent}", Body(new { name = "X" }), reader),
            await SendAsync(HttpMethod.Delete, $"{Products}/{parent}?force=true", null, reader),
            await WooPostAsync(Variations(parent), new { regular_price = "1" }, reader),
            await SendAsync(HttpMethod.Delete, $"{Variations(parent)}/{variation.Num("id")}?force=true", null, reader),
            await WooPostAsync("/wp-json/wc/v3/products/categories", new { name = "Shoes" }, reader),
            await WooPostAsync("/wp-json/wc/v3/products/attributes", new { name = "Color" }, reader),
        };

        answers.Select(a => a.Status).Should().OnlyContain(s => s == 401);
        answers.Select(a => a.Body.Str("code")).Should().OnlyContain(c => c == "woocommerce_rest_authentication_error");
        (await CountRowsAsync()).Should().Be(new RowCounts(1, 1, 1, 0, 0, 0, 0, 0));
    }

    private async Task<(long Parent, System.Text.Json.Nodes.JsonNode Variation)> SeedVariationAsync()
    {
        var parent = await SeedWooAsync(VariableProduct());
        var (_, created) = await WooPostAsync(VariationsBatch(parent.Num("id")), new
        {
            create = new[]
            {
                new
                {
                    sku = $"V-{Unique.Next()}",
                    regular_price = "10",
                    attributes = new[] { new { name = "Size", option = "S" } },
                },
            },
        });
        return (parent.Num("id"), created.At("create[0]")!);
    }
}

public sealed class WooCommerceSingleWritesTestsOnSqlite(SqliteApiFactory f)
    : WooCommerceSingleWritesTests(f), IClassFixture<SqliteApiFactory>;

public sealed class WooCommerceSingleWritesTestsOnPostgres(PostgresApiFactory f)
    : WooCommerceSingleWritesTests(f), IClassFixture<PostgresApiFactory>;

public sealed class WooCommerceSingleWritesTestsOnSqlServer(SqlServerApiFactory f)
    : WooCommerceSingleWritesTests(f), IClassFixture<SqlServerApiFactory>;
