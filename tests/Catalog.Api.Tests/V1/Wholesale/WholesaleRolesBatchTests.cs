using Catalog.Domain.Wholesale;
using Catalog.Testing;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Api.Tests.V1.Wholesale;

/// <summary><c>POST /api/v1/wholesale-roles/batch</c> and the role reads.</summary>
public abstract class WholesaleRolesBatchTests(CatalogApiFactory factory) : WholesaleApiTest(factory)
{
    [Fact]
    public async Task Batch_CreateUpdateDelete_IsWhatTheReadsShow()
    {
        var (status, body) = await PostAsync(RolesBatch, Batch.Of(create:
        [
            Batch.Item(("key", "wholesale_customer"), ("name", "Wholesale customer")),
            Batch.Item(("key", "tier_2"), ("name", "Tier 2")),
        ]));

        status.Should().Be(200, body.Text());
        body.Str("create[0].status").Should().Be("succeeded");
        body.Str("create[0].wholesale_role.key").Should().Be("wholesale_customer");
        body.Num("create[0].wholesale_role.version").Should().Be(1);
        var customer = body.Num("create[0].id");
        var tier = body.Num("create[1].id");

        (status, body) = await PostAsync(RolesBatch, Batch.Of(
            update:
            [
                Batch.Item(("id", customer), ("version", 1), ("name", "Trade customer"), ("key", "wholesale_customer")),
            ],
            delete: [tier]));

        status.Should().Be(200, body.Text());
        body.Str("update[0].wholesale_role.name").Should().Be("Trade customer");
        body.Num("update[0].wholesale_role.version").Should().Be(2);
        body.Str("delete[0].wholesale_role.key").Should().Be("tier_2", "a delete answers the role as it was");

        (status, body) = await GetAsync("/api/v1/wholesale-roles");
        status.Should().Be(200);
        body.Num("total").Should().Be(1);
        body.Str("items[0].key").Should().Be("wholesale_customer");
        body.Num("limit").Should().Be(50);
        (status, body) = await GetAsync($"/api/v1/wholesale-roles/{customer}");
        status.Should().Be(200);
        body.Str("name").Should().Be("Trade customer");
        (status, body) = await GetAsync($"/api/v1/wholesale-roles/{tier}");
        status.Should().Be(404);
        body.Str("code").Should().Be("NOT_FOUND");
        var stored = await Factory.QueryAsync(db => db.Set<WholesaleRole>().AsNoTracking().SingleAsync());
        stored.Name.Should().Be("Trade customer");
        stored.Version.Should().Be(2);
    }

    [Theory]
    [InlineData("all")]
    [InlineData("wholesale customer")]
    [InlineData("wholesale.customer")]
    [InlineData("")]
    public async Task Batch_ReservedOrMalformedKey_FailsWithValidationFailedOnKey(string key)
    {
        var (status, body) = await PostAsync(RolesBatch, Batch.Of(create: [Role(key, "X"), Role("fine", "Fine")]));

        status.Should().Be(200, body.Text());
        body.Str("create[0].status").Should().Be("failed");
        body.Str("create[0].error.code").Should().Be("VALIDATION_FAILED");
        body.Fields("create[0].error.details").Should().Equal("key");
        body.Str("create[1].status").Should().Be("succeeded");
        (await CountWholesaleRowsAsync()).Roles.Should().Be(1);
    }

    [Fact]
    public async Task Batch_CreateWithoutKeyOrName_NamesBoth()
    {
        var (_, body) = await PostAsync(RolesBatch, Batch.Of(create: [Batch.Item()]));

        body.Str("create[0].error.code").Should().Be("VALIDATION_FAILED");
        body.Fields("create[0].error.details").Should().BeEquivalentTo(["key", "name"]);
    }

    [Fact]
    public async Task Batch_SameKeyTwice_CreatesTheFirstAndFailsTheSecondWithDuplicateInBatch()
    {
        var (status, body) = await PostAsync(RolesBatch, Batch.Of(create: [Role("gold", "A"), Role("gold", "B")]));

        status.Should().Be(200);
        body.Str("create[0].status").Should().Be("succeeded", body.Text());
        body.Str("create[1].error.code").Should().Be("DUPLICATE_IN_BATCH");
        body.Fields("create[1].error.details").Should().Equal("key");
        (await CountWholesaleRowsAsync()).Roles.Should().Be(1);
    }

    [Fact]
    public async Task Batch_ExistingKey_FailsWithDuplicateHandleOnKey()
    {
        await SeedRolesAsync("gold");

        var (_, body) = await PostAsync(RolesBatch, Batch.Of(create: [Batch.Item(("key", "gold"), ("name", "Again"))]));

        body.Str("create[0].error.code").Should().Be("DUPLICATE_HANDLE");
        body.Fields("create[0].error.details").Should().Equal("key");
        (await CountWholesaleRowsAsync()).Roles.Should().Be(1);
    }

    [Fact]
    public async Task Batch_UpdateChangingTheKey_FailsWithValidationFailedAndKeepsIt()
    {
        var role = (await SeedRolesAsync("gold"))[0];

        var update = Batch.Item(("id", role.Num("id")), ("key", "platinum"));

        var (_, body) = await PostAsync(RolesBatch, Batch.Update(update));

        body.Str("update[0].error.code").Should().Be("VALIDATION_FAILED");
        body.Fields("update[0].error.details").Should().Equal("key");
        (await Factory.QueryAsync(db => db.Set<WholesaleRole>().AsNoTracking().SingleAsync())).Key.Should().Be("gold");
    }

    [Fact]
    public async Task Batch_StaleVersionOrUnknownId_FailsWithConflictOrNotFound()
    {
        var role = (await SeedRolesAsync("gold"))[0];

        var (_, body) = await PostAsync(RolesBatch, Batch.Of(
            update: [Batch.Item(("id", role.Num("id")), ("version", 7), ("name", "X"))],
            delete: [424242]));

        body.Str("update[0].error.code").Should().Be("CONFLICT");
        body.Str("delete[0].error.code").Should().Be("NOT_FOUND");
    }

    [Fact]
    public async Task Batch_DeleteARoleAVariantNames_FailsWithConflictUntilTheVariantDropsIt()
    {
        var roles = await SeedRolesAsync("gold", "silver", "bronze");
        var variant = await SeedVariantAsync(new
        {
            visibility = new[] { "gold" },
            quantity_discount_rules = new[]
            {
                new { role = "silver", start_qty = 2, price_type = "percent", value = 5m },
            },
        });
        var (gold, silver, bronze) = (roles[0].Num("id"), roles[1].Num("id"), roles[2].Num("id"));

        var (status, body) = await PostAsync(RolesBatch, Batch.Delete(gold, silver, bronze));

        status.Should().Be(200, body.Text());
        body.Str("delete[0].error.code").Should().Be("CONFLICT");
        body.Fields("delete[0].error.details").Should().Equal("id");
        body.Str("delete[0].error.message").Should().Contain("'gold'");
        body.Str("delete[1].error.code").Should().Be("CONFLICT");
        body.Str("delete[2].status").Should().Be("succeeded", "bronze is named by no variant");
        (await CountWholesaleRowsAsync()).Roles.Should().Be(2);

        var dropWholesale = Batch.Item(("id", variant.Num("id")), ("wholesale", null));
        await PostAsync(VariantsBatch(variant.Num("product_id")), Batch.Update(dropWholesale));
        (_, body) = await PostAsync(RolesBatch, Batch.Delete(gold, silver));

        body.Num("summary.succeeded").Should().Be(2, body.Text());
        (await CountWholesaleRowsAsync()).Should().Be(new WholesaleRowCounts(0, 0, 0, 0, 0));
    }

    [Fact]
    public async Task Batch_AtomicWithOneBadItem_WritesNothingAndAnswers422()
    {
        var batch = Batch.Of(create: [Role("gold", "Gold"), Role("all", "All")]);

        var (status, body) = await PostAsync($"{RolesBatch}?policy=atomic", batch);

        status.Should().Be(422, body.Text());
        body.Str("create[0].status").Should().Be("not_applied");
        body.Str("create[1].error.code").Should().Be("VALIDATION_FAILED");
        (await CountWholesaleRowsAsync()).Roles.Should().Be(0);
    }

    private static Dictionary<string, object?> Role(string key, string name) =>
        Batch.Item(("key", key), ("name", name));
}

public sealed class WholesaleRolesBatchTestsOnSqlite(SqliteApiFactory factory)
    : WholesaleRolesBatchTests(factory), IClassFixture<SqliteApiFactory>;

public sealed class WholesaleRolesBatchTestsOnPostgres(PostgresApiFactory factory)
    : WholesaleRolesBatchTests(factory), IClassFixture<PostgresApiFactory>;

public sealed class WholesaleRolesBatchTestsOnSqlServer(SqlServerApiFactory factory)
    : WholesaleRolesBatchTests(factory), IClassFixture<SqlServerApiFactory>;
