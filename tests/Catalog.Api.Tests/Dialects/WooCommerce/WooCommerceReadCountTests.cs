using System.Text.Json.Nodes;
using Catalog.Testing;

namespace Catalog.Api.Tests.Dialects.WooCommerce;

/// <summary>
/// A WooCommerce products batch costs the database reads of the same batch sent to the canonical API: the dialect
/// translates and reads nothing itself, before or after its one command, whatever the batch's size.
/// </summary>
public abstract class WooCommerceReadCountTests(CatalogApiFactory factory) : WooCommerceApiTest(factory)
{
    public static readonly IReadOnlyDictionary<string, string?> ThousandItems = new Dictionary<string, string?>
    {
        ["Catalog:Dialects:WooCommerce:MaxBatchItems"] = "1000",
    };

    [Theory]
    [InlineData(10)]
    [InlineData(1000)]
    public async Task Batch_ReadsWhatTheSameCanonicalBatchReads(int size)
    {
        var (creates, updates, deletes) = (size * 2 / 5, size * 2 / 5, size / 5);
        var category = (await SeedCategoriesAsync(new CategoryBuilder()))[0].Num("id");
        var forWoo = await SeedAsync(updates + deletes, category);
        var forCanonical = await SeedAsync(updates + deletes, category);

        Factory.Statements.Reset();
        var (wooStatus, woo) = await WooPostAsync(ProductsBatchRoute, new
        {
            create = Enumerable.Range(0, creates).Select(i => new
            {
                name = $"Woo {i}",
                sku = $"WOO-{size}-{i}",
                regular_price = "9",
                categories = new[] { new { id = category } },
            }),
            update = forWoo.Take(updates).Select(p => new { id = p.Num("id"), name = "Renamed", regular_price = "5" }),
            delete = forWoo.Skip(updates).Select(p => p.Num("id")),
        });
        var wooReads = Factory.Statements.Reads;

        Factory.Statements.Reset();
        // The WooCommerce routes make a taken slug unique, as WordPress does; the canonical route does when asked.
        var (status, canonical) = await PostAsync(ProductsBatch + "?taken_handles=suffix", Batch.Of(
            create: Enumerable.Range(0, creates).Select(i => Batch.Item(
                ("title", $"Canonical {i}"),
                ("category_ids", new[] { category }),
                ("variants", new[]
                {
                    Batch.Item(("title", $"Canonical {i}"), ("sku", $"CANON-{size}-{i}"), ("prices", UsdPrice(9))),
                }))),
            update: forCanonical.Take(updates).Select(p => Batch.Item(
                ("id", p.Num("id")),
                ("title", "Renamed"),
                ("variants", new[]
                {
                    Batch.Item(
                        ("id", p.Num("variants[0].id")),
                        ("title", "Renamed"),
                        ("replace_prices", true),
                        ("prices", UsdPrice(5))),
                }))),
            delete: forCanonical.Skip(updates).Select(p => p.Num("id"))));
        var canonicalReads = Factory.Statements.Reads;

        ShouldAllBeWritten(wooStatus, woo, size);
        status.Should().Be(200, canonical.Text());
        canonical.Num("summary.succeeded").Should().Be(size, canonical.Text());
        wooReads.Should().Be(canonicalReads).And.BeGreaterThan(0);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(100)] // The most variants a product has.
    public async Task VariationsBatch_ReadsWhatTheSameCanonicalBatchReads(int size)
    {
        var (creates, updates, deletes) = (size * 2 / 5, size * 2 / 5, size / 5);
        var (forWoo, wooVariations) = await SeedVariableAsync(size, updates + deletes);
        var (forCanonical, canonicalVariations) = await SeedVariableAsync(size, updates + deletes);
        var (_, parent) = await GetAsync($"/api/v1/products/{forCanonical}");

        Factory.Statements.Reset();
        var (wooStatus, woo) = await WooPostAsync(VariationsBatch(forWoo), new
        {
            create = Enumerable.Range(0, creates).Select(i => new
            {
                regular_price = "9",
                sku = $"WOO-V-{forWoo}-{i}",
                attributes = new[] { new { name = "Size", option = $"v{updates + deletes + i}" } },
            }),
            update = wooVariations.Take(updates).Select(id => new { id, regular_price = "5" }),
            delete = wooVariations.Skip(updates),
        });
        var wooReads = Factory.Statements.Reads;

        Factory.Statements.Reset();
        var (status, canonical) = await PostAsync(VariantsBatch(forCanonical), Batch.Of(
            create: Enumerable.Range(0, creates).Select(i => Batch.Item(
                ("title", $"{parent.Str("title")} - v{updates + deletes + i}"),
                ("sku", $"CANON-V-{forCanonical}-{i}"),
                ("options", new Dictionary<string, string> { ["Size"] = $"v{updates + deletes + i}" }),
                ("prices", UsdPrice(9)))),
            update: canonicalVariations.Take(updates)
                .Select(id => Batch.Item(("id", id), ("replace_prices", true), ("prices", UsdPrice(5)))),
            delete: canonicalVariations.Skip(updates)));
        var canonicalReads = Factory.Statements.Reads;

        ShouldAllBeWritten(wooStatus, woo, size);
        status.Should().Be(200, canonical.Text());
        canonical.Num("summary.succeeded").Should().Be(size, canonical.Text());
        wooReads.Should().Be(canonicalReads).And.BeGreaterThan(0);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(100)]
    public async Task TermsBatch_ReadsWhatTheSameCanonicalAttributeUpdateReads(int size)
    {
        var (creates, updates, deletes) = (size * 2 / 5, size * 2 / 5, size / 5);
        var forWoo = await SeedAttributeAsync(new AttributeBuilder().WithValues(
            [.. Enumerable.Range(0, updates + deletes).Select(i => $"Term {i}")]));
        var forCanonical = await SeedAttributeAsync(new AttributeBuilder().WithValues(
            [.. Enumerable.Range(0, updates + deletes).Select(i => $"Term {i}")]));
        var wooTerms = forWoo.Arr("values").Select(v => v.Num("id")).ToList();
        var canonicalTerms = forCanonical.Arr("values").Select(v => v.Num("id")).ToList();

        Factory.Statements.Reset();
        var terms = $"/wp-json/wc/v3/products/attributes/{forWoo.Num("id")}/terms/batch";
        var (wooStatus, woo) = await WooPostAsync(terms, new
        {
            create = Enumerable.Range(0, creates).Select(i => new { name = $"New {i}" }),
            update = wooTerms.Take(updates).Select((id, i) => new { id, name = $"Renamed {i}" }),
            delete = wooTerms.Skip(updates),
        });
        var wooReads = Factory.Statements.Reads;

        Factory.Statements.Reset();
        var (status, canonical) = await PostAsync(AttributesBatch, Batch.Update(Batch.Item(
            ("id", forCanonical.Num("id")),
            ("values", canonicalTerms.Take(updates)
                .Select((id, i) => Batch.Item(("id", id), ("name", $"Renamed {i}")))
                .Concat(Enumerable.Range(0, creates).Select(i => Batch.Item(("name", $"New {i}"))))
                .ToList()))));
        var canonicalReads = Factory.Statements.Reads;

        ShouldAllBeWritten(wooStatus, woo, size);
        status.Should().Be(200, canonical.Text());
        canonical.Num("summary.succeeded").Should().Be(1, canonical.Text());
        wooReads.Should().Be(canonicalReads).And.BeGreaterThan(0);
    }

    private static Dictionary<string, object?>[] UsdPrice(decimal amount) => [VariantBuilder.Price("usd", amount)];

    /// <summary>A WooCommerce batch answered 200 with every one of its <paramref name="size"/> items written.</summary>
    private static void ShouldAllBeWritten(int status, JsonNode? answer, int size)
    {
        status.Should().Be(200, answer.Text());
        answer.Arr("create").Concat(answer.Arr("update")).Concat(answer.Arr("delete"))
            .Should().HaveCount(size).And.OnlyContain(item => item!["error"] == null, answer.Text());
    }

    /// <summary>A variable product whose Size offers <paramref name="sizes"/> values, with that many variations.
    /// </summary>
    private async Task<(long Product, List<long> Variations)> SeedVariableAsync(int sizes, int variations)
    {
        var values = Enumerable.Range(0, sizes).Select(i => $"v{i}").ToArray();
        var (_, product) = await WooPostAsync(Products, new
        {
            name = $"Variable {Unique.Next()}",
            type = "variable",
            attributes = new[] { new { name = "Size", options = values, variation = true } },
        });
        var id = product.Num("id");
        var (status, body) = await WooPostAsync(VariationsBatch(id), new
        {
            create = values.Take(variations).Select(v => new
            {
                regular_price = "9",
                sku = $"SEED-{id}-{v}",
                attributes = new[] { new { name = "Size", option = v } },
            }),
        });
        status.Should().Be(200, body.Text());
        return (id, [.. body.Arr("create").Select(v => v.Num("id"))]);
    }

    private async Task<List<JsonNode>> SeedAsync(int count, long category)
    {
        var seeded = new List<JsonNode>();
        foreach (var chunk in Enumerable.Range(0, count).Chunk(500))
        {
            seeded.AddRange(await SeedProductsAsync([
                .. chunk.Select(_ => new ProductBuilder().InCategories(category).WithVariant(new VariantBuilder())),
            ]));
        }

        return seeded;
    }
}

public sealed class ThousandItemWooSqliteFactory : SqliteApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => WooCommerceReadCountTests.ThousandItems;
}

public sealed class ThousandItemWooPostgresFactory : PostgresApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => WooCommerceReadCountTests.ThousandItems;
}

public sealed class ThousandItemWooSqlServerFactory : SqlServerApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => WooCommerceReadCountTests.ThousandItems;
}

public sealed class WooCommerceReadCountTestsOnSqlite(ThousandItemWooSqliteFactory f)
    : WooCommerceReadCountTests(f), IClassFixture<ThousandItemWooSqliteFactory>;

public sealed class WooCommerceReadCountTestsOnPostgres(ThousandItemWooPostgresFactory f)
    : WooCommerceReadCountTests(f), IClassFixture<ThousandItemWooPostgresFactory>;

public sealed class WooCommerceReadCountTestsOnSqlServer(ThousandItemWooSqlServerFactory f)
    : WooCommerceReadCountTests(f), IClassFixture<ThousandItemWooSqlServerFactory>;
