using Catalog.Testing;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Api.Tests.Dialects.WooCommerce;

/// <summary>
/// <c>/wp-json/wc/v3/products/{id}/variations</c>: the variations batch, its errors, and the variation reads.
/// </summary>
public abstract class WooCommerceVariationsTests(CatalogApiFactory factory) : WooCommerceApiTest(factory)
{
    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    public async Task Batch_AnyEditableMethod_CreatesUpdatesAndDeletesInOrder(string method)
    {
        var parent = await SeedWooAsync(VariableProduct());
        var (_, seeded) = await WooPostAsync(VariationsBatch(parent.Num("id")), new
        {
            create = new[]
            {
                new
                {
                    sku = $"V-{Unique.Next()}",
                    regular_price = "10",
                    attributes = new[] { new { name = "Size", option = "S" } },
                },
                new
                {
                    sku = $"V-{Unique.Next()}",
                    regular_price = "11",
                    attributes = new[] { new { name = "Size", option = "M" } },
                },
            },
        });
        var (kept, doomed) = (seeded.At("create[0]")!, seeded.At("create[1]")!);

        var (status, body) = await SendAsync(new HttpMethod(method), VariationsBatch(parent.Num("id")), Body(new
        {
            create = new[] { new { regular_price = "12", attributes = new[] { new { name = "Size", option = "L" } } } },
            update = new[] { new { id = kept.Num("id"), sale_price = "8" } },
            delete = new[] { doomed.Num("id") },
        }), Woo);

        status.Should().Be(200, body.Text());
        body.Str("create[0].attributes[0].option").Should().Be("L");
        body.Str("update[0].sale_price").Should().Be("8");
        body.Str("update[0].regular_price").Should().Be("10");
        body.Str("update[0].sku").Should().Be(kept.Str("sku"));
        body.Num("delete[0].id").Should().Be(doomed.Num("id"));
        body.Str("delete[0].sku").Should().Be(doomed.Str("sku"), "a deleted variation answers as it was");
        body.Str("delete[0].regular_price").Should().Be("11");
        var skus = await Factory.QueryAsync(db => db.Variants.OrderBy(v => v.Id).Select(v => v.Sku).ToListAsync());
        skus.Should().Equal(kept.Str("sku"), null);
    }

    [Fact]
    public async Task Batch_UpdateOfFieldsKeptAsSentWithoutDimensions_Succeeds()
    {
        var parent = await SeedWooAsync(VariableProduct());
        var (_, seeded) = await WooPostAsync(VariationsBatch(parent.Num("id")), new
        {
            create = new[] { new { regular_price = "10", attributes = new[] { new { name = "Size", option = "S" } } } },
        });
        var id = seeded.Num("create[0].id");

        var (status, body) = await WooPostAsync(VariationsBatch(parent.Num("id")), new
        {
            update = new[] { new { id, description = "Soft", weight = "0.6" } },
        });

        status.Should().Be(200, body.Text());
        body.At("update[0].error").Should().BeNull(body.Text());
        body.Str("update[0].description").Should().Be("Soft");
        body.Str("update[0].weight").Should().Be("0.6");
    }

    [Fact]
    public async Task Batch_NewVariations_NeverShareAnIdWithAProduct()
    {
        // WooCommerce keeps products and variations as posts in one table: integrations key their maps by id.
        for (var i = 0; i < 3; i++)
        {
            var parent = await SeedWooAsync(VariableProduct());
            var (status, body) = await WooPostAsync(VariationsBatch(parent.Num("id")), new
            {
                create = new[] { "S", "M" }.Select(size => new
                {
                    regular_price = "10",
                    attributes = new[] { new { name = "Size", option = size } },
                }),
            });
            status.Should().Be(200, body.Text());
        }

        var productIds = await Factory.QueryAsync(db => db.Products.Select(p => p.Id).ToListAsync());
        var variantIds = await Factory.QueryAsync(db => db.Variants.Select(v => v.Id).ToListAsync());

        variantIds.Should().HaveCountGreaterThanOrEqualTo(6);
        variantIds.Should().NotIntersectWith(productIds);
    }

    [Fact]
    public async Task Batch_UnknownParent_Answers404InWordPressShapeAndWritesNothing()
    {
        var (status, body) =
            await WooPostAsync(VariationsBatch(424242), new { create = new[] { new { regular_price = "1" } } });

        status.Should().Be(404, body.Text());
        body.Str("code").Should().Be("woocommerce_rest_invalid_product_id");
        body.Num("data.status").Should().Be(404);
        (await CountRowsAsync()).Variants.Should().Be(0);
    }

    [Fact]
    public async Task Batch_FailingItems_AnswerWooCommerceCodesInPlace()
    {
        var parent = await SeedWooAsync(VariableProduct());
        var other = await SeedWooAsync(VariableProduct());
        var (_, foreign) = await WooPostAsync(VariationsBatch(other.Num("id")), new
        {
            create = new[] { new { sku = "FOREIGN", attributes = new[] { new { name = "Size", option = "S" } } } },
        });
        var taken = await SeedWooAsync(SimpleProduct());

        var (status, body) = await WooPostAsync(VariationsBatch(parent.Num("id")), new
        {
            create = new object[]
            {
                new { sku = taken.Str("sku") },
                new { attributes = new[] { new { name = "Colour", option = "Red" } } },
                new { attributes = new[] { new { name = "Size", option = "XXL" } } },
                new { id = 5 },
                new { regular_price = "1", menu_order = -1 },
                new { sku = $"OK-{Unique.Next()}" },
            },
            update = new object[]
            {
                new { id = foreign.Num("create[0].id"), sku = "STOLEN" }, new { id = 999_999, sku = "GHOST" },
            },
            delete = new[] { 999_998L },
        });

        status.Should().Be(200, body.Text());
        body.Arr("create").Select(c => c.Str("error.code")).Should().Equal(
            "product_invalid_sku",
            "rest_invalid_param",
            "rest_invalid_param",
            "woocommerce_rest_product_variation_exists",
            "rest_invalid_param",
            null);
        body.At("create[2].error.data.params")!.AsObject().Select(p => p.Key).Should().Equal("attributes.Size");
        body.Arr("update").Select(u => (u.Num("id"), u.Str("error.code"), u.Num("error.data.status"))).Should().Equal(
            (foreign.Num("create[0].id"), "woocommerce_rest_product_variation_invalid_id", 400L),
            (999_999L, "woocommerce_rest_product_variation_invalid_id", 400L));
        body.Arr("delete").Select(d => (d.Num("id"), d.Str("error.code"), d.Num("error.data.status"))).Should().Equal(
            (999_998L, "woocommerce_rest_product_variation_invalid_id", 404L));
        (await FindVariantAsync(foreign.Num("create[0].id")))!.Sku.Should().Be("FOREIGN");
        (await FindProductAsync(parent.Num("id")))!.Variants.Should().ContainSingle();
    }

    [Fact]
    public async Task Batch_UnderASimpleProduct_FailsEveryItemAndLeavesItsVariantAlone()
    {
        var simple = await SeedWooAsync(SimpleProduct());
        var variantId = (await FindProductAsync(simple.Num("id")))!.Variants.Single().Id;

        var (status, body) = await WooPostAsync(VariationsBatch(simple.Num("id")), new
        {
            create = new[] { new { regular_price = "1" } },
            update = new[] { new { id = variantId, regular_price = "2" } },
            delete = new[] { variantId },
        });

        status.Should().Be(200, body.Text());
        body.Str("create[0].error.code").Should().Be("rest_invalid_param");
        body.Str("update[0].error.code").Should().Be("woocommerce_rest_product_variation_invalid_id");
        body.Str("delete[0].error.code").Should().Be("woocommerce_rest_product_variation_invalid_id");
        var variant = await FindVariantAsync(variantId);
        variant!.Prices.Single().Amount.Should().Be(19.99m);
        var (_, list) = await WooGetAsync(Variations(simple.Num("id")));
        list.Arr(string.Empty).Should().BeEmpty();
    }

    [Fact]
    public async Task Batch_OverTheItemLimit_Answers413AndWritesNothing()
    {
        var parent = await SeedWooAsync(VariableProduct());

        var (status, body) = await WooPostAsync(
            VariationsBatch(parent.Num("id")),
            new { create = Enumerable.Range(0, 101).Select(_ => new { regular_price = "1" }) });

        status.Should().Be(413, body.Text());
        body.Str("code").Should().Be("woocommerce_rest_request_entity_too_large");
        (await CountRowsAsync()).Variants.Should().Be(0);
    }

    [Fact]
    public async Task Batch_ManageStockParent_IsKeptAndAnsweredAsParent()
    {
        var parent = await SeedWooAsync(
            new Dictionary<string, object?>(VariableProduct()) { ["manage_stock"] = true, ["stock_quantity"] = 40 });

        var (_, body) = await WooPostAsync(
            VariationsBatch(parent.Num("id")),
            new { create = new[] { new { manage_stock = (object)"parent", regular_price = "3" } } });

        body.Str("create[0].manage_stock").Should().Be("parent", body.Text());
        var (_, product) = await WooGetAsync($"{Products}/{parent.Num("id")}");
        product.At("manage_stock")!.GetValue<bool>().Should().BeTrue();
        product.Num("stock_quantity").Should().Be(40);
        (await FindVariantAsync(body.Num("create[0].id")))!.ManageInventory.Should().BeFalse();
    }

    [Fact]
    public async Task Get_VariationsOfAProduct_PageWithWooCommerceHeaders()
    {
        var parent = await SeedWooAsync(VariableProduct());
        await WooPostAsync(VariationsBatch(parent.Num("id")), new
        {
            create = new[] { "S", "M", "L" }.Select(size =>
                new { regular_price = "5", attributes = new[] { new { name = "Size", option = size } } }),
        });

        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Variations(parent.Num("id"))}?per_page=2&page=2");
        using var response = await Woo.SendAsync(request);
        var page = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync());

        response.Headers.GetValues("X-WP-Total").Should().Equal("3");
        response.Headers.GetValues("X-WP-TotalPages").Should().Equal("2");
        page.Arr(string.Empty).Select(v => v.Str("attributes[0].option")).Should().Equal("L");
    }

    [Fact]
    public async Task Get_UnknownVariationOrParent_Answers404WithWooCommerceCodes()
    {
        var parent = await SeedWooAsync(VariableProduct());

        var (variationStatus, variation) = await WooGetAsync($"{Variations(parent.Num("id"))}/999");
        var (parentStatus, missing) = await WooGetAsync(Variations(999_999));

        variationStatus.Should().Be(404);
        variation.Str("code").Should().Be("woocommerce_rest_product_variation_invalid_id");
        parentStatus.Should().Be(404);
        missing.Str("code").Should().Be("woocommerce_rest_invalid_product_id");
    }
}

public sealed class WooCommerceVariationsTestsOnSqlite(SqliteApiFactory f)
    : WooCommerceVariationsTests(f), IClassFixture<SqliteApiFactory>;

public sealed class WooCommerceVariationsTestsOnPostgres(PostgresApiFactory f)
    : WooCommerceVariationsTests(f), IClassFixture<PostgresApiFactory>;

public sealed class WooCommerceVariationsTestsOnSqlServer(SqlServerApiFactory f)
    : WooCommerceVariationsTests(f), IClassFixture<SqlServerApiFactory>;
