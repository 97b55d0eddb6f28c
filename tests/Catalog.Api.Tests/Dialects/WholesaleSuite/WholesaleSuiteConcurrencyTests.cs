using Catalog.Testing;

namespace Catalog.Api.Tests.Dialects.WholesaleSuite;

/// <summary>
/// A Wholesale Suite update of a variable product writes the product's whole variant list (the dialect sends every
/// variation it read, with the product's version). A variation added meanwhile through the variants batch must never
/// be deleted by it: the variants batch moves the product's version, so the stale list is a conflict.
/// </summary>
public abstract class WholesaleSuiteConcurrencyTests(CatalogApiFactory factory) : WholesaleSuiteApiTest(factory)
{
    [Fact]
    public async Task ProductsBatch_WholeListWhileVariationsAreAdded_NeverDeletesAnAcknowledgedVariation()
    {
        await SeedRolesAsync("gold");
        var product = await SeedProductAsync(new ProductBuilder().WithVariants(2));
        var productId = product.Num("id");
        var added = new List<long>();

        // Bounded: 25 rounds of one wholesale update racing one variation create.
        for (var round = 0; round < 25; round++)
        {
            var price = 10 + round;
            var body = $$$"""{"update": [{"id": {{{productId}}}, "wholesale_price": {"gold": "{{{price}}}"}}]}""";
            var update = WwsPostRawAsync(WwsProductsBatch, body);
            var create = PostAsync(VariantsBatch(productId), Batch.Of(create: [new VariantBuilder().Build()]));
            var (updateStatus, updateBody) = await update;
            var (createStatus, createBody) = await create;

            updateStatus.Should().Be(200, updateBody.Text());
            createStatus.Should().Be(200, createBody.Text());
            createBody.Str("create[0].status").Should().Be("succeeded", createBody.Text());
            added.Add(createBody.Num("create[0].id"));
            if (updateBody.At("update[0].error") is { } error)
            {
                error.Str("code").Should().Be("woocommerce_rest_product_conflict", updateBody.Text());
            }
        }

        var stored = await FindProductAsync(productId);
        stored!.Variants.Select(v => v.Id).Should().Contain(added);

        // Whether a raced update conflicts depends on timing; one that races nothing must succeed.
        var alone = $$$"""{"update": [{"id": {{{productId}}}, "wholesale_price": {"gold": "99"}}]}""";
        var (aloneStatus, aloneBody) = await WwsPostRawAsync(WwsProductsBatch, alone);
        aloneStatus.Should().Be(200, aloneBody.Text());
        aloneBody.At("update[0].error").Should().BeNull(aloneBody.Text());
    }
}

public sealed class WholesaleSuiteConcurrencyTestsOnSqlite(SqliteApiFactory f)
    : WholesaleSuiteConcurrencyTests(f), IClassFixture<SqliteApiFactory>;

public sealed class WholesaleSuiteConcurrencyTestsOnPostgres(PostgresApiFactory f)
    : WholesaleSuiteConcurrencyTests(f), IClassFixture<PostgresApiFactory>;

public sealed class WholesaleSuiteConcurrencyTestsOnSqlServer(SqlServerApiFactory f)
    : WholesaleSuiteConcurrencyTests(f), IClassFixture<SqlServerApiFactory>;
