using System.Text.Json.Nodes;
using Catalog.Testing;

namespace Catalog.Api.Tests.V1.Products;

/// <summary>
/// Updates inside a batch have PATCH semantics: only the fields sent change, null clears a nullable field, and the
/// nested lists merge by id (variants, prices) or are replaced whole (attribute values, categories) when sent.
/// Covers both <c>POST .../batch {update}</c> and <c>PATCH .../batch {updates}</c>.
/// </summary>
public abstract class ProductsUpdateTests(CatalogApiFactory factory) : CatalogApiTest(factory)
{
    [Fact]
    public async Task Batch_UpdateOneField_LeavesEveryOtherFieldAndTheVariantsAsTheyWere()
    {
        var category = (await SeedCategoriesAsync(new CategoryBuilder()))[0];
        var product = await SeedProductAsync(new ProductBuilder()
            .With("subtitle", "Sub").With("description", "Desc").With("tags", new List<string> { "a", "b" })
            .With("weight", 2.5m).With("metadata", new { k = "v" }).With("status", "published")
            .InCategories(category.Num("id"))
            .WithVariants(2));
        var id = product.Num("id");

        var (status, body) = await UpdateProductAsync(id, ("title", "Only the title"));

        status.Should().Be(200, body.Text());
        body.Str("update[0].status").Should().Be("succeeded", body.Text());
        var (_, read) = await GetAsync($"/api/v1/products/{id}");
        read.Str("title").Should().Be("Only the title");
        read.Str("handle").Should().Be(product.Str("handle"));
        read.Str("subtitle").Should().Be("Sub");
        read.Str("description").Should().Be("Desc");
        read.Str("status").Should().Be("published");
        read.Arr("tags").Select(t => t!.GetValue<string>()).Should().Equal("a", "b");
        read.Dec("weight").Should().Be(2.5m);
        read.Str("metadata.k").Should().Be("v");
        read.Arr("category_ids").Select(c => c!.GetValue<long>()).Should().Equal(category.Num("id"));
        read.Num("version").Should().Be(2);
        read.Arr("variants").Select(Summary)
            .Should().Equal(product.Arr("variants").Select(Summary), "variants not sent are untouched");
        (await CountRowsAsync()).Should().Be(new RowCounts(1, 2, 2, 1, 0, 1, 0, 0));
    }

    [Fact]
    public async Task Batch_UpdateWithNulls_ClearsTheNullableFieldsOnly()
    {
        var product = await SeedProductAsync(new ProductBuilder()
            .With("subtitle", "Sub").With("description", "Desc").With("weight", 2.5m)
            .With("metadata", new { k = "v" }).With("external_id", "x-1"));
        var id = product.Num("id");

        var (status, body) = await UpdateProductAsync(
            id, ("subtitle", null), ("weight", null), ("metadata", null), ("tags", null));

        status.Should().Be(200, body.Text());
        body.Str("update[0].status").Should().Be("succeeded", body.Text());
        var stored = await FindProductAsync(id);
        stored!.Subtitle.Should().BeNull();
        stored.Weight.Should().BeNull();
        stored.Metadata.Should().BeNull();
        stored.Tags.Should().BeEmpty();
        stored.Description.Should().Be("Desc");
        stored.ExternalId.Should().Be("x-1");
        stored.Title.Should().Be(product.Str("title"));
    }

    [Fact]
    public async Task Batch_UpdateVariantsListWithReplaceVariants_UpdatesListedCreatesNewAndRemovesUnlisted()
    {
        var product = await SeedProductAsync(new ProductBuilder().WithVariants(3));
        var id = product.Num("id");
        var (kept, removed1, removed2) =
            (product.At("variants[0]"), product.At("variants[1]"), product.At("variants[2]"));
        var added = new VariantBuilder().WithPrices(VariantBuilder.Price("eur", 7.5m), VariantBuilder.Price("usd", 8m));

        var (status, body) = await UpdateProductAsync(id, ("replace_variants", true), ("variants", new[]
        {
            Batch.Item(("id", kept.Num("id")), ("title", "Kept and renamed")),
            added.Build(),
        }));

        status.Should().Be(200, body.Text());
        body.Str("update[0].status").Should().Be("succeeded", body.Text());
        body.Arr("update[0].product.variants").Select(v => v.Str("title"))
            .Should().BeEquivalentTo(["Kept and renamed", added.Build()["title"]]);

        var stored = await FindProductAsync(id);
        stored!.Variants.Should().HaveCount(2);
        var keptRow = stored.Variants.Single(v => v.Id == kept.Num("id"));
        keptRow.Title.Should().Be("Kept and renamed");
        keptRow.Sku.Should().Be(kept.Str("sku"), "fields not sent are unchanged");
        keptRow.StockQuantity.Should().Be(10);
        keptRow.Prices.Select(p => (p.CurrencyCode, p.Amount)).Should().Equal(("usd", 10.00m));
        keptRow.Version.Should().Be(2);
        var addedRow = stored.Variants.Single(v => v.Id != kept.Num("id"));
        addedRow.Sku.Should().Be(added.Sku);
        addedRow.Prices.Select(p => (p.CurrencyCode, p.Amount)).Should().BeEquivalentTo([("eur", 7.5m), ("usd", 8m)]);
        (await FindVariantAsync(removed1.Num("id"))).Should().BeNull();
        (await FindVariantAsync(removed2.Num("id"))).Should().BeNull();
        (await CountRowsAsync()).Should()
            .Be(new RowCounts(1, 2, 3, 0, 0, 0, 0, 0), "the removed variants' prices go with them");
    }

    [Fact]
    public async Task Batch_UpdateVariantsEmptyListWithReplaceVariants_RemovesEveryVariant()
    {
        var product = await SeedProductAsync(new ProductBuilder().WithVariants(2));

        var (status, body) = await UpdateProductAsync(
            product.Num("id"), ("replace_variants", true), ("variants", Array.Empty<object>()));

        status.Should().Be(200, body.Text());
        body.Arr("update[0].product.variants").Should().BeEmpty();
        (await CountRowsAsync()).Should().Be(new RowCounts(1, 0, 0, 0, 0, 0, 0, 0));
    }

    [Fact]
    public async Task Batch_UpdateVariantPricesWithReplacePrices_ReplacesTheWholeSet()
    {
        var product = await SeedProductAsync(new ProductBuilder().WithVariant(new VariantBuilder().WithPrices(
            VariantBuilder.Price("usd", 10m),
            VariantBuilder.Price("eur", 9m),
            VariantBuilder.Price("usd", 8m, 10, 49))));
        var variant = product.At("variants[0]");
        var prices = new[] { VariantBuilder.Price("gbp", 19.99m), VariantBuilder.Price("gbp", 17.5m, 5, null) };

        var (status, body) = await UpdateProductAsync(product.Num("id"), ("variants", new[]
        {
            Batch.Item(("id", variant.Num("id")), ("replace_prices", true), ("prices", prices)),
        }));

        status.Should().Be(200, body.Text());
        body.Str("update[0].status").Should().Be("succeeded", body.Text());
        var stored = await FindVariantAsync(variant.Num("id"));
        stored!.Prices.Select(p => (p.CurrencyCode, p.Amount, p.MinQuantity, p.MaxQuantity))
            .Should().BeEquivalentTo([("gbp", 19.99m, (long?)null, (long?)null), ("gbp", 17.5m, 5, null)]);
        stored.Sku.Should().Be(variant.Str("sku"));
        stored.Title.Should().Be(variant.Str("title"));
        (await CountRowsAsync()).Prices.Should().Be(2);
    }

    [Fact]
    public async Task Batch_UpdateVariantPricesNull_ClearsThem()
    {
        var product = await SeedProductAsync(new ProductBuilder().WithVariants(1));
        var variant = product.At("variants[0]");

        var (status, body) = await UpdateProductAsync(product.Num("id"), ("variants", new[]
        {
            Batch.Item(("id", variant.Num("id")), ("prices", null)),
        }));

        status.Should().Be(200, body.Text());
        body.Str("update[0].status").Should().Be("succeeded", body.Text());
        (await CountRowsAsync()).Should().Be(new RowCounts(1, 1, 0, 0, 0, 0, 0, 0));
    }

    [Fact]
    public async Task Batch_UpdateCategoryIds_ReplacesTheWholeSet()
    {
        var categories = await SeedCategoriesAsync(new CategoryBuilder(), new CategoryBuilder(), new CategoryBuilder());
        var (a, b, c) = (categories[0].Num("id"), categories[1].Num("id"), categories[2].Num("id"));
        var product = await SeedProductAsync(new ProductBuilder().InCategories(a, b));

        var (status, body) = await UpdateProductAsync(product.Num("id"), ("category_ids", new[] { b, c }));

        status.Should().Be(200, body.Text());
        body.Arr("update[0].product.category_ids").Select(x => x!.GetValue<long>()).Should().Equal(b, c);
        var stored = await FindProductAsync(product.Num("id"));
        stored!.Categories.Select(x => x.CategoryId).Should().BeEquivalentTo([b, c]);
        (await CountRowsAsync()).ProductCategories.Should().Be(2);
    }

    [Fact]
    public async Task Batch_UpdateAttributeValueIds_ReplacesTheWholeSet()
    {
        var attribute = await SeedAttributeAsync(new AttributeBuilder().WithValues("Red", "Green", "Blue"));
        var (red, green, blue) =
            (attribute.Num("values[0].id"), attribute.Num("values[1].id"), attribute.Num("values[2].id"));
        var product = await SeedProductAsync(
            new ProductBuilder().WithVariant(new VariantBuilder().WithAttributeValues(red, green)));
        var variant = product.At("variants[0]");

        var (status, body) = await UpdateProductAsync(product.Num("id"), ("variants", new[]
        {
            Batch.Item(("id", variant.Num("id")), ("attribute_value_ids", new[] { blue })),
        }));

        status.Should().Be(200, body.Text());
        body.Arr("update[0].product.variants[0].attribute_value_ids").Select(x => x!.GetValue<long>())
            .Should().Equal(blue);
        var stored = await FindVariantAsync(variant.Num("id"));
        stored!.AttributeValues.Select(x => x.AttributeValueId).Should().Equal(blue);
        stored.Prices.Should().HaveCount(1, "prices were not sent");
        (await CountRowsAsync()).VariantAttributeValues.Should().Be(1);
    }

    [Fact]
    public async Task Batch_UpdateVariantSkuToOneItsProductGivesUp_Succeeds()
    {
        // The removed variant's SKU may be taken by a new variant of the same product in the same update.
        var product = await SeedProductAsync(new ProductBuilder().WithVariants(2));
        var (kept, dropped) = (product.At("variants[0]"), product.At("variants[1]"));

        var (status, body) = await UpdateProductAsync(product.Num("id"), ("variants", new[]
        {
            Batch.Item(("id", dropped.Num("id")), ("remove", true)),
            new VariantBuilder().With("sku", dropped.Str("sku")).Build(),
        }));

        status.Should().Be(200, body.Text());
        body.Str("update[0].status").Should().Be("succeeded", body.Text());
        var stored = await FindProductAsync(product.Num("id"));
        stored!.Variants.Select(v => v.Sku).Should().BeEquivalentTo([kept.Str("sku"), dropped.Str("sku")]);
        stored.Variants.Should().NotContain(v => v.Id == dropped.Num("id"));
    }

    [Fact]
    public async Task Patch_Updates_AnswersResultsAndSummaryAndWrites()
    {
        var products = await SeedProductsAsync(new ProductBuilder(), new ProductBuilder());

        var (status, body) = await PatchAsync(ProductsBatch, new
        {
            updates = new[]
            {
                Batch.Item(("id", products[0].Num("id")), ("title", "First")),
                Batch.Item(("id", products[1].Num("id")), ("status", "archived")),
            },
        });

        status.Should().Be(200, body.Text());
        body.Arr("results").Select(r => (r.Num("index"), r.Str("status")))
            .Should().Equal((0, "succeeded"), (1, "succeeded"));
        body.Str("results[0].product.title").Should().Be("First");
        body.Str("results[1].product.status").Should().Be("archived");
        body.Num("summary.total").Should().Be(2);
        body.Num("summary.succeeded").Should().Be(2);
        body.At("create").Should().BeNull("PATCH answers {results, summary}");
        (await FindProductAsync(products[0].Num("id")))!.Title.Should().Be("First");
        var second = await FindProductAsync(products[1].Num("id"));
        second!.Status.Should().Be(Catalog.Domain.Products.ProductStatus.Archived);
        second.Title.Should().Be(products[1].Str("title"));
    }

    [Fact]
    public async Task Patch_UnknownIdInPartialPolicy_FailsThatItemAndWritesTheOthers()
    {
        var product = await SeedProductAsync(new ProductBuilder());

        var (status, body) = await PatchAsync(ProductsBatch, new
        {
            updates = new[]
            {
                Batch.Item(("id", 424242), ("title", "Ghost")),
                Batch.Item(("id", product.Num("id")), ("title", "Real")),
            },
        });

        status.Should().Be(200, body.Text());
        body.Str("results[0].status").Should().Be("failed");
        body.Str("results[0].error.code").Should().Be("NOT_FOUND");
        body.Fields("results[0].error.details").Should().Equal("id");
        body.Str("results[1].status").Should().Be("succeeded");
        body.Num("summary.succeeded").Should().Be(1);
        body.Num("summary.failed").Should().Be(1);
        (await FindProductAsync(product.Num("id")))!.Title.Should().Be("Real");
        (await CountRowsAsync()).Products.Should().Be(1);
    }

    [Fact]
    public async Task Patch_UnknownIdInAtomicPolicy_Answers422AndWritesNothing()
    {
        var product = await SeedProductAsync(new ProductBuilder());

        var (status, body) = await PatchAsync(ProductsBatch + "?policy=atomic", new
        {
            updates = new[]
            {
                Batch.Item(("id", product.Num("id")), ("title", "Real")),
                Batch.Item(("id", 424242), ("title", "Ghost")),
            },
        });

        status.Should().Be(422, body.Text());
        body.Str("results[0].status").Should().Be("not_applied");
        body.Str("results[0].error.code").Should().Be("NOT_APPLIED");
        body.Str("results[1].status").Should().Be("failed");
        body.Str("results[1].error.code").Should().Be("NOT_FOUND");
        body.Num("summary.succeeded").Should().Be(0);
        var stored = await FindProductAsync(product.Num("id"));
        stored!.Title.Should().Be(product.Str("title"));
        stored.Version.Should().Be(1);
    }

    private static string Summary(JsonNode? variant) =>
        $"{variant.Num("id")} {variant.Str("title")} {variant.Str("sku")} {variant.Num("stock_quantity")} "
        + $"v{variant.Num("version")} " + string.Join(",", variant.Arr("prices").Select(PriceSummary));

    private static string PriceSummary(JsonNode? price) =>
        FormattableString.Invariant($"{price.Num("id")}:{price.Str("currency_code")}:{price.Dec("amount"):0.####}");
}

public sealed class ProductsUpdateTestsOnSqlite(SqliteApiFactory f)
    : ProductsUpdateTests(f), IClassFixture<SqliteApiFactory>;

public sealed class ProductsUpdateTestsOnPostgres(PostgresApiFactory f)
    : ProductsUpdateTests(f), IClassFixture<PostgresApiFactory>;

public sealed class ProductsUpdateTestsOnSqlServer(SqlServerApiFactory f)
    : ProductsUpdateTests(f), IClassFixture<SqlServerApiFactory>;
