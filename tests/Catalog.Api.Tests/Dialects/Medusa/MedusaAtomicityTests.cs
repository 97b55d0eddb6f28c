using Catalog.Testing;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Api.Tests.Dialects.Medusa;

/// <summary>
/// A Medusa batch is atomic: when any item fails while the batch is applied, nothing of it is written, and the answer
/// is Medusa's error naming the failed item.
/// </summary>
public abstract class MedusaAtomicityTests(CatalogApiFactory factory) : MedusaApiTest(factory)
{
    [Fact]
    public async Task Batch_LastCreateTakesAnExistingSku_WritesNothingAndAnswers400NamingIt()
    {
        var existing = await MedusaSeedAsync(MedusaProduct("TAKEN-1"));
        var before = await CountRowsAsync();
        var update = new Dictionary<string, object?> { ["id"] = existing[0].Str("id"), ["title"] = "Renamed" };

        var (status, body) = await MedusaPostAsync(MedusaProductsBatch, new Dictionary<string, object?>
        {
            ["create"] = new[] { MedusaProduct(), MedusaProduct(), MedusaProduct("TAKEN-1") },
            ["update"] = new[] { update },
        });

        status.Should().Be(400, body.Text());
        body.Str("type").Should().Be("invalid_data");
        body.Str("message").Should().Contain("TAKEN-1").And.EndWith("at \"create[2].variants[0].sku\"");
        (await CountRowsAsync()).Should().Be(before);
        (await FindProductAsync(NumberOf(existing[0].Str("id")!)))!.Title.Should().NotBe("Renamed");
    }

    [Fact]
    public async Task Batch_LastUpdateNamesAMissingProduct_WritesNothingAndAnswers404NamingIt()
    {
        var existing = await MedusaSeedAsync(MedusaProduct());
        var before = await CountRowsAsync();

        var (status, body) = await MedusaPostAsync(MedusaProductsBatch, new Dictionary<string, object?>
        {
            ["create"] = new[] { MedusaProduct() },
            ["update"] = new[]
            {
                new Dictionary<string, object?> { ["id"] = existing[0].Str("id"), ["title"] = "Renamed" },
                new Dictionary<string, object?> { ["id"] = "prod_424242", ["title"] = "Ghost" },
            },
        });

        status.Should().Be(404, body.Text());
        body.Str("type").Should().Be("not_found");
        body.Str("message").Should().Be("Product with id: prod_424242 was not found at \"update[1].id\"");
        (await CountRowsAsync()).Should().Be(before);
        (await FindProductAsync(NumberOf(existing[0].Str("id")!)))!.Title.Should().NotBe("Renamed");
    }

    [Fact]
    public async Task Batch_LastDeleteNamesAMissingProduct_DeletesNothing()
    {
        var existing = await MedusaSeedAsync(MedusaProduct(), MedusaProduct());
        var before = await CountRowsAsync();

        var (status, body) = await MedusaPostAsync(MedusaProductsBatch, new Dictionary<string, object?>
        {
            ["delete"] = new[] { existing[0].Str("id"), existing[1].Str("id"), "prod_424242" },
        });

        status.Should().Be(404, body.Text());
        body.Str("message").Should().Contain("prod_424242").And.Contain("delete[2]");
        (await CountRowsAsync()).Should().Be(before);
    }

    [Fact]
    public async Task Batch_UnknownCategory_IsNotFoundAndWritesNothing()
    {
        var product = MedusaProduct();
        product["categories"] = new[] { new Dictionary<string, object?> { ["id"] = "pcat_999" } };

        var (status, body) = await MedusaPostAsync(
            MedusaProductsBatch, new Dictionary<string, object?> { ["create"] = new[] { MedusaProduct(), product } });

        status.Should().Be(404, body.Text());
        body.Str("type").Should().Be("not_found");
        body.Str("message").Should().Contain("pcat_999").And.Contain("at \"create[1].categories[0].id\"");
        (await CountRowsAsync()).Products.Should().Be(0);
    }

    [Fact]
    public async Task Batch_SeveralItemsFail_NamesEachOnItsOwnLine()
    {
        await MedusaSeedAsync(MedusaProduct("TAKEN-1"));

        // The first create finds the SKU taken in the database; the second also repeats the first's claim.
        var (status, body) = await MedusaPostAsync(MedusaProductsBatch, new Dictionary<string, object?>
        {
            ["create"] = new[] { MedusaProduct("TAKEN-1"), MedusaProduct("TAKEN-1") },
        });

        status.Should().Be(400, body.Text());
        body.Str("message")!.Split('\n').Should().HaveCount(2)
            .And.Contain(line => line.EndsWith("at \"create[0].variants[0].sku\"", StringComparison.Ordinal))
            .And.Contain(line => line.EndsWith("at \"create[1].variants[0].sku\"", StringComparison.Ordinal));
        (await CountRowsAsync()).Products.Should().Be(1);
    }

    [Fact]
    public async Task Batch_AllItemsFine_WritesThemAllInOrder()
    {
        var existing = await MedusaSeedAsync(MedusaProduct(), MedusaProduct());

        var (status, body) = await MedusaPostAsync(MedusaProductsBatch, new Dictionary<string, object?>
        {
            ["create"] = new[] { MedusaProduct("ORDER-1"), MedusaProduct("ORDER-2") },
            ["update"] = new[]
            {
                new Dictionary<string, object?>
                {
                    ["id"] = existing[0].Str("id"), ["title"] = "Renamed", ["status"] = "published",
                },
            },
            ["delete"] = new[] { existing[1].Str("id") },
        });

        status.Should().Be(200, body.Text());
        body.Arr("created").Select(p => p.Str("variants[0].sku")).Should().Equal("ORDER-1", "ORDER-2");
        body.Str("updated[0].title").Should().Be("Renamed");
        body.Str("updated[0].status").Should().Be("published");
        (await CountRowsAsync()).Products.Should().Be(3);
        var deleted = NumberOf(existing[1].Str("id")!);
        (await Factory.QueryAsync(db => db.Products.AnyAsync(p => p.Id == deleted))).Should().BeFalse();
    }
}

public sealed class MedusaAtomicityTestsOnSqlite(SqliteApiFactory f)
    : MedusaAtomicityTests(f), IClassFixture<SqliteApiFactory>;

public sealed class MedusaAtomicityTestsOnPostgres(PostgresApiFactory f)
    : MedusaAtomicityTests(f), IClassFixture<PostgresApiFactory>;

public sealed class MedusaAtomicityTestsOnSqlServer(SqlServerApiFactory f)
    : MedusaAtomicityTests(f), IClassFixture<SqlServerApiFactory>;
