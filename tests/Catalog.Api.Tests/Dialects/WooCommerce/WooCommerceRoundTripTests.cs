using System.Text.Json.Nodes;
using Catalog.Domain.Products;
using Catalog.Testing;

namespace Catalog.Api.Tests.Dialects.WooCommerce;

/// <summary>
/// Every WooCommerce field a client sends comes back: in the batch answer, through WooCommerce's GETs, and (where
/// Catalog has a home for it) through the canonical API, with the WooCommerce-only fields under
/// <c>extensions.woocommerce</c>.
/// </summary>
public abstract class WooCommerceRoundTripTests(CatalogApiFactory factory) : WooCommerceApiTest(factory)
{
    [Fact]
    public async Task BatchCreate_SimpleProductWithEveryField_ReadsBackTheSameThroughWooCommerceAndCanonical()
    {
        var category =
            (await SeedCategoriesAsync(new CategoryBuilder().With("name", "Shirts").With("handle", "shirts")))[0];
        var color = await SeedAttributeAsync(
            new AttributeBuilder().With("name", "Color").With("slug", "color").WithValues("Red", "Blue"));
        var (_, tags) = await PostAsync("/api/v1/tags/batch", Batch.Of(create: [Batch.Item(("name", "linen"))]));
        var linen = tags.Num("create[0].id");
        var product = new Dictionary<string, object?>
        {
            ["name"] = "Linen Shirt",
            ["slug"] = "linen-shirt",
            ["type"] = "simple",
            ["status"] = "pending",
            ["description"] = "<p>Soft linen.</p>",
            ["short_description"] = "<p>Soft.</p>",
            ["sku"] = "LINEN-1",
            ["regular_price"] = "39.90",
            ["sale_price"] = "29.5",
            ["manage_stock"] = true,
            ["stock_quantity"] = 12,
            ["backorders"] = "notify",
            ["categories"] = new[] { new { id = category.Num("id") } },
            ["tags"] = new object[] { new { name = "summer" }, new { id = linen } },
            ["images"] = new[]
            {
                new { src = "https://img.example/front.png", name = "Front", alt = "The front" },
                new { src = "https://img.example/back.png", name = "", alt = "" },
            },
            ["attributes"] = new object[]
            {
                new
                {
                    id = color.Num("id"), position = 0, visible = true, variation = false,
                    options = new[] { "Red", "Blue" },
                },
                new { name = "Fabric", position = 1, visible = false, variation = false, options = new[] { "Linen" } },
            },
            ["default_attributes"] = new[] { new { id = color.Num("id"), name = "Color", option = "Red" } },
            ["meta_data"] = new object[]
            {
                new { key = "_supplier", value = "Acme" }, new { key = "care", value = new { wash = 30 } },
            },
            ["weight"] = "0.35",
            ["dimensions"] = new { length = "70", width = "50.5", height = "2" },
            ["date_created"] = "2021-10-21T04:17:18",
            ["tax_status"] = "shipping",
            ["tax_class"] = "reduced-rate",
            ["shipping_class"] = "light",
            ["menu_order"] = 4,
            ["featured"] = true,
            ["catalog_visibility"] = "search",
            ["low_stock_amount"] = 2,
            ["wholesale_data"] = new { wholesale_price = new { wholesale_customer = "12" } },
            ["price"] = "ignored: read-only",
            ["permalink"] = "https://shop.example/ignored",
        };

        var (status, body) = await WooPostAsync(ProductsBatchRoute, new { create = new[] { product } });

        status.Should().Be(200, body.Text());
        var created = body.At("create[0]")!;
        created["error"].Should().BeNull(body.Text());
        var id = created.Num("id");
        var (_, read) = await WooGetAsync($"{Products}/{id}");
        var (_, listed) = await WooGetAsync($"{Products}?sku=LINEN-1");
        foreach (var answer in new[] { created, read!, listed.At("[0]")! })
        {
            answer.Num("id").Should().Be(id);
            answer.Str("name").Should().Be("Linen Shirt");
            answer.Str("slug").Should().Be("linen-shirt");
            answer.Str("type").Should().Be("simple");
            answer.Str("status").Should().Be("pending");
            answer.Str("description").Should().Be("<p>Soft linen.</p>");
            answer.Str("short_description").Should().Be("<p>Soft.</p>");
            answer.Str("sku").Should().Be("LINEN-1");
            answer.Str("regular_price").Should().Be("39.90", "WooCommerce answers a price as the string it was sent");
            answer.Str("sale_price").Should().Be("29.5");
            answer.Str("price").Should().Be("29.5");
            answer.At("on_sale")!.GetValue<bool>().Should().BeTrue();
            answer.At("manage_stock")!.GetValue<bool>().Should().BeTrue();
            answer.Num("stock_quantity").Should().Be(12);
            answer.Str("stock_status").Should().Be("instock");
            answer.Str("backorders").Should().Be("notify");
            answer.At("backorders_allowed")!.GetValue<bool>().Should().BeTrue();
            answer.Arr("categories").Select(c => (c.Num("id"), c.Str("name"), c.Str("slug")))
                .Should().Equal((category.Num("id"), "Shirts", "shirts"));
            answer.Arr("tags").Select(t => (t.Num("id"), t.Str("name"), t.Str("slug")))
                .Should().Equal((0L, "summer", "summer"), (linen, "linen", "linen"));
            answer.Arr("images").Select(i => (i.Str("src"), i.Str("name"), i.Str("alt"), i.Num("position")))
                .Should().Equal(
                    ("https://img.example/front.png", "Front", "The front", 0L),
                    ("https://img.example/back.png", "", "", 1L));
            answer.Arr("attributes")
                .Select(a => (
                    a.Num("id"),
                    a.Str("name"),
                    a.Num("position"),
                    a.At("visible")!.GetValue<bool>(),
                    a.At("variation")!.GetValue<bool>(),
                    string.Join("|", a.Arr("options").Select(o => o!.GetValue<string>()))))
                .Should().Equal(
                    (color.Num("id"), "Color", 0L, true, false, "Red|Blue"), (0L, "Fabric", 1L, false, false, "Linen"));
            answer.Str("default_attributes[0].option").Should().Be("Red");
            answer.Arr("meta_data").Select(m => (m.Num("id"), m.Str("key")))
                .Should().Equal((1L, "_supplier"), (2L, "care"));
            answer.Str("meta_data[0].value").Should().Be("Acme");
            answer.Num("meta_data[1].value.wash").Should().Be(30);
            answer.Str("weight").Should().Be("0.35");
            answer.Str("dimensions.length").Should().Be("70");
            answer.Str("dimensions.width").Should().Be("50.5");
            answer.Str("dimensions.height").Should().Be("2");
            answer.Str("date_created").Should().Be("2021-10-21T04:17:18");
            answer.Str("tax_status").Should().Be("shipping");
            answer.Str("tax_class").Should().Be("reduced-rate");
            answer.Str("shipping_class").Should().Be("light");
            answer.Num("menu_order").Should().Be(4);
            answer.At("featured")!.GetValue<bool>().Should().BeTrue();
            answer.Str("catalog_visibility").Should().Be("search");
            answer.Num("low_stock_amount").Should().Be(2);
            answer.Str("wholesale_data.wholesale_price.wholesale_customer").Should().Be("12");
            answer.Str("date_modified").Should().MatchRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$");
            answer.Arr("variations").Should().BeEmpty();
        }

        var (_, canonical) = await GetAsync($"/api/v1/products/{id}");
        canonical.Str("title").Should().Be("Linen Shirt");
        canonical.Str("handle").Should().Be("linen-shirt");
        canonical.Str("status").Should().Be("proposed");
        canonical.Str("description").Should().Be("<p>Soft linen.</p>");
        canonical.Arr("category_ids").Select(c => c!.GetValue<long>()).Should().Equal(category.Num("id"));
        canonical.Arr("tags").Select(t => t!.GetValue<string>()).Should().Equal("summer", "linen");
        canonical.Arr("images").Select(i => i.Str("url"))
            .Should().Equal("https://img.example/front.png", "https://img.example/back.png");
        canonical.Arr("options")
            .Select(o => (
                o.Str("title"),
                o.At("attribute_id")?.GetValue<long>(),
                o.At("visible")!.GetValue<bool>(),
                o.At("variation")!.GetValue<bool>()))
            .Should().Equal(("Color", color.Num("id"), true, false), ("Fabric", (long?)null, false, false));
        canonical.Str("metadata._supplier").Should().Be("Acme");
        canonical.Dec("weight").Should().Be(0.35m);
        canonical.Dec("width").Should().Be(50.5m);
        canonical.Arr("variants").Should().HaveCount(1);
        canonical.Str("variants[0].title").Should().Be("Linen Shirt");
        canonical.Str("variants[0].sku").Should().Be("LINEN-1");
        canonical.Num("variants[0].stock_quantity").Should().Be(12);
        canonical.At("variants[0].manage_inventory")!.GetValue<bool>().Should().BeTrue();
        canonical.At("variants[0].allow_backorder")!.GetValue<bool>().Should().BeTrue();
        canonical.Arr("variants[0].prices").Select(p => (p.Str("currency_code"), p.Dec("amount"), p.Dec("sale_amount")))
            .Should().Equal(("usd", 39.9m, 29.5m));
        var kept = canonical.At("extensions.woocommerce")!;
        kept.Str("type").Should().Be("simple");
        kept.Str("short_description").Should().Be("<p>Soft.</p>");
        kept.Str("tax_status").Should().Be("shipping");
        kept.Num("menu_order").Should().Be(4);
        kept.Str("backorders").Should().Be("notify");
        kept.Str("images[0].alt").Should().Be("The front");
        kept["tags"].Should().BeNull("a tag's id is its registry's, not kept beside its name");
        kept.Str("wholesale_data.wholesale_price.wholesale_customer").Should().Be("12");
        kept["price"].Should().BeNull("read-only fields a client sends back are not kept");
        kept["permalink"].Should().BeNull();

        var stored = await FindProductAsync(id);
        stored!.Status.Should().Be(ProductStatus.Proposed);
        stored.Variants.Single().Prices.Single().SaleAmount.Should().Be(29.5m);
        JsonNode.Parse(stored.Extensions!)!["woocommerce"]!["shipping_class"]!.GetValue<string>().Should().Be("light");
    }

    [Fact]
    public async Task BatchCreate_VariableProductAndVariationsWithEveryField_ReadBackTheSame()
    {
        var color = await SeedAttributeAsync(new AttributeBuilder().With("name", "Color").WithValues("Red", "Blue"));
        var parent = await SeedWooAsync(new Dictionary<string, object?>
        {
            ["name"] = "Hoodie",
            ["type"] = "variable",
            ["sku"] = "HOODIE",
            ["manage_stock"] = false,
            ["attributes"] = new object[]
            {
                new { name = "Size", position = 0, visible = true, variation = true, options = "S | M | L" },
                new
                {
                    id = color.Num("id"), position = 1, visible = true, variation = true,
                    options = new[] { "Red", "Blue" },
                },
            },
        });
        parent.Str("type").Should().Be("variable");
        parent.Str("sku").Should().Be("HOODIE");
        parent.Arr("attributes[0].options").Select(o => o!.GetValue<string>()).Should().Equal("S", "M", "L");
        var variation = new Dictionary<string, object?>
        {
            ["description"] = "<p>Medium red.</p>",
            ["sku"] = "HOODIE-M-RED",
            ["regular_price"] = 49.0m,
            ["sale_price"] = "39",
            ["status"] = "private",
            ["manage_stock"] = true,
            ["stock_quantity"] = 0,
            ["backorders"] = "no",
            ["weight"] = "0.8",
            ["dimensions"] = new { length = "30", width = "20", height = "5" },
            ["image"] = new { src = "https://img.example/m-red.png", alt = "Medium red" },
            ["attributes"] = new object[]
            {
                new { name = "size", option = "M" }, new { id = color.Num("id"), option = "Red" },
            },
            ["menu_order"] = 2,
            ["meta_data"] = new[] { new { key = "ean", value = "4006381333931" } },
            ["tax_class"] = "zero-rate",
            ["shipping_class"] = "bulky",
        };

        var (status, body) = await WooPostAsync(VariationsBatch(parent.Num("id")), new
        {
            create = new[]
            {
                variation,
                new Dictionary<string, object?>
                {
                    ["regular_price"] = "45", ["attributes"] = new[] { new { name = "Size", option = "S" } },
                },
            },
        });

        status.Should().Be(200, body.Text());
        var created = body.At("create[0]")!;
        created["error"].Should().BeNull(body.Text());
        var id = created.Num("id");
        var (_, one) = await WooGetAsync($"{Variations(parent.Num("id"))}/{id}");
        var (_, list) = await WooGetAsync(Variations(parent.Num("id")));
        list.Arr(string.Empty).Select(v => v.Num("id")).Should().Equal(body.Num("create[1].id"), id);
        foreach (var answer in new[] { created, one!, list.At("[1]")! })
        {
            answer.Str("description").Should().Be("<p>Medium red.</p>");
            answer.Str("sku").Should().Be("HOODIE-M-RED");
            answer.Str("regular_price").Should().Be("49");
            answer.Str("sale_price").Should().Be("39");
            answer.Str("price").Should().Be("39");
            answer.At("on_sale")!.GetValue<bool>().Should().BeTrue();
            answer.Str("status").Should().Be("private");
            answer.At("manage_stock")!.GetValue<bool>().Should().BeTrue();
            answer.Num("stock_quantity").Should().Be(0);
            answer.Str("stock_status").Should().Be("outofstock");
            answer.Str("backorders").Should().Be("no");
            answer.Str("weight").Should().Be("0.8");
            answer.Str("dimensions.width").Should().Be("20");
            answer.Str("image.src").Should().Be("https://img.example/m-red.png");
            answer.Str("image.alt").Should().Be("Medium red");
            answer.Arr("attributes").Select(a => (a.Num("id"), a.Str("name"), a.Str("option")))
                .Should().Equal((0L, "Size", "M"), (color.Num("id"), "Color", "Red"));
            answer.Num("menu_order").Should().Be(2);
            answer.Arr("meta_data").Select(m => (m.Num("id"), m.Str("key"), m.Str("value")))
                .Should().Equal((1L, "ean", "4006381333931"));
            answer.Str("tax_class").Should().Be("zero-rate");
            answer.Str("shipping_class").Should().Be("bulky");
        }

        var (_, canonical) = await GetAsync($"/api/v1/variants/{id}");
        canonical.Str("title").Should().Be("Hoodie - M, Red");
        canonical.Str("sku").Should().Be("HOODIE-M-RED");
        canonical.Str("options.Size").Should().Be("M");
        canonical.Str("options.Color").Should().Be("Red");
        canonical.Num("rank").Should().Be(2);
        canonical.Arr("prices").Select(p => (p.Dec("amount"), p.Dec("sale_amount"))).Should().Equal((49m, 39m));
        canonical.Str("metadata.ean").Should().Be("4006381333931");
        canonical.Str("extensions.woocommerce.status").Should().Be("private");
        canonical.Str("extensions.woocommerce.dimensions.length").Should().Be("30");
        canonical.Str("extensions.woocommerce.image.src").Should().Be("https://img.example/m-red.png");
        var (_, product) = await WooGetAsync($"{Products}/{parent.Num("id")}");
        product.Arr("variations").Select(v => v!.GetValue<long>())
            .Should().BeEquivalentTo([id, body.Num("create[1].id")]);
        product.Str("price").Should().Be("39", "a variable product's price is its lowest variation price");
        (await FindVariantAsync(id))!.Prices.Single().Amount.Should().Be(49m);
    }

    [Fact]
    public async Task BatchUpdate_OneField_ChangesOnlyItAndKeepsEveryOtherFieldAndPrice()
    {
        var product = await SeedWooAsync(SimpleProduct() is var p ? new Dictionary<string, object?>(p)
        {
            ["sale_price"] = "15",
            ["tax_status"] = "none",
            ["meta_data"] = new[] { new { key = "a", value = "1" }, new { key = "b", value = "2" } },
            ["images"] = new[] { new { src = "https://img.example/1.png", id = 77, alt = "One" } },
        } : null!);
        var id = product.Num("id");
        var variantId = (await FindProductAsync(id))!.Variants.Single().Id;
        await PostAsync(VariantsBatch(id), Batch.Update(Batch.Item(("id", variantId), ("replace_prices", true),
            ("prices", new[]
        {
            new Dictionary<string, object?> { ["currency_code"] = "usd", ["amount"] = 19.99m, ["sale_amount"] = 15m },
            VariantBuilder.Price("eur", 18m),
            VariantBuilder.Price("usd", 17m, 10),
        }))));

        var (status, body) = await WooPostAsync(ProductsBatchRoute, new
        {
            update = new object[]
            {
                new
                {
                    id,
                    sale_price = "12.5",
                    meta_data = new object[]
                    {
                        new { id = 2, key = "b", value = "two" }, new { key = "c", value = "3" },
                    },
                    images = new[] { new { id = 77 } },
                },
            },
        });

        status.Should().Be(200, body.Text());
        var updated = body.At("update[0]")!;
        updated["error"].Should().BeNull(body.Text());
        updated.Str("regular_price").Should().Be("19.99");
        updated.Str("sale_price").Should().Be("12.5");
        updated.Str("sku").Should().Be(product.Str("sku"));
        updated.Str("name").Should().Be(product.Str("name"));
        updated.Str("tax_status").Should().Be("none");
        updated.Arr("meta_data").Select(m => (m.Num("id"), m.Str("key"), m.Str("value")))
            .Should().Equal((1L, "a", "1"), (2L, "b", "two"), (3L, "c", "3"));
        updated.Arr("images").Select(i => (i.Num("id"), i.Str("src"), i.Str("alt")))
            .Should().Equal((77L, "https://img.example/1.png", ""));
        var prices = (await FindProductAsync(id))!.Variants.Single().Prices
            .OrderBy(x => x.CurrencyCode).ThenBy(x => x.MinQuantity ?? 0).ToList();
        prices.Select(x => (x.CurrencyCode, x.Amount, x.SaleAmount, x.MinQuantity)).Should().Equal(
            ("eur", 18m, (decimal?)null, (long?)null), ("usd", 19.99m, 12.5m, null), ("usd", 17m, null, 10L));
    }

    [Fact]
    public async Task BatchUpdate_WooCommerceFields_LeaveOtherDialectsExtensionsAlone()
    {
        var product = await SeedProductAsync(new ProductBuilder().WithVariants(1).With("extensions", new
        {
            medusa = new { collection_id = "pcol_01" },
            woocommerce = new { tax_status = "none", menu_order = 1 },
        }));

        var (_, body) = await WooPostAsync(ProductsBatchRoute, new
        {
            update = new[] { new { id = product.Num("id"), menu_order = 5, purchase_note = "Thanks" } },
        });

        body.At("update[0].error").Should().BeNull(body.Text());
        var (_, canonical) = await GetAsync($"/api/v1/products/{product.Num("id")}");
        canonical.Str("extensions.medusa.collection_id").Should().Be("pcol_01");
        canonical.Str("extensions.woocommerce.tax_status").Should().Be("none");
        canonical.Num("extensions.woocommerce.menu_order").Should().Be(5);
        canonical.Str("extensions.woocommerce.purchase_note").Should().Be("Thanks");
        canonical.Str("variants[0].sku").Should().Be(
            product.Str("variants[0].sku"), "a product update without variant fields leaves the variant alone");
    }

    [Fact]
    public async Task BatchUpdate_SimpleToVariable_KeepsTheVariantAsAVariationAndVariableSkuInExtensions()
    {
        var product = await SeedWooAsync(SimpleProduct());

        var (_, body) = await WooPostAsync(ProductsBatchRoute, new
        {
            update = new[]
            {
                new
                {
                    id = product.Num("id"),
                    type = "variable",
                    sku = "PARENT-SKU",
                    attributes = new[] { new { name = "Size", variation = true, options = new[] { "S" } } },
                },
            },
        });

        body.At("update[0].error").Should().BeNull(body.Text());
        body.Str("update[0].type").Should().Be("variable");
        body.Str("update[0].sku").Should().Be("PARENT-SKU");
        body.Arr("update[0].variations").Should().HaveCount(1);
        var stored = await FindProductAsync(product.Num("id"));
        stored!.Variants.Single().Sku
            .Should().Be(product.Str("sku"), "the simple product's variant stays, now a variation");
        System.Text.Json.Nodes.JsonNode.Parse(stored.Extensions!)!["woocommerce"]!["sku"]!.GetValue<string>()
            .Should().Be("PARENT-SKU");
    }

    [Fact]
    public async Task Prices_SentAsStrings_AreAnsweredAsSent_NumbersAndChangesElsewhereAsAmounts()
    {
        var product = await SeedWooAsync(
            new Dictionary<string, object?>(SimpleProduct()) { ["regular_price"] = "19.00", ["sale_price"] = "12.50" });

        (product.Str("regular_price"), product.Str("sale_price"), product.Str("price"))
            .Should().Be(("19.00", "12.50", "12.50"), product.Text());
        var (_, read) = await WooGetAsync($"{Products}/{product.Num("id")}");
        (read.Str("regular_price"), read.Str("sale_price")).Should().Be(("19.00", "12.50"));

        var (_, numbers) = await WooPostAsync(
            ProductsBatchRoute, new { update = new[] { new { id = product.Num("id"), regular_price = 20.50m } } });
        numbers.Str("update[0].regular_price").Should().Be("20.5", "a JSON number has no text of its own to keep");
        numbers.Str("update[0].sale_price").Should().Be("12.50");

        var variantId = (await FindProductAsync(product.Num("id")))!.Variants.Single().Id;
        var (status, canonical) = await PostAsync(VariantsBatch(product.Num("id")), new
        {
            update = new[]
            {
                new
                {
                    id = variantId,
                    replace_prices = true,
                    prices = new[] { new { currency_code = "usd", amount = 21m, sale_amount = 12.5m } },
                },
            },
        });
        status.Should().Be(200, canonical.Text());
        var (_, after) = await WooGetAsync($"{Products}/{product.Num("id")}");
        (after.Str("regular_price"), after.Str("sale_price"))
            .Should().Be(("21", "12.50"), "a stale text gives way to the amount; one that still states it stays");
    }

    [Fact]
    public async Task BatchUpdate_ClearingSkuAndPrices_WithEmptyStrings_ClearsThem()
    {
        var product = await SeedWooAsync(new Dictionary<string, object?>(SimpleProduct()) { ["sale_price"] = "10" });

        var (_, body) = await WooPostAsync(ProductsBatchRoute, new
        {
            update = new[] { new { id = product.Num("id"), sku = "", regular_price = "", sale_price = "" } },
        });

        body.At("update[0].error").Should().BeNull(body.Text());
        (body.Str("update[0].sku"),
                body.Str("update[0].regular_price"),
                body.Str("update[0].sale_price"),
                body.Str("update[0].price"))
            .Should().Be(("", "", "", ""));
        var variant = (await FindProductAsync(product.Num("id")))!.Variants.Single();
        variant.Sku.Should().BeNull();
        variant.Prices.Should().BeEmpty();
    }

    [Fact]
    public async Task StockStatus_KeptWhenStockIsNotManagedAndComputedWhenItIs()
    {
        var product = await SeedWooAsync(new Dictionary<string, object?>(SimpleProduct())
        {
            ["manage_stock"] = false,
            ["stock_status"] = "outofstock",
        });

        var (_, managed) = await WooPostAsync(ProductsBatchRoute, new
        {
            update = new[] { new { id = product.Num("id"), manage_stock = true, stock_quantity = 5 } },
        });
        var (_, unmanaged) = await WooPostAsync(
            ProductsBatchRoute, new { update = new[] { new { id = product.Num("id"), manage_stock = false } } });

        product.Str("stock_status").Should().Be("outofstock");
        managed.Str("update[0].stock_status").Should().Be("instock", managed.Text());
        unmanaged.Str("update[0].stock_status")
            .Should().Be("outofstock", "the status set by hand is kept for when stock is not managed");
    }

    [Fact]
    public async Task Read_CanonicalStatuses_ReadAsWooCommerceStatuses()
    {
        var products = await SeedProductsAsync(
            new ProductBuilder().With("status", "draft"),
            new ProductBuilder().With("status", "proposed"),
            new ProductBuilder().With("status", "published"),
            new ProductBuilder().With("status", "private"),
            new ProductBuilder().With("status", "rejected"),
            new ProductBuilder().With("status", "archived"));

        var statuses = new List<string?>();
        foreach (var product in products)
        {
            var (_, read) = await WooGetAsync($"{Products}/{product.Num("id")}");
            statuses.Add(read.Str("status"));
        }

        statuses.Should().Equal("draft", "pending", "publish", "private", "draft", "private");
    }

    [Fact]
    public async Task Read_ProductCreatedThroughCanonicalApi_ReadsAsSimpleOrVariableByItsVariants()
    {
        var one = await SeedProductAsync(new ProductBuilder().WithVariant(new VariantBuilder().WithPrices(
            new Dictionary<string, object?> { ["currency_code"] = "usd", ["amount"] = 20m, ["sale_amount"] = 18m },
            VariantBuilder.Price("eur", 19m))));
        var many = await SeedProductAsync(new ProductBuilder().WithVariants(2));

        var (_, simple) = await WooGetAsync($"{Products}/{one.Num("id")}");
        var (_, variable) = await WooGetAsync($"{Products}/{many.Num("id")}");

        simple.Str("type").Should().Be("simple");
        simple.Str("sku").Should().Be(one.Str("variants[0].sku"));
        (simple.Str("regular_price"), simple.Str("sale_price"), simple.Str("price")).Should().Be(("20", "18", "18"));
        variable.Str("type").Should().Be("variable");
        variable.Arr("variations").Select(v => v!.GetValue<long>())
            .Should().Equal(many.Arr("variants").Select(v => v.Num("id")));
        var (_, variations) = await WooGetAsync(Variations(many.Num("id")));
        variations.Arr(string.Empty).Select(v => v.Str("sku"))
            .Should().Equal(many.Arr("variants").Select(v => v.Str("sku")));
    }
}

public sealed class WooCommerceRoundTripTestsOnSqlite(SqliteApiFactory f)
    : WooCommerceRoundTripTests(f), IClassFixture<SqliteApiFactory>;

public sealed class WooCommerceRoundTripTestsOnPostgres(PostgresApiFactory f)
    : WooCommerceRoundTripTests(f), IClassFixture<PostgresApiFactory>;

public sealed class WooCommerceRoundTripTestsOnSqlServer(SqlServerApiFactory f)
    : WooCommerceRoundTripTests(f), IClassFixture<SqlServerApiFactory>;
