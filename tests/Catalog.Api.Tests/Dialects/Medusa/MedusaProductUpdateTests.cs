using System.Text.Json.Nodes;
using Catalog.Testing;

namespace Catalog.Api.Tests.Dialects.Medusa;

/// <summary>
/// Product updates through the Medusa batch: only what is sent changes, including the fields kept in
/// <c>extensions.medusa</c>.
/// </summary>
public abstract class MedusaProductUpdateTests(CatalogApiFactory factory) : MedusaApiTest(factory)
{
    [Fact]
    public async Task Batch_UpdateTitleOnly_KeepsEveryOtherMedusaField()
    {
        var product = MedusaProduct("KEEP-1");
        product["is_giftcard"] = true;
        product["discountable"] = false;
        product["sales_channels"] = new[] { new Dictionary<string, object?> { ["id"] = "sc_1" } };
        product["hs_code"] = "620520";
        ((Dictionary<string, object?>[])product["variants"]!)[0]["material"] = "linen";
        var seeded = (await MedusaSeedAsync(product))[0];

        var (status, body) = await MedusaPostAsync(MedusaProductsBatch, new Dictionary<string, object?>
        {
            ["update"] = new[] { new Dictionary<string, object?> { ["id"] = seeded.Str("id"), ["title"] = "Renamed" } },
        });

        status.Should().Be(200, body.Text());
        body.Str("updated[0].title").Should().Be("Renamed");
        body.At("updated[0].is_giftcard")!.GetValue<bool>().Should().BeTrue();
        body.At("updated[0].discountable")!.GetValue<bool>().Should().BeFalse();
        body.Str("updated[0].sales_channels[0].id").Should().Be("sc_1");
        body.Str("updated[0].hs_code").Should().Be("620520");
        body.Str("updated[0].variants[0].material").Should().Be("linen");
        body.Str("updated[0].variants[0].sku").Should().Be("KEEP-1");
    }

    [Fact]
    public async Task Batch_UpdateMetadata_ReplacesItAsMedusaDoes()
    {
        var product = MedusaProduct();
        product["metadata"] = new Dictionary<string, object?> { ["a"] = 1, ["b"] = new { x = 1, y = 2 } };
        ((Dictionary<string, object?>[])product["variants"]!)[0]["metadata"] = new { keep = false };
        var seeded = (await MedusaSeedAsync(product))[0];

        var (status, body) = await MedusaPostAsync(MedusaProductsBatch, new Dictionary<string, object?>
        {
            ["update"] = new[]
            {
                new
                {
                    id = seeded.Str("id"),
                    metadata = new { b = new { y = 3 }, c = "new" },
                    variants = new[] { new { id = seeded.Str("variants[0].id"), metadata = new { other = true } } },
                },
            },
        });

        status.Should().Be(200, body.Text());
        JsonNode.DeepEquals(body.At("updated[0].metadata"), JsonNode.Parse("""{"b": {"y": 3}, "c": "new"}"""))
            .Should().BeTrue(body.Text());
        JsonNode.DeepEquals(body.At("updated[0].variants[0].metadata"), JsonNode.Parse("""{"other": true}"""))
            .Should().BeTrue(body.Text());
    }

    [Fact]
    public async Task Batch_UpdateOneMedusaField_ChangesOnlyIt()
    {
        var product = MedusaProduct();
        product["type_id"] = "ptyp_1";
        product["collection_id"] = "pcol_1";
        var seeded = (await MedusaSeedAsync(product))[0];

        var (status, body) = await MedusaPostAsync(MedusaProductsBatch, new Dictionary<string, object?>
        {
            ["update"] = new[]
            {
                new Dictionary<string, object?>
                {
                    ["id"] = seeded.Str("id"),
                    ["collection_id"] = null,
                    ["sales_channels"] = new[] { new Dictionary<string, object?> { ["id"] = "sc_2" } },
                },
            },
        });

        status.Should().Be(200, body.Text());
        body.Str("updated[0].type_id").Should().Be("ptyp_1");
        body.Str("updated[0].type.id").Should().Be("ptyp_1");
        body.At("updated[0].collection_id").Should().BeNull();
        body.At("updated[0].collection").Should().BeNull();
        body.Str("updated[0].sales_channels[0].id").Should().Be("sc_2");
    }

    [Fact]
    public async Task Batch_UpdateVariantsList_UpdatesNamedOnesCreatesNewOnesAndRemovesTheRest()
    {
        var product = MedusaProduct();
        var variants = new[] { MedusaVariant("LIST-1", "S"), MedusaVariant("LIST-2", "M") };
        variants[0]["inventory_items"] = new[]
        {
            new Dictionary<string, object?> { ["inventory_item_id"] = "iitem_1", ["required_quantity"] = 1 },
        };
        product["variants"] = variants;
        var seeded = (await MedusaSeedAsync(product))[0];
        var first = seeded.Str("variants[0].id");

        var url = $"{MedusaProductsBatch}?fields=id,*variants,*variants.inventory_items";
        var (status, body) = await MedusaPostAsync(url, new Dictionary<string, object?>
        {
            ["update"] = new[]
            {
                new Dictionary<string, object?>
                {
                    ["id"] = seeded.Str("id"),
                    ["variants"] = new object[]
                    {
                        new Dictionary<string, object?> { ["id"] = first, ["hs_code"] = "610910" },
                        MedusaVariant("LIST-3", "L"),
                    },
                },
            },
        });

        status.Should().Be(200, body.Text());
        body.Arr("updated[0].variants").Select(v => v.Str("sku")).Should().BeEquivalentTo(["LIST-1", "LIST-3"]);
        var kept = body.Arr("updated[0].variants").Single(v => v.Str("id") == first);
        kept.Str("hs_code").Should().Be("610910");
        kept.Str("inventory_items[0].inventory_item_id").Should().Be("iitem_1");
        (await FindProductAsync(NumberOf(seeded.Str("id")!)))!.Variants.Should().HaveCount(2);
    }

    [Fact]
    public async Task Batch_UpdateOptionsWithoutValues_Answers400BeforeAnythingRuns()
    {
        var seeded = (await MedusaSeedAsync(MedusaProduct()))[0];

        var (status, body) = await MedusaPostAsync(MedusaProductsBatch, new Dictionary<string, object?>
        {
            ["update"] = new[]
            {
                new Dictionary<string, object?>
                {
                    ["id"] = seeded.Str("id"),
                    ["options"] = new[]
                    {
                        new Dictionary<string, object?> { ["id"] = "opt_999_0", ["title"] = "Size" },
                    },
                },
            },
        });

        status.Should().Be(400, body.Text());
        body.Str("message").Should().Contain("Required at \"update[0].options[0].values\"")
            .And.Contain("update[0].options[0].id");
        (await FindProductAsync(NumberOf(seeded.Str("id")!)))!.Version.Should().Be(1);
    }
}

public sealed class MedusaProductUpdateTestsOnSqlite(SqliteApiFactory f)
    : MedusaProductUpdateTests(f), IClassFixture<SqliteApiFactory>;

public sealed class MedusaProductUpdateTestsOnPostgres(PostgresApiFactory f)
    : MedusaProductUpdateTests(f), IClassFixture<PostgresApiFactory>;

public sealed class MedusaProductUpdateTestsOnSqlServer(SqlServerApiFactory f)
    : MedusaProductUpdateTests(f), IClassFixture<SqlServerApiFactory>;
