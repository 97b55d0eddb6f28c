using System.Globalization;
using System.Text.Json.Nodes;
using Catalog.Testing;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Api.Tests.V1;

/// <summary>
/// <c>?dry_run=true</c> on every canonical batch route: the answer is the one the same batch then gets for real (its
/// status, results and summary), but for the ids the batch assigns, which are null, and the timestamps; the database
/// is the same after it (rows, keys, versions), no sequence moved, nothing was written, and it read what the real
/// batch reads but the id reservation.
/// </summary>
public abstract class DryRunTests(CatalogApiFactory factory) : CatalogApiTest(factory)
{
    private const string TagsBatch = "/api/v1/tags/batch";
    private const string RolesBatch = "/api/v1/wholesale-roles/batch";

    /// <summary>The fields an answer names an assigned id by.</summary>
    private static readonly HashSet<string> IdFields = ["id", "product_id", "attribute_id"];

    /// <summary>Fields the clock sets: a dry run and the real run a moment later differ there, and nowhere else.
    /// </summary>
    private static readonly HashSet<string> ClockFields = ["created_at", "updated_at"];

    [Fact]
    public async Task ProductsBatch_DryRun_AnswersAsTheBatchAndWritesNothing()
    {
        var category = (await SeedCategoriesAsync(new CategoryBuilder()))[0].Num("id");
        var kept = await SeedProductAsync(new ProductBuilder().WithVariants(2));
        var doomed = await SeedProductAsync(new ProductBuilder().WithVariants(1));
        var upserted = new ProductBuilder().WithVariants(1);
        await SeedProductAsync(upserted);
        var taken = new ProductBuilder().With("handle", kept.Str("handle"));
        var body = new Dictionary<string, object?>(Batch.Of(
            create: [new ProductBuilder().WithVariants(2).InCategories(category).Build(), taken.Build()],
            update: [Batch.Item(("id", kept.Num("id")), ("title", "Renamed"), ("version", 1)),
                Batch.Item(("id", 999_999), ("title", "Nobody"))],
            delete: [doomed.Num("id")]))
        {
            ["upsert"] = new[]
            {
                upserted.With("title", "Upserted").Build(), new ProductBuilder().WithVariants(1).Build(),
            },
        };

        var (dry, real) = await DryThenRealAsync(HttpMethod.Post, ProductsBatch, body, 200, reservesIds: true);

        // A create's id (result and product) and, for each variant, its id, product id and price's id: a create of
        // two variants, an upsert that inserts one; and the price the upsert that updates puts in place of the old.
        ShouldMatch(dry, real).Should().Be(2 + (2 * 3) + 2 + 3 + 1);
        dry.At("create[0].id").Should().BeNull();
        dry.At("create[0].product.id").Should().BeNull();
        dry.Num("update[0].id").Should().Be(kept.Num("id"));
        dry.Num("update[0].product.variants[0].id").Should().Be(kept.Num("variants[0].id"));
        dry.Str("create[1].error.code").Should().Be("DUPLICATE_HANDLE");
        dry.Str("update[1].error.code").Should().Be("NOT_FOUND");
        dry.Str("upsert[0].process").Should().Be("update");
        dry.Str("upsert[1].process").Should().Be("insert");
        dry.Num("summary.failed").Should().Be(2);
    }

    [Fact]
    public async Task ProductsBatch_DryRunThenRealRun_AssignsTheIdsItWouldHaveWithoutTheDryRun()
    {
        var seeded = await SeedProductAsync(new ProductBuilder().WithVariants(1));
        var next = seeded.Num("variants[0].id") + 1;

        var (_, real) = await DryThenRealAsync(
            HttpMethod.Post, ProductsBatch, Batch.Create(new ProductBuilder()), 200, reservesIds: true);

        real.Num("create[0].id").Should().Be(next);
    }

    [Fact]
    public async Task ProductsBatch_AtomicDryRunWithAFailingItem_Answers422AsTheRealRun()
    {
        var kept = await SeedProductAsync(new ProductBuilder());
        var body = Batch.Of(
            create: [new ProductBuilder().WithVariants(1).Build()],
            update: [Batch.Item(("id", kept.Num("id")), ("title", "Renamed"), ("version", 7))]);

        var (dry, real) = await DryThenRealAsync(
            HttpMethod.Post, ProductsBatch + "?policy=atomic", body, 422, reservesIds: false);

        ShouldMatch(dry, real).Should().Be(0);
        dry.Str("create[0].status").Should().Be("not_applied");
        dry.Str("update[0].error.code").Should().Be("CONFLICT");
    }

    [Fact]
    public async Task ProductsPatch_DryRun_AnswersAsTheBatchAndWritesNothing()
    {
        var product = await SeedProductAsync(new ProductBuilder().WithVariants(1));
        var body = new
        {
            updates = new object[]
            {
                new
                {
                    id = product.Num("id"),
                    title = "Patched",
                    variants = new[]
                    {
                        new
                        {
                            id = product.Num("variants[0].id"),
                            prices = new[] { new { currency_code = "eur", amount = 3m } },
                        },
                    },
                },
                new { id = 999_999, title = "Nobody" },
            },
        };

        var (dry, real) = await DryThenRealAsync(HttpMethod.Patch, ProductsBatch, body, 200, reservesIds: true);

        ShouldMatch(dry, real).Should().Be(1, "the new price's id is the only one the batch assigns");
        dry.Str("results[0].product.title").Should().Be("Patched");
        dry.Str("results[1].error.code").Should().Be("NOT_FOUND");
    }

    [Fact]
    public async Task VariantsBatch_DryRun_AnswersAsTheBatchAndWritesNothing()
    {
        var product = await SeedProductAsync(new ProductBuilder().WithVariants(3));
        var upsert = new VariantBuilder().With("sku", product.Str("variants[1].sku")).With("title", "Upserted");
        var body = new Dictionary<string, object?>(Batch.Of(
            create: [new VariantBuilder().Build()],
            update: [Batch.Item(("id", product.Num("variants[0].id")), ("stock_quantity", 4)),
                Batch.Item(("id", 999_999), ("stock_quantity", 4))],
            delete: [product.Num("variants[2].id")]))
        {
            ["upsert"] = new[] { upsert.Build() },
        };

        var (dry, real) = await DryThenRealAsync(
            HttpMethod.Post, VariantsBatch(product.Num("id")), body, 200, reservesIds: true);

        // The new variant's id (result and variant) and its price's; the price the upsert puts in place of the old.
        ShouldMatch(dry, real).Should().Be(2 + 1 + 1);
        dry.Str("update[1].error.code").Should().Be("NOT_FOUND");
        dry.Num("create[0].variant.product_id").Should().Be(product.Num("id"));
        dry.Str("upsert[0].process").Should().Be("update");
    }

    [Fact]
    public async Task VariantsAcrossProductsBatch_DryRun_AnswersAsTheBatchAndWritesNothing()
    {
        var product = await SeedProductAsync(new ProductBuilder().WithVariants(1));
        var create = new VariantBuilder().With("product_id", product.Num("id")).Build();
        var body = Batch.Of(
            create: [create, new VariantBuilder().With("product_id", 999_999).Build()],
            update: [Batch.Item(("id", product.Num("variants[0].id")), ("title", "Renamed"))]);

        var (dry, real) = await DryThenRealAsync(
            HttpMethod.Post, "/api/v1/variants/batch", body, 200, reservesIds: true);

        ShouldMatch(dry, real).Should().Be(3);
        dry.Str("create[1].error.code").Should().Be("REFERENCE_NOT_FOUND");
    }

    [Fact]
    public async Task CategoriesBatch_DryRun_AnswersAsTheBatchAndWritesNothing()
    {
        var seeded = await SeedCategoriesAsync(new CategoryBuilder(), new CategoryBuilder());
        var body = Batch.Of(
            create: [
                new CategoryBuilder().Under(seeded[0].Num("id")).Build(), new CategoryBuilder().Under(999_999).Build()],
            update: [Batch.Item(("id", seeded[0].Num("id")), ("name", "Renamed"))],
            delete: [seeded[1].Num("id")]);

        var (dry, real) = await DryThenRealAsync(HttpMethod.Post, CategoriesBatch, body, 200, reservesIds: true);

        ShouldMatch(dry, real).Should().Be(2);
        dry.Num("create[0].category.parent_id").Should().Be(seeded[0].Num("id"));
        dry.Str("create[1].error.code").Should().Be("REFERENCE_NOT_FOUND");
    }

    [Fact]
    public async Task AttributesBatch_DryRunWithValues_AnswersAsTheBatchAndWritesNothing()
    {
        var color = await SeedAttributeAsync(new AttributeBuilder().WithValues("Red"));
        var body = Batch.Of(
            create: [new AttributeBuilder().WithValues("S", "M").Build()],
            update: [Batch.Item(("id", color.Num("id")), ("values", new object[]
            {
                new { id = color.Num("values[0].id"), name = "Crimson" }, new { name = "Blue" },
            }))]);

        var (dry, real) = await DryThenRealAsync(HttpMethod.Post, AttributesBatch, body, 200, reservesIds: true);

        // The new attribute (result and resource), its two values' ids and attribute ids, and the new value's id.
        ShouldMatch(dry, real).Should().Be(2 + (2 * 2) + 1);
        dry.Num("update[0].attribute.values[0].id").Should().Be(color.Num("values[0].id"));
    }

    [Fact]
    public async Task TagsBatch_DryRunRenamingATagProductsCarry_AnswersAsTheBatchAndWritesNothing()
    {
        var (_, tags) = await PostAsync(
            TagsBatch, Batch.Of(create: [new { name = "Summer" }, new { name = "Winter" }]));
        await SeedProductAsync(new ProductBuilder().With("tags", new[] { "Summer", "Winter" }));
        var body = Batch.Of(
            create: [new { name = "Autumn" }, new { name = "Summer" }],
            update: [new { id = tags.Num("create[0].id"), name = "High summer" }],
            delete: [tags.Num("create[1].id")]);

        var (dry, real) = await DryThenRealAsync(HttpMethod.Post, TagsBatch, body, 200, reservesIds: true);

        ShouldMatch(dry, real).Should().Be(2);
        dry.Str("create[1].status").Should().Be("failed");
    }

    [Fact]
    public async Task WholesaleRolesBatch_DryRun_AnswersAsTheBatchAndWritesNothing()
    {
        var (_, roles) = await PostAsync(RolesBatch, Batch.Of(create: [
            new { key = "gold", name = "Gold" }, new { key = "silver", name = "Silver" }]));
        var body = Batch.Of(
            create: [new { key = "bronze", name = "Bronze" }, new { key = "gold", name = "Gold again" }],
            update: [new { id = roles.Num("create[0].id"), name = "Golden" }],
            delete: [roles.Num("create[1].id")]);

        var (dry, real) = await DryThenRealAsync(HttpMethod.Post, RolesBatch, body, 200, reservesIds: true);

        ShouldMatch(dry, real).Should().Be(2);
        dry.Str("create[1].status").Should().Be("failed");
    }

    [Fact]
    public async Task ProductsBatch_DryRunWithRespondAsync_AnswersAtOnceWithoutAJob()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, ProductsBatch + "?dry_run=true")
        {
            Content = Body(Batch.Create(new ProductBuilder())),
        };
        request.Headers.Add("Prefer", "respond-async");

        using var response = await Client.SendAsync(request);

        var text = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).Should().Be(200, text);
        response.Headers.Contains("Preference-Applied").Should().BeFalse();
        JsonNode.Parse(text).At("create[0].product.id").Should().BeNull();
        (await Factory.QueryAsync(db => db.Jobs.CountAsync())).Should().Be(0);
        (await CountRowsAsync()).Products.Should().Be(0);
    }

    [Theory]
    [InlineData("maybe")]
    [InlineData("")]
    [InlineData("2")]
    public async Task ProductsBatch_MalformedDryRun_Answers400ProblemAndWritesNothing(string value)
    {
        var (status, body) = await PostAsync(
            $"{ProductsBatch}?dry_run={value}", Batch.Create(new ProductBuilder()));

        status.Should().Be(400, body.Text());
        body.Str("code").Should().Be("VALIDATION_FAILED");
        body.At("errors")!.ToJsonString().Should().Contain("dry_run");
        (await CountRowsAsync()).Products.Should().Be(0);
    }

    [Theory]
    [InlineData("respond-async")]
    [InlineData(null)]
    public async Task ProductsBatch_MalformedDryRunWithOrWithoutPrefer_Answers400WithoutAJob(string? prefer)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, ProductsBatch + "?dry_run=maybe")
        {
            Content = Body(Batch.Create(new ProductBuilder())),
        };
        if (prefer is not null)
        {
            request.Headers.Add("Prefer", prefer);
        }

        using var response = await Client.SendAsync(request);

        ((int)response.StatusCode).Should().Be(400, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await Factory.QueryAsync(db => db.Jobs.CountAsync())).Should().Be(0);
    }

    [Fact]
    public async Task ProductsBatch_DryRunFalse_AppliesTheBatch()
    {
        var (status, body) = await PostAsync($"{ProductsBatch}?dry_run=false", Batch.Create(new ProductBuilder()));

        status.Should().Be(200, body.Text());
        body.Num("create[0].product.id").Should().Be(body.Num("create[0].id"));
        (await CountRowsAsync()).Products.Should().Be(1);
    }

    /// <summary>
    /// Sends the batch as a dry run, checks that it changed nothing, wrote nothing and read what the real run then
    /// reads (less the id reservation, when the batch inserts rows), and sends it for real: both answers.
    /// </summary>
    private async Task<(JsonNode Dry, JsonNode Real)> DryThenRealAsync(
        HttpMethod method, string url, object body, int status, bool reservesIds)
    {
        var before = await SnapshotAsync();
        var dryUrl = url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "dry_run=true";
        Factory.Statements.Reset();
        var (dryStatus, dry) = await SendAsync(method, dryUrl, Body(body));
        var (dryReads, dryWrites, dryRows) =
            (Factory.Statements.Reads, Factory.Statements.Writes, Factory.Statements.RowsWritten);

        dryStatus.Should().Be(status, dry.Text());
        (dryWrites, dryRows).Should().Be((0L, 0L), "a dry run writes nothing");
        (await SnapshotAsync()).Should().Equal(before, "a dry run leaves the database as it was");

        Factory.Statements.Reset();
        var (realStatus, real) = await SendAsync(method, url, Body(body));
        var realReads = Factory.Statements.Reads;

        realStatus.Should().Be(status, real.Text());
        dryReads.Should().Be(realReads - (reservesIds ? 1 : 0), "a dry run reads what the batch reads, but ids");
        return (dry!, real!);
    }

    /// <summary>
    /// Checks that the dry run's answer is the real run's but for assigned ids (null in the dry run) and timestamps,
    /// and answers how many ids were null.
    /// </summary>
    private static int ShouldMatch(JsonNode? dry, JsonNode? real, string path = "$")
    {
        switch (dry)
        {
            case JsonObject dryObject:
                var realObject = real.Should().BeOfType<JsonObject>(path).Subject;
                dryObject.Select(p => p.Key).Should().Equal(realObject.Select(p => p.Key), path);
                var nulled = 0;
                foreach (var (name, value) in dryObject)
                {
                    var field = $"{path}.{name}";
                    if (ClockFields.Contains(name))
                    {
                        continue;
                    }

                    if (value is null && IdFields.Contains(name) && realObject[name] is JsonValue assigned)
                    {
                        assigned.GetValue<long>().Should().BePositive(field);
                        nulled++;
                        continue;
                    }

                    nulled += ShouldMatch(value, realObject[name], field);
                }

                return nulled;
            case JsonArray dryArray:
                var realArray = real.Should().BeOfType<JsonArray>(path).Subject;
                realArray.Count.Should().Be(dryArray.Count, path);
                return dryArray.Select((item, i) => ShouldMatch(item, realArray[i], $"{path}[{i}]")).Sum();
            default:
                JsonNode.DeepEquals(dry, real).Should().BeTrue($"{path} is {real?.ToJsonString()} for real, not "
                    + dry?.ToJsonString());
                return 0;
        }
    }

    /// <summary>
    /// Every table's rows, the sum of its key columns and of its versions: a row added, removed, replaced or changed
    /// changes them. The API keys are left out (a request may note that its key was used).
    /// </summary>
    private Task<List<string>> SnapshotAsync() => Factory.QueryAsync(async db =>
    {
        var lines = new List<string>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            foreach (var entity in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null))
            {
                var table = entity.GetTableName()!;
                if (table is "api_keys" or "data_protection_keys" or "oauth_nonces")
                {
                    continue;
                }

                var columns = entity.FindPrimaryKey()!.Properties
                    .Where(p => p.ClrType == typeof(long) || p.ClrType == typeof(int))
                    .Concat(entity.GetProperties().Where(p => p.Name == "Version"))
                    .Select(p => $"COALESCE(SUM(\"{p.GetColumnName()}\"), 0)");
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT COUNT(*), {string.Join(", ", columns)} FROM \"{table}\"";
                await using var reader = await command.ExecuteReaderAsync();
                await reader.ReadAsync();
                var values = Enumerable.Range(0, reader.FieldCount)
                    .Select(i => Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture));
                lines.Add($"{table}: {string.Join(" ", values)}");
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return lines;
    });
}

public sealed class DryRunTestsOnSqlite(SqliteApiFactory factory)
    : DryRunTests(factory), IClassFixture<SqliteApiFactory>;

public sealed class DryRunTestsOnPostgres(PostgresApiFactory factory)
    : DryRunTests(factory), IClassFixture<PostgresApiFactory>;

public sealed class DryRunTestsOnSqlServer(SqlServerApiFactory factory)
    : DryRunTests(factory), IClassFixture<SqlServerApiFactory>;
