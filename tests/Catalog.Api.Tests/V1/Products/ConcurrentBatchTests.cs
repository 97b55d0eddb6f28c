using Catalog.Testing;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Api.Tests.V1.Products;

/// <summary>
/// Two batches racing for the same SKU: whichever loses fails that one item (found by the engine or, if the race is
/// closer, by the unique index), and everything else of both batches is written.
/// </summary>
public abstract class ConcurrentBatchTests(CatalogApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task Batch_TwoRequestsClaimingOneSku_ExactlyOneWinsAndTheRestIsWritten()
    {
        for (var round = 0; round < 5; round++)
        {
            var contested = $"RACE-{round}";
            object Body(string side) => new
            {
                create = new object[]
                {
                    new { title = $"Own {side} {round}", variants = Variant($"OWN-{side}-{round}") },
                    new { title = $"Contested {side} {round}", variants = Variant(contested) },
                },
            };

            var results = await Task.WhenAll(
                PostAsync("/api/v1/products/batch", Body("a")), PostAsync("/api/v1/products/batch", Body("b")));

            results.Should().OnlyContain(r => r.Status == 200);
            var contestedStatuses = results.Select(r => r.Body!["create"]![1]!["status"]!.GetValue<string>()).ToList();
            contestedStatuses.Should().BeEquivalentTo(["succeeded", "failed"]);
            results.Select(r => r.Body!["create"]![1]!["error"]?["code"]?.GetValue<string>())
                .Should().Contain("DUPLICATE_SKU");
            results.Should().OnlyContain(r => r.Body!["create"]![0]!["status"]!.GetValue<string>() == "succeeded");
            (await Factory.QueryAsync(db => db.Variants.CountAsync(v => v.Sku == contested))).Should().Be(1);
            var own = await Factory.QueryAsync(db =>
                db.Variants.CountAsync(v => v.Sku!.StartsWith("OWN-") && v.Sku.EndsWith($"-{round}")));
            own.Should().Be(2);
        }
    }

    private static object[] Variant(string sku) => [new { title = "x", sku }];
}

public sealed class ConcurrentBatchTestsOnSqlite(SqliteApiFactory factory)
    : ConcurrentBatchTests(factory), IClassFixture<SqliteApiFactory>;

public sealed class ConcurrentBatchTestsOnPostgres(PostgresApiFactory factory)
    : ConcurrentBatchTests(factory), IClassFixture<PostgresApiFactory>;

public sealed class ConcurrentBatchTestsOnSqlServer(SqlServerApiFactory factory)
    : ConcurrentBatchTests(factory), IClassFixture<SqlServerApiFactory>;
