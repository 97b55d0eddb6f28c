using System.Text.Json.Nodes;
using Catalog.Api.Common;
using Catalog.Api.Dialects.WooCommerce;
using Catalog.Application.Common.Batches;
using Catalog.Testing;

namespace Catalog.Api.Tests.Dialects.WooCommerce;

/// <summary>
/// A taken SKU is answered as WooCommerce answers it: <c>product_invalid_sku</c> with the holder's id in
/// <c>data.resource_id</c> (a simple product's id, else the variation's) and in <c>data.unique_sku</c> the first of
/// <c>{sku}-1</c>, <c>{sku}-2</c>, ... that nothing holds, on batch items and single routes, products and variations,
/// creates and updates.
/// </summary>
public abstract class WooCommerceInvalidSkuTests(CatalogApiFactory factory) : WooCommerceApiTest(factory)
{
    [Fact]
    public async Task ProductsBatch_CreateWithASimpleProductsSku_AnswersItsIdAndTheFirstFreeNumberedSku()
    {
        var holder = await SeedWooAsync(SimpleProduct());
        var sku = holder.Str("sku");
        await SeedWooAsync(WithSku(SimpleProduct(), $"{sku}-1"));

        var (status, body) = await WooPostAsync(
            ProductsBatchRoute, new { create = new[] { WithSku(SimpleProduct(), sku) } });

        status.Should().Be(200, body.Text());
        ShouldBe(body.At("create[0]"), 0, holder.Num("id"), $"{sku}-2");
        (await CountRowsAsync()).Products.Should().Be(2);
    }

    [Fact]
    public async Task ProductsBatch_UpdateToAVariationsSku_AnswersTheVariationsId()
    {
        var (variationId, sku) = await SeedVariationAsync();
        var product = await SeedWooAsync(SimpleProduct());

        var (status, body) = await WooPostAsync(
            ProductsBatchRoute, new { update = new[] { new { id = product.Num("id"), sku } } });

        status.Should().Be(200, body.Text());
        ShouldBe(body.At("update[0]"), product.Num("id"), variationId, $"{sku}-1");
        (await FindProductAsync(product.Num("id")))!.Variants.Single().Sku.Should().Be(product.Str("sku"));
    }

    [Fact]
    public async Task ProductsBatch_NumberedSkuSentByALaterItem_OffersTheNextOne()
    {
        var sku = (await SeedWooAsync(SimpleProduct())).Str("sku");

        var (status, body) = await WooPostAsync(ProductsBatchRoute, new
        {
            create = new[] { WithSku(SimpleProduct(), sku), WithSku(SimpleProduct(), $"{sku}-1") },
        });

        status.Should().Be(200, body.Text());
        body.Str("create[0].error.data.unique_sku").Should().Be($"{sku}-2", body.Text());
        body.Str("create[1].sku").Should().Be($"{sku}-1", body.Text());
    }

    [Fact]
    public async Task ProductsBatch_ManyNumberedSkusTaken_OffersTheFirstFreeAfterThem()
    {
        var sku = (await SeedWooAsync(SimpleProduct())).Str("sku");
        var numbered = Enumerable.Range(1, 20).Where(n => n != 13).Select(n => WithSku(SimpleProduct(), $"{sku}-{n}"));
        await SeedWooAsync([.. numbered]);

        var (_, body) = await WooPostAsync(
            ProductsBatchRoute, new { create = new[] { WithSku(SimpleProduct(), sku) } });

        body.Str("create[0].error.data.unique_sku").Should().Be($"{sku}-13", body.Text());
    }

    [Fact]
    public async Task Create_TakenSku_Answers400WithTheHolderAndAFreeSku()
    {
        var holder = await SeedWooAsync(SimpleProduct());

        var (status, body) = await WooPostAsync(Products, WithSku(SimpleProduct(), holder.Str("sku")));

        status.Should().Be(400, body.Text());
        ShouldBeError(body, holder.Num("id"), $"{holder.Str("sku")}-1");
        (await CountRowsAsync()).Products.Should().Be(1);
    }

    [Fact]
    public async Task Update_TakenSku_Answers400WithTheHolderAndAFreeSku()
    {
        var holder = await SeedWooAsync(SimpleProduct());
        var product = await SeedWooAsync(SimpleProduct());

        var (status, body) = await SendAsync(
            HttpMethod.Put, $"{Products}/{product.Num("id")}", Body(new { sku = holder.Str("sku") }), Woo);

        status.Should().Be(400, body.Text());
        ShouldBeError(body, holder.Num("id"), $"{holder.Str("sku")}-1");
    }

    [Fact]
    public async Task VariationsBatch_CreateAndUpdateWithTakenSkus_AnswerEachHolder()
    {
        var simple = await SeedWooAsync(SimpleProduct());
        var (variationId, variationSku) = await SeedVariationAsync();
        var parent = await SeedWooAsync(VariableProduct());
        var own = await CreateVariationAsync(parent.Num("id"), $"V-{Unique.Next()}", "S");

        var (status, body) = await WooPostAsync(VariationsBatch(parent.Num("id")), new
        {
            create = new[] { Variation(simple.Str("sku"), "M") },
            update = new[] { new { id = own, sku = variationSku } },
        });

        status.Should().Be(200, body.Text());
        ShouldBe(body.At("create[0]"), 0, simple.Num("id"), $"{simple.Str("sku")}-1");
        ShouldBe(body.At("update[0]"), own, variationId, $"{variationSku}-1");
    }

    [Fact]
    public async Task CreateVariation_TakenSku_Answers400WithTheHolderAndAFreeSku()
    {
        var holder = await SeedWooAsync(SimpleProduct());
        var parent = await SeedWooAsync(VariableProduct());

        var (status, body) = await WooPostAsync(Variations(parent.Num("id")), Variation(holder.Str("sku"), "S"));

        status.Should().Be(400, body.Text());
        ShouldBeError(body, holder.Num("id"), $"{holder.Str("sku")}-1");
    }

    [Fact]
    public async Task ProductsBatch_TwoRequestsRacingForOneSku_TheLoserIsAnsweredInvalidSku()
    {
        for (var round = 0; round < 5; round++)
        {
            var sku = $"RACE-{Unique.Next()}";
            var results = await Task.WhenAll(
                WooPostAsync(ProductsBatchRoute, new { create = new[] { WithSku(SimpleProduct(), sku) } }),
                WooPostAsync(ProductsBatchRoute, new { create = new[] { WithSku(SimpleProduct(), sku) } }));

            results.Should().OnlyContain(r => r.Status == 200);
            var loser = results.Select(r => r.Body.At("create[0]")!).Single(r => r["error"] is not null);
            var winner = results.Select(r => r.Body.At("create[0]")!).Single(r => r["error"] is null);

            // The engine names the holder; the unique index, when the race is closer, knows none (resource_id 0).
            loser.Str("error.code").Should().Be("product_invalid_sku", loser.ToJsonString());
            loser.Num("error.data.resource_id").Should().BeOneOf(winner.Num("id"), 0);
            loser.Str("error.data.unique_sku").Should().Be($"{sku}-1");
        }
    }

    [Fact]
    public void InvalidSku_NoHolderKnown_AnswersResourceIdZeroAndTheSentSkuNumberedOne()
    {
        var refused = ItemError.Of("DUPLICATE_SKU", "The SKU is already in use when written.", "sku");

        var error = WooErrors.Item(refused, BatchOperation.Create, WooErrors.Product, simple: true, "TEE-1");

        var json = System.Text.Json.JsonSerializer.SerializeToNode(error, CatalogJson.Create());

        ShouldBeError(json, 0, "TEE-1-1");
    }

    private static void ShouldBe(JsonNode? item, long id, long resourceId, string uniqueSku)
    {
        item.Should().NotBeNull();
        item!["id"]!.GetValue<long>().Should().Be(id, item.ToJsonString());
        ShouldBeError(item["error"], resourceId, uniqueSku);
    }

    /// <summary>The whole envelope, key order included (WooCommerce's data: status, resource_id, unique_sku).</summary>
    private static void ShouldBeError(JsonNode? error, long resourceId, string uniqueSku)
    {
        var expected = new JsonObject
        {
            ["code"] = "product_invalid_sku",
            ["message"] = "Invalid or duplicated SKU.",
            ["data"] = new JsonObject
            {
                ["status"] = 400,
                ["resource_id"] = resourceId,
                ["unique_sku"] = uniqueSku,
            },
        };
        error.Should().NotBeNull();
        error!.ToJsonString().Should().Be(expected.ToJsonString());
    }

    private static Dictionary<string, object?> WithSku(Dictionary<string, object?> product, string? sku) =>
        new(product) { ["sku"] = sku };

    private static object Variation(string? sku, string size) =>
        new { sku, regular_price = "10", attributes = new[] { new { name = "Size", option = size } } };

    /// <summary>A variation with a SKU, of a variable product with two variations: its id and SKU.</summary>
    private async Task<(long Id, string Sku)> SeedVariationAsync()
    {
        var parent = await SeedWooAsync(VariableProduct());
        var sku = $"V-{Unique.Next()}";
        var id = await CreateVariationAsync(parent.Num("id"), sku, "S");
        await CreateVariationAsync(parent.Num("id"), $"V-{Unique.Next()}", "M");
        return (id, sku);
    }

    private async Task<long> CreateVariationAsync(long productId, string sku, string size)
    {
        var (status, body) = await WooPostAsync(
            VariationsBatch(productId), new { create = new[] { Variation(sku, size) } });
        status.Should().Be(200, body.Text());
        body.At("create[0].error").Should().BeNull(body.Text());
        return body.Num("create[0].id");
    }
}

public sealed class WooCommerceInvalidSkuTestsOnSqlite(SqliteApiFactory f)
    : WooCommerceInvalidSkuTests(f), IClassFixture<SqliteApiFactory>;

public sealed class WooCommerceInvalidSkuTestsOnPostgres(PostgresApiFactory f)
    : WooCommerceInvalidSkuTests(f), IClassFixture<PostgresApiFactory>;
