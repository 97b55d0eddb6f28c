using System.Text.Json.Nodes;
using Catalog.Domain.Products;
using Catalog.Testing;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Api.Tests.V1.Products;

/// <summary>
/// The canonical fields the dialects build on: every product status, <c>extensions</c> (round trip, merge by
/// top-level key, validation and size limit), <c>sale_amount</c> on prices, option <c>attribute_id</c>,
/// <c>visible</c> and <c>variation</c>, and deletes that answer the resource as it was.
/// </summary>
public abstract class DialectFieldsTests(CatalogApiFactory factory) : CatalogApiTest(factory)
{
    public static TheoryData<string, ProductStatus> Statuses => new()
    {
        { "draft", ProductStatus.Draft },
        { "proposed", ProductStatus.Proposed },
        { "published", ProductStatus.Published },
        { "private", ProductStatus.Private },
        { "rejected", ProductStatus.Rejected },
        { "archived", ProductStatus.Archived },
    };

    [Theory]
    [MemberData(nameof(Statuses))]
    public async Task Batch_CreateWithStatus_StoresItAndReadsItBack(string status, ProductStatus stored)
    {
        var (code, body) = await PostAsync(ProductsBatch, Batch.Create(new ProductBuilder().With("status", status)));

        code.Should().Be(200, body.Text());
        body.Str("create[0].product.status").Should().Be(status);
        var id = body.Num("create[0].id");
        (await FindProductAsync(id))!.Status.Should().Be(stored);
        var (_, read) = await GetAsync($"/api/v1/products/{id}");
        read.Str("status").Should().Be(status);
        var (_, list) = await GetAsync($"/api/v1/products?status={status}");
        list.Arr("items").Select(p => p.Num("id")).Should().Equal(id);
    }

    [Fact]
    public async Task Batch_UpdateStatusToProposedThenRejected_MovesTheProductThroughBoth()
    {
        var product = await SeedProductAsync(new ProductBuilder());

        var (_, first) = await UpdateProductAsync(product.Num("id"), ("status", "proposed"));
        var (_, second) = await UpdateProductAsync(product.Num("id"), ("status", "rejected"));

        first.Str("update[0].product.status").Should().Be("proposed", first.Text());
        second.Str("update[0].product.status").Should().Be("rejected", second.Text());
        (await FindProductAsync(product.Num("id")))!.Status.Should().Be(ProductStatus.Rejected);
    }

    [Fact]
    public async Task Batch_CreateWithUnknownStatus_Answers400InvalidBodyAndWritesNothing()
    {
        var product = new ProductBuilder().With("status", "pending");

        var (status, body) = await PostAsync(ProductsBatch, Batch.Create(product));

        status.Should().Be(400, body.Text());
        body.Str("code").Should().Be("INVALID_BODY");
        (await CountRowsAsync()).Products.Should().Be(0);
    }

    [Fact]
    public async Task Batch_CreateWithExtensions_KeepsEveryValueExactlyOnProductAndVariant()
    {
        var productExtensions = new
        {
            woocommerce = new
            {
                type = "simple",
                tax_status = "taxable",
                menu_order = 3,
                featured = false,
                images = new[] { new { id = 7, alt = "Front" } },
            },
            medusa = new { collection_id = "pcol_01", discountable = true, price = 12.50m },
        };
        var image = new { src = "https://img.example/r.png" };
        var variantExtensions = new { woocommerce = new { description = "<p>Red</p>", image } };
        var product = new ProductBuilder().With("extensions", productExtensions)
            .WithVariant(new VariantBuilder().With("extensions", variantExtensions));

        var (status, body) = await PostAsync(ProductsBatch, Batch.Create(product));

        status.Should().Be(200, body.Text());
        body.Str("create[0].status").Should().Be("succeeded", body.Text());
        var id = body.Num("create[0].id");
        var (_, read) = await GetAsync($"/api/v1/products/{id}");
        var sent = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(productExtensions));
        JsonNode.DeepEquals(read.At("extensions"), sent).Should().BeTrue(read.Text());
        read.Dec("extensions.medusa.price").Should().Be(12.50m);
        read.At("extensions.medusa.price")!.ToJsonString().Should().Be("12.50", "numbers are kept as sent");
        read.Str("variants[0].extensions.woocommerce.description").Should().Be("<p>Red</p>");
        var (_, variant) = await GetAsync($"/api/v1/variants/{read.Num("variants[0].id")}");
        variant.Str("extensions.woocommerce.image.src").Should().Be("https://img.example/r.png");
        var stored = await FindProductAsync(id);
        JsonNode.Parse(stored!.Extensions!)!["woocommerce"]!["menu_order"]!.GetValue<int>().Should().Be(3);
    }

    [Fact]
    public async Task Batch_CreateWithoutExtensions_AnswersAnEmptyObjectAndStoresNull()
    {
        var product = await SeedProductAsync(new ProductBuilder().WithVariants(1));

        product.At("extensions")!.ToJsonString().Should().Be("{}");
        product.At("variants[0].extensions")!.ToJsonString().Should().Be("{}");
        (await FindProductAsync(product.Num("id")))!.Extensions.Should().BeNull();
    }

    [Fact]
    public async Task Batch_UpdateExtensions_MergesAsAMergePatchAndNullRemovesAKey()
    {
        var product = await SeedProductAsync(new ProductBuilder().With("extensions", new
        {
            woocommerce = new
            {
                type = "simple",
                tax_status = "taxable",
                dimensions = new { length = "1", width = "2" },
            },
            medusa = new { collection_id = "pcol_01" },
        }));
        var id = product.Num("id");

        var patch = new Dictionary<string, object?>
        {
            ["woocommerce"] = new Dictionary<string, object?>
            {
                ["type"] = "variable",
                ["tax_status"] = null,
                ["dimensions"] = new { width = "3" },
            },
        };
        var removals = new Dictionary<string, object?>
        {
            ["medusa"] = null,
            ["trade"] = new { faqs = Array.Empty<string>() },
        };

        var (_, patched) = await UpdateProductAsync(id, ("extensions", patch));
        var (_, untouched) = await UpdateProductAsync(id, ("title", "Renamed"));
        var (_, removed) = await UpdateProductAsync(id, ("extensions", removals));

        patched.Str("update[0].status").Should().Be("succeeded", patched.Text());
        var extensions = patched.At("update[0].product.extensions");
        extensions.Str("woocommerce.type").Should().Be("variable");
        extensions!["woocommerce"]!.AsObject().ContainsKey("tax_status").Should().BeFalse("a null removes a key");
        extensions.Str("woocommerce.dimensions.length").Should().Be("1", "an object merges into an object");
        extensions.Str("woocommerce.dimensions.width").Should().Be("3");
        extensions.Str("medusa.collection_id").Should().Be("pcol_01", "other keys stay");
        JsonNode.DeepEquals(untouched.At("update[0].product.extensions"), extensions).Should().BeTrue(untouched.Text());
        var kept = removed.At("update[0].product.extensions")!.AsObject().Select(p => p.Key);
        kept.Should().Equal("woocommerce", "trade");
        var stored = JsonNode.Parse((await FindProductAsync(id))!.Extensions!)!.AsObject();
        stored.Select(p => p.Key).Should().Equal("woocommerce", "trade");
        stored["woocommerce"]!["type"]!.GetValue<string>().Should().Be("variable");
        stored["woocommerce"]!["dimensions"]!["length"]!.GetValue<string>().Should().Be("1");
    }

    [Fact]
    public async Task Batch_UpdateExtensionsToNull_ClearsEveryKey()
    {
        var product = await SeedProductAsync(
            new ProductBuilder().With("extensions", new { woocommerce = new { type = "simple" } }));

        var (status, body) = await UpdateProductAsync(product.Num("id"), ("extensions", null));

        status.Should().Be(200, body.Text());
        body.At("update[0].product.extensions")!.ToJsonString().Should().Be("{}");
        (await FindProductAsync(product.Num("id")))!.Extensions.Should().BeNull();
    }

    [Fact]
    public async Task BatchVariants_UpdateExtensions_MergesIntoTheVariantsOwn()
    {
        var stored = new
        {
            woocommerce = new { status = "publish" },
            medusa = new { hs_code = "6109" },
        };
        var product = await SeedProductAsync(
            new ProductBuilder().WithVariant(new VariantBuilder().With("extensions", stored)));
        var variantId = product.Num("variants[0].id");

        var extensions = new Dictionary<string, object?>
        {
            ["woocommerce"] = new { status = "private" },
            ["medusa"] = null,
        };

        var (status, body) = await PostAsync(VariantsBatch(product.Num("id")), Batch.Update(Batch.Item(
            ("id", variantId), ("extensions", extensions))));

        status.Should().Be(200, body.Text());
        body.Str("update[0].status").Should().Be("succeeded", body.Text());
        body.At("update[0].variant.extensions")!.ToJsonString().Should().Be("""{"woocommerce":{"status":"private"}}""");
        (await FindVariantAsync(variantId))!.Extensions.Should().Be("""{"woocommerce":{"status":"private"}}""");
    }

    public static TheoryData<string, string> InvalidExtensions => new()
    {
        { """[{"woocommerce":{}}]""", "extensions" },
        { """{"woocommerce":5}""", "extensions" },
        { """{"woocommerce":["a"]}""", "extensions" },
        { """{"Woo Commerce":{}}""", "extensions" },
        { "\"text\"", "extensions" },
    };

    [Theory]
    [MemberData(nameof(InvalidExtensions))]
    public async Task Batch_CreateWithInvalidExtensions_FailsTheItemWithValidationFailed(
        string extensions, string field)
    {
        var valid = new ProductBuilder();
        var validJson = System.Text.Json.JsonSerializer.Serialize(valid.Build());
        var json = $$"""{"create":[{{validJson}},{"title":"Bad","extensions":{{extensions}}}]}""";

        var (status, body) = await PostRawAsync(ProductsBatch, json);

        status.Should().Be(200, body.Text());
        body.Arr("create").Select(r => r.Str("status")).Should().Equal("succeeded", "failed");
        body.Str("create[1].error.code").Should().Be("VALIDATION_FAILED");
        body.Fields("create[1].error.details").Should().Equal(field);
        (await CountRowsAsync()).Products.Should().Be(1);
    }

    [Fact]
    public async Task Batch_CreateWithExtensionsOverTheLimit_FailsTheItemAndWritesNothingOfIt()
    {
        var big = new string('x', ExtensionConstraints.MaxLength);
        var product = new ProductBuilder().With("extensions", new { woocommerce = new { description = big } });

        var (status, body) = await PostAsync(ProductsBatch, Batch.Create(product));

        status.Should().Be(200, body.Text());
        body.Str("create[0].error.code").Should().Be("VALIDATION_FAILED");
        var limit = ExtensionConstraints.MaxLength.ToString(System.Globalization.CultureInfo.InvariantCulture);
        body.Str("create[0].error.message").Should().Contain(limit);
        (await CountRowsAsync()).Products.Should().Be(0);
    }

    [Fact]
    public async Task Batch_UpdateMergingBeyondTheLimit_FailsTheItemAndKeepsTheStoredExtensions()
    {
        var half = new string('x', (ExtensionConstraints.MaxLength / 2) + 100);
        var product = await SeedProductAsync(
            new ProductBuilder().With("extensions", new { woocommerce = new { description = half } }));

        var (status, body) = await UpdateProductAsync(
            product.Num("id"), ("extensions", new { medusa = new { description = half } }));

        status.Should().Be(200, body.Text());
        body.Str("update[0].error.code").Should().Be("VALIDATION_FAILED", body.Text());
        body.Fields("update[0].error.details").Should().Equal("extensions");
        var stored = await FindProductAsync(product.Num("id"));
        JsonNode.Parse(stored!.Extensions!)!.AsObject().Select(p => p.Key).Should().Equal("woocommerce");
        stored.Version.Should().Be(1);
    }

    [Fact]
    public async Task Batch_PriceWithSaleAmount_RoundTripsAndIsStored()
    {
        var variant = new VariantBuilder().WithPrices(
            SalePrice(19.99m, 14.50m),
            VariantBuilder.Price("eur", 18m));

        var (status, body) = await PostAsync(ProductsBatch, Batch.Create(new ProductBuilder().WithVariant(variant)));

        status.Should().Be(200, body.Text());
        var (_, read) = await GetAsync($"/api/v1/products/{body.Num("create[0].id")}");
        var prices = read.Arr("variants[0].prices");
        prices.Select(p => (p.Str("currency_code"), p.Dec("amount"), p.At("sale_amount")?.GetValue<decimal>()))
            .Should().Equal(("eur", 18m, (decimal?)null), ("usd", 19.99m, 14.5m));
        var stored = await Factory.QueryAsync(db =>
            db.VariantPrices.OrderBy(p => p.CurrencyCode).Select(p => p.SaleAmount).ToListAsync());
        stored.Should().Equal(null, 14.50m);
    }

    [Fact]
    public async Task Batch_PriceWithNegativeSaleAmount_FailsTheItemNamingTheField()
    {
        var variant = new VariantBuilder().WithPrices(SalePrice(10m, -1m));

        var (status, body) = await PostAsync(ProductsBatch, Batch.Create(new ProductBuilder().WithVariant(variant)));

        status.Should().Be(200, body.Text());
        body.Str("create[0].error.code").Should().Be("VALIDATION_FAILED");
        body.Fields("create[0].error.details").Should().Equal("variants[0].prices[0].sale_amount");
        (await CountRowsAsync()).Prices.Should().Be(0);
    }

    [Fact]
    public async Task Batch_OptionsWithAttributeVisibleAndVariation_RoundTripInPositionOrder()
    {
        var color = await SeedAttributeAsync(new AttributeBuilder().WithValues("Red", "Blue"));
        var product = new ProductBuilder().With("options", new object[]
        {
            new { title = "Size", values = new[] { "S", "M" } },
            new
            {
                title = "Color",
                values = new[] { "Red", "Blue" },
                attribute_id = color.Num("id"),
                visible = false,
                variation = true,
            },
            new { title = "Material", values = new[] { "Linen" }, visible = true, variation = false },
        });

        var (status, body) = await PostAsync(ProductsBatch, Batch.Create(product));

        status.Should().Be(200, body.Text());
        body.Str("create[0].status").Should().Be("succeeded", body.Text());
        var (_, read) = await GetAsync($"/api/v1/products/{body.Num("create[0].id")}");
        read.Arr("options")
            .Select(o => (
                o.Str("title"),
                o.At("attribute_id")?.GetValue<long>(),
                o.At("visible")!.GetValue<bool>(),
                o.At("variation")!.GetValue<bool>()))
            .Should().Equal(
                ("Size", (long?)null, true, true),
                ("Color", color.Num("id"), false, true),
                ("Material", null, true, false));
        var stored = await FindProductAsync(body.Num("create[0].id"));
        var expected = new ProductOption("Color", ["Red", "Blue"], color.Num("id"), Visible: false, Variation: true);
        stored!.Options[1].Should().Be(expected with { Values = stored.Options[1].Values });
        stored.Options[1].Values.Should().Equal("Red", "Blue");
    }

    [Fact]
    public async Task Batch_OptionWithAttributeAndNoTitle_TakesTheAttributesNameAndAnOverlongOneFailsTheItem()
    {
        var color = await SeedAttributeAsync(new AttributeBuilder().With("name", "Colour").WithValues("Red"));
        var wordy = await SeedAttributeAsync(new AttributeBuilder().With("name", new string('w', 101)).WithValues("A"));
        var named = new ProductBuilder().With(
            "options", new[] { new { values = new[] { "Red" }, attribute_id = color.Num("id") } });
        var overlong = new ProductBuilder().With(
            "options", new[] { new { values = new[] { "A" }, attribute_id = wordy.Num("id") } });
        var untitled = new ProductBuilder().With("options", new[] { new { values = new[] { "A" } } });

        var (status, body) = await PostAsync(ProductsBatch, Batch.Create(named, overlong, untitled));

        status.Should().Be(200, body.Text());
        body.Arr("create").Select(r => r.Str("status")).Should().Equal("succeeded", "failed", "failed");
        body.Str("create[0].product.options[0].title").Should().Be("Colour");
        body.Fields("create[1].error.details").Should().Equal("options[0].title");
        body.Str("create[1].error.message").Should().Contain("send a title");
        body.Fields("create[2].error.details").Should().Equal("options[0].title");
        (await FindProductAsync(body.Num("create[0].id")))!.Options[0].Title.Should().Be("Colour");
    }

    [Fact]
    public async Task Batch_OptionWithUnknownAttribute_FailsTheItemWithReferenceNotFound()
    {
        var ok = new ProductBuilder();
        var bad = new ProductBuilder().With(
            "options", new[] { new { title = "Color", values = new[] { "Red" }, attribute_id = 424242L } });

        var (status, body) = await PostAsync(ProductsBatch, Batch.Create(ok, bad));

        status.Should().Be(200, body.Text());
        body.Arr("create").Select(r => r.Str("status")).Should().Equal("succeeded", "failed");
        body.Str("create[1].error.code").Should().Be("REFERENCE_NOT_FOUND");
        body.Fields("create[1].error.details").Should().Equal("options[0].attribute_id");
        body.Str("create[1].error.message").Should().Contain("424242");
        (await CountRowsAsync()).Products.Should().Be(1);
    }

    [Fact]
    public async Task Batch_TwoOptionsOnOneAttribute_FailsTheItemWithValidationFailed()
    {
        var color = await SeedAttributeAsync(new AttributeBuilder().WithValues("Red"));
        var bad = new ProductBuilder().With("options", new[]
        {
            new { title = "Color", values = new[] { "Red" }, attribute_id = color.Num("id") },
            new { title = "Colour", values = new[] { "Red" }, attribute_id = color.Num("id") },
        });

        var (status, body) = await PostAsync(ProductsBatch, Batch.Create(bad));

        status.Should().Be(200, body.Text());
        body.Str("create[0].error.code").Should().Be("VALIDATION_FAILED");
        body.Fields("create[0].error.details").Should().Equal("options");
    }

    [Fact]
    public async Task BatchVariants_Delete_ResultHoldsThePriorVariantWithPricesAndExtensions()
    {
        var product = await SeedProductAsync(new ProductBuilder()
            .WithVariant(new VariantBuilder().With("extensions", new { woocommerce = new { status = "private" } })
                .WithPrices(SalePrice(20m, 15m)))
            .WithVariants(1));
        var doomed = product.At("variants[0]")!;

        var (status, body) = await PostAsync(VariantsBatch(product.Num("id")), Batch.Delete(doomed.Num("id")));

        status.Should().Be(200, body.Text());
        body.Str("delete[0].status").Should().Be("succeeded");
        body.Num("delete[0].variant.id").Should().Be(doomed.Num("id"));
        body.Str("delete[0].variant.sku").Should().Be(doomed.Str("sku"));
        body.Dec("delete[0].variant.prices[0].sale_amount").Should().Be(15m);
        body.Str("delete[0].variant.extensions.woocommerce.status").Should().Be("private");
        (await FindVariantAsync(doomed.Num("id"))).Should().BeNull();
        (await CountRowsAsync()).Variants.Should().Be(1);
    }

    [Fact]
    public async Task Batch_DeleteProduct_ResultHoldsItsExtensionsOptionsAndStatus()
    {
        var product = await SeedProductAsync(new ProductBuilder().With("status", "private")
            .With("options", new[] { new { title = "Size", values = new[] { "S" }, visible = false } })
            .With("extensions", new { woocommerce = new { type = "variable" } }));

        var (status, body) = await PostAsync(ProductsBatch, Batch.Delete(product.Num("id")));

        status.Should().Be(200, body.Text());
        body.Str("delete[0].product.status").Should().Be("private");
        body.Str("delete[0].product.extensions.woocommerce.type").Should().Be("variable");
        body.At("delete[0].product.options[0].visible")!.GetValue<bool>().Should().BeFalse();
        (await CountRowsAsync()).Products.Should().Be(0);
    }

    [Fact]
    public async Task Batch_OptionsNamingAttributes_CostNoReadBeyondTheAttributeValueLookup()
    {
        var color = await SeedAttributeAsync(new AttributeBuilder().WithValues("Red"));
        var valueId = color.Num("values[0].id");
        var red = new[] { "Red" };
        ProductBuilder Product(bool withAttribute) => new ProductBuilder()
            .With("options", new[]
            {
                withAttribute
                    ? (object)new { title = "Color", values = red, attribute_id = color.Num("id") }
                    : new { title = "Color", values = red },
            })
            .WithVariant(new VariantBuilder()
                .With("options", new Dictionary<string, string> { ["Color"] = "Red" })
                .WithAttributeValues(valueId));

        Factory.Statements.Reset();
        var (_, plain) = await PostAsync(ProductsBatch, Batch.Create(Product(false), Product(false)));
        var plainReads = Factory.Statements.Reads;
        Factory.Statements.Reset();
        var (_, referencing) = await PostAsync(ProductsBatch, Batch.Create(Product(true), Product(true)));
        var referencingReads = Factory.Statements.Reads;

        plain.Num("summary.succeeded").Should().Be(2, plain.Text());
        referencing.Num("summary.succeeded").Should().Be(2, referencing.Text());
        referencingReads.Should().Be(plainReads);
    }

    private static Dictionary<string, object?> SalePrice(decimal amount, decimal sale) =>
        new() { ["currency_code"] = "usd", ["amount"] = amount, ["sale_amount"] = sale };
}

public sealed class DialectFieldsTestsOnSqlite(SqliteApiFactory f)
    : DialectFieldsTests(f), IClassFixture<SqliteApiFactory>;

public sealed class DialectFieldsTestsOnPostgres(PostgresApiFactory f)
    : DialectFieldsTests(f), IClassFixture<PostgresApiFactory>;

public sealed class DialectFieldsTestsOnSqlServer(SqlServerApiFactory f)
    : DialectFieldsTests(f), IClassFixture<SqlServerApiFactory>;
