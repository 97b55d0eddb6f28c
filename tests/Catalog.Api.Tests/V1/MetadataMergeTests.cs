using System.Text.Json.Nodes;
using Catalog.Testing;

namespace Catalog.Api.Tests.V1;

/// <summary>
/// An update's <c>metadata</c> is a JSON merge patch (RFC 7396) on products, variants and categories: keys sent are
/// set, a key sent as null is removed, an object merges into an object, the rest stays; <c>null</c> clears it all.
/// </summary>
public abstract class MetadataMergeTests(CatalogApiFactory factory) : CatalogApiTest(factory)
{
    [Fact]
    public async Task ProductUpdate_MetadataPatch_MergesKeyByKeyAndNullRemoves()
    {
        var product = await SeedProductAsync(new ProductBuilder().With(
            "metadata", JsonNode.Parse("""{"a": 1, "b": {"x": 1, "y": 2}, "c": "keep", "n": 1.50}""")));
        var id = product.Num("id");

        var (status, body) = await UpdateProductAsync(
            id, ("metadata", JsonNode.Parse("""{"a": null, "b": {"y": null, "z": 3}, "d": true}""")));
        var (_, read) = await GetAsync($"/api/v1/products/{id}");
        var (_, cleared) = await UpdateProductAsync(id, ("metadata", null));

        status.Should().Be(200, body.Text());
        body.Str("update[0].status").Should().Be("succeeded", body.Text());
        var expected = JsonNode.Parse("""{"b": {"x": 1, "z": 3}, "c": "keep", "n": 1.50, "d": true}""");
        JsonNode.DeepEquals(read!["metadata"], expected).Should().BeTrue(read.Text());
        read!["metadata"]!.ToJsonString().Should().Contain("1.50");
        cleared.At("update[0].product.metadata").Should().BeNull(cleared.Text());
    }

    [Fact]
    public async Task VariantAndCategoryUpdates_MetadataPatch_MergeIntoWhatIsStored()
    {
        var category = (await SeedCategoriesAsync(new CategoryBuilder().With("metadata", new { a = 1, b = 2 })))[0];
        var product = await SeedProductAsync(
            new ProductBuilder().WithVariant(new VariantBuilder().With("metadata", new { a = 1, b = 2 })));
        var variant = product.Num("variants[0].id");

        var (categoryStatus, categoryBody) = await PostAsync(CategoriesBatch, Batch.Update(
            Batch.Item(("id", category.Num("id")), ("metadata", JsonNode.Parse("""{"b": null, "c": 3}""")))));
        var (variantStatus, variantBody) = await PostAsync(VariantsBatch(product.Num("id")), Batch.Update(
            Batch.Item(("id", variant), ("metadata", JsonNode.Parse("""{"a": null, "c": 3}""")))));

        categoryStatus.Should().Be(200, categoryBody.Text());
        JsonNode.DeepEquals(categoryBody.At("update[0].category.metadata"), JsonNode.Parse("""{"a": 1, "c": 3}"""))
            .Should().BeTrue(categoryBody.Text());
        variantStatus.Should().Be(200, variantBody.Text());
        JsonNode.DeepEquals(variantBody.At("update[0].variant.metadata"), JsonNode.Parse("""{"b": 2, "c": 3}"""))
            .Should().BeTrue(variantBody.Text());
    }

    [Fact]
    public async Task ProductUpdate_MetadataThatWouldOutgrowTheLimit_FailsTheItemAndKeepsWhatIsStored()
    {
        var big = new string('x', 40_000);
        var product = await SeedProductAsync(new ProductBuilder().With("metadata", new { first = big }));
        var id = product.Num("id");

        var (status, body) = await UpdateProductAsync(id, ("metadata", new { second = big }));
        var (_, read) = await GetAsync($"/api/v1/products/{id}");

        status.Should().Be(200, body.Text());
        body.Str("update[0].error.code").Should().Be("VALIDATION_FAILED", body.Text());
        body.Fields("update[0].error.details").Should().Equal("metadata");
        read!["metadata"]!.AsObject().Select(p => p.Key).Should().Equal("first");
    }
}

public sealed class MetadataMergeTestsOnSqlite(SqliteApiFactory f)
    : MetadataMergeTests(f), IClassFixture<SqliteApiFactory>;

public sealed class MetadataMergeTestsOnPostgres(PostgresApiFactory f)
    : MetadataMergeTests(f), IClassFixture<PostgresApiFactory>;

public sealed class MetadataMergeTestsOnSqlServer(SqlServerApiFactory f)
    : MetadataMergeTests(f), IClassFixture<SqlServerApiFactory>;
