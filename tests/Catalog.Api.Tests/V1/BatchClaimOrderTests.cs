using Catalog.Testing;

namespace Catalog.Api.Tests.V1;

/// <summary>
/// Items of a partial batch claim SKUs, handles and slugs in the order they apply (creates, then updates): the first
/// item that claims a value keeps it, a later claim fails alone with DUPLICATE_IN_BATCH, and an item that failed for
/// any other reason claimed nothing. An atomic batch with two claims of one value still writes nothing.
/// </summary>
public abstract class BatchClaimOrderTests(CatalogApiFactory factory) : CatalogApiTest(factory)
{
    [Fact]
    public async Task ProductsBatch_TwoCreatesOfOneSku_CreatesTheFirstAndFailsTheSecondNamingIt()
    {
        var sku = new VariantBuilder().Sku;
        var first = new ProductBuilder().WithVariant(new VariantBuilder().With("sku", sku));
        var second = new ProductBuilder().WithVariant(new VariantBuilder().With("sku", sku));

        var (status, body) = await PostAsync(ProductsBatch, new { create = new[] { first.Build(), second.Build() } });

        status.Should().Be(200, body.Text());
        body.Str("create[0].status").Should().Be("succeeded", body.Text());
        body.Str("create[1].error.code").Should().Be("DUPLICATE_IN_BATCH");
        body.Fields("create[1].error.details").Should().Equal("variants[0].sku");
        body.Str("create[1].error.message").Should()
            .Be($"The SKU '{sku}' is claimed by an earlier item of this batch (create[0]).");
        body.Num("summary.succeeded").Should().Be(1);
        (await FindProductAsync(body.Num("create[0].id")))!.Variants.Single().Sku.Should().Be(sku);
        (await CountRowsAsync()).Products.Should().Be(1);
    }

    [Fact]
    public async Task ProductsBatch_UpdateTakesASkuACreateClaims_CreateKeepsItAndTheUpdateFails()
    {
        var stored = await SeedProductAsync(new ProductBuilder().WithVariants(1));
        var sku = new VariantBuilder().Sku;

        var (status, body) = await PostAsync(ProductsBatch, new
        {
            create = new[] { new ProductBuilder().WithVariant(new VariantBuilder().With("sku", sku)).Build() },
            update = new[]
            {
                new { id = stored.Num("id"), variants = new[] { new { id = stored.Num("variants[0].id"), sku } } },
            },
        });

        status.Should().Be(200, body.Text());
        body.Str("create[0].status").Should().Be("succeeded", body.Text());
        body.Str("update[0].error.code").Should().Be("DUPLICATE_IN_BATCH");
        body.Fields("update[0].error.details").Should().Equal("variants[0].sku");
        (await FindVariantAsync(stored.Num("variants[0].id")))!.Sku.Should().Be(stored.Str("variants[0].sku"));
    }

    [Theory]
    [InlineData("an invalid item", """{"title": "", "handle": "{handle}"}""")]
    [InlineData(
        "an item naming an unknown category", """{"title": "A", "handle": "{handle}", "category_ids": [999999]}""")]
    [InlineData(
        "an item breaking a domain rule",
        """
        {"title": "A", "handle": "{handle}", "options": [{"title": "Size", "values": ["S"]}],
            "variants": [{"title": "V1", "options": {"Size": "S"}}, {"title": "V2", "options": {"Size": "S"}}]}
        """)]
    public async Task ProductsBatch_FirstClaimantFails_TheNextClaimantKeepsTheHandle(string scenario, string first)
    {
        var handle = new ProductBuilder().Handle;
        var json = $$"""
            {"create": [{{first.Replace("{handle}", handle, StringComparison.Ordinal)}},
                {"title": "B", "handle": "{{handle}}"}, {"title": "C", "handle": "{{handle}}"}]}
            """;

        var (status, body) = await PostRawAsync(ProductsBatch, json);

        status.Should().Be(200, body.Text());
        body.Str("create[0].status").Should().Be("failed", scenario);
        body.Str("create[0].error.code").Should().NotBe("DUPLICATE_IN_BATCH", scenario);
        body.Str("create[1].status").Should().Be("succeeded", $"{scenario}: {body.Text()}");
        body.Str("create[2].error.code").Should().Be("DUPLICATE_IN_BATCH", scenario);
        body.Str("create[2].error.message").Should().EndWith("(create[1]).", scenario);
        (await FindProductAsync(body.Num("create[1].id")))!.Handle.Should().Be(handle);
    }

    [Fact]
    public async Task ProductsBatch_AtomicWithTwoClaimsOfOneHandle_WritesNothing()
    {
        var handle = new ProductBuilder().Handle;

        var (status, body) = await PostAsync(ProductsBatch + "?policy=atomic", new
        {
            create = new[] { new { title = "A", handle }, new { title = "B", handle } },
        });

        status.Should().Be(422, body.Text());
        body.Str("create[0].status").Should().Be("not_applied", body.Text());
        body.Str("create[1].error.code").Should().Be("DUPLICATE_IN_BATCH");
        (await CountRowsAsync()).Products.Should().Be(0);
    }

    [Fact]
    public async Task VariantsBatch_TwoCreatesOfOneSku_CreatesTheFirst()
    {
        var product = await SeedProductAsync(new ProductBuilder());
        var sku = new VariantBuilder().Sku;

        var (status, body) = await PostAsync(VariantsBatch(product.Num("id")), new
        {
            create = new[] { new { title = "First", sku }, new { title = "Second", sku } },
        });

        status.Should().Be(200, body.Text());
        body.Str("create[0].status").Should().Be("succeeded", body.Text());
        body.Str("create[1].error.code").Should().Be("DUPLICATE_IN_BATCH");
        body.Fields("create[1].error.details").Should().Equal("sku");
        (await FindProductAsync(product.Num("id")))!.Variants.Select(v => v.Title).Should().Equal("First");
    }

    [Fact]
    public async Task CategoriesBatch_TwoCreatesOfOneHandle_CreatesTheFirst()
    {
        var (status, body) = await PostAsync(CategoriesBatch, new
        {
            create = new[] { new { name = "First", handle = "twin" }, new { name = "Second", handle = "twin" } },
        });

        status.Should().Be(200, body.Text());
        body.Str("create[0].status").Should().Be("succeeded", body.Text());
        body.Str("create[1].error.code").Should().Be("DUPLICATE_IN_BATCH");
        body.Fields("create[1].error.details").Should().Equal("handle");
        (await FindCategoryAsync(body.Num("create[0].id")))!.Name.Should().Be("First");
    }

    [Fact]
    public async Task AttributesBatch_TwoCreatesOfOneSlug_CreatesTheFirst()
    {
        var (status, body) = await PostAsync(AttributesBatch, new
        {
            create = new[] { new { name = "Size" }, new { name = "size" } },
        });

        status.Should().Be(200, body.Text());
        body.Str("create[0].status").Should().Be("succeeded", body.Text());
        body.Str("create[1].error.code").Should().Be("DUPLICATE_IN_BATCH");
        body.Fields("create[1].error.details").Should().Equal("slug");
        (await FindAttributeAsync(body.Num("create[0].id")))!.Name.Should().Be("Size");
    }
}

public sealed class BatchClaimOrderTestsOnSqlite(SqliteApiFactory f)
    : BatchClaimOrderTests(f), IClassFixture<SqliteApiFactory>;

public sealed class BatchClaimOrderTestsOnPostgres(PostgresApiFactory f)
    : BatchClaimOrderTests(f), IClassFixture<PostgresApiFactory>;
