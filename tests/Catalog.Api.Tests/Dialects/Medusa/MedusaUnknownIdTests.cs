using Catalog.Testing;

namespace Catalog.Api.Tests.Dialects.Medusa;

/// <summary>
/// Ids are opaque strings to a Medusa client: one Catalog did not issue (<c>prod_ABC</c>, <c>42</c>) names no row and
/// is answered 404 <c>not_found</c> in Medusa's words, in a read, a single write and an atomic batch alike; a batch
/// naming one writes nothing.
/// </summary>
public abstract class MedusaUnknownIdTests(CatalogApiFactory factory) : MedusaApiTest(factory)
{
    [Theory]
    [InlineData("prod_ABC")]
    [InlineData("prod_999999")]
    [InlineData("01J9ZQK4")]
    public async Task Get_UnknownId_Answers404InMedusasWords(string id)
    {
        var (status, body) = await MedusaGetAsync($"{MedusaProducts}/{id}");

        status.Should().Be(404, body.Text());
        body.Str("type").Should().Be("not_found");
        body.Str("message").Should().Be($"Product with id: {id} was not found");
    }

    [Fact]
    public async Task SingleRoutes_UnknownIds_Answer404AndWriteNothing()
    {
        var created = (await MedusaSeedAsync(MedusaProduct()))[0];
        var id = created.Str("id")!;
        var before = await CountRowsAsync();

        var update = await MedusaPostAsync($"{MedusaProducts}/prod_ABC", new { title = "x" });
        var delete = await MedusaDeleteAsync($"{MedusaProducts}/prod_ABC");
        var variants = await MedusaGetAsync($"{MedusaProducts}/prod_ABC/variants");
        var variantUpdate = await MedusaPostAsync($"{MedusaProducts}/{id}/variants/variant_ABC", new { title = "x" });
        var variantDelete = await MedusaDeleteAsync($"{MedusaProducts}/{id}/variants/variant_ABC");
        var variantGet = await MedusaGetAsync($"{MedusaProducts}/{id}/variants/variant_ABC");

        update.Body.Str("message").Should().Be("Product with id: prod_ABC was not found");
        delete.Body.Str("message").Should().Be("Product with id: prod_ABC was not found");
        variants.Body.Str("message").Should().Be("Product with id: prod_ABC was not found");
        variantUpdate.Body.Str("message").Should().Be("ProductVariant with id: variant_ABC was not found");
        variantDelete.Body.Str("message").Should().Be("ProductVariant with id: variant_ABC was not found");
        variantGet.Body.Str("message").Should().Be("ProductVariant with id: variant_ABC was not found");
        new[] { update, delete, variants, variantUpdate, variantDelete, variantGet }
            .Select(r => (r.Status, Type: r.Body.Str("type"))).Should().AllBeEquivalentTo((404, "not_found"));
        (await CountRowsAsync()).Should().Be(before);
    }

    [Fact]
    public async Task Batch_UpdateAndDeleteNamingForeignIds_FailsWhole404NamingEach()
    {
        var existing = await MedusaSeedAsync(MedusaProduct());
        var before = await CountRowsAsync();

        var (status, body) = await MedusaPostAsync(MedusaProductsBatch, new Dictionary<string, object?>
        {
            ["create"] = new[] { MedusaProduct() },
            ["update"] = new[]
            {
                new Dictionary<string, object?> { ["id"] = existing[0].Str("id"), ["title"] = "Renamed" },
                new Dictionary<string, object?> { ["id"] = "prod_ABC", ["title"] = "Ghost" },
            },
            ["delete"] = new[] { "42" },
        });

        status.Should().Be(404, body.Text());
        body!.AsObject().Select(p => p.Key).Should().Equal("type", "message");
        body.Str("type").Should().Be("not_found");
        body.Str("message")!.Split('\n').Should().Equal(
            "Product with id: prod_ABC was not found at \"update[1].id\"",
            "Product with id: 42 was not found at \"delete[0]\"");
        (await CountRowsAsync()).Should().Be(before);
        (await FindProductAsync(NumberOf(existing[0].Str("id")!)))!.Title.Should().NotBe("Renamed");
    }

    [Fact]
    public async Task VariantsBatch_ForeignVariantId_FailsWhole404InMedusasWords()
    {
        var created = (await MedusaSeedAsync(MedusaProduct()))[0];
        var before = await CountRowsAsync();

        var url = MedusaVariantsBatch(created.Str("id")!);
        var (status, body) = await MedusaPostAsync(url, new Dictionary<string, object?>
        {
            ["create"] = new[] { MedusaVariant($"NEW-{Unique.Next()}", "M") },
            ["delete"] = new[] { "variant_01HZX" },
        });

        status.Should().Be(404, body.Text());
        body.Str("message").Should().Be("ProductVariant with id: variant_01HZX was not found at \"delete[0]\"");
        (await CountRowsAsync()).Should().Be(before);
    }

    [Fact]
    public async Task Batch_CategoryCatalogDidNotIssue_Answers404NamingIt()
    {
        var product = MedusaProduct();
        product["categories"] = new[] { new Dictionary<string, object?> { ["id"] = "pcat_shoes" } };

        var (status, body) = await MedusaPostAsync(
            MedusaProductsBatch, new Dictionary<string, object?> { ["create"] = new[] { product } });

        status.Should().Be(404, body.Text());
        body.Str("message").Should().Be(
            "ProductCategory with id: pcat_shoes was not found at \"create[0].categories[0].id\"");
    }
}

public sealed class MedusaUnknownIdTestsOnSqlite(SqliteApiFactory f)
    : MedusaUnknownIdTests(f), IClassFixture<SqliteApiFactory>;

public sealed class MedusaUnknownIdTestsOnPostgres(PostgresApiFactory f)
    : MedusaUnknownIdTests(f), IClassFixture<PostgresApiFactory>;

public sealed class MedusaUnknownIdTestsOnSqlServer(SqlServerApiFactory f)
    : MedusaUnknownIdTests(f), IClassFixture<SqlServerApiFactory>;
