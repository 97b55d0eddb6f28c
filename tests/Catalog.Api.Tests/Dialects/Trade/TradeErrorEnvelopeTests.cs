using System.Text.Json.Nodes;
using Catalog.Infrastructure.Auth;
using Catalog.Testing;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Api.Tests.Dialects.Trade;

/// <summary>
/// Every error of the trade dialect outside items answers <c>{success: false, message, error: {status, ...}}</c> and
/// writes nothing: too many updates, no or a bad token, a read-only key, a body that is not a batch, and an
/// unexpected failure in the middle of the write.
/// </summary>
public abstract class TradeErrorEnvelopeTests(CatalogApiFactory factory) : TradeApiTest(factory)
{
    [Fact]
    public async Task Batch_HundredAndOneUpdates_Answers400BatchTooLargeAndWritesNothing()
    {
        var (_, ids) = await SeedTradeProductsAsync(2);

        var (status, body) = await TradePatchAsync(Updates(
            [.. Enumerable.Range(0, 101).Select(i => $$"""{"id": {{ids[i % 2]}}, "name": "Renamed {{i}}"}""")]));

        status.Should().Be(400, body.Text());
        SameJson(body, """
            {
              "success": false,
              "message": "Batch size exceeds maximum of 100 items",
              "error": {
                "status": 400, "code": "BATCH_TOO_LARGE", "message": "Batch size exceeds maximum of 100 items"
              }
            }
            """).Should().BeTrue(body.Text());
        await NothingWrittenAsync(ids);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("cat_not-a-key-anyone-was-given")]
    public async Task Batch_MissingOrUnknownToken_Answers401InvalidTokenAndWritesNothing(string? token)
    {
        var (_, ids) = await SeedTradeProductsAsync(1);
        using var client = Factory.CreateClientWithKey(token);

        using var response = await client.PatchAsync(
            TradeBatch, Body(Updates($$"""{"id": {{ids[0]}}, "name": "Intruder"}""")));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync());

        ((int)response.StatusCode).Should().Be(401, body.Text());
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        SameJson(body, """
            {
              "success": false, "message": "Invalid or expired token",
              "error": {"status": 401, "message": "Invalid or expired token"}
            }
            """).Should().BeTrue(body.Text());
        await NothingWrittenAsync(ids);
    }

    [Fact]
    public async Task Batch_ReadOnlyKey_Answers403InTheEnvelopeAndWritesNothing()
    {
        var (_, ids) = await SeedTradeProductsAsync(1);
        using var reader = Factory.CreateClientWithKey(await Factory.CreateKeyAsync(Scopes.Read));

        var (status, body) = await TradePatchAsync(Updates($$"""{"id": {{ids[0]}}, "name": "Intruder"}"""), reader);

        status.Should().Be(403, body.Text());
        body.At("success")!.GetValue<bool>().Should().BeFalse();
        body.Num("error.status").Should().Be(403);
        body.Str("error.code").Should().Be("FORBIDDEN");
        body.Str("message").Should().Be(body.Str("error.message")).And.NotBeNullOrEmpty();
        await NothingWrittenAsync(ids);
    }

    [Theory]
    [InlineData("""{"updates": [{"id": ID, "name": "x"}""", "MALFORMED_JSON", "$")]
    [InlineData("", "MALFORMED_JSON", null)]
    [InlineData("null", "INVALID_BODY", "$")]
    [InlineData("""{"updates": [{"id": ID, "price": "12500"}]}""", "INVALID_BODY", "updates[0].price")]
    [InlineData("""{"updates": [{"id": "ID", "name": "x"}]}""", "INVALID_BODY", "updates[0].id")]
    [InlineData("""{"updates": [{"id": ID, "isActive": "yes"}]}""", "INVALID_BODY", "updates[0].isActive")]
    [InlineData("""{"updates": [{"id": ID, "faqs": {"question": "q"}}]}""", "INVALID_BODY", "updates[0].faqs")]
    [InlineData(
        """{"updates": [{"id": ID, "pricing": {"price": 1, "currency": "AUD"}}]}""",
        "INVALID_BODY",
        "updates[0].pricing.currency")]
    [InlineData("""{"updates": [{"id": ID, "colour": "red"}]}""", "INVALID_BODY", "updates[0].colour")]
    [InlineData("""{"updates": {"id": ID}}""", "INVALID_BODY", "updates")]
    [InlineData("""{"updates": [{"id": ID, "name": "x"}, null]}""", "INVALID_BODY", "updates[1]")]
    [InlineData("""{"updates": [{"id": ID, "name": "x"}, {"name": "no id"}]}""", "INVALID_BODY", "updates[1].id")]
    [InlineData("""{"updates": []}""", "EMPTY_BATCH", null)]
    [InlineData("""{}""", "EMPTY_BATCH", null)]
    public async Task Batch_BodyThatIsNotABatch_Answers400InTheEnvelopeAndWritesNothing(
        string json, string code, string? field)
    {
        var (_, ids) = await SeedTradeProductsAsync(1);

        var id = ids[0].ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var response = await Client.PatchAsync(
            TradeBatch, Body(json.Replace("ID", id, StringComparison.Ordinal)));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync());

        ((int)response.StatusCode).Should().Be(400, body.Text());
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        body.At("success")!.GetValue<bool>().Should().BeFalse();
        body.Num("error.status").Should().Be(400);
        body.Str("error.code").Should().Be(code, body.Text());
        body.Str("message").Should().Be(body.Str("error.message")).And.NotBeNullOrEmpty();
        if (field is not null)
        {
            body.Fields("error.details").Should().Contain(field, body.Text());
        }

        await NothingWrittenAsync(ids);
    }

    [Fact]
    public async Task Batch_WrongMethod_Answers405InTheEnvelope()
    {
        var (status, body) = await GetAsync(TradeBatch);

        status.Should().Be(405, body.Text());
        body.At("success")!.GetValue<bool>().Should().BeFalse();
        body.Num("error.status").Should().Be(405);
    }

    /// <summary>
    /// A fault the database raises halfway through the write (after the product rows were updated, on the insert of a
    /// category link) is nothing Catalog expects: the answer is the trade API's 500 and the transaction is rolled back.
    /// </summary>
    [Fact]
    public async Task Batch_UnexpectedFailureDuringTheWrite_Answers500AndWritesNothing()
    {
        var (_, ids) = await SeedTradeProductsAsync(3);
        var poisoned = (await SeedCategoriesAsync(new CategoryBuilder()))[0].Num("id");
        var before = await CountRowsAsync();

        var (status, body) = await WithFaultOnLinkToAsync(poisoned, () => TradePatchAsync(Updates(
            $$"""{"id": {{ids[0]}}, "name": "First", "price": 1}""",
            $$"""{"id": {{ids[1]}}, "name": "Second", "tradeCategoryId": {{poisoned}}}""",
            $$"""{"id": {{ids[2]}}, "name": "Third", "isActive": false}""")));

        status.Should().Be(500, body.Text());
        SameJson(body, """
            {
              "success": false, "message": "Internal server error",
              "error": {"status": 500, "message": "Internal server error"}
            }
            """).Should().BeTrue(body.Text());
        await NothingWrittenAsync(ids);
        (await CountRowsAsync()).Should().Be(before);
    }

    /// <summary>
    /// An id sent again starts a second canonical batch after the first was written (so that it sees it); a fault in
    /// the second leaves the first written, as the trade API's own sequential processing does. Documented in
    /// dialects.md.
    /// </summary>
    [Fact]
    public async Task Batch_UnexpectedFailureAfterARepeatedId_Answers500AndKeepsOnlyTheUpdatesBeforeTheRepeat()
    {
        var (categoryId, ids) = await SeedTradeProductsAsync(2);
        var poisoned = (await SeedCategoriesAsync(new CategoryBuilder()))[0].Num("id");

        var (status, body) = await WithFaultOnLinkToAsync(poisoned, () => TradePatchAsync(Updates(
            $$"""{"id": {{ids[0]}}, "name": "Written"}""",
            $$"""{"id": {{ids[0]}}, "tradeCategoryId": {{poisoned}}}""",
            $$"""{"id": {{ids[1]}}, "name": "Rolled back"}""")));

        status.Should().Be(500, body.Text());
        var first = await FindProductAsync(ids[0]);
        first!.Title.Should().Be("Written");
        first.Version.Should().Be(2);
        first.Categories.Select(c => c.CategoryId).Should().Equal(categoryId);
        var second = await FindProductAsync(ids[1]);
        second!.Title.Should().NotBe("Rolled back");
        second.Version.Should().Be(1);
    }

    /// <summary>
    /// Runs <paramref name="action"/> while the database refuses, with an error Catalog does not classify, any link of
    /// a product to <paramref name="categoryId"/>.
    /// </summary>
    private async Task<T> WithFaultOnLinkToAsync<T>(long categoryId, Func<Task<T>> action)
    {
        string[] create = Factory.Provider switch
        {
            "Postgres" =>
            [
                "CREATE FUNCTION trade_test_fault() RETURNS trigger LANGUAGE plpgsql AS "
                    + "$$ BEGIN RAISE EXCEPTION 'injected fault'; END $$",
                "CREATE TRIGGER trade_test_fault BEFORE INSERT ON product_categories FOR EACH ROW "
                    + $"WHEN (NEW.category_id = {categoryId}) EXECUTE FUNCTION trade_test_fault()",
            ],
            "SqlServer" =>
            [
                "CREATE TRIGGER trade_test_fault ON product_categories AFTER INSERT AS IF EXISTS "
                    + $"(SELECT 1 FROM inserted WHERE category_id = {categoryId}) THROW 50000, 'injected fault', 1;",
            ],
            _ =>
            [
                "CREATE TRIGGER trade_test_fault BEFORE INSERT ON product_categories "
                    + $"WHEN NEW.category_id = {categoryId} BEGIN SELECT RAISE(ABORT, 'injected fault'); END",
            ],
        };
        string[] drop = Factory.Provider == "Postgres"
            ? ["DROP TRIGGER trade_test_fault ON product_categories", "DROP FUNCTION trade_test_fault()"]
            : ["DROP TRIGGER trade_test_fault"];
        await ExecuteAsync(create);
        try
        {
            return await action();
        }
        finally
        {
            await ExecuteAsync(drop);
        }
    }

    private async Task ExecuteAsync(IEnumerable<string> statements) => await Factory.QueryAsync(async db =>
    {
        foreach (var sql in statements)
        {
            await db.Database.ExecuteSqlRawAsync(sql);
        }

        return statements;
    });

    private async Task NothingWrittenAsync(IEnumerable<long> ids)
    {
        foreach (var id in ids)
        {
            var product = await FindProductAsync(id);
            product!.Version.Should().Be(1, $"product {id} must be as seeded");
            product.Extensions.Should().BeNull();
        }
    }
}

public sealed class TradeErrorEnvelopeTestsOnSqlite(SqliteApiFactory f)
    : TradeErrorEnvelopeTests(f), IClassFixture<SqliteApiFactory>;

public sealed class TradeErrorEnvelopeTestsOnPostgres(PostgresApiFactory f)
    : TradeErrorEnvelopeTests(f), IClassFixture<PostgresApiFactory>;

public sealed class TradeErrorEnvelopeTestsOnSqlServer(SqlServerApiFactory f)
    : TradeErrorEnvelopeTests(f), IClassFixture<SqlServerApiFactory>;
