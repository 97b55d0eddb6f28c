using Catalog.Testing;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Api.Tests.V1.Products;

public abstract class ProductOptionsUpdateTests(CatalogApiFactory factory) : ApiTest(factory)
{
    private async Task<long> CreateShirtAsync()
    {
        var (_, body) = await PostAsync("/api/v1/products/batch", new
        {
            create = new[]
            {
                new
                {
                    title = "Shirt",
                    options = new[] { new { title = "Size", values = new[] { "S", "XL" } } },
                    variants = new[] { new { title = "XL", sku = "SHIRT-XL", options = Size("XL") } },
                },
            },
        });
        return body!["create"]![0]!["id"]!.GetValue<long>();
    }

    [Fact]
    public async Task Batch_OptionsUpdateThatOrphansAKeptVariant_FailsOnOptionsAndChangesNothing()
    {
        var id = await CreateShirtAsync();

        var options = new[] { new { title = "Size", values = new[] { "S" } } };

        var (status, body) = await PostAsync("/api/v1/products/batch", new { update = new[] { new { id, options } } });

        status.Should().Be(200);
        var result = body!["update"]![0]!;
        result["status"]!.GetValue<string>().Should().Be("failed");
        result["error"]!["code"]!.GetValue<string>().Should().Be("VALIDATION_FAILED");
        result["error"]!["details"]![0]!["field"]!.GetValue<string>().Should().Be("options");
        var stored = await Factory.QueryAsync(db => db.Products.SingleAsync());
        stored.Options.Single().Values.Should().Equal("S", "XL");
    }

    [Fact]
    public async Task Batch_OptionsUpdateWithTheVariantsNewValues_Succeeds()
    {
        var id = await CreateShirtAsync();
        var variantId = await Factory.QueryAsync(db => db.Variants.Select(v => v.Id).SingleAsync());

        var (status, body) = await PostAsync("/api/v1/products/batch", new
        {
            update = new[]
            {
                new
                {
                    id,
                    options = new[] { new { title = "Size", values = new[] { "S", "XXL" } } },
                    variants = new[] { new { id = variantId, options = Size("XXL") } },
                },
            },
        });

        status.Should().Be(200);
        body!["update"]![0]!["status"]!.GetValue<string>().Should().Be("succeeded");
        (await Factory.QueryAsync(db => db.Variants.SingleAsync())).Options["Size"].Should().Be("XXL");
    }

    private static Dictionary<string, string> Size(string size) => new() { ["Size"] = size };
}

public sealed class ProductOptionsUpdateTestsOnSqlite(SqliteApiFactory factory)
    : ProductOptionsUpdateTests(factory), IClassFixture<SqliteApiFactory>;

public sealed class ProductOptionsUpdateTestsOnPostgres(PostgresApiFactory factory)
    : ProductOptionsUpdateTests(factory), IClassFixture<PostgresApiFactory>;

public sealed class ProductOptionsUpdateTestsOnSqlServer(SqlServerApiFactory factory)
    : ProductOptionsUpdateTests(factory), IClassFixture<SqlServerApiFactory>;
