using System.Globalization;
using Catalog.Testing;

namespace Catalog.Api.Tests.V1.Products;

/// <summary>
/// <c>upsert</c> in <c>POST /api/v1/products/batch</c>: products matched by their variants' SKUs, each result with the
/// process it took.
/// </summary>
public abstract class ProductsUpsertTests(CatalogApiFactory factory) : CatalogApiTest(factory)
{
    [Fact]
    public async Task BatchUpsert_SameBodyTwice_InsertsThenUpdatesTheSameProduct()
    {
        var item = new ProductBuilder().WithVariants(2);

        var (firstStatus, first) = await PostAsync(ProductsBatch, Upsert(item.Build()));
        item.With("title", "Renamed");
        var (secondStatus, second) = await PostAsync(ProductsBatch, Upsert(item.Build()));

        firstStatus.Should().Be(200, first.Text());
        first.Str("upsert[0].status").Should().Be("succeeded", first.Text());
        first.Str("upsert[0].process").Should().Be("insert");
        first.Arr("create").Should().BeEmpty();
        first.Num("summary.total").Should().Be(1);
        first.Num("summary.succeeded").Should().Be(1);
        secondStatus.Should().Be(200, second.Text());
        second.Str("upsert[0].status").Should().Be("succeeded", second.Text());
        second.Str("upsert[0].process").Should().Be("update");
        second.Num("upsert[0].id").Should().Be(first.Num("upsert[0].id"));
        second.Str("upsert[0].product.title").Should().Be("Renamed");
        second.Arr("upsert[0].product.variants").Select(v => v.Num("id"))
            .Should().Equal(first.Arr("upsert[0].product.variants").Select(v => v.Num("id")));
        (await CountRowsAsync()).Should().Be(new RowCounts(1, 2, 2, 0, 0, 0, 0, 0));
        (await FindProductAsync(first.Num("upsert[0].id")))!.Title.Should().Be("Renamed");
    }

    [Fact]
    public async Task BatchUpsert_OneOfTwoSkusExists_UpdatesThatVariantCreatesTheOtherAndRemovesTheRest()
    {
        var stored = await SeedProductAsync(new ProductBuilder().WithVariants(2));
        var kept = stored.At("variants[0]");
        var added = new VariantBuilder();
        var item = Batch.Item(
            ("title", "Upserted"),
            ("variants", new object[]
            {
                Batch.Item(("sku", kept.Str("sku")), ("stock_quantity", 42)),
                added.Build(),
            }));

        var (status, body) = await PostAsync(ProductsBatch, Upsert(item));

        status.Should().Be(200, body.Text());
        body.Str("upsert[0].status").Should().Be("succeeded", body.Text());
        body.Str("upsert[0].process").Should().Be("update");
        body.Num("upsert[0].id").Should().Be(stored.Num("id"));
        var product = await FindProductAsync(stored.Num("id"));
        product!.Title.Should().Be("Upserted");
        product.Handle.Should().Be(stored.Str("handle"), "an update keeps what the item leaves out");
        product.Variants.Select(v => v.Sku).Should().BeEquivalentTo([kept.Str("sku"), added.Sku]);
        var same = product.Variants.Single(v => v.Sku == kept.Str("sku"));
        same.Id.Should().Be(kept.Num("id"));
        same.StockQuantity.Should().Be(42);
        same.Title.Should().Be(kept.Str("title"));
        (await CountRowsAsync()).Variants.Should().Be(2);
    }

    [Fact]
    public async Task BatchUpsert_SkusOfTwoProducts_FailsConflictNamingBothAndWritesNothing()
    {
        var one = await SeedProductAsync(new ProductBuilder().WithVariants(1));
        var two = await SeedProductAsync(new ProductBuilder().WithVariants(1));
        var before = await CountRowsAsync();
        var item = Batch.Item(
            ("title", "Both"),
            ("variants", new object[]
            {
                Batch.Item(("title", "A"), ("sku", one.Str("variants[0].sku"))),
                Batch.Item(("title", "B"), ("sku", two.Str("variants[0].sku"))),
            }));

        var (status, body) = await PostAsync(ProductsBatch, Upsert(item));

        status.Should().Be(200, body.Text());
        body.Str("upsert[0].status").Should().Be("failed");
        body.Str("upsert[0].error.code").Should().Be("CONFLICT");
        body.Str("upsert[0].error.message").Should()
            .Contain(one.Num("id").ToString(CultureInfo.InvariantCulture))
            .And.Contain(two.Num("id").ToString(CultureInfo.InvariantCulture));
        body.At("upsert[0].id").Should().BeNull();
        body.At("upsert[0]")!.AsObject().ContainsKey("process").Should().BeFalse("the process is not known");
        body.Num("summary.failed").Should().Be(1);
        (await CountRowsAsync()).Should().Be(before);
    }

    [Theory]
    [InlineData("""{"title": "No variants"}""")]
    [InlineData("""{"title": "No SKU", "variants": [{"title": "V"}]}""")]
    [InlineData("""{"title": "Null SKU", "variants": [{"title": "V", "sku": null}]}""")]
    public async Task BatchUpsert_NoVariantSku_FailsValidationOnVariants(string item)
    {
        var (status, body) = await PostRawAsync(ProductsBatch, $$"""{"upsert": [{{item}}]}""");

        status.Should().Be(200, body.Text());
        body.Str("upsert[0].status").Should().Be("failed");
        body.Str("upsert[0].error.code").Should().Be("VALIDATION_FAILED");
        body.Fields("upsert[0].error.details").Should().Equal("variants");
        (await CountRowsAsync()).Products.Should().Be(0);
    }

    [Fact]
    public async Task BatchUpsert_VariantNamesAnId_FailsValidationWithTheProcessItWouldHaveTaken()
    {
        var stored = await SeedProductAsync(new ProductBuilder().WithVariants(1));
        var item = Batch.Item(("title", "T"), ("variants", new object[]
        {
            Batch.Item(("id", stored.Num("variants[0].id")), ("sku", stored.Str("variants[0].sku"))),
        }));

        var (status, body) = await PostAsync(ProductsBatch, Upsert(item));

        status.Should().Be(200, body.Text());
        body.Str("upsert[0].error.code").Should().Be("VALIDATION_FAILED", body.Text());
        body.Fields("upsert[0].error.details").Should().Equal("variants[0].id");
        body.Str("upsert[0].process").Should().Be("update");
    }

    [Fact]
    public async Task BatchUpsert_SkuAlsoClaimedByACreate_CreateKeepsItAndTheUpsertFailsNamingIt()
    {
        var shared = new VariantBuilder();
        var create = new ProductBuilder().WithVariant(shared);
        var upsert = new ProductBuilder().WithVariant(new VariantBuilder().With("sku", shared.Sku));
        var other = new ProductBuilder().WithVariants(1);

        var (status, body) = await PostAsync(ProductsBatch, new Dictionary<string, object?>
        {
            ["create"] = new[] { create.Build() },
            ["upsert"] = new[] { other.Build(), upsert.Build() },
        });

        status.Should().Be(200, body.Text());
        body.Str("create[0].status").Should().Be("succeeded", body.Text());
        body.Str("upsert[1].error.code").Should().Be("DUPLICATE_IN_BATCH");
        body.Str("upsert[1].error.message").Should().EndWith("(create[0]).");
        body.Str("upsert[1].process").Should().Be("insert");
        body.Str("upsert[0].status").Should().Be("succeeded");
        body.Str("upsert[0].process").Should().Be("insert");
        body.At("create[0]")!.AsObject().ContainsKey("process").Should().BeFalse();
        body.Num("summary.total").Should().Be(3);
        body.Num("summary.succeeded").Should().Be(2);
        body.Num("summary.failed").Should().Be(1);
        (await CountRowsAsync()).Products.Should().Be(2);
    }

    [Fact]
    public async Task BatchUpsert_TwoUpsertsOfOneProduct_FailBothDuplicateInBatch()
    {
        var stored = await SeedProductAsync(new ProductBuilder().WithVariants(2));
        Dictionary<string, object?> Item(int variant) => Batch.Item(("title", $"T{variant}"), ("variants", new object[]
        {
            Batch.Item(("sku", stored.Str($"variants[{variant}].sku"))),
        }));

        var (status, body) = await PostAsync(ProductsBatch, Upsert(Item(0), Item(1)));

        status.Should().Be(200, body.Text());
        body.Arr("upsert").Select(r => r.Str("error.code")).Should().Equal("DUPLICATE_IN_BATCH", "DUPLICATE_IN_BATCH");
        body.Str("upsert[0].error.message").Should().Contain("upsert[0]").And.Contain("upsert[1]");
        (await FindProductAsync(stored.Num("id")))!.Variants.Should().HaveCount(2);
    }

    [Fact]
    public async Task BatchUpsert_AtomicWithARefusedUpsert_Answers422AndWritesNothing()
    {
        var create = new ProductBuilder().WithVariants(1);
        var fine = new ProductBuilder().WithVariants(1);
        var refused = Batch.Item(("title", "No SKU"));

        var (status, body) = await PostAsync(ProductsBatch + "?policy=atomic", new Dictionary<string, object?>
        {
            ["create"] = new[] { create.Build() },
            ["upsert"] = new object[] { fine.Build(), refused },
        });

        status.Should().Be(422, body.Text());
        body.Str("create[0].status").Should().Be("not_applied");
        body.Str("upsert[0].status").Should().Be("not_applied");
        body.Str("upsert[0].process").Should().Be("insert");
        body.Str("upsert[1].status").Should().Be("failed");
        body.Str("upsert[1].error.code").Should().Be("VALIDATION_FAILED");
        body.Num("summary.not_applied").Should().Be(2);
        body.Num("summary.failed").Should().Be(1);
        (await CountRowsAsync()).Products.Should().Be(0);
    }

    [Fact]
    public async Task BatchUpsert_InsertFailingValidation_ReportsInsertAndTheField()
    {
        var item = new ProductBuilder().WithVariants(1).Without("title");

        var (status, body) = await PostAsync(ProductsBatch, Upsert(item.Build()));

        status.Should().Be(200, body.Text());
        body.Str("upsert[0].error.code").Should().Be("VALIDATION_FAILED", body.Text());
        body.Fields("upsert[0].error.details").Should().Equal("title");
        body.Str("upsert[0].process").Should().Be("insert");
    }

    [Fact]
    public async Task BatchUpsert_OverTheLimitWithCreates_Answers400BatchTooLarge()
    {
        var creates = Enumerable.Range(0, 500).Select(_ => new ProductBuilder().WithVariants(1).Build());
        var upserts = Enumerable.Range(0, 501).Select(_ => new ProductBuilder().WithVariants(1).Build());

        var (status, body) = await PostAsync(ProductsBatch, new Dictionary<string, object?>
        {
            ["create"] = creates.ToList(),
            ["upsert"] = upserts.ToList(),
        });

        status.Should().Be(400, body.Text());
        body.Str("code").Should().Be("BATCH_TOO_LARGE");
        body.Str("detail").Should().Contain("1001");
        (await CountRowsAsync()).Products.Should().Be(0);
    }

    [Fact]
    public async Task BatchUpsert_EmptyList_Answers400EmptyBatch()
    {
        var (status, body) = await PostRawAsync(ProductsBatch, """{"upsert": []}""");

        status.Should().Be(400, body.Text());
        body.Str("code").Should().Be("EMPTY_BATCH");
    }

    [Fact]
    public async Task Batch_WithoutUpserts_AnswersAnEmptyUpsertListAndNoProcess()
    {
        var (status, body) = await PostAsync(ProductsBatch, Batch.Create(new ProductBuilder()));

        status.Should().Be(200, body.Text());
        body.Arr("upsert").Should().BeEmpty();
        body.At("create[0]")!.AsObject().ContainsKey("process").Should().BeFalse();
    }

    private static Dictionary<string, object?> Upsert(params object[] items) =>
        new(StringComparer.Ordinal) { ["upsert"] = items.ToList() };
}

public sealed class ProductsUpsertTestsOnSqlite(SqliteApiFactory f)
    : ProductsUpsertTests(f), IClassFixture<SqliteApiFactory>;

public sealed class ProductsUpsertTestsOnPostgres(PostgresApiFactory f)
    : ProductsUpsertTests(f), IClassFixture<PostgresApiFactory>;

public sealed class ProductsUpsertTestsOnSqlServer(SqlServerApiFactory f)
    : ProductsUpsertTests(f), IClassFixture<SqlServerApiFactory>;
