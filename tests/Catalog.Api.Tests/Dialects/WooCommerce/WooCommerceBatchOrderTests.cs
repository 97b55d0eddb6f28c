using Catalog.Testing;

namespace Catalog.Api.Tests.Dialects.WooCommerce;

/// <summary>
/// A WooCommerce batch applies its items in order: when two items claim one SKU the first is written and the second
/// fails alone with <c>product_invalid_sku</c>, as WooCommerce answers. Variations of one product never repeat option
/// values in Catalog (WooCommerce accepts such twins; see docs/dialects.md).
/// </summary>
public abstract class WooCommerceBatchOrderTests(CatalogApiFactory factory) : WooCommerceApiTest(factory)
{
    [Fact]
    public async Task ProductsBatch_TwoCreatesOfOneSku_CreatesTheFirstAndFailsTheSecondWithInvalidSku()
    {
        var first = SimpleProduct();
        var second = new Dictionary<string, object?>(SimpleProduct()) { ["sku"] = first["sku"] };

        var (status, body) = await WooPostAsync(ProductsBatchRoute, new { create = new[] { first, second } });

        status.Should().Be(200, body.Text());
        body.At("create[0].error").Should().BeNull(body.Text());
        body.Str("create[0].sku").Should().Be((string)first["sku"]!);
        body.Str("create[1].error.code").Should().Be("product_invalid_sku");
        body.Str("create[1].error.message").Should().Be("Invalid or duplicated SKU.");
        body.Num("create[1].error.data.status").Should().Be(400);
        body.Num("create[1].error.data.resource_id").Should().Be(body.Num("create[0].id"), "the simple product");
        body.Str("create[1].error.data.unique_sku").Should().Be($"{first["sku"]}-1");
        (await CountRowsAsync()).Products.Should().Be(1);
    }

    [Fact]
    public async Task VariationsBatch_TwoCreatesOfOneSku_CreatesTheFirst()
    {
        var parent = await SeedWooAsync(VariableProduct());
        var sku = $"V-{Unique.Next()}";

        var (status, body) = await WooPostAsync(VariationsBatch(parent.Num("id")), new
        {
            create = new[]
            {
                new { sku, regular_price = "10", attributes = new[] { new { name = "Size", option = "S" } } },
                new { sku, regular_price = "11", attributes = new[] { new { name = "Size", option = "M" } } },
            },
        });

        status.Should().Be(200, body.Text());
        body.At("create[0].error").Should().BeNull(body.Text());
        body.Str("create[1].error.code").Should().Be("product_invalid_sku");
        body.Num("create[1].error.data.resource_id").Should().Be(body.Num("create[0].id"), "the variation");
        body.Str("create[1].error.data.unique_sku").Should().Be($"{sku}-1");
        (await CountRowsAsync()).Variants.Should().Be(1);
    }

    [Fact]
    public async Task VariationsBatch_TwinOfAStoredVariation_FailsWithDuplicateOptions()
    {
        var parent = await SeedWooAsync(VariableProduct());
        var small = new { regular_price = "10", attributes = new[] { new { name = "Size", option = "S" } } };
        (await WooPostAsync(VariationsBatch(parent.Num("id")), new { create = new[] { small } })).Status
            .Should().Be(200);

        var (status, body) = await WooPostAsync(VariationsBatch(parent.Num("id")), new { create = new[] { small } });

        status.Should().Be(200, body.Text());
        body.Str("create[0].error.code").Should().Be("woocommerce_rest_duplicate_options", body.Text());
        body.Num("create[0].error.data.status").Should().Be(400);
        (await CountRowsAsync()).Variants.Should().Be(1);
    }
}

public sealed class WooCommerceBatchOrderTestsOnSqlite(SqliteApiFactory f)
    : WooCommerceBatchOrderTests(f), IClassFixture<SqliteApiFactory>;

public sealed class WooCommerceBatchOrderTestsOnPostgres(PostgresApiFactory f)
    : WooCommerceBatchOrderTests(f), IClassFixture<PostgresApiFactory>;
