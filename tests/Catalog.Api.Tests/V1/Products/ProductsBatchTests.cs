using Catalog.Testing;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Api.Tests.V1.Products;

/// <summary>
/// <c>POST /api/v1/products/batch</c>: creates, updates and deletes, the two policies, references and versions.
/// </summary>
public abstract class ProductsBatchTests(CatalogApiFactory factory) : CatalogApiTest(factory)
{
    [Fact]
    public async Task Batch_CreateWithVariants_WritesProductVariantsAndPrices()
    {
        var product = new ProductBuilder().WithVariants(2);

        var (status, body) = await PostAsync(ProductsBatch, Batch.Create(product));

        status.Should().Be(200, body.Text());
        body.Str("create[0].status").Should().Be("succeeded");
        body.At("create[0].error").Should().BeNull();
        var id = body.Num("create[0].id");
        body.Num("create[0].product.id").Should().Be(id);
        body.Str("create[0].product.handle").Should().Be(product.Handle);
        body.Str("create[0].product.status").Should().Be("draft");
        body.Arr("create[0].product.variants").Select(v => v.Str("sku"))
            .Should().Equal(product.Variants.Select(v => v.Sku));
        body.Num("summary.total").Should().Be(1);
        body.Num("summary.succeeded").Should().Be(1);
        body.Num("summary.failed").Should().Be(0);
        body.Arr("update").Should().BeEmpty();
        body.Arr("delete").Should().BeEmpty();

        (await CountRowsAsync()).Should().Be(new RowCounts(1, 2, 2, 0, 0, 0, 0, 0));
        var stored = await FindProductAsync(id);
        stored!.Handle.Should().Be(product.Handle);
        stored.Variants.Select(v => v.Sku).Should().BeEquivalentTo(product.Variants.Select(v => v.Sku));
    }

    [Fact]
    public async Task Batch_CreateWithDecimalAmounts_ReadsBackTheExactAmounts()
    {
        var variant = new VariantBuilder().WithPrices(
            VariantBuilder.Price("usd", 19.99m),
            VariantBuilder.Price("eur", 99999999999999.9999m),
            VariantBuilder.Price("gbp", 0.0001m));

        var (status, body) = await PostAsync(ProductsBatch, Batch.Create(new ProductBuilder().WithVariant(variant)));

        status.Should().Be(200, body.Text());
        var prices = body.Arr("create[0].product.variants[0].prices");
        prices.Select(p => (p.Str("currency_code"), p.Dec("amount"))).Should().BeEquivalentTo(
            [("eur", 99999999999999.9999m), ("gbp", 0.0001m), ("usd", 19.99m)]);
        var (_, read) = await GetAsync($"/api/v1/products/{body.Num("create[0].id")}");
        read.Arr("variants[0].prices").Select(p => p.Dec("amount"))
            .Should().BeEquivalentTo([19.99m, 99999999999999.9999m, 0.0001m]);
        read.At("variants[0].prices")!.ToJsonString().Should().Contain("19.99").And.Contain("99999999999999.9999");
        var stored = await Factory.QueryAsync(db => db.VariantPrices.Select(p => p.Amount).ToListAsync());
        stored.Should().BeEquivalentTo([19.99m, 99999999999999.9999m, 0.0001m]);
    }

    [Fact]
    public async Task Batch_CreateUpdateAndDeleteTogether_AppliesEachAndAnswersInOrder()
    {
        var kept = await SeedProductAsync(new ProductBuilder().WithVariants(1));
        var doomed = await SeedProductAsync(new ProductBuilder().WithVariants(1));
        var first = new ProductBuilder();
        var second = new ProductBuilder();

        var (status, body) = await PostAsync(ProductsBatch, Batch.Of(
            create: [first.Build(), second.Build()],
            update: [Batch.Item(("id", kept.Num("id")), ("title", "Renamed"))],
            delete: [doomed.Num("id")]));

        status.Should().Be(200, body.Text());
        body.Arr("create").Select(r => (r.Num("index"), r.Str("status"), r.Str("product.handle")))
            .Should().Equal((0, "succeeded", first.Handle), (1, "succeeded", second.Handle));
        body.Str("update[0].status").Should().Be("succeeded");
        body.Num("update[0].id").Should().Be(kept.Num("id"));
        body.Str("update[0].product.title").Should().Be("Renamed");
        body.Str("delete[0].status").Should().Be("succeeded");
        body.Num("delete[0].id").Should().Be(doomed.Num("id"));
        body.Num("summary.total").Should().Be(4);
        body.Num("summary.succeeded").Should().Be(4);

        var handles = await Factory.QueryAsync(db =>
            db.Products.OrderBy(p => p.Id).Select(p => p.Handle).ToListAsync());
        handles.Should().Equal(kept.Str("handle"), first.Handle, second.Handle);
        (await FindProductAsync(kept.Num("id")))!.Title.Should().Be("Renamed");
        (await CountRowsAsync()).Variants.Should().Be(1, "the deleted product's variant goes with it");
    }

    [Fact]
    public async Task Batch_Delete_ResultHoldsThePriorProductAndRemovesItsRows()
    {
        var category = (await SeedCategoriesAsync(new CategoryBuilder()))[0];
        var product = await SeedProductAsync(
            new ProductBuilder().WithVariants(2).InCategories(category.Num("id")).With("subtitle", "Before"));

        var (status, body) = await PostAsync(ProductsBatch, Batch.Delete(product.Num("id")));

        status.Should().Be(200, body.Text());
        body.Str("delete[0].status").Should().Be("succeeded");
        body.Num("delete[0].product.id").Should().Be(product.Num("id"));
        body.Str("delete[0].product.title").Should().Be(product.Str("title"));
        body.Str("delete[0].product.subtitle").Should().Be("Before");
        body.Arr("delete[0].product.variants").Should().HaveCount(2);
        body.Arr("delete[0].product.category_ids").Select(c => c!.GetValue<long>()).Should().Equal(category.Num("id"));

        (await CountRowsAsync()).Should().Be(new RowCounts(0, 0, 0, 0, 0, 1, 0, 0));
        var (getStatus, problem) = await GetAsync($"/api/v1/products/{product.Num("id")}");
        getStatus.Should().Be(404);
        problem.Str("code").Should().Be("NOT_FOUND");
    }

    [Fact]
    public async Task Batch_PartialPolicyWithOneInvalidItem_WritesTheOthers()
    {
        var first = new ProductBuilder().WithVariants(1);
        var invalid = new ProductBuilder().WithVariants(1).Without("title");
        var third = new ProductBuilder().WithVariants(1);

        var (status, body) = await PostAsync(ProductsBatch, Batch.Create(first, invalid, third));

        status.Should().Be(200, body.Text());
        body.Arr("create").Select(r => r.Str("status")).Should().Equal("succeeded", "failed", "succeeded");
        body.Str("create[1].error.code").Should().Be("VALIDATION_FAILED");
        body.Fields("create[1].error.details").Should().Equal("title");
        body.At("create[1].id").Should().BeNull();
        body.At("create[1].product").Should().BeNull();
        body.Num("summary.total").Should().Be(3);
        body.Num("summary.succeeded").Should().Be(2);
        body.Num("summary.failed").Should().Be(1);

        var handles = await Factory.QueryAsync(db => db.Products.Select(p => p.Handle).ToListAsync());
        handles.Should().BeEquivalentTo([first.Handle, third.Handle]);
        (await CountRowsAsync()).Should().Be(new RowCounts(2, 2, 2, 0, 0, 0, 0, 0));
    }

    [Fact]
    public async Task Batch_AtomicPolicyWithOneInvalidItem_Answers422AndWritesNothing()
    {
        var existing = await SeedProductAsync(new ProductBuilder().WithVariants(1));
        var before = await CountRowsAsync();
        var valid = new ProductBuilder().WithVariants(2);
        var invalid = new ProductBuilder().Without("title");

        var (status, body) = await PostAsync(ProductsBatch + "?policy=atomic", Batch.Of(
            create: [valid.Build(), invalid.Build()],
            update: [Batch.Item(("id", existing.Num("id")), ("title", "Changed"))],
            delete: [existing.Num("id") + 1000]));

        status.Should().Be(422, body.Text());
        body.Str("create[0].status").Should().Be("not_applied");
        body.Str("create[0].error.code").Should().Be("NOT_APPLIED");
        body.At("create[0].id").Should().BeNull();
        body.At("create[0].product").Should().BeNull();
        body.Str("create[1].status").Should().Be("failed");
        body.Str("create[1].error.code").Should().Be("VALIDATION_FAILED");
        body.Fields("create[1].error.details").Should().Equal("title");
        body.Str("update[0].status").Should().Be("not_applied");
        body.Str("delete[0].status").Should().Be("failed");
        body.Str("delete[0].error.code").Should().Be("NOT_FOUND");
        body.Num("summary.total").Should().Be(4);
        body.Num("summary.succeeded").Should().Be(0);
        body.Num("summary.failed").Should().Be(2);
        body.Num("summary.not_applied").Should().Be(2);

        (await CountRowsAsync()).Should().Be(before);
        var stored = await FindProductAsync(existing.Num("id"));
        stored!.Title.Should().Be(existing.Str("title"));
        stored.Version.Should().Be(1);
    }

    [Fact]
    public async Task Batch_AtomicPolicyAllValid_Answers200AndWritesEverything()
    {
        var batch = Batch.Create(new ProductBuilder().WithVariants(1), new ProductBuilder().WithVariants(1));

        var (status, body) = await PostAsync(ProductsBatch + "?policy=atomic", batch);

        status.Should().Be(200, body.Text());
        body.Arr("create").Select(r => r.Str("status")).Should().Equal("succeeded", "succeeded");
        body.Num("summary.succeeded").Should().Be(2);
        (await CountRowsAsync()).Should().Be(new RowCounts(2, 2, 2, 0, 0, 0, 0, 0));
    }

    [Fact]
    public async Task Batch_AtomicPolicyWhereEveryItemFails_Answers422()
    {
        // DESIGN: "atomic: any failure means nothing is written; ... the canonical API answers such a batch with 422".
        var batch = Batch.Create(new ProductBuilder().Without("title"));
        var (status, body) = await PostAsync(ProductsBatch + "?policy=atomic", batch);

        body.Str("create[0].status").Should().Be("failed", body.Text());
        body.Str("create[0].error.code").Should().Be("VALIDATION_FAILED");
        body.Num("summary.succeeded").Should().Be(0);
        status.Should().Be(422, "an atomic batch with a failure was not applied: " + body.Text());
        (await CountRowsAsync()).Products.Should().Be(0);
    }

    [Fact]
    public async Task Batch_PartialPolicyWhereTheDatabaseRefusesAnItem_FailsOnlyThatItem()
    {
        // Swapping two SKUs inside one product passes every check before the write (both SKUs belong to the product),
        // but the first UPDATE hits the unique SKU index: a failure only the database finds.
        var product = await SeedProductAsync(new ProductBuilder().WithVariants(2));
        var (v1, v2) = (product.At("variants[0]"), product.At("variants[1]"));
        var other = new ProductBuilder().WithVariants(1);

        var (status, body) = await PostAsync(ProductsBatch, Batch.Of(
            create: [other.Build()],
            update: [Batch.Item(("id", product.Num("id")), ("title", "Swapped"), ("variants", new[]
            {
                Batch.Item(("id", v1.Num("id")), ("sku", v2.Str("sku"))),
                Batch.Item(("id", v2.Num("id")), ("sku", v1.Str("sku"))),
            }))]));

        status.Should().Be(200, body.Text());
        body.Str("create[0].status").Should().Be("succeeded");
        body.Str("update[0].status").Should().Be("failed");
        body.Str("update[0].error.code").Should().Be("DUPLICATE_SKU");
        body.Num("summary.succeeded").Should().Be(1);
        body.Num("summary.failed").Should().Be(1);

        (await CountRowsAsync()).Should().Be(new RowCounts(2, 3, 3, 0, 0, 0, 0, 0));
        var stored = await FindProductAsync(product.Num("id"));
        stored!.Title.Should().Be(product.Str("title"), "the refused item is rolled back as a whole");
        stored.Variants.OrderBy(v => v.Id).Select(v => v.Sku).Should().Equal(v1.Str("sku"), v2.Str("sku"));
        stored.Version.Should().Be(1);
    }

    [Fact]
    public async Task Batch_AtomicPolicyWhereTheDatabaseRefusesAnItem_Answers422AndWritesNothing()
    {
        var product = await SeedProductAsync(new ProductBuilder().WithVariants(2));
        var (v1, v2) = (product.At("variants[0]"), product.At("variants[1]"));
        var before = await CountRowsAsync();

        var (status, body) = await PostAsync(ProductsBatch + "?policy=atomic", Batch.Of(
            create: [new ProductBuilder().WithVariants(1).Build()],
            update: [Batch.Item(("id", product.Num("id")), ("variants", new[]
            {
                Batch.Item(("id", v1.Num("id")), ("sku", v2.Str("sku"))),
                Batch.Item(("id", v2.Num("id")), ("sku", v1.Str("sku"))),
            }))]));

        status.Should().Be(422, body.Text());
        body.Str("create[0].status").Should().Be("not_applied");
        body.Str("update[0].status").Should().Be("failed");
        body.Str("update[0].error.code").Should().Be("DUPLICATE_SKU");
        body.Num("summary.succeeded").Should().Be(0);
        (await CountRowsAsync()).Should().Be(before);
    }

    [Fact]
    public async Task Batch_ConcurrentWritersClaimingOneSku_FailOnlyThatItemInTheLosingRequests()
    {
        // DESIGN: "A failure found only by the database (a unique index hit by a concurrent writer, say) still
        // fails only that item." Eight requests race for one SKU; each also carries an unrelated product that must
        // be written.
        const int Rounds = 5;
        const int Writers = 8;
        for (var round = 0; round < Rounds; round++)
        {
            var sku = $"RACE-{Unique.Next()}";
            var responses = await Task.WhenAll(Enumerable.Range(0, Writers).Select(_ => PostAsync(
                ProductsBatch,
                Batch.Create(
                    new ProductBuilder().WithVariant(new VariantBuilder().With("sku", sku)),
                    new ProductBuilder().WithVariants(1)))));

            var bodies = string.Join(" | ", responses.Select(r => r.Body.Text()));
            responses.Select(r => r.Status).Should().AllBeEquivalentTo(200, bodies);
            responses.Count(r => r.Body.Str("create[0].status") == "succeeded").Should().Be(1);
            responses.Where(r => r.Body.Str("create[0].status") != "succeeded")
                .Select(r => r.Body.Str("create[0].error.code"))
                .Should().AllBe("DUPLICATE_SKU");
            responses.Select(r => r.Body.Str("create[1].status")).Should().AllBe("succeeded");
            (await Factory.QueryAsync(db => db.Variants.CountAsync(v => v.Sku == sku))).Should().Be(1);
        }

        (await CountRowsAsync()).Products.Should().Be(Rounds * (Writers + 1));
    }

    [Fact]
    public async Task Batch_UpdateWithStaleVersion_FailsWithConflictAndKeepsTheStoredRow()
    {
        var product = await SeedProductAsync(new ProductBuilder());
        var id = product.Num("id");
        var (_, first) = await UpdateProductAsync(id, ("version", 1), ("title", "First"));
        first.Str("update[0].status").Should().Be("succeeded", first.Text());
        first.Num("update[0].product.version").Should().Be(2);

        var (status, body) = await UpdateProductAsync(id, ("version", 1), ("title", "Second"));

        status.Should().Be(200, body.Text());
        body.Str("update[0].status").Should().Be("failed");
        body.Str("update[0].error.code").Should().Be("CONFLICT");
        body.Fields("update[0].error.details").Should().Equal("version");
        var stored = await FindProductAsync(id);
        stored!.Title.Should().Be("First");
        stored.Version.Should().Be(2);
    }

    [Fact]
    public async Task Batch_CreateWithUnknownCategory_FailsWithReferenceNotFound()
    {
        var category = (await SeedCategoriesAsync(new CategoryBuilder()))[0];
        var unknown = category.Num("id") + 100;

        var product = new ProductBuilder().InCategories(category.Num("id"), unknown);

        var (status, body) = await PostAsync(ProductsBatch, Batch.Create(product));

        status.Should().Be(200, body.Text());
        body.Str("create[0].status").Should().Be("failed");
        body.Str("create[0].error.code").Should().Be("REFERENCE_NOT_FOUND");
        body.Fields("create[0].error.details").Should().Equal("category_ids[1]");
        (await CountRowsAsync()).Should().Be(new RowCounts(0, 0, 0, 0, 0, 1, 0, 0));
    }

    [Fact]
    public async Task Batch_CreateWithUnknownAttributeValue_FailsWithReferenceNotFound()
    {
        var attribute = await SeedAttributeAsync(new AttributeBuilder().WithValues("Red"));
        var red = attribute.Num("values[0].id");
        var variant = new VariantBuilder().WithAttributeValues(red, red + 100);

        var (status, body) = await PostAsync(ProductsBatch, Batch.Create(new ProductBuilder().WithVariant(variant)));

        status.Should().Be(200, body.Text());
        body.Str("create[0].status").Should().Be("failed");
        body.Str("create[0].error.code").Should().Be("REFERENCE_NOT_FOUND");
        body.Fields("create[0].error.details").Should().Equal("variants[0].attribute_value_ids[1]");
        (await CountRowsAsync()).Should().Be(new RowCounts(0, 0, 0, 0, 0, 0, 1, 1));
    }

    [Fact]
    public async Task Batch_CreateWithKnownCategoriesAndAttributeValues_LinksThem()
    {
        var categories = await SeedCategoriesAsync(new CategoryBuilder(), new CategoryBuilder());
        var attribute = await SeedAttributeAsync(new AttributeBuilder().WithValues("Red", "Blue"));
        var categoryIds = categories.Select(c => c.Num("id")).ToArray();
        var valueIds = attribute.Arr("values").Select(v => v.Num("id")).ToArray();

        var variant = new VariantBuilder().WithAttributeValues(valueIds);
        var (status, body) = await PostAsync(ProductsBatch, Batch.Create(
            new ProductBuilder().InCategories(categoryIds).WithVariant(variant)));

        status.Should().Be(200, body.Text());
        body.Str("create[0].status").Should().Be("succeeded", body.Text());
        body.Arr("create[0].product.category_ids").Select(c => c!.GetValue<long>()).Should().Equal(categoryIds);
        body.Arr("create[0].product.variants[0].attribute_value_ids").Select(c => c!.GetValue<long>())
            .Should().Equal(valueIds);
        var stored = await FindProductAsync(body.Num("create[0].id"));
        stored!.Categories.Select(c => c.CategoryId).Should().BeEquivalentTo(categoryIds);
        stored.Variants.Single().AttributeValues.Select(a => a.AttributeValueId).Should().BeEquivalentTo(valueIds);
    }

    [Fact]
    public async Task Batch_CreateWithoutHandle_DerivesItFromTheTitle()
    {
        var product = new ProductBuilder().Without("handle").With("title", "Blue Summer Shirt");

        var (status, body) = await PostAsync(ProductsBatch, Batch.Create(product));

        status.Should().Be(200, body.Text());
        body.Str("create[0].product.handle").Should().Be("blue-summer-shirt");
        var stored = await Factory.QueryAsync(db => db.Products.Select(p => p.Handle).SingleAsync());
        stored.Should().Be("blue-summer-shirt");
    }

    [Fact]
    public async Task Batch_CreateWithEveryProductField_RoundTripsThem()
    {
        var product = new ProductBuilder()
            .With("subtitle", "Sub")
            .With("description", "Long text")
            .With("status", "published")
            .With("thumbnail", "https://img.example/t.png")
            .With("images", new[] { new { url = "https://img.example/1.png" } })
            .With("tags", new List<string> { "summer", "cotton" })
            .With("options", new[] { new { title = "Size", values = new List<string> { "S", "M" } } })
            .With("metadata", new { color = "blue", nested = new { n = 1.50m } })
            .With("weight", 1.2345m)
            .With("external_id", "ext-1")
            .WithVariant(new VariantBuilder()
                .With("options", new Dictionary<string, string> { ["Size"] = "M" })
                .With("barcode", "123")
                .With("manage_inventory", true));

        var (status, body) = await PostAsync(ProductsBatch, Batch.Create(product));

        status.Should().Be(200, body.Text());
        body.Str("create[0].status").Should().Be("succeeded", body.Text());
        var (_, read) = await GetAsync($"/api/v1/products/{body.Num("create[0].id")}");
        read.Str("subtitle").Should().Be("Sub");
        read.Str("description").Should().Be("Long text");
        read.Str("status").Should().Be("published");
        read.Str("thumbnail").Should().Be("https://img.example/t.png");
        read.Str("images[0].url").Should().Be("https://img.example/1.png");
        read.Arr("tags").Select(t => t!.GetValue<string>()).Should().Equal("summer", "cotton");
        read.Str("options[0].title").Should().Be("Size");
        read.Arr("options[0].values").Select(t => t!.GetValue<string>()).Should().Equal("S", "M");
        read.Str("metadata.color").Should().Be("blue");
        read.Dec("metadata.nested.n").Should().Be(1.50m);
        read.Dec("weight").Should().Be(1.2345m);
        read.Str("external_id").Should().Be("ext-1");
        read.Str("variants[0].options.Size").Should().Be("M");
        read.Str("variants[0].barcode").Should().Be("123");
        read.At("variants[0].manage_inventory")!.GetValue<bool>().Should().BeTrue();
    }
}

public sealed class ProductsBatchTestsOnSqlite(SqliteApiFactory f)
    : ProductsBatchTests(f), IClassFixture<SqliteApiFactory>;

public sealed class ProductsBatchTestsOnPostgres(PostgresApiFactory f)
    : ProductsBatchTests(f), IClassFixture<PostgresApiFactory>;

public sealed class ProductsBatchTestsOnSqlServer(SqlServerApiFactory f)
    : ProductsBatchTests(f), IClassFixture<SqlServerApiFactory>;
