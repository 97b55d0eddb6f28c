using Catalog.Testing;

namespace Catalog.Api.Tests.Dialects.Medusa;

/// <summary>
/// A variant whose option values repeat another variant's of the product is refused as Medusa refuses it:
/// <c>400 invalid_data "Variant (title) with provided options already exists."</c>, and nothing is written.
/// </summary>
public abstract class MedusaVariantOptionsTests(CatalogApiFactory factory) : MedusaApiTest(factory)
{
    [Fact]
    public async Task BatchVariants_CreateRepeatingAStoredVariantsOptions_Answers400InMedusasWords()
    {
        var product = (await MedusaSeedAsync(MedusaProduct("MVO-1")))[0];
        var twin = MedusaVariant("MVO-2", "S");

        var (status, body) = await MedusaPostAsync(MedusaVariantsBatch(product.Str("id")!),
            new Dictionary<string, object?> { ["create"] = new[] { twin } });

        status.Should().Be(400, body.Text());
        body.Str("type").Should().Be("invalid_data");
        body.Str("message").Should().Be("Variant (Variant MVO-1) with provided options already exists.");
        (await CountRowsAsync()).Variants.Should().Be(1);
    }

    [Fact]
    public async Task Batch_ProductWithTwinVariants_Answers400InMedusasWords()
    {
        var product = MedusaProduct("MVO-3");
        product["variants"] = new[] { MedusaVariant("MVO-3", "M"), MedusaVariant("MVO-4", "M") };

        var (status, body) = await MedusaPostAsync(
            MedusaProductsBatch, new Dictionary<string, object?> { ["create"] = new[] { product } });

        status.Should().Be(400, body.Text());
        body.Str("type").Should().Be("invalid_data");
        body.Str("message").Should().Be("Variant (Variant MVO-3) with provided options already exists.");
        (await CountRowsAsync()).Products.Should().Be(0);
    }
}

public sealed class MedusaVariantOptionsTestsOnSqlite(SqliteApiFactory f)
    : MedusaVariantOptionsTests(f), IClassFixture<SqliteApiFactory>;

public sealed class MedusaVariantOptionsTestsOnPostgres(PostgresApiFactory f)
    : MedusaVariantOptionsTests(f), IClassFixture<PostgresApiFactory>;
