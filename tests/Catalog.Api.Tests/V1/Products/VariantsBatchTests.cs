using Catalog.Testing;

namespace Catalog.Api.Tests.V1.Products;

/// <summary><c>POST /api/v1/products/{productId}/variants/batch</c> and <c>GET /api/v1/variants/{id}</c>.</summary>
public abstract class VariantsBatchTests(CatalogApiFactory factory) : CatalogApiTest(factory)
{
    [Fact]
    public async Task BatchVariants_Create_AddsVariantsWithTheirPricesToTheProduct()
    {
        var product = await SeedProductAsync(new ProductBuilder().WithVariants(1));
        var first = new VariantBuilder()
            .WithPrices(VariantBuilder.Price("usd", 19.99m), VariantBuilder.Price("usd", 17.49m, 10, null));
        var second = new VariantBuilder();

        var (status, body) = await CreateVariantsAsync(product.Num("id"), first, second);

        status.Should().Be(200, body.Text());
        body.Arr("create").Select(r => r.Str("status")).Should().Equal("succeeded", "succeeded");
        body.Num("create[0].variant.product_id").Should().Be(product.Num("id"));
        body.Str("create[0].variant.sku").Should().Be(first.Sku);
        body.Arr("create[0].variant.prices").Select(p => p.Dec("amount")).Should().BeEquivalentTo([19.99m, 17.49m]);
        body.Num("summary.succeeded").Should().Be(2);
        (await CountRowsAsync()).Should().Be(new RowCounts(1, 3, 4, 0, 0, 0, 0, 0));
        var stored = await FindVariantAsync(body.Num("create[0].id"));
        stored!.ProductId.Should().Be(product.Num("id"));
        stored.Prices.Select(p => p.Amount).Should().BeEquivalentTo([19.99m, 17.49m]);
    }

    [Fact]
    public async Task BatchVariants_UnknownProduct_Answers404NotFoundAndWritesNothing()
    {
        await SeedProductAsync(new ProductBuilder().WithVariants(1));

        var (status, body) = await PostAsync(VariantsBatch(424242), Batch.Of(create: [new VariantBuilder().Build()]));

        status.Should().Be(404, body.Text());
        body.Str("code").Should().Be("NOT_FOUND");
        body.Str("detail").Should().Contain("424242");
        (await CountRowsAsync()).Variants.Should().Be(1);
    }

    [Fact]
    public async Task BatchVariants_UpdateOneField_LeavesTheOthersAsTheyWere()
    {
        var product = await SeedProductAsync(
            new ProductBuilder().WithVariant(new VariantBuilder().With("barcode", "BC-1")));
        var variant = product.At("variants[0]");

        var update = Batch.Update(Batch.Item(("id", variant.Num("id")), ("stock_quantity", 3)));

        var (status, body) = await PostAsync(VariantsBatch(product.Num("id")), update);

        status.Should().Be(200, body.Text());
        body.Str("update[0].status").Should().Be("succeeded", body.Text());
        body.Num("update[0].variant.version").Should().Be(2);
        var stored = await FindVariantAsync(variant.Num("id"));
        stored!.StockQuantity.Should().Be(3);
        stored.Sku.Should().Be(variant.Str("sku"));
        stored.Barcode.Should().Be("BC-1");
        stored.Title.Should().Be(variant.Str("title"));
        stored.Prices.Select(p => p.Amount).Should().Equal(10.00m);
    }

    [Fact]
    public async Task BatchVariants_UpdateNullOnNullableFields_ClearsThem()
    {
        var product = await SeedProductAsync(
            new ProductBuilder().WithVariant(new VariantBuilder().With("barcode", "BC-1")));
        var variant = product.At("variants[0]");

        var (status, body) = await PostAsync(VariantsBatch(product.Num("id")), Batch.Update(Batch.Item(
            ("id", variant.Num("id")), ("sku", null), ("barcode", null), ("stock_quantity", null))));

        status.Should().Be(200, body.Text());
        body.Str("update[0].status").Should().Be("succeeded", body.Text());
        var stored = await FindVariantAsync(variant.Num("id"));
        stored!.Sku.Should().BeNull();
        stored.Barcode.Should().BeNull();
        stored.StockQuantity.Should().BeNull();
        stored.Title.Should().Be(variant.Str("title"));
    }

    [Fact]
    public async Task BatchVariants_UpdatePricesWithReplacePrices_ReplacesTheWholeSet()
    {
        var product = await SeedProductAsync(new ProductBuilder().WithVariant(new VariantBuilder().WithPrices(
            VariantBuilder.Price("usd", 10m), VariantBuilder.Price("eur", 9m))));
        var variant = product.At("variants[0]");

        var (status, body) = await PostAsync(VariantsBatch(product.Num("id")), Batch.Update(Batch.Item(
            ("id", variant.Num("id")),
            ("replace_prices", true),
            ("prices", new[] { VariantBuilder.Price("usd", 12.34m) }))));

        status.Should().Be(200, body.Text());
        body.Arr("update[0].variant.prices").Select(p => p.Dec("amount")).Should().Equal(12.34m);
        var stored = await FindVariantAsync(variant.Num("id"));
        stored!.Prices.Select(p => (p.CurrencyCode, p.Amount)).Should().Equal(("usd", 12.34m));
        (await CountRowsAsync()).Prices.Should().Be(1);
    }

    [Fact]
    public async Task BatchVariants_Delete_ResultHoldsThePriorVariantAndRemovesItsPrices()
    {
        var product = await SeedProductAsync(new ProductBuilder().WithVariants(2));
        var doomed = product.At("variants[1]");

        var (status, body) = await PostAsync(VariantsBatch(product.Num("id")), Batch.Delete(doomed.Num("id")));

        status.Should().Be(200, body.Text());
        body.Str("delete[0].status").Should().Be("succeeded");
        body.Num("delete[0].variant.id").Should().Be(doomed.Num("id"));
        body.Str("delete[0].variant.sku").Should().Be(doomed.Str("sku"));
        body.Arr("delete[0].variant.prices").Should().HaveCount(1);
        (await FindVariantAsync(doomed.Num("id"))).Should().BeNull();
        (await CountRowsAsync()).Should().Be(new RowCounts(1, 1, 1, 0, 0, 0, 0, 0));
    }

    [Fact]
    public async Task BatchVariants_UpdateAndDeleteOfAnotherProductsVariant_FailNotFound()
    {
        var mine = await SeedProductAsync(new ProductBuilder().WithVariants(1));
        var theirs = await SeedProductAsync(new ProductBuilder().WithVariants(2));

        var (status, body) = await PostAsync(VariantsBatch(mine.Num("id")), Batch.Of(
            update: [Batch.Item(("id", theirs.Num("variants[0].id")), ("title", "Hijacked"))],
            delete: [theirs.Num("variants[1].id")]));

        status.Should().Be(200, body.Text());
        body.Str("update[0].error.code").Should().Be("NOT_FOUND");
        body.Fields("update[0].error.details").Should().Equal("id");
        body.Str("delete[0].error.code").Should().Be("NOT_FOUND");
        (await CountRowsAsync()).Variants.Should().Be(3);
        (await FindVariantAsync(theirs.Num("variants[0].id")))!.Title.Should().Be(theirs.Str("variants[0].title"));
    }

    [Theory]
    [InlineData(
        "SKU of another product",
        """{"create": [{"title": "A", "sku": "THEIR-SKU"}]}""",
        "create[0]:DUPLICATE_SKU:sku")]
    [InlineData(
        "SKU of a sibling", """{"update": [{"id": {vid}, "sku": "SIBLING-SKU"}]}""", "update[0]:DUPLICATE_SKU:sku")]
    [InlineData("missing title on create", """{"create": [{"sku": "NEW"}]}""", "create[0]:VALIDATION_FAILED:title")]
    [InlineData("update without id", """{"update": [{"title": "X"}]}""", "update[0]:VALIDATION_FAILED:id")]
    [InlineData("unknown variant id", """{"update": [{"id": 999999, "title": "X"}]}""", "update[0]:NOT_FOUND:id")]
    [InlineData(
        "same id updated twice",
        """{"update": [{"id": {vid}, "title": "X"}, {"id": {vid}, "title": "Y"}]}""",
        "update[0]:DUPLICATE_IN_BATCH:id|update[1]:DUPLICATE_IN_BATCH:id")]
    [InlineData(
        "same id updated and deleted",
        """{"update": [{"id": {vid}, "title": "X"}], "delete": [{vid}]}""",
        "update[0]:DUPLICATE_IN_BATCH:id|delete[0]:DUPLICATE_IN_BATCH:id")]
    [InlineData(
        "stale version", """{"update": [{"id": {vid}, "version": 9, "title": "X"}]}""", "update[0]:CONFLICT:version")]
    [InlineData(
        "unknown attribute value",
        """{"create": [{"title": "A", "attribute_value_ids": [999999]}]}""",
        "create[0]:REFERENCE_NOT_FOUND:attribute_value_ids[0]")]
    [InlineData(
        "option the product lacks",
        """{"create": [{"title": "A", "options": {"Color": "Red"}}]}""",
        "create[0]:VALIDATION_FAILED:options.Color")]
    [InlineData(
        "bad price",
        """{"create": [{"title": "A", "prices": [{"currency_code": "usd", "amount": -5}]}]}""",
        "create[0]:VALIDATION_FAILED:prices[0].amount")]
    public async Task BatchVariants_BadItem_FailsWithItsCodeAndFieldAndWritesNothing(
        string scenario, string template, string expected)
    {
        var product = await SeedProductAsync(new ProductBuilder()
            .WithVariant(new VariantBuilder())
            .WithVariant(new VariantBuilder().With("sku", "SIBLING-SKU")));
        await SeedProductAsync(new ProductBuilder().WithVariant(new VariantBuilder().With("sku", "THEIR-SKU")));
        var variant = product.At("variants[0]");
        var before = await CountRowsAsync();
        var variantId = variant.Num("id").ToString(System.Globalization.CultureInfo.InvariantCulture);
        var json = template.Replace("{vid}", variantId, StringComparison.Ordinal);

        var (status, body) = await PostRawAsync(VariantsBatch(product.Num("id")), json);

        status.Should().Be(200, $"{scenario}: {body.Text()}");
        foreach (var (item, code, field) in ItemErrors(expected))
        {
            body.Str($"{item}.status").Should().Be("failed", $"{scenario}: {body.Text()}");
            body.Str($"{item}.error.code").Should().Be(code, $"{scenario}: {body.Text()}");
            body.Fields($"{item}.error.details").Should().Contain(field, $"{scenario}: {body.Text()}");
        }

        body.Num("summary.succeeded").Should().Be(0);
        (await CountRowsAsync()).Should().Be(before, scenario);
        var stored = await FindVariantAsync(variant.Num("id"));
        stored!.Version.Should().Be(1, scenario);
        stored.Title.Should().Be(variant.Str("title"), scenario);
    }

    [Fact]
    public async Task BatchVariants_AtomicPolicyWithOneBadItem_Answers422AndWritesNothing()
    {
        var product = await SeedProductAsync(new ProductBuilder().WithVariants(2));
        var before = await CountRowsAsync();

        var (status, body) = await PostAsync(VariantsBatch(product.Num("id")) + "?policy=atomic", Batch.Of(
            create: [new VariantBuilder().Build(), new VariantBuilder().Without("title").Build()],
            update: [Batch.Item(("id", product.Num("variants[0].id")), ("title", "Changed"))],
            delete: [product.Num("variants[1].id")]));

        status.Should().Be(422, body.Text());
        body.Str("create[0].status").Should().Be("not_applied");
        body.Str("create[1].status").Should().Be("failed");
        body.Str("create[1].error.code").Should().Be("VALIDATION_FAILED");
        body.Str("update[0].status").Should().Be("not_applied");
        body.Str("delete[0].status").Should().Be("not_applied");
        body.Num("summary.succeeded").Should().Be(0);
        body.Num("summary.failed").Should().Be(1);
        body.Num("summary.not_applied").Should().Be(3);
        (await CountRowsAsync()).Should().Be(before);
        (await FindVariantAsync(product.Num("variants[0].id")))!.Title.Should().Be(product.Str("variants[0].title"));
    }

    [Fact]
    public async Task BatchVariants_PartialPolicyWithOneBadItem_WritesTheOthers()
    {
        var product = await SeedProductAsync(new ProductBuilder().WithVariants(1));
        var good = new VariantBuilder();

        var (status, body) = await CreateVariantsAsync(product.Num("id"), good, new VariantBuilder().Without("title"));

        status.Should().Be(200, body.Text());
        body.Arr("create").Select(r => r.Str("status")).Should().Equal("succeeded", "failed");
        body.Num("summary.succeeded").Should().Be(1);
        body.Num("summary.failed").Should().Be(1);
        var stored = await FindProductAsync(product.Num("id"));
        stored!.Variants.Select(v => v.Sku).Should().BeEquivalentTo([product.Str("variants[0].sku"), good.Sku]);
    }

    [Fact]
    public async Task BatchVariants_EmptyBatch_Answers400EmptyBatch()
    {
        var product = await SeedProductAsync(new ProductBuilder());

        var (status, body) = await PostAsync(VariantsBatch(product.Num("id")), new { });

        status.Should().Be(400, body.Text());
        body.Str("code").Should().Be("EMPTY_BATCH");
    }

    [Fact]
    public async Task GetVariant_Existing_AnswersItWithItsPrices()
    {
        var product = await SeedProductAsync(
            new ProductBuilder().WithVariant(new VariantBuilder().WithPrices(VariantBuilder.Price("usd", 19.99m))));

        var (status, body) = await GetAsync($"/api/v1/variants/{product.Num("variants[0].id")}");

        status.Should().Be(200, body.Text());
        body.Num("product_id").Should().Be(product.Num("id"));
        body.Dec("prices[0].amount").Should().Be(19.99m);
    }

    [Fact]
    public async Task GetVariant_Unknown_Answers404NotFound()
    {
        var (status, body) = await GetAsync("/api/v1/variants/424242");

        status.Should().Be(404, body.Text());
        body.Str("code").Should().Be("NOT_FOUND");
    }

    [Fact]
    public async Task BatchVariants_Any_MovesTheProductsVersion()
    {
        var product = await SeedProductAsync(new ProductBuilder().WithVariants(1));

        var (status, body) = await CreateVariantsAsync(product.Num("id"), new VariantBuilder());

        status.Should().Be(200, body.Text());
        var (_, read) = await GetAsync($"/api/v1/products/{product.Num("id")}");
        read.Num("version").Should().BeGreaterThan(product.Num("version"));
    }

    [Fact]
    public async Task BatchVariants_ThreeItemsOfOneProduct_MoveItsVersionThreeSteps()
    {
        // Each item touches the product; PostgreSQL writes the three touches as one statement, which must add up.
        var product = await SeedProductAsync(new ProductBuilder().WithVariants(1));

        var (status, body) = await CreateVariantsAsync(
            product.Num("id"), new VariantBuilder(), new VariantBuilder(), new VariantBuilder());

        status.Should().Be(200, body.Text());
        body.Num("summary.succeeded").Should().Be(3);
        (await FindProductAsync(product.Num("id")))!.Version.Should().Be(product.Num("version") + 3);
    }

    [Fact]
    public async Task BatchProducts_StaleFullVariantListAfterAVariantWasAdded_AnswersConflictAndDeletesNothing()
    {
        var product = await SeedProductAsync(new ProductBuilder().WithVariants(1));
        var (_, added) = await CreateVariantsAsync(product.Num("id"), new VariantBuilder());
        var addedId = added.Num("create[0].id");
        var staleList = new[] { Batch.Item(("id", product.Num("variants[0].id")), ("title", "Renamed")) };

        var (status, body) = await PostAsync(ProductsBatch, Batch.Update(
            Batch.Item(("id", product.Num("id")), ("version", product.Num("version")), ("variants", staleList))));

        status.Should().Be(200, body.Text());
        body.Str("update[0].status").Should().Be("failed", body.Text());
        body.Str("update[0].error.code").Should().Be("CONFLICT");
        (await FindVariantAsync(addedId)).Should().NotBeNull();
        (await CountRowsAsync()).Variants.Should().Be(2);
    }
}

public sealed class VariantsBatchTestsOnSqlite(SqliteApiFactory f)
    : VariantsBatchTests(f), IClassFixture<SqliteApiFactory>;

public sealed class VariantsBatchTestsOnPostgres(PostgresApiFactory f)
    : VariantsBatchTests(f), IClassFixture<PostgresApiFactory>;

public sealed class VariantsBatchTestsOnSqlServer(SqlServerApiFactory f)
    : VariantsBatchTests(f), IClassFixture<SqlServerApiFactory>;
