using Catalog.Testing;

namespace Catalog.Api.Tests.V1.Products;

/// <summary>
/// <c>upsert</c> in <c>POST /api/v1/products/{productId}/variants/batch</c>: variants matched by SKU.
/// </summary>
public abstract class VariantsUpsertTests(CatalogApiFactory factory) : CatalogApiTest(factory)
{
    [Fact]
    public async Task BatchVariantsUpsert_KnownAndUnknownSku_UpdatesOnlyTheFieldsSentAndCreatesTheNewOne()
    {
        var product = await SeedProductAsync(
            new ProductBuilder().WithVariant(new VariantBuilder().With("barcode", "BC-1")));
        var stored = product.At("variants[0]");
        var added = new VariantBuilder();

        var (status, body) = await PostAsync(VariantsBatch(product.Num("id")), Upsert(
            Batch.Item(("sku", stored.Str("sku")), ("stock_quantity", 7)),
            added.Build()));

        status.Should().Be(200, body.Text());
        body.Arr("upsert").Select(r => (r.Str("status"), r.Str("process")))
            .Should().Equal(("succeeded", "update"), ("succeeded", "insert"));
        body.Num("upsert[0].id").Should().Be(stored.Num("id"));
        body.Num("upsert[0].variant.stock_quantity").Should().Be(7);
        body.Str("upsert[1].variant.sku").Should().Be(added.Sku);
        body.Num("summary.succeeded").Should().Be(2);
        var variant = await FindVariantAsync(stored.Num("id"));
        variant!.StockQuantity.Should().Be(7);
        variant.Barcode.Should().Be("BC-1");
        variant.Title.Should().Be(stored.Str("title"));
        variant.Prices.Should().HaveCount(1, "prices left out stay");
        (await FindProductAsync(product.Num("id")))!.Variants.Should().HaveCount(2);
    }

    [Fact]
    public async Task BatchVariantsUpsert_SameBodyTwice_InsertsThenUpdates()
    {
        var product = await SeedProductAsync(new ProductBuilder().WithVariants(1));
        var item = new VariantBuilder();

        var (_, first) = await PostAsync(VariantsBatch(product.Num("id")), Upsert(item.Build()));
        var (status, second) = await PostAsync(
            VariantsBatch(product.Num("id")), Upsert(item.With("title", "Renamed").Build()));

        first.Str("upsert[0].process").Should().Be("insert", first.Text());
        status.Should().Be(200, second.Text());
        second.Str("upsert[0].status").Should().Be("succeeded", second.Text());
        second.Str("upsert[0].process").Should().Be("update");
        second.Num("upsert[0].id").Should().Be(first.Num("upsert[0].id"));
        second.Str("upsert[0].variant.title").Should().Be("Renamed");
        (await CountRowsAsync()).Variants.Should().Be(2);
    }

    [Fact]
    public async Task BatchVariantsUpsert_SkuOfAnotherProduct_FailsDuplicateSkuAndLeavesBothAlone()
    {
        var product = await SeedProductAsync(new ProductBuilder().WithVariants(1));
        var other = await SeedProductAsync(new ProductBuilder().WithVariants(1));
        var before = await CountRowsAsync();

        var (status, body) = await PostAsync(VariantsBatch(product.Num("id")), Upsert(
            Batch.Item(("sku", other.Str("variants[0].sku")), ("stock_quantity", 1))));

        status.Should().Be(200, body.Text());
        body.Str("upsert[0].status").Should().Be("failed");
        body.Str("upsert[0].error.code").Should().Be("DUPLICATE_SKU");
        body.Fields("upsert[0].error.details").Should().Equal("sku");
        body.Str("upsert[0].error.message").Should()
            .Contain(other.Num("id").ToString(System.Globalization.CultureInfo.InvariantCulture));
        (await CountRowsAsync()).Should().Be(before);
        (await FindVariantAsync(other.Num("variants[0].id")))!.StockQuantity.Should().Be(10);
    }

    [Theory]
    [InlineData("""{"title": "No SKU"}""")]
    [InlineData("""{"title": "Null SKU", "sku": null}""")]
    public async Task BatchVariantsUpsert_MissingSku_FailsValidationOnSku(string item)
    {
        var product = await SeedProductAsync(new ProductBuilder().WithVariants(1));

        var (status, body) = await PostRawAsync(VariantsBatch(product.Num("id")), $$"""{"upsert": [{{item}}]}""");

        status.Should().Be(200, body.Text());
        body.Str("upsert[0].status").Should().Be("failed");
        body.Str("upsert[0].error.code").Should().Be("VALIDATION_FAILED");
        body.Fields("upsert[0].error.details").Should().Equal("sku");
        body.At("upsert[0].id").Should().BeNull();
        (await CountRowsAsync()).Variants.Should().Be(1);
    }

    [Fact]
    public async Task BatchVariantsUpsert_TwoUpsertsOfOneSku_InsertsTheFirstAndFailsTheSecondDuplicateInBatch()
    {
        var product = await SeedProductAsync(new ProductBuilder().WithVariants(1));
        // A SKU may hold any text, also what looks like a place in a batch: only the places the message ends with
        // are renamed.
        var sku = $"SKU-{Unique.Next()} (create[9]).";
        var item = new VariantBuilder().With("sku", sku);

        var (status, body) = await PostAsync(VariantsBatch(product.Num("id")), Upsert(item.Build(), item.Build()));

        status.Should().Be(200, body.Text());
        body.Arr("upsert").Select(r => r.Str("status")).Should().Equal("succeeded", "failed");
        body.Str("upsert[1].error.code").Should().Be("DUPLICATE_IN_BATCH");
        body.Str("upsert[1].error.message").Should()
            .Be($"The SKU '{sku}' is claimed by an earlier item of this batch (upsert[0]).");
        body.Arr("upsert").Select(r => r.Str("process")).Should().Equal("insert", "insert");
        (await CountRowsAsync()).Variants.Should().Be(2);
    }

    [Fact]
    public async Task BatchVariantsUpsert_AtomicWithOtherProductsSku_Answers422AndWritesNothing()
    {
        var product = await SeedProductAsync(new ProductBuilder().WithVariants(1));
        var other = await SeedProductAsync(new ProductBuilder().WithVariants(1));
        var before = await CountRowsAsync();

        var (status, body) = await PostAsync(VariantsBatch(product.Num("id")) + "?policy=atomic", Upsert(
            new VariantBuilder().Build(),
            Batch.Item(("sku", other.Str("variants[0].sku")))));

        status.Should().Be(422, body.Text());
        body.Str("upsert[0].status").Should().Be("not_applied");
        body.Str("upsert[1].error.code").Should().Be("DUPLICATE_SKU");
        (await CountRowsAsync()).Should().Be(before);
    }

    private static Dictionary<string, object?> Upsert(params object[] items) =>
        new(StringComparer.Ordinal) { ["upsert"] = items.ToList() };
}

public sealed class VariantsUpsertTestsOnSqlite(SqliteApiFactory f)
    : VariantsUpsertTests(f), IClassFixture<SqliteApiFactory>;

public sealed class VariantsUpsertTestsOnPostgres(PostgresApiFactory f)
    : VariantsUpsertTests(f), IClassFixture<PostgresApiFactory>;

public sealed class VariantsUpsertTestsOnSqlServer(SqlServerApiFactory f)
    : VariantsUpsertTests(f), IClassFixture<SqlServerApiFactory>;
