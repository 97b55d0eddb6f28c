using System.Text.Json.Nodes;
using Catalog.Testing;

namespace Catalog.Api.Tests.Dialects.Medusa;

/// <summary>
/// A Medusa products batch costs the database reads of the same batch sent to the canonical API: the dialect
/// translates and reads nothing itself, before or after its one command, whatever the batch's size.
/// </summary>
public abstract class MedusaReadCountTests(CatalogApiFactory factory) : MedusaApiTest(factory)
{
    [Theory]
    [InlineData(10)]
    [InlineData(1000)]
    public async Task Batch_ReadsWhatTheSameCanonicalBatchReads(int size)
    {
        var (creates, updates, deletes) = (size * 2 / 5, size * 2 / 5, size / 5);
        var forMedusa = await SeedAsync(updates + deletes);
        var forCanonical = await SeedAsync(updates + deletes);

        Factory.Statements.Reset();
        var (medusaStatus, medusa) = await MedusaPostAsync(MedusaProductsBatch, new Dictionary<string, object?>
        {
            ["create"] = Enumerable.Range(0, creates).Select(_ => TwoSizes()).ToList(),
            ["update"] = forMedusa.Take(updates).Select(p => new
            {
                id = p.Str("id"),
                title = "Renamed",
                variants = p.Arr("variants").Select(v => new
                {
                    id = v.Str("id"),
                    prices = new[] { new { id = v.Str("prices[0].id"), amount = 5m } },
                }),
            }).ToList(),
            ["delete"] = forMedusa.Skip(updates).Select(p => p.Str("id")).ToList(),
        });
        var medusaReads = Factory.Statements.Reads;

        Factory.Statements.Reset();
        var (status, canonical) = await PostAsync($"{ProductsBatch}?policy=atomic", Batch.Of(
            create: Enumerable.Range(0, creates).Select(_ => TwoSizes()),
            update: forCanonical.Take(updates).Select(p => Batch.Item(
                ("id", NumberOf(p.Str("id")!)),
                ("title", "Renamed"),
                ("replace_variants", true),
                ("variants", p.Arr("variants").Select(v => Batch.Item(
                    ("id", NumberOf(v.Str("id")!)),
                    ("replace_prices", true),
                    ("prices", new[] { VariantBuilder.Price("usd", 5m) })))))),
            delete: forCanonical.Skip(updates).Select(p => NumberOf(p.Str("id")!))));
        var canonicalReads = Factory.Statements.Reads;

        medusaStatus.Should().Be(200, medusa.Text());
        medusa.Arr("created").Should().HaveCount(creates);
        medusa.Arr("updated").Should().HaveCount(updates);
        medusa.Arr("deleted.ids").Should().HaveCount(deletes, medusa.Text());
        status.Should().Be(200, canonical.Text());
        canonical.Num("summary.succeeded").Should().Be(size, canonical.Text());
        medusaReads.Should().Be(canonicalReads).And.BeGreaterThan(0);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(100)] // The most variants a product has.
    public async Task VariantsBatch_ReadsWhatTheSameCanonicalBatchReads(int size)
    {
        var (creates, updates, deletes) = (size * 2 / 5, size * 2 / 5, size / 5);
        var forMedusa = await SeedSizesAsync(size, updates + deletes);
        var forCanonical = await SeedSizesAsync(size, updates + deletes);
        var newSizes = Enumerable.Range(updates + deletes, creates).Select(i => $"v{i}").ToList();

        Factory.Statements.Reset();
        var (medusaStatus, medusa) = await MedusaPostAsync(MedusaVariantsBatch(forMedusa.Str("id")!), new
        {
            create = newSizes.Select(v => MedusaVariant($"MV-{forMedusa.Str("id")}-{v}", v)),
            update = forMedusa.Arr("variants").Take(updates).Select(v => new
            {
                id = v.Str("id"),
                prices = new[] { new { id = v.Str("prices[0].id"), amount = 5m } },
            }),
            delete = forMedusa.Arr("variants").Skip(updates).Select(v => v.Str("id")),
        });
        var medusaReads = Factory.Statements.Reads;

        Factory.Statements.Reset();
        var (status, canonical) = await PostAsync(
            $"{VariantsBatch(NumberOf(forCanonical.Str("id")!))}?policy=atomic",
            Batch.Of(
                create: newSizes.Select(v => MedusaVariant($"CV-{forCanonical.Str("id")}-{v}", v)),
                update: forCanonical.Arr("variants").Take(updates).Select(v => Batch.Item(
                    ("id", NumberOf(v.Str("id")!)),
                    ("replace_prices", true),
                    ("prices", new[] { VariantBuilder.Price("usd", 5m) }))),
                delete: forCanonical.Arr("variants").Skip(updates).Select(v => NumberOf(v.Str("id")!))));
        var canonicalReads = Factory.Statements.Reads;

        medusaStatus.Should().Be(200, medusa.Text());
        medusa.Arr("created").Should().HaveCount(creates);
        medusa.Arr("updated").Should().HaveCount(updates);
        status.Should().Be(200, canonical.Text());
        canonical.Num("summary.succeeded").Should().Be(size, canonical.Text());
        medusaReads.Should().Be(canonicalReads).And.BeGreaterThan(0);
    }

    /// <summary>A product whose Size offers <paramref name="sizes"/> values, with that many variants.</summary>
    private async Task<JsonNode> SeedSizesAsync(int sizes, int variants)
    {
        var values = Enumerable.Range(0, sizes).Select(i => $"v{i}").ToArray();
        var product = MedusaProduct();
        product["options"] = new[] { new Dictionary<string, object?> { ["title"] = "Size", ["values"] = values } };
        product["variants"] =
            values.Take(variants).Select(v => MedusaVariant($"SEED-{Unique.Next()}-{v}", v)).ToArray();
        return (await MedusaSeedAsync(product))[0];
    }

    /// <summary>A product as Medusa's admin sends one (and, the same JSON, as the canonical API takes it).</summary>
    private static Dictionary<string, object?> TwoSizes()
    {
        var product = MedusaProduct();
        var n = Unique.Next();
        product["variants"] = new[] { MedusaVariant($"COUNT-{n}-S", "S"), MedusaVariant($"COUNT-{n}-M", "M") };
        return product;
    }

    private async Task<List<JsonNode>> SeedAsync(int count)
    {
        var seeded = new List<JsonNode>();
        foreach (var chunk in Enumerable.Range(0, count).Chunk(500))
        {
            seeded.AddRange(await MedusaSeedAsync([.. chunk.Select(_ => (object)TwoSizes())]));
        }

        return seeded;
    }
}

public sealed class MedusaReadCountTestsOnSqlite(SqliteApiFactory f)
    : MedusaReadCountTests(f), IClassFixture<SqliteApiFactory>;

public sealed class MedusaReadCountTestsOnPostgres(PostgresApiFactory f)
    : MedusaReadCountTests(f), IClassFixture<PostgresApiFactory>;

public sealed class MedusaReadCountTestsOnSqlServer(SqlServerApiFactory f)
    : MedusaReadCountTests(f), IClassFixture<SqlServerApiFactory>;
