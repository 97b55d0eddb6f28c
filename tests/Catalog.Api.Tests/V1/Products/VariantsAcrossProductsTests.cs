using Catalog.Testing;

namespace Catalog.Api.Tests.V1.Products;

/// <summary>
/// <c>POST /api/v1/variants/batch</c>: one batch, one transaction, variants of many products (each create naming its
/// <c>product_id</c>, updates and deletes by variant id), read in as many queries for 100 products as for 10.
/// </summary>
public abstract class VariantsAcrossProductsTests(CatalogApiFactory factory) : CatalogApiTest(factory)
{
    private const string AnyVariantsBatch = "/api/v1/variants/batch";

    [Fact]
    public async Task Batch_ItemsOfSeveralProducts_ApplyEachToItsProduct()
    {
        var products = await SeedProductsAsync(
            new ProductBuilder().WithVariants(2), new ProductBuilder().WithVariants(1), new ProductBuilder());
        var (a, b, c) = (products[0], products[1], products[2]);

        var (status, body) = await PostAsync(AnyVariantsBatch, new
        {
            create = new[]
            {
                new { product_id = c.Num("id"), title = "New C", stock_quantity = 1 },
                new { product_id = a.Num("id"), title = "New A", stock_quantity = 2 },
            },
            update = new[] { new { id = b.Num("variants[0].id"), stock_quantity = 3 } },
            delete = new[] { a.Num("variants[0].id") },
        });

        status.Should().Be(200, body.Text());
        body.Num("summary.succeeded").Should().Be(4, body.Text());
        body.Num("create[0].variant.product_id").Should().Be(c.Num("id"));
        body.Num("create[1].variant.product_id").Should().Be(a.Num("id"));
        var variantsOfA = (await FindProductAsync(a.Num("id")))!.Variants.Select(v => v.Title).ToList();
        variantsOfA.Should().BeEquivalentTo(a.Str("variants[1].title"), "New A");
        (await FindVariantAsync(b.Num("variants[0].id")))!.StockQuantity.Should().Be(3);
        (await FindProductAsync(c.Num("id")))!.Variants.Select(v => v.Title).Should().Equal("New C");
    }

    [Fact]
    public async Task Batch_CreateWithoutOrWithUnknownProduct_FailsThatItemAlone()
    {
        var product = await SeedProductAsync(new ProductBuilder());

        var (status, body) = await PostAsync(AnyVariantsBatch, new
        {
            create = new object[]
            {
                new { title = "No product" },
                new { product_id = 987654L, title = "Unknown product" },
                new { product_id = product.Num("id"), title = "Fine" },
            },
        });

        status.Should().Be(200, body.Text());
        body.Str("create[0].error.code").Should().Be("VALIDATION_FAILED");
        body.Str("create[0].error.details[0].field").Should().Be("product_id");
        body.Str("create[1].error.code").Should().Be("REFERENCE_NOT_FOUND");
        body.Str("create[2].status").Should().Be("succeeded");
    }

    [Fact]
    public async Task ProductBatch_CreateNamingAnotherProduct_FailsThatItem()
    {
        var products = await SeedProductsAsync(new ProductBuilder(), new ProductBuilder());

        var (status, body) = await PostAsync(VariantsBatch(products[0].Num("id")), new
        {
            create = new[]
            {
                new { product_id = products[1].Num("id"), title = "Elsewhere" },
                new { product_id = products[0].Num("id"), title = "Here" },
            },
        });

        status.Should().Be(200, body.Text());
        body.Str("create[0].error.code").Should().Be("VALIDATION_FAILED");
        body.Str("create[1].status").Should().Be("succeeded");
        (await FindProductAsync(products[1].Num("id")))!.Variants.Should().BeEmpty();
    }

    [Fact]
    public async Task Batch_CreateUpdateDelete_ReadsAsMuchFor100ProductsAsFor10()
    {
        var small = await MeasureReadsAsync(10, 1);
        var large = await MeasureReadsAsync(100, 10);

        large.Create.Should().Be(small.Create).And.BeLessThanOrEqualTo(12);
        large.Update.Should().Be(small.Update).And.BeLessThanOrEqualTo(12);
        large.Delete.Should().Be(small.Delete).And.BeLessThanOrEqualTo(12);
    }

    private async Task<(long Create, long Update, long Delete)> MeasureReadsAsync(int products, int perProduct)
    {
        var seeded = await SeedProductsAsync([.. Enumerable.Range(0, products).Select(_ => new ProductBuilder())]);
        var creates = seeded.SelectMany(p => Enumerable.Range(0, perProduct)
            .Select(i => new { product_id = p.Num("id"), title = $"V{i}", sku = $"{p.Num("id")}-{i}" })).ToList();

        Factory.Statements.Reset();
        var (status, body) = await PostAsync(AnyVariantsBatch, new { create = creates });
        var createReads = Factory.Statements.Reads;
        status.Should().Be(200, body.Text());
        body.Num("summary.succeeded").Should().Be(creates.Count, body.Text());
        var ids = body.Arr("create").Select(r => r.Num("id")).ToList();

        Factory.Statements.Reset();
        (status, body) = await PostAsync(AnyVariantsBatch, new
        {
            update = ids.Select(id => new { id, stock_quantity = 5 }),
        });
        var updateReads = Factory.Statements.Reads;
        body.Num("summary.succeeded").Should().Be(ids.Count, body.Text());

        Factory.Statements.Reset();
        (status, body) = await PostAsync(AnyVariantsBatch, new { delete = ids });
        var deleteReads = Factory.Statements.Reads;
        body.Num("summary.succeeded").Should().Be(ids.Count, body.Text());
        return (createReads, updateReads, deleteReads);
    }
}

public sealed class VariantsAcrossProductsTestsOnSqlite(SqliteApiFactory factory)
    : VariantsAcrossProductsTests(factory), IClassFixture<SqliteApiFactory>;

public sealed class VariantsAcrossProductsTestsOnPostgres(PostgresApiFactory factory)
    : VariantsAcrossProductsTests(factory), IClassFixture<PostgresApiFactory>;

public sealed class VariantsAcrossProductsTestsOnSqlServer(SqlServerApiFactory factory)
    : VariantsAcrossProductsTests(factory), IClassFixture<SqlServerApiFactory>;
