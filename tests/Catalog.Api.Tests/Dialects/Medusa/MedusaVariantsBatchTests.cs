using System.Text.Json;
using Catalog.Testing;

namespace Catalog.Api.Tests.Dialects.Medusa;

/// <summary>
/// <c>POST /admin/products/{id}/variants/batch</c>: one product's variants, atomically, in Medusa's shape.
/// </summary>
public abstract class MedusaVariantsBatchTests(CatalogApiFactory factory) : MedusaApiTest(factory)
{
    [Fact]
    public async Task BatchVariants_CreateUpdateDelete_AppliesAllAndAnswersMedusasShape()
    {
        var product = (await MedusaSeedAsync(WithTwoVariants("VB-1", "VB-2")))[0];
        var productId = product.Str("id")!;
        var keep = product.Str("variants[0].id")!;
        var drop = product.Str("variants[1].id")!;
        var created = MedusaVariant("VB-3", "L");
        created["hs_code"] = "610910";
        created["weight"] = 250;
        created["inventory_items"] = new[]
        {
            new Dictionary<string, object?> { ["inventory_item_id"] = "iitem_9", ["required_quantity"] = 2 },
        };

        var (status, body) = await MedusaPostAsync(MedusaVariantsBatch(productId), new Dictionary<string, object?>
        {
            ["create"] = new[] { created },
            ["update"] = new[]
            {
                new Dictionary<string, object?> { ["id"] = keep, ["title"] = "Renamed", ["allow_backorder"] = true },
            },
            ["delete"] = new[] { drop },
        });

        status.Should().Be(200, body.Text());
        body.Str("created[0].sku").Should().Be("VB-3");
        body.Str("created[0].product_id").Should().Be(productId);
        body.Str("created[0].hs_code").Should().Be("610910");
        body.Dec("created[0].weight").Should().Be(250);
        body.At("created[0].manage_inventory")!.GetValue<bool>()
            .Should().BeTrue("Medusa manages inventory unless told not to");
        body.Str("created[0].options[0].value").Should().Be("L");
        body.At("created[0]")!.AsObject().Should().NotContainKey("inventory_items");
        body.Str("updated[0].id").Should().Be(keep);
        body.Str("updated[0].title").Should().Be("Renamed");
        body.At("updated[0].allow_backorder")!.GetValue<bool>().Should().BeTrue();
        body.Str("deleted.object").Should().Be("variant");
        body.Arr("deleted.ids").Select(i => i!.GetValue<string>()).Should().Equal(drop);
        var stored = await FindProductAsync(NumberOf(productId));
        stored!.Variants.Select(v => v.Sku).Should().BeEquivalentTo(["VB-1", "VB-3"]);
        stored.Variants.Single(v => v.Sku == "VB-1").Title.Should().Be("Renamed");
    }

    [Fact]
    public async Task BatchVariants_UpdateOneMedusaField_KeepsTheOthersInExtensions()
    {
        var variant = MedusaVariant("EXT-1", "S");
        variant["hs_code"] = "610910";
        variant["material"] = "cotton";
        variant["inventory_items"] = new[]
        {
            new Dictionary<string, object?> { ["inventory_item_id"] = "iitem_1", ["required_quantity"] = 1 },
        };
        variant["prices"] = new[]
        {
            new Dictionary<string, object?>
            {
                ["currency_code"] = "eur",
                ["amount"] = 9,
                ["rules"] = new Dictionary<string, string> { ["region_id"] = "reg_eu" },
            },
        };
        var product = MedusaProduct();
        product["variants"] = new[] { variant };
        var seeded = (await MedusaSeedAsync(product))[0];
        var variantId = seeded.Str("variants[0].id")!;

        var url = $"{MedusaVariantsBatch(seeded.Str("id")!)}?fields=%2Binventory_items";
        var (status, body) = await MedusaPostAsync(url, new Dictionary<string, object?>
        {
            ["update"] = new[]
            {
                new Dictionary<string, object?> { ["id"] = variantId, ["hs_code"] = null, ["origin_country"] = "pt" },
            },
        });

        status.Should().Be(200, body.Text());
        body.At("updated[0].hs_code").Should().BeNull();
        body.Str("updated[0].origin_country").Should().Be("pt");
        body.Str("updated[0].material").Should().Be("cotton");
        body.Str("updated[0].inventory_items[0].inventory_item_id").Should().Be("iitem_1");
        body.Str("updated[0].prices[0].rules.region_id").Should().Be("reg_eu");
        var stored = await FindVariantAsync(NumberOf(variantId));
        using var extensions = JsonDocument.Parse(stored!.Extensions!);
        var medusa = extensions.RootElement.GetProperty("medusa");
        medusa.TryGetProperty("hs_code", out _).Should().BeFalse();
        medusa.GetProperty("origin_country").GetString().Should().Be("pt");
        medusa.GetProperty("material").GetString().Should().Be("cotton");
        stored.Version.Should().Be(2);
    }

    [Fact]
    public async Task BatchVariants_PriceNamedByIdWithOnlyAnAmount_KeepsItsCurrencyRangeAndRules()
    {
        var variant = MedusaVariant("PRICE-1", "S");
        variant["prices"] = new[]
        {
            new Dictionary<string, object?> { ["currency_code"] = "usd", ["amount"] = 10 },
            new Dictionary<string, object?>
            {
                ["currency_code"] = "usd",
                ["amount"] = 8,
                ["min_quantity"] = 10,
                ["rules"] = new Dictionary<string, string> { ["customer_group_id"] = "cg_1" },
            },
        };
        var product = MedusaProduct();
        product["variants"] = new[] { variant };
        var seeded = (await MedusaSeedAsync(product))[0];
        var tier = seeded.Arr("variants[0].prices").Single(p => p.At("min_quantity") is not null);

        var url = MedusaVariantsBatch(seeded.Str("id")!);
        var (status, body) = await MedusaPostAsync(url, new Dictionary<string, object?>
        {
            ["update"] = new[]
            {
                new Dictionary<string, object?>
                {
                    ["id"] = seeded.Str("variants[0].id"),
                    ["prices"] = new object[]
                    {
                        new Dictionary<string, object?> { ["currency_code"] = "usd", ["amount"] = 11 },
                        new Dictionary<string, object?> { ["id"] = tier.Str("id"), ["amount"] = 7.5m },
                    },
                },
            },
        });

        status.Should().Be(200, body.Text());
        var updated = body.Arr("updated[0].prices").Single(p => p!["min_quantity"] is not null);
        updated.Dec("amount").Should().Be(7.5m);
        updated.Str("currency_code").Should().Be("usd");
        updated.Num("min_quantity").Should().Be(10);
        updated.Str("rules.customer_group_id").Should().Be("cg_1");
        body.Arr("updated[0].prices").Should().HaveCount(2);
    }

    [Fact]
    public async Task BatchVariants_PriceNamedById_KeepsASaleAmountSetThroughTheCanonicalApi()
    {
        var made = await SeedProductAsync(new ProductBuilder().WithVariant(new VariantBuilder().WithPrices(
            new Dictionary<string, object?> { ["currency_code"] = "usd", ["amount"] = 20m, ["sale_amount"] = 15m })));
        var price = $"price_{made.Num("variants[0].prices[0].id")}";

        var url = MedusaVariantsBatch($"prod_{made.Num("id")}");
        var (status, body) = await MedusaPostAsync(url, new Dictionary<string, object?>
        {
            ["update"] = new[]
            {
                new Dictionary<string, object?>
                {
                    ["id"] = $"variant_{made.Num("variants[0].id")}",
                    ["prices"] = new[] { new Dictionary<string, object?> { ["id"] = price, ["amount"] = 22 } },
                },
            },
        });

        status.Should().Be(200, body.Text());
        var (_, canonical) = await GetAsync($"/api/v1/variants/{made.Num("variants[0].id")}");
        canonical.Dec("prices[0].amount").Should().Be(22m);
        canonical.Dec("prices[0].sale_amount").Should().Be(15m);
    }

    [Fact]
    public async Task BatchVariants_PriceIdOfAnotherVariant_Answers400AndWritesNothing()
    {
        var seeded = (await MedusaSeedAsync(WithTwoVariants("PX-1", "PX-2")))[0];
        var foreignPrice = seeded.Str("variants[1].prices[0].id");

        var url = MedusaVariantsBatch(seeded.Str("id")!);
        var (status, body) = await MedusaPostAsync(url, new Dictionary<string, object?>
        {
            ["update"] = new[]
            {
                new Dictionary<string, object?>
                {
                    ["id"] = seeded.Str("variants[0].id"),
                    ["prices"] = new[] { new Dictionary<string, object?> { ["id"] = foreignPrice, ["amount"] = 1 } },
                },
            },
        });

        status.Should().Be(400, body.Text());
        body.Str("message").Should().Contain(foreignPrice).And.Contain("update[0].prices[0].id");
        (await FindVariantAsync(NumberOf(seeded.Str("variants[0].id")!)))!.Version.Should().Be(1);
    }

    [Fact]
    public async Task BatchVariants_LastUpdateNamesAMissingVariant_WritesNothing()
    {
        var seeded = (await MedusaSeedAsync(WithTwoVariants("MV-1", "MV-2")))[0];
        var before = await CountRowsAsync();

        var url = MedusaVariantsBatch(seeded.Str("id")!);
        var (status, body) = await MedusaPostAsync(url, new Dictionary<string, object?>
        {
            ["create"] = new[] { MedusaVariant("MV-3", "L") },
            ["update"] = new[]
            {
                new Dictionary<string, object?> { ["id"] = seeded.Str("variants[0].id"), ["title"] = "Renamed" },
                new Dictionary<string, object?> { ["id"] = "variant_424242", ["title"] = "Ghost" },
            },
        });

        status.Should().Be(404, body.Text());
        body.Str("type").Should().Be("not_found");
        body.Str("message").Should().Contain("variant_424242").And.Contain("update[1]");
        (await CountRowsAsync()).Should().Be(before);
        (await FindVariantAsync(NumberOf(seeded.Str("variants[0].id")!)))!.Title.Should().NotBe("Renamed");
    }

    [Theory]
    [InlineData("prod_424242")]
    [InlineData("424242")]
    public async Task BatchVariants_UnknownOrMalformedProduct_Answers404(string productId)
    {
        var (status, body) = await MedusaPostAsync(
            MedusaVariantsBatch(productId),
            new Dictionary<string, object?> { ["create"] = new[] { MedusaVariant("NP-1", "S") } });

        status.Should().Be(404, body.Text());
        body.Str("type").Should().Be("not_found");
        body.Str("message").Should().Be($"Product with id: {productId} was not found");
        (await CountRowsAsync()).Variants.Should().Be(0);
    }

    [Fact]
    public async Task BatchVariants_WithFields_AnswersOnlyThoseFields()
    {
        var seeded = (await MedusaSeedAsync(MedusaProduct()))[0];

        var url = $"{MedusaVariantsBatch(seeded.Str("id")!)}?fields=sku,prices.amount";
        var (status, body) = await MedusaPostAsync(url, new Dictionary<string, object?>
        {
            ["create"] = new[] { MedusaVariant("FV-1", "M") },
        });

        status.Should().Be(200, body.Text());
        const string Projected =
            """^\{"id":"variant_\d+","sku":"FV-1","prices":\[\{"id":"price_\d+","amount":12.5\}\]\}$""";
        body.At("created[0]")!.ToJsonString().Should().MatchRegex(Projected);
    }

    private static Dictionary<string, object?> WithTwoVariants(string first, string second)
    {
        var product = MedusaProduct();
        product["variants"] = new[] { MedusaVariant(first, "S"), MedusaVariant(second, "M") };
        return product;
    }
}

public sealed class MedusaVariantsBatchTestsOnSqlite(SqliteApiFactory f)
    : MedusaVariantsBatchTests(f), IClassFixture<SqliteApiFactory>;

public sealed class MedusaVariantsBatchTestsOnPostgres(PostgresApiFactory f)
    : MedusaVariantsBatchTests(f), IClassFixture<PostgresApiFactory>;

public sealed class MedusaVariantsBatchTestsOnSqlServer(SqlServerApiFactory f)
    : MedusaVariantsBatchTests(f), IClassFixture<SqlServerApiFactory>;
