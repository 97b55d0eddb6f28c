using System.Text.Json.Nodes;
using Catalog.Testing;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Api.Tests.Dialects.WooCommerce;

/// <summary><c>/wp-json/wc/v3/products/tags</c>: Catalog's tag registry as WooCommerce's product tags.</summary>
public abstract class WooCommerceTagsTests(CatalogApiFactory factory) : WooCommerceApiTest(factory)
{
    private const string Tags = "/wp-json/wc/v3/products/tags";

    [Fact]
    public async Task Create_Answers201AndReadsBackThroughTheCanonicalApi()
    {
        var (status, body) = await WooPostAsync(Tags, new { name = "Organic Cotton", description = "GOTS" });

        status.Should().Be(201, body.Text());
        body.Str("name").Should().Be("Organic Cotton");
        body.Str("slug").Should().Be("organic-cotton");
        body.Str("description").Should().Be("GOTS");
        body.Num("count").Should().Be(0);
        var canonical = await ReadAsync<JsonNode>($"/api/v1/tags/{body.Num("id")}");
        canonical.Str("name").Should().Be("Organic Cotton");
        canonical.Str("slug").Should().Be("organic-cotton");
        var (getStatus, got) = await WooGetAsync($"{Tags}/{body.Num("id")}");
        getStatus.Should().Be(200, got.Text());
        got.Str("description").Should().Be("GOTS");
    }

    [Fact]
    public async Task WritesAndReads_AnswerWordPressErrors()
    {
        var (_, existing) = await WooPostAsync(Tags, new { name = "Summer" });
        var (_, other) = await WooPostAsync(Tags, new { name = "Winter" });

        var (taken, takenBody) = await WooPostAsync(Tags, new { name = "Summer", slug = "summer-2" });
        var (slugTaken, slugTakenBody) = await WooPostAsync(Tags, new { name = "Sommer", slug = "summer" });
        var (nameless, namelessBody) = await WooPostAsync(Tags, new { slug = "nameless" });
        var (moved, movedBody) = await SendAsync(
            HttpMethod.Put, $"{Tags}/{other.Num("id")}", Body(new { slug = "summer" }), Woo);
        var (missing, missingBody) = await WooGetAsync($"{Tags}/424242");
        var (unknownUpdate, unknownUpdateBody) = await SendAsync(
            HttpMethod.Put, $"{Tags}/424242", Body(new { name = "x" }), Woo);
        var (trash, trashBody) = await SendAsync(HttpMethod.Delete, $"{Tags}/{existing.Num("id")}", null, Woo);
        var (badForce, badForceBody) = await SendAsync(
            HttpMethod.Delete, $"{Tags}/{existing.Num("id")}?force=maybe", null, Woo);

        taken.Should().Be(400, takenBody.Text());
        takenBody.Str("code").Should().Be("term_exists");
        takenBody.Num("data.resource_id").Should().Be(existing.Num("id"));
        slugTaken.Should().Be(400, slugTakenBody.Text());
        slugTakenBody.Str("code").Should().Be("term_exists");
        nameless.Should().Be(400, namelessBody.Text());
        namelessBody.Str("code").Should().Be("empty_term_name");
        moved.Should().Be(400, movedBody.Text());
        movedBody.Str("code").Should().Be("duplicate_term_slug");
        missing.Should().Be(404, missingBody.Text());
        missingBody.Str("code").Should().Be("woocommerce_rest_term_invalid");
        unknownUpdate.Should().Be(404, unknownUpdateBody.Text());
        unknownUpdateBody.Str("code").Should().Be("woocommerce_rest_term_invalid");
        trash.Should().Be(501, trashBody.Text());
        trashBody.Str("code").Should().Be("woocommerce_rest_trash_not_supported");
        badForce.Should().Be(400, badForceBody.Text());
        badForceBody.Str("code").Should().Be("rest_invalid_param");
        (await Factory.QueryAsync(db => db.Tags.CountAsync())).Should().Be(2);
    }

    [Fact]
    public async Task List_PagesSearchesAndFiltersBySlug()
    {
        foreach (var name in new[] { "Linen", "Linen Blend", "Wool", "Silk" })
        {
            await WooPostAsync(Tags, new { name });
        }

        using var response = await Woo.GetAsync($"{Tags}?per_page=3&page=1");
        var page = JsonNode.Parse(await response.Content.ReadAsStringAsync());
        var (_, searched) = await WooGetAsync($"{Tags}?search=LINEN");
        var (_, bySlug) = await WooGetAsync($"{Tags}?slug=wool");
        var (badStatus, bad) = await WooGetAsync($"{Tags}?per_page=101");

        page.Arr(string.Empty).Select(t => t.Str("name")).Should().Equal("Linen", "Linen Blend", "Wool");
        response.Headers.GetValues("X-WP-Total").Should().Equal("4");
        response.Headers.GetValues("X-WP-TotalPages").Should().Equal("2");
        string.Join(", ", response.Headers.GetValues("Link")).Should().Contain("page=2").And.Contain("rel=\"next\"");
        searched.Arr(string.Empty).Select(t => t.Str("name")).Should().Equal("Linen", "Linen Blend");
        bySlug.Arr(string.Empty).Select(t => t.Str("name")).Should().Equal("Wool");
        badStatus.Should().Be(400, bad.Text());
        bad.Str("code").Should().Be("rest_invalid_param");
    }

    [Fact]
    public async Task ProductWithTagIds_AnswersRegistryTags_AndFollowsRenameAndDelete()
    {
        var (_, summer) = await WooPostAsync(Tags, new { name = "Summer", slug = "summer-season" });
        var (_, linen) = await WooPostAsync(Tags, new { name = "Linen" });

        var (status, product) = await WooPostAsync(Products, new
        {
            name = "Linen Shirt",
            regular_price = "30",
            tags = new object[]
            {
                new { id = summer.Num("id") }, new { id = linen.Num("id") }, new { name = "custom" },
            },
        });

        status.Should().Be(201, product.Text());
        Terms(product).Should().Equal(
            ("custom", 0, "custom"),
            ("Summer", summer.Num("id"), "summer-season"),
            ("Linen", linen.Num("id"), "linen"));
        var id = product.Num("id");
        var (_, read) = await WooGetAsync($"{Products}/{id}");
        Terms(read).Should().Equal(Terms(product));
        var (_, counted) = await WooGetAsync($"{Tags}/{summer.Num("id")}");
        counted.Num("count").Should().Be(1);

        var (renamed, renamedBody) = await SendAsync(
            HttpMethod.Put, $"{Tags}/{summer.Num("id")}", Body(new { name = "Summer 2026" }), Woo);
        var (deleted, deletedBody) = await SendAsync(
            HttpMethod.Delete, $"{Tags}/{linen.Num("id")}?force=true", null, Woo);

        renamed.Should().Be(200, renamedBody.Text());
        renamedBody.Num("count").Should().Be(1);
        deleted.Should().Be(200, deletedBody.Text());
        deletedBody.Str("name").Should().Be("Linen");
        (_, read) = await WooGetAsync($"{Products}/{id}");
        Terms(read).Should().Equal(("custom", 0, "custom"), ("Summer 2026", summer.Num("id"), "summer-season"));

        // An update that does not touch the tags answers them as a read does, with their registry ids.
        var (_, priced) = await WooPostAsync(
            $"{Products}/batch", new { update = new[] { new { id, regular_price = "31" } } });
        Terms(priced.At("update[0]")!).Should().Equal(Terms(read), priced.Text());
    }

    [Fact]
    public async Task ProductWithUnknownTagId_FailsTheItemWithTermInvalid()
    {
        var (status, body) = await WooPostAsync(ProductsBatchRoute, new
        {
            create = new[] { new { name = "Orphan", tags = new[] { new { id = 424242L } } } },
        });

        status.Should().Be(200, body.Text());
        body.Str("create[0].error.code").Should().Be("woocommerce_rest_term_invalid", body.Text());
        (await CountRowsAsync()).Products.Should().Be(0);
    }

    [Fact]
    public async Task Batch_CreatesUpdatesAndDeletesInOrder()
    {
        var (_, old) = await WooPostAsync(Tags, new { name = "Old" });
        var (_, keep) = await WooPostAsync(Tags, new { name = "Keep" });

        var (status, body) = await WooPostAsync($"{Tags}/batch", new
        {
            create = new object[] { new { name = "New" }, new { name = "New", slug = "new-2" } },
            update = new object[] { new { id = keep.Num("id"), description = "Kept" }, new { id = 424242L } },
            delete = new[] { old.Num("id") },
        });

        status.Should().Be(200, body.Text());
        body.Str("create[0].name").Should().Be("New");
        body.Str("create[1].error.code").Should().Be("term_exists", "the earlier item took the name");
        body.Str("update[0].description").Should().Be("Kept");
        body.Num("update[1].id").Should().Be(424242);
        body.Str("update[1].error.code").Should().Be("woocommerce_rest_term_invalid");
        body.Str("delete[0].name").Should().Be("Old");
        var names = await Factory.QueryAsync(db => db.Tags.AsNoTracking().Select(t => t.Name).ToListAsync());
        names.Should().BeEquivalentTo("Keep", "New");
    }

    [Theory]
    [InlineData(10)]
    [InlineData(100)]
    public async Task ProductsBatchWithTagIds_ReadsWhatTheSameCanonicalBatchReads(int size)
    {
        var (_, tag) = await WooPostAsync(Tags, new { name = $"Tag {size}" });
        var tagId = tag.Num("id");

        Factory.Statements.Reset();
        var (wooStatus, woo) = await WooPostAsync(ProductsBatchRoute, new
        {
            create = Enumerable.Range(0, size).Select(i => new
            {
                name = $"Woo {i}",
                sku = $"WOO-T{size}-{i}",
                regular_price = "9",
                tags = new[] { new { id = tagId } },
            }),
        });
        var wooReads = Factory.Statements.Reads;

        Factory.Statements.Reset();
        var (status, canonical) = await PostAsync(ProductsBatch, Batch.Of(
            create: Enumerable.Range(0, size).Select(i => Batch.Item(
                ("title", $"Canonical {i}"),
                ("tag_ids", new[] { tagId }),
                ("tags", Array.Empty<string>()),
                ("variants", new[]
                {
                    Batch.Item(("title", $"Canonical {i}"), ("sku", $"CANON-T{size}-{i}"), ("prices", UsdPrice(9))),
                })))));
        var canonicalReads = Factory.Statements.Reads;

        wooStatus.Should().Be(200, woo.Text());
        woo.Arr("create").Should().HaveCount(size).And.OnlyContain(p => p.Num("tags[0].id") == tagId, woo.Text());
        status.Should().Be(200, canonical.Text());
        canonical.Num("summary.succeeded").Should().Be(size, canonical.Text());
        wooReads.Should().Be(canonicalReads).And.BeGreaterThan(0);
    }

    private static Dictionary<string, object?>[] UsdPrice(decimal amount) => [VariantBuilder.Price("usd", amount)];

    private static List<(string?, long, string?)> Terms(JsonNode? product) =>
        product.Arr("tags").Select(t => (t.Str("name"), t.Num("id"), t.Str("slug"))).ToList();
}

public sealed class WooCommerceTagsTestsOnSqlite(SqliteApiFactory f)
    : WooCommerceTagsTests(f), IClassFixture<SqliteApiFactory>;

public sealed class WooCommerceTagsTestsOnPostgres(PostgresApiFactory f)
    : WooCommerceTagsTests(f), IClassFixture<PostgresApiFactory>;

public sealed class WooCommerceTagsTestsOnSqlServer(SqlServerApiFactory f)
    : WooCommerceTagsTests(f), IClassFixture<SqlServerApiFactory>;
