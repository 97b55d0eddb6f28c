using System.Text.Json.Nodes;
using Catalog.Testing;

namespace Catalog.Api.Tests.V1.Products;

/// <summary>
/// Two variants of one product never have the same option values (titles alike whatever their case, values exactly):
/// the later one fails with DUPLICATE_OPTIONS, whether the other is stored or in the same batch, on every route that
/// writes variants. A variant with no option values names no combination and repeats none.
/// </summary>
public abstract class VariantOptionsTests(CatalogApiFactory factory) : CatalogApiTest(factory)
{
    private const string AnyVariantsBatch = "/api/v1/variants/batch";

    [Fact]
    public async Task VariantsBatch_CreateRepeatingAStoredVariantsOptions_FailsWithDuplicateOptions()
    {
        var product = await SeedSizedAsync("S");

        var (status, body) = await PostAsync(VariantsBatch(product.Num("id")), new
        {
            create = new object[] { Sized("Twin", "S"), Sized("Medium", "M") },
        });

        status.Should().Be(200, body.Text());
        body.Str("create[0].error.code").Should().Be("DUPLICATE_OPTIONS", body.Text());
        body.Str("create[0].error.message").Should().Be("Variant (Small) with provided options already exists.");
        body.Fields("create[0].error.details").Should().Equal("options");
        body.Str("create[1].status").Should().Be("succeeded");
        (await FindProductAsync(product.Num("id")))!.Variants.Select(v => v.Title)
            .Should().BeEquivalentTo("Small", "Medium");
    }

    [Fact]
    public async Task VariantsBatch_TwoCreatesWithOneCombination_CreatesTheFirst()
    {
        var product = await SeedSizedAsync();

        var (status, body) = await PostAsync(VariantsBatch(product.Num("id")), new
        {
            create = new object[] { Sized("First", "M"), Sized("Second", "M", title: "size") },
        });

        status.Should().Be(200, body.Text());
        body.Str("create[0].status").Should().Be("succeeded", body.Text());
        body.Str("create[1].error.code").Should().Be("DUPLICATE_OPTIONS");
        body.Str("create[1].error.message").Should().Be("Variant (First) with provided options already exists.");
    }

    [Fact]
    public async Task VariantsBatch_UpdateIntoASiblingsOptions_FailsAndLeavesTheVariant()
    {
        var product = await SeedSizedAsync("S", "M");
        var medium = product.Num("variants[1].id");

        var (status, body) = await PostAsync(VariantsBatch(product.Num("id")), new
        {
            update = new object[] { new { id = medium, options = new Dictionary<string, string> { ["Size"] = "S" } } },
        });

        status.Should().Be(200, body.Text());
        body.Str("update[0].error.code").Should().Be("DUPLICATE_OPTIONS", body.Text());
        (await FindVariantAsync(medium))!.Options.Should().Equal(new Dictionary<string, string> { ["Size"] = "M" });
        (await FindVariantAsync(medium))!.Version.Should().Be(1);
    }

    [Fact]
    public async Task VariantsBatch_DeleteAndCreateOfOneCombination_FreesItFirst()
    {
        var product = await SeedSizedAsync("S");

        var (status, body) = await PostAsync(VariantsBatch(product.Num("id")), new
        {
            create = new object[] { Sized("New small", "S") },
            delete = new[] { product.Num("variants[0].id") },
        });

        status.Should().Be(200, body.Text());
        body.Num("summary.succeeded").Should().Be(2, body.Text());
        (await FindProductAsync(product.Num("id")))!.Variants.Select(v => v.Title).Should().Equal("New small");
    }

    [Fact]
    public async Task VariantsBatch_VariantsWithoutOptions_NeverCollide()
    {
        var product = await SeedSizedAsync();

        var (status, body) = await PostAsync(VariantsBatch(product.Num("id")), new
        {
            create = new object[] { new { title = "Plain 1" }, new { title = "Plain 2" } },
        });

        status.Should().Be(200, body.Text());
        body.Num("summary.succeeded").Should().Be(2, body.Text());
    }

    [Fact]
    public async Task VariantsAcrossProducts_SameCombinationInTwoProducts_OnlyRepeatsWithinOne()
    {
        var (a, b) = (await SeedSizedAsync("S"), await SeedSizedAsync());

        var (status, body) = await PostAsync(AnyVariantsBatch, new
        {
            create = new object[]
            {
                new { product_id = b.Num("id"), title = "B small", options = Size("S") },
                new { product_id = a.Num("id"), title = "A small", options = Size("S") },
            },
        });

        status.Should().Be(200, body.Text());
        body.Str("create[0].status").Should().Be("succeeded", body.Text());
        body.Str("create[1].error.code").Should().Be("DUPLICATE_OPTIONS");
    }

    [Fact]
    public async Task VariantsUpsert_InsertRepeatingAStoredCombination_FailsWithDuplicateOptions()
    {
        var product = await SeedSizedAsync("S");

        var (status, body) = await PostAsync(VariantsBatch(product.Num("id")), new
        {
            upsert = new object[] { new VariantBuilder().With("options", Size("S")).Build() },
        });

        status.Should().Be(200, body.Text());
        body.Str("upsert[0].error.code").Should().Be("DUPLICATE_OPTIONS", body.Text());
        body.Str("upsert[0].process").Should().Be("insert");
    }

    [Fact]
    public async Task ProductsBatch_CreateWithTwinVariants_FailsAtTheLaterVariant()
    {
        var product = Sized(new ProductBuilder(), "S", "M")
            .WithVariant(new VariantBuilder().With("title", "Again").With("options", Size("S")));

        var (status, body) = await PostAsync(ProductsBatch, new { create = new[] { product.Build() } });

        status.Should().Be(200, body.Text());
        body.Str("create[0].error.code").Should().Be("DUPLICATE_OPTIONS", body.Text());
        body.Fields("create[0].error.details").Should().Equal("variants[2].options");
        (await CountRowsAsync()).Products.Should().Be(0);
    }

    /// <summary>A product with the option Size (S, M, L) and a variant per size given (Small, Medium).</summary>
    private Task<JsonNode> SeedSizedAsync(params string[] sizes) =>
        SeedProductAsync(Sized(new ProductBuilder(), sizes));

    private static ProductBuilder Sized(ProductBuilder product, params string[] sizes)
    {
        product.With("options", new[] { new { title = "Size", values = new[] { "S", "M", "L" } } });
        foreach (var size in sizes)
        {
            product.WithVariant(new VariantBuilder()
                .With("title", size == "S" ? "Small" : "Medium").With("options", Size(size)));
        }

        return product;
    }

    private static Dictionary<string, object?> Sized(string name, string size, string title = "Size") =>
        new VariantBuilder().With("title", name).With("options", new Dictionary<string, string> { [title] = size })
            .Build();

    private static Dictionary<string, string> Size(string size) => new() { ["Size"] = size };
}

public sealed class VariantOptionsTestsOnSqlite(SqliteApiFactory f)
    : VariantOptionsTests(f), IClassFixture<SqliteApiFactory>;

public sealed class VariantOptionsTestsOnPostgres(PostgresApiFactory f)
    : VariantOptionsTests(f), IClassFixture<PostgresApiFactory>;
