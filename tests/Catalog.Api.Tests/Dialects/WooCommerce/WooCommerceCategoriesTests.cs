using Catalog.Testing;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Api.Tests.Dialects.WooCommerce;

/// <summary><c>/wp-json/wc/v3/products/categories</c>: Catalog's categories as WooCommerce's categories.</summary>
public abstract class WooCommerceCategoriesTests(CatalogApiFactory factory) : WooCommerceApiTest(factory)
{
    private const string Categories = "/wp-json/wc/v3/products/categories";

    [Fact]
    public async Task Create_WithParent_Answers201AndReadsBackThroughTheCanonicalApi()
    {
        var (_, parent) = await WooPostAsync(Categories, new { name = "Clothing" });

        var (status, body) = await WooPostAsync(Categories, new
        {
            name = "Shirts",
            slug = "shirts",
            parent = parent.Num("id"),
            description = "Cotton and linen",
            menu_order = 3,
        });

        status.Should().Be(201, body.Text());
        body.Str("name").Should().Be("Shirts");
        body.Str("slug").Should().Be("shirts");
        body.Num("parent").Should().Be(parent.Num("id"));
        body.Num("menu_order").Should().Be(3);
        body.Str("display").Should().Be("default");
        var canonical = await ReadAsync<System.Text.Json.Nodes.JsonNode>($"/api/v1/categories/{body.Num("id")}");
        canonical.Str("name").Should().Be("Shirts");
        canonical.Str("handle").Should().Be("shirts");
        canonical.Num("parent_id").Should().Be(parent.Num("id"));
        canonical.Num("rank").Should().Be(3);
        canonical.Str("description").Should().Be("Cotton and linen");
    }

    [Fact]
    public async Task Create_TakenSlugUnknownParentNoName_AnswerWordPressErrors()
    {
        await WooPostAsync(Categories, new { name = "Shoes" });

        var (taken, takenBody) = await WooPostAsync(Categories, new { name = "Shoes" });
        var (orphan, orphanBody) = await WooPostAsync(Categories, new { name = "Boots", parent = 424242 });
        var (nameless, namelessBody) = await WooPostAsync(Categories, new { slug = "nameless" });
        var (wrong, wrongBody) = await SendAsync(HttpMethod.Post, Categories, Body("""{"name": {"a": 1}}"""), Woo);

        taken.Should().Be(400, takenBody.Text());
        takenBody.Str("code").Should().Be("term_exists");
        orphan.Should().Be(400, orphanBody.Text());
        orphanBody.Str("code").Should().Be("missing_parent");
        nameless.Should().Be(400, namelessBody.Text());
        namelessBody.Str("code").Should().Be("empty_term_name");
        wrong.Should().Be(400, wrongBody.Text());
        wrongBody.Str("code").Should().Be("rest_invalid_param");
        (await CountRowsAsync()).Categories.Should().Be(1);
    }

    [Fact]
    public async Task Update_MovesToRootAndRenames()
    {
        var (_, parent) = await WooPostAsync(Categories, new { name = "Clothing" });
        var (_, child) = await WooPostAsync(Categories, new { name = "Shirts", parent = parent.Num("id") });

        var (status, body) = await SendAsync(
            HttpMethod.Put, $"{Categories}/{child.Num("id")}", Body(new { name = "Tops", parent = 0 }), Woo);

        status.Should().Be(200, body.Text());
        body.Str("name").Should().Be("Tops");
        body.Num("parent").Should().Be(0);
        body.Str("slug").Should().Be("shirts", "an update keeps the slug it does not send");
        var stored = await Factory.QueryAsync(
            db => db.Categories.AsNoTracking().SingleAsync(c => c.Id == child.Num("id")));
        stored.ParentId.Should().BeNull();
    }

    [Fact]
    public async Task GetUpdateDelete_UnknownId_Answer404TermInvalid()
    {
        var answers = new[]
        {
            await WooGetAsync($"{Categories}/424242"),
            await SendAsync(HttpMethod.Put, $"{Categories}/424242", Body(new { name = "X" }), Woo),
            await SendAsync(HttpMethod.Delete, $"{Categories}/424242?force=true", null, Woo),
            await SendAsync(HttpMethod.Delete, $"{Categories}/424242", null, Woo),
        };

        answers.Select(a => a.Status).Should().OnlyContain(s => s == 404);
        answers.Select(a => a.Body.Str("code")).Should().OnlyContain(c => c == "woocommerce_rest_term_invalid");
    }

    [Fact]
    public async Task Delete_ForcedAndUnforced_AnswerAsWooCommerceAndDetachChildren()
    {
        var (_, parent) = await WooPostAsync(Categories, new { name = "Clothing" });
        var (_, child) = await WooPostAsync(Categories, new { name = "Shirts", parent = parent.Num("id") });

        var (unforced, unforcedBody) =
            await SendAsync(HttpMethod.Delete, $"{Categories}/{parent.Num("id")}", null, Woo);
        var (forced, forcedBody) = await SendAsync(
            HttpMethod.Delete, $"{Categories}/{parent.Num("id")}?force=true", null, Woo);

        unforced.Should().Be(501, unforcedBody.Text());
        unforcedBody.Str("code").Should().Be("woocommerce_rest_trash_not_supported");
        unforcedBody.Str("message").Should().Be("Resource does not support trashing.");
        forced.Should().Be(200, forcedBody.Text());
        forcedBody.Str("name").Should().Be("Clothing");
        var (_, orphan) = await WooGetAsync($"{Categories}/{child.Num("id")}");
        orphan.Num("parent").Should().Be(0);
        (await CountRowsAsync()).Categories.Should().Be(1);
    }

    [Fact]
    public async Task List_BySlugAndRootsAndPages_AnswersTheMatchingCategoriesWithHeaders()
    {
        var (_, clothing) = await WooPostAsync(Categories, new { name = "Clothing" });
        await WooPostAsync(Categories, new { name = "Shirts", parent = clothing.Num("id") });
        await WooPostAsync(Categories, new { name = "Shoes" });
        await WooPostAsync(Categories, new { name = "Hats" });

        var (_, bySlug) = await WooGetAsync($"{Categories}?slug=shirts");
        var (_, roots) = await WooGetAsync($"{Categories}?parent=0&per_page=100");
        var (_, children) = await WooGetAsync($"{Categories}?parent={clothing.Num("id")}");
        using var response = await Woo.GetAsync($"{Categories}?per_page=3&page=2");
        var (badStatus, bad) = await WooGetAsync($"{Categories}?per_page=101");

        bySlug.Arr(string.Empty).Select(c => c.Str("name")).Should().Equal("Shirts");
        roots.Arr(string.Empty).Select(c => c.Str("name")).Should().Equal("Clothing", "Shoes", "Hats");
        children.Arr(string.Empty).Select(c => c.Str("name")).Should().Equal("Shirts");
        response.Headers.GetValues("X-WP-Total").Should().Equal("4");
        response.Headers.GetValues("X-WP-TotalPages").Should().Equal("2");
        string.Join(", ", response.Headers.GetValues("Link")).Should().Contain("rel=\"prev\"").And.NotContain("next");
        badStatus.Should().Be(400, bad.Text());
        bad.Str("code").Should().Be("rest_invalid_param");
    }

    [Fact]
    public async Task Batch_CreatesUpdatesAndDeletes_FailedItemsAnswerInPlace()
    {
        var (_, kept) = await WooPostAsync(Categories, new { name = "Kept" });
        var (_, doomed) = await WooPostAsync(Categories, new { name = "Doomed" });

        var (status, body) = await WooPostAsync($"{Categories}/batch", new
        {
            create = new object[] { new { name = "Fresh" }, new { name = "Orphan", parent = 424242 } },
            update = new object[] { new { id = kept.Num("id"), description = "Still here" }, new { id = 424242 } },
            delete = new[] { doomed.Num("id"), 434343 },
        });

        status.Should().Be(200, body.Text());
        body.Str("create[0].name").Should().Be("Fresh");
        body.Num("create[1].id").Should().Be(0);
        body.Str("create[1].error.code").Should().Be("missing_parent");
        body.Str("update[0].description").Should().Be("Still here");
        body.Num("update[1].id").Should().Be(424242);
        body.Str("update[1].error.code").Should().Be("woocommerce_rest_term_invalid");
        body.Str("delete[0].name").Should().Be("Doomed");
        body.Str("delete[1].error.code").Should().Be("woocommerce_rest_term_invalid");
        var names = await Factory.QueryAsync(db => db.Categories.OrderBy(c => c.Id).Select(c => c.Name).ToListAsync());
        names.Should().Equal("Kept", "Fresh");
    }

    [Fact]
    public async Task Batch_MoreThanTheLimit_Answers413AndWritesNothing()
    {
        var (status, body) = await WooPostAsync($"{Categories}/batch", new
        {
            create = new[] { new { name = "One" } },
            delete = Enumerable.Range(1, 100).Select(i => (long)i).ToArray(),
        });

        status.Should().Be(413, body.Text());
        body.Str("code").Should().Be("woocommerce_rest_request_entity_too_large");
        (await CountRowsAsync()).Categories.Should().Be(0);
    }
}

public sealed class WooCommerceCategoriesTestsOnSqlite(SqliteApiFactory f)
    : WooCommerceCategoriesTests(f), IClassFixture<SqliteApiFactory>;

public sealed class WooCommerceCategoriesTestsOnPostgres(PostgresApiFactory f)
    : WooCommerceCategoriesTests(f), IClassFixture<PostgresApiFactory>;

public sealed class WooCommerceCategoriesTestsOnSqlServer(SqlServerApiFactory f)
    : WooCommerceCategoriesTests(f), IClassFixture<SqlServerApiFactory>;
