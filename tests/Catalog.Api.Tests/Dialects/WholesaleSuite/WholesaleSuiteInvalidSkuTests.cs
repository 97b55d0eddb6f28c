using Catalog.Testing;

namespace Catalog.Api.Tests.Dialects.WholesaleSuite;

/// <summary>
/// Wholesale Suite's product routes are WooCommerce's: a taken SKU is answered <c>product_invalid_sku</c> with the
/// holder's id and a free SKU, as WooCommerce answers it.
/// </summary>
public abstract class WholesaleSuiteInvalidSkuTests(CatalogApiFactory factory) : WholesaleSuiteApiTest(factory)
{
    [Fact]
    public async Task ProductsBatch_CreateWithATakenSku_AnswersTheHolderAndAFreeSku()
    {
        var holder = await SeedWooAsync(SimpleProduct());
        var sku = holder.Str("sku");

        var (status, body) = await WwsPostRawAsync(WwsProductsBatch, $$"""
            {"create": [{"name": "Linen Shirt", "type": "simple", "sku": "{{sku}}", "regular_price": "30"}]}
            """);

        status.Should().Be(200, body.Text());
        ShouldEqualJson(body.At("create[0]"), $$"""
            {"id": 0, "error": {"code": "product_invalid_sku", "message": "Invalid or duplicated SKU.",
             "data": {"status": 400, "resource_id": {{holder.Num("id")}}, "unique_sku": "{{sku}}-1"} } }
            """);
        (await CountRowsAsync()).Products.Should().Be(1);
    }

    [Fact]
    public async Task VariationsBatch_UpdateToATakenSku_AnswersTheHolderAndAFreeSku()
    {
        var holder = await SeedWooAsync(SimpleProduct());
        var sku = holder.Str("sku");
        var productId = (await SeedWooAsync(VariableProduct())).Num("id");
        var (_, created) = await WwsPostRawAsync(WwsVariationsBatch(productId), """
            {"create": [{"regular_price": "30", "attributes": [{"name": "Size", "option": "M"}]}]}
            """);
        var variationId = created.Num("create[0].id");

        var (status, body) = await WwsPostRawAsync(WwsVariationsBatch(productId), $$"""
            {"update": [{"id": {{variationId}}, "sku": "{{sku}}"}]}
            """);

        status.Should().Be(200, body.Text());
        ShouldEqualJson(body.At("update[0]"), $$"""
            {"id": {{variationId}}, "error": {"code": "product_invalid_sku", "message": "Invalid or duplicated SKU.",
             "data": {"status": 400, "resource_id": {{holder.Num("id")}}, "unique_sku": "{{sku}}-1"} } }
            """);
    }
}

public sealed class WholesaleSuiteInvalidSkuTestsOnSqlite(SqliteApiFactory f)
    : WholesaleSuiteInvalidSkuTests(f), IClassFixture<SqliteApiFactory>;

public sealed class WholesaleSuiteInvalidSkuTestsOnPostgres(PostgresApiFactory f)
    : WholesaleSuiteInvalidSkuTests(f), IClassFixture<PostgresApiFactory>;
