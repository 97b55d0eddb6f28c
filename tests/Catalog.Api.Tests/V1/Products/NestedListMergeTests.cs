using Catalog.Testing;

namespace Catalog.Api.Tests.V1.Products;

/// <summary>
/// A product update's <c>variants</c> and a variant's <c>prices</c> merge by id: an entry with an id changes (or, with
/// <c>remove</c>, removes) what it names, one without is added, the rest stays; <c>replace_variants</c> and
/// <c>replace_prices</c> make the sent list the whole one.
/// </summary>
public abstract class NestedListMergeTests(CatalogApiFactory factory) : CatalogApiTest(factory)
{
    [Fact]
    public async Task ProductUpdate_VariantsByIdAndNew_MergesAndKeepsTheVariantsNotNamed()
    {
        var product = await SeedProductAsync(new ProductBuilder().WithVariants(3));
        var (keep, change, remove) = (product.Num("variants[0].id"), product.Num("variants[1].id"),
            product.Num("variants[2].id"));

        var (status, body) = await PostAsync(ProductsBatch, Batch.Update(Batch.Item(
            ("id", product.Num("id")),
            ("variants", new object[]
            {
                Batch.Item(("id", change), ("title", "Changed")),
                Batch.Item(("id", remove), ("remove", true)),
                new VariantBuilder().With("title", "Added").Build(),
            }))));

        status.Should().Be(200, body.Text());
        body.Str("update[0].status").Should().Be("succeeded", body.Text());
        var variants = body.Arr("update[0].product.variants");
        variants.Select(v => v.Num("id")).Should().Contain([keep, change]).And.NotContain(remove);
        variants.Should().HaveCount(3);
        variants.Single(v => v.Num("id") == keep).Str("title").Should().Be(product.Str("variants[0].title"));
        variants.Single(v => v.Num("id") == change).Str("title").Should().Be("Changed");
        variants.Select(v => v.Str("title")).Should().Contain("Added");
        (await FindVariantAsync(remove)).Should().BeNull();
        (await FindVariantAsync(keep)).Should().NotBeNull();
    }

    [Fact]
    public async Task ProductUpdate_ReplaceVariants_RemovesTheVariantsNotNamed()
    {
        var product = await SeedProductAsync(new ProductBuilder().WithVariants(3));
        var kept = product.Num("variants[1].id");

        var (status, body) = await PostAsync(ProductsBatch, Batch.Update(Batch.Item(
            ("id", product.Num("id")),
            ("replace_variants", true),
            ("variants", new[] { Batch.Item(("id", kept)) }))));

        status.Should().Be(200, body.Text());
        body.Arr("update[0].product.variants").Select(v => v.Num("id")).Should().Equal(kept);
        (await FindProductAsync(product.Num("id")))!.Variants.Select(v => v.Id).Should().Equal(kept);
    }

    [Fact]
    public async Task VariantUpdate_PricesById_ReplacesInPlaceRemovesAndAddsAndKeepsTheRest()
    {
        var product = await SeedProductAsync(new ProductBuilder().WithVariant(new VariantBuilder().WithPrices(
            VariantBuilder.Price("usd", 10m), VariantBuilder.Price("eur", 9m), VariantBuilder.Price("gbp", 8m))));
        var variant = product.At("variants[0]");
        long PriceId(string currency) =>
            variant.Arr("prices").Single(p => p.Str("currency_code") == currency).Num("id");
        var (usd, eur, gbp) = (PriceId("usd"), PriceId("eur"), PriceId("gbp"));

        var (status, body) = await PostAsync(VariantsBatch(product.Num("id")), Batch.Update(Batch.Item(
            ("id", variant.Num("id")),
            ("prices", new[]
            {
                Batch.Item(("id", usd), ("currency_code", "usd"), ("amount", 12.5m), ("sale_amount", 11m)),
                Batch.Item(("id", eur), ("remove", true)),
                VariantBuilder.Price("usd", 9m, minQuantity: 10),
            }))));

        status.Should().Be(200, body.Text());
        body.Str("update[0].status").Should().Be("succeeded", body.Text());
        var stored = (await FindVariantAsync(variant.Num("id")))!.Prices
            .OrderBy(p => p.CurrencyCode).ThenBy(p => p.MinQuantity ?? 1)
            .Select(p => (p.CurrencyCode, p.Amount, p.MinQuantity, p.SaleAmount)).ToList();
        stored.Should().Equal(("gbp", 8m, null, null), ("usd", 12.5m, null, 11m), ("usd", 9m, 10L, null));
        var prices = body.Arr("update[0].variant.prices");
        prices.Single(p => p.Str("currency_code") == "usd" && p.At("min_quantity") is null).Num("id")
            .Should().Be(usd, "a price named by id keeps its id");
        prices.Single(p => p.Str("currency_code") == "gbp").Num("id").Should().Be(gbp);
    }

    [Fact]
    public async Task ProductUpdate_PricesInsideVariantsMergeAndReplacePricesReplaces()
    {
        var product = await SeedProductAsync(new ProductBuilder().WithVariant(new VariantBuilder().WithPrices(
            VariantBuilder.Price("usd", 10m), VariantBuilder.Price("eur", 9m))));
        var variant = product.Num("variants[0].id");

        var (_, merged) = await PostAsync(ProductsBatch, Batch.Update(Batch.Item(("id", product.Num("id")),
            ("variants", new[]
            {
                Batch.Item(("id", variant), ("prices", new[] { VariantBuilder.Price("gbp", 7m) })),
            }))));
        var (_, replaced) = await PostAsync(ProductsBatch, Batch.Update(Batch.Item(("id", product.Num("id")),
            ("variants", new[]
            {
                Batch.Item(("id", variant), ("replace_prices", true),
                    ("prices", new[] { VariantBuilder.Price("usd", 5m) })),
            }))));

        merged.Arr("update[0].product.variants[0].prices").Select(p => p.Str("currency_code"))
            .Should().BeEquivalentTo(["eur", "gbp", "usd"], merged.Text());
        replaced.Arr("update[0].product.variants[0].prices").Select(p => (p.Str("currency_code"), p.Dec("amount")))
            .Should().Equal([("usd", 5m)], replaced.Text());
        (await CountRowsAsync()).Prices.Should().Be(1);
    }

    [Fact]
    public async Task Updates_BadMergeEntries_FailTheItemOnTheFieldAndWriteNothing()
    {
        var product = await SeedProductAsync(new ProductBuilder().WithVariants(3));
        var other = await SeedProductAsync(new ProductBuilder().WithVariants(1));
        var third = await SeedProductAsync(new ProductBuilder().WithVariants(1));
        var variant = product.At("variants[0]");
        var price = variant.Num("prices[0].id");
        var foreignPrice = other.Num("variants[0].prices[0].id");
        var before = await CountRowsAsync();

        var (status, body) = await PostAsync(VariantsBatch(product.Num("id")), Batch.Update(
            Batch.Item(("id", variant.Num("id")), ("prices", new[] { Batch.Item(("id", foreignPrice),
                ("currency_code", "usd"), ("amount", 1m)) })),
            Batch.Item(("id", product.Num("variants[1].id")), ("prices", new[] { Batch.Item(("remove", true)) })),
            Batch.Item(("id", product.Num("variants[2].id")), ("replace_prices", true))));
        var (productStatus, productBody) = await PostAsync(ProductsBatch, Batch.Update(
            Batch.Item(("id", product.Num("id")), ("variants", new[]
            {
                Batch.Item(("id", variant.Num("id")), ("remove", true), ("title", "Still here")),
            })),
            Batch.Item(("id", third.Num("id")), ("replace_variants", true)),
            Batch.Item(("id", other.Num("id")), ("variants", new[]
            {
                Batch.Item(("id", other.Num("variants[0].id")), ("prices", new[]
                {
                    Batch.Item(("id", foreignPrice), ("remove", true)),
                    Batch.Item(("id", foreignPrice), ("remove", true)),
                })),
            }))));

        status.Should().Be(200, body.Text());
        body.Fields("update[0].error.details").Should().Equal("prices[0].id");
        body.Fields("update[1].error.details").Should().Equal("prices[0].remove");
        body.Fields("update[2].error.details").Should().Equal("replace_prices");
        body.Arr("update").Select(r => r.Str("error.code")).Should().AllBe("VALIDATION_FAILED");
        productStatus.Should().Be(200, productBody.Text());
        productBody.Fields("update[0].error.details").Should().Equal("variants[0].remove");
        productBody.Arr("update").Select(r => r.Str("status")).Should().AllBe("failed", productBody.Text());
        productBody.Fields("update[1].error.details").Should().Equal("replace_variants");
        productBody.Fields("update[2].error.details").Should().Equal("variants[0].prices[1].id");
        (await CountRowsAsync()).Should().Be(before);
        (await FindVariantAsync(variant.Num("id")))!.Prices.Select(p => p.Id).Should().Equal(price);
    }
}

public sealed class NestedListMergeTestsOnSqlite(SqliteApiFactory f)
    : NestedListMergeTests(f), IClassFixture<SqliteApiFactory>;

public sealed class NestedListMergeTestsOnPostgres(PostgresApiFactory f)
    : NestedListMergeTests(f), IClassFixture<PostgresApiFactory>;

public sealed class NestedListMergeTestsOnSqlServer(SqlServerApiFactory f)
    : NestedListMergeTests(f), IClassFixture<SqlServerApiFactory>;
