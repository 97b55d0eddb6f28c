using Catalog.Testing;

namespace Catalog.Api.Tests.Dialects.Trade;

/// <summary>
/// A trade batch costs the database reads of the same updates sent to the canonical API: the dialect translates and
/// reads nothing itself. Sizes up to the trade API's own limit of 100 updates.
/// </summary>
public abstract class TradeReadCountTests(CatalogApiFactory factory) : TradeApiTest(factory)
{
    [Theory]
    [InlineData(10)]
    [InlineData(100)]
    public async Task Batch_ReadsWhatTheSameCanonicalBatchReads(int size)
    {
        var (_, forTrade) = await SeedTradeProductsAsync(size);
        var (_, forCanonical) = await SeedTradeProductsAsync(size);
        var other = (await SeedCategoriesAsync(new CategoryBuilder()))[0].Num("id");

        Factory.Statements.Reset();
        var (tradeStatus, trade) = await TradePatchAsync(Updates([.. forTrade.Select(id => $$"""
            {
              "id": {{id}}, "name": "Counted", "tradeCategoryId": {{other}},
              "pricing": {"pricingType": "FIXED", "price": 10}, "isActive": false
            }
            """)]));
        var tradeReads = Factory.Statements.Reads;

        Factory.Statements.Reset();
        var (status, canonical) = await PostAsync(ProductsBatch, Batch.Of(update: forCanonical.Select(id => Batch.Item(
            ("id", id),
            ("title", "Counted"),
            ("category_ids", new[] { other }),
            ("status", "draft"),
            ("extensions", new { trade = new { pricingType = "FIXED", price = 10 } })))));
        var canonicalReads = Factory.Statements.Reads;

        tradeStatus.Should().Be(200, trade.Text());
        trade.Num("summary.succeeded").Should().Be(size, trade.Text());
        status.Should().Be(200, canonical.Text());
        canonical.Num("summary.succeeded").Should().Be(size, canonical.Text());
        tradeReads.Should().Be(canonicalReads).And.BeGreaterThan(0);
    }
}

public sealed class TradeReadCountTestsOnSqlite(SqliteApiFactory f)
    : TradeReadCountTests(f), IClassFixture<SqliteApiFactory>;

public sealed class TradeReadCountTestsOnPostgres(PostgresApiFactory f)
    : TradeReadCountTests(f), IClassFixture<PostgresApiFactory>;

public sealed class TradeReadCountTestsOnSqlServer(SqlServerApiFactory f)
    : TradeReadCountTests(f), IClassFixture<SqlServerApiFactory>;
