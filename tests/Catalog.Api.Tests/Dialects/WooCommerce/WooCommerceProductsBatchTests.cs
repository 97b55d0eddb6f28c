using Catalog.Testing;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Api.Tests.Dialects.WooCommerce;

/// <summary>
/// <c>POST|PUT|PATCH /wp-json/wc/v3/products/batch</c>: WooCommerce's batch semantics (creates, then updates, then
/// deletes; each item on its own; failures in place as <c>{id, error}</c>; deletes answer the prior product), its
/// item error codes, the item limit, and whole-request errors in WordPress's shape.
/// </summary>
public abstract class WooCommerceProductsBatchTests(CatalogApiFactory factory) : WooCommerceApiTest(factory)
{
    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    public async Task Batch_AnyEditableMethod_CreatesUpdatesAndDeletes(string method)
    {
        var (kept, doomed) = (await SeedWooAsync(SimpleProduct()), await SeedWooAsync(SimpleProduct()));
        var added = SimpleProduct();

        var (status, body) = await SendAsync(new HttpMethod(method), ProductsBatchRoute, Body(new
        {
            create = new[] { added },
            update = new[] { new { id = kept.Num("id"), name = "Renamed" } },
            delete = new[] { doomed.Num("id") },
        }), Woo);

        status.Should().Be(200, body.Text());
        body.Str("create[0].sku").Should().Be((string)added["sku"]!);
        body.Str("update[0].name").Should().Be("Renamed");
        body.Num("delete[0].id").Should().Be(doomed.Num("id"));
        var names = await Factory.QueryAsync(db => db.Products.OrderBy(p => p.Id).Select(p => p.Title).ToListAsync());
        names.Should().Equal("Renamed", (string)added["name"]!);
    }

    [Fact]
    public async Task Batch_OnlyCreates_AnswersOnlyTheCreateList()
    {
        var (status, body) = await WooPostAsync(
            ProductsBatchRoute, new { create = new[] { SimpleProduct() }, update = Array.Empty<object>() });

        status.Should().Be(200, body.Text());
        body!.AsObject().Select(p => p.Key).Should().Equal("create");
    }

    [Fact]
    public async Task Batch_EmptyBody_AnswersAnEmptyListAndWritesNothing()
    {
        var (status, body) = await WooPostAsync(ProductsBatchRoute, new { });

        status.Should().Be(200);
        body.Text().Should().Be("[]");
        (await CountRowsAsync()).Products.Should().Be(0);
    }

    [Fact]
    public async Task Batch_UpdatesRunBeforeDeletes_SoAnUpdateCannotTakeTheSkuOfAProductDeletedInTheSameBatch()
    {
        var first = await SeedWooAsync(SimpleProduct());
        var second = await SeedWooAsync(SimpleProduct());

        var (status, body) = await WooPostAsync(ProductsBatchRoute, new
        {
            update = new[] { new { id = first.Num("id"), sku = second.Str("sku") } },
            delete = new[] { second.Num("id") },
        });

        status.Should().Be(200, body.Text());
        body.Num("update[0].id").Should().Be(first.Num("id"));
        body.Str("update[0].error.code").Should().Be("product_invalid_sku");
        body.Num("update[0].error.data.status").Should().Be(400);
        body.Num("delete[0].id").Should().Be(second.Num("id"));
        body.At("delete[0].error").Should().BeNull();
        (await FindProductAsync(first.Num("id")))!.Variants.Single().Sku.Should().Be(first.Str("sku"));
        (await FindProductAsync(second.Num("id"))).Should().BeNull();
    }

    [Fact]
    public async Task Batch_CreatesRunBeforeUpdates_SoAnUpdateSeesWhatTheCreatesClaimed()
    {
        var existing = await SeedWooAsync(SimpleProduct());
        var created = SimpleProduct();

        var (_, body) = await WooPostAsync(ProductsBatchRoute, new
        {
            create = new[] { created },
            update = new[] { new { id = existing.Num("id"), slug = "taken-later", sku = (string)created["sku"]! } },
        });

        body.Str("update[0].error.code").Should().Be("product_invalid_sku", body.Text());
        body.At("create[0].error").Should().BeNull("the first item that claims a SKU keeps it, as in WooCommerce");
        body.Str("create[0].sku").Should().Be((string)created["sku"]!);
        (await CountRowsAsync()).Products.Should().Be(2);
    }

    [Fact]
    public async Task Batch_Delete_AnswersEachDeletedProductAsItWasAndSkipsIdZero()
    {
        var category = (await SeedCategoriesAsync(new CategoryBuilder().With("name", "Tops")))[0];
        var doomed = await SeedWooAsync(new Dictionary<string, object?>(SimpleProduct())
        {
            ["categories"] = new[] { new { id = category.Num("id") } },
            ["tax_status"] = "none",
            ["meta_data"] = new[] { new { key = "k", value = "v" } },
        });

        var (status, body) =
            await WooPostAsync(ProductsBatchRoute, new { delete = new[] { 0, doomed.Num("id"), 999_999 } });

        status.Should().Be(200, body.Text());
        body.Arr("delete").Should().HaveCount(2);
        var deleted = body.At("delete[0]")!;
        deleted.Num("id").Should().Be(doomed.Num("id"));
        deleted.Str("sku").Should().Be(doomed.Str("sku"));
        deleted.Str("regular_price").Should().Be("19.99");
        deleted.Str("categories[0].name").Should().Be("Tops");
        deleted.Str("tax_status").Should().Be("none");
        deleted.Str("meta_data[0].value").Should().Be("v");
        body.Num("delete[1].id").Should().Be(999_999);
        body.Str("delete[1].error.code").Should().Be("woocommerce_rest_product_invalid_id");
        body.Str("delete[1].error.message").Should().Be("Invalid ID.");
        body.Num("delete[1].error.data.status").Should().Be(404);
        (await CountRowsAsync()).Should().Be(new RowCounts(0, 0, 0, 0, 0, 1, 0, 0));
    }

    [Fact]
    public async Task Batch_FailingItems_AnswerWooCommerceCodesInPlaceAndTheOthersAreWritten()
    {
        var taken = await SeedWooAsync(SimpleProduct());
        var good = SimpleProduct();

        var (status, body) = await WooPostAsync(ProductsBatchRoute, new
        {
            create = new object[]
            {
                new Dictionary<string, object?>(SimpleProduct()) { ["sku"] = taken.Str("sku") },
                good,
                new Dictionary<string, object?>(SimpleProduct()) { ["type"] = "grouped" },
                new Dictionary<string, object?>(SimpleProduct()) { ["type"] = "external" },
                new Dictionary<string, object?>(SimpleProduct()) { ["id"] = taken.Num("id") },
                new Dictionary<string, object?>(SimpleProduct()) { ["status"] = "future" },
                new Dictionary<string, object?>(SimpleProduct()) { ["regular_price"] = "cheap" },
                new Dictionary<string, object?>(SimpleProduct()) { ["name"] = null },
                new Dictionary<string, object?>(SimpleProduct()) { ["categories"] = new[] { new { id = 424242 } } },
                new Dictionary<string, object?>(SimpleProduct())
                {
                    ["attributes"] = new[] { new { id = 535353, options = new[] { "Red" } } },
                },
                new Dictionary<string, object?>(SimpleProduct()) { ["backorders"] = "maybe" },
            },
            update = new object[] { new { id = 777_777, name = "Ghost" }, new { name = "No id" } },
        });

        status.Should().Be(200, body.Text());
        var creates = body.Arr("create");
        creates.Select(c => c.Str("error.code")).Should().Equal(
            "product_invalid_sku", null, "rest_invalid_param", "rest_invalid_param", "woocommerce_rest_product_exists",
            "rest_invalid_param", "rest_invalid_param", "rest_missing_callback_param", "woocommerce_rest_term_invalid",
            "woocommerce_rest_taxonomy_invalid", "rest_invalid_param");
        creates.Where(c => c!["error"] is not null)
            .Should().OnlyContain(c => c.Num("id") == 0 && c.Num("error.data.status") == 400);
        body.Str("create[0].error.message").Should().Be("Invalid or duplicated SKU.");
        body.Str("create[2].error.message").Should().Be("Invalid parameter(s): type");
        body.Str("create[2].error.data.params.type").Should().Contain("simple and variable");
        body.Str("create[4].error.message").Should().Be("Cannot create existing product.");
        body.At("create[5].error.data.params.status").Should().NotBeNull();
        body.At("create[6].error.data.params.regular_price").Should().NotBeNull();
        body.Str("create[7].error.message").Should().Be("Missing parameter(s): name");
        body.Str("create[8].error.message").Should().Contain("424242");
        body.Str("create[9].error.message").Should().Contain("535353");
        body.At("create[10].error.data.params.backorders").Should().NotBeNull();
        body.Str("create[1].sku").Should().Be((string)good["sku"]!);
        body.Num("update[0].id").Should().Be(777_777);
        body.Str("update[0].error.code").Should().Be("woocommerce_rest_product_invalid_id");
        body.Num("update[0].error.data.status").Should().Be(400);
        body.Num("update[1].id").Should().Be(0);
        body.Str("update[1].error.code").Should().Be("woocommerce_rest_product_invalid_id");
        var skus = await Factory.QueryAsync(db => db.Variants.OrderBy(v => v.Id).Select(v => v.Sku).ToListAsync());
        skus.Should().Equal(taken.Str("sku"), (string)good["sku"]!);
    }

    [Fact]
    public async Task Batch_TakenSlugOrName_GetsTheFirstFreeSuffixAsWordPressGivesIt()
    {
        var first = await SeedWooAsync(SimpleProduct("Linen Shirt"));
        var other = await SeedWooAsync(SimpleProduct("Other"));

        var (status, body) = await WooPostAsync(ProductsBatchRoute, new
        {
            create = new[]
            {
                SimpleProduct("Linen Shirt"),
                SimpleProduct("Linen shirt"),
                new Dictionary<string, object?>(SimpleProduct("Third")) { ["slug"] = first.Str("slug") },
            },
            update = new[] { new { id = other.Num("id"), slug = "linen-shirt" } },
        });

        status.Should().Be(200, body.Text());
        first.Str("slug").Should().Be("linen-shirt");
        body.Arr("create").Select(p => p.Str("slug"))
            .Should().Equal(["linen-shirt-2", "linen-shirt-3", "linen-shirt-4"], body.Text());
        body.Str("update[0].slug").Should().Be("linen-shirt-5");
        var (_, read) = await WooGetAsync($"/wp-json/wc/v3/products/{other.Num("id")}");
        read.Str("slug").Should().Be("linen-shirt-5");
        (await CountRowsAsync()).Products.Should().Be(5);
    }

    [Fact]
    public async Task Batch_OverTheItemLimit_Answers413AndWritesNothing()
    {
        var existing = await SeedWooAsync(SimpleProduct());
        var creates = Enumerable.Range(0, 99).Select(_ => SimpleProduct()).ToList();

        var (status, body) = await WooPostAsync(ProductsBatchRoute, new
        {
            create = creates,
            update = new[] { new { id = existing.Num("id"), name = "Changed" } },
            delete = new[] { existing.Num("id") },
        });

        status.Should().Be(413, body.Text());
        body.Str("code").Should().Be("woocommerce_rest_request_entity_too_large");
        body.Str("message").Should().Be("Unable to accept more than 100 items for this request.");
        body.Num("data.status").Should().Be(413);
        (await CountRowsAsync()).Products.Should().Be(1);
        (await FindProductAsync(existing.Num("id")))!.Title.Should().Be(existing.Str("name"));
    }

    [Fact]
    public async Task Batch_ExactlyTheItemLimit_IsAccepted()
    {
        var creates = Enumerable.Range(0, 100).Select(_ => SimpleProduct()).ToList();

        var (status, body) = await WooPostAsync(ProductsBatchRoute, new { create = creates });

        status.Should().Be(200, body.Text());
        body.Arr("create").Should().HaveCount(100).And.OnlyContain(c => c!["error"] == null);
        (await CountRowsAsync()).Products.Should().Be(100);
    }

    [Fact]
    public async Task Batch_Reads_AreAsManyForFiftyItemsAsForFive()
    {
        async Task<long> ReadsAsync(int count)
        {
            var seeded = await SeedWooAsync([
                .. Enumerable.Range(0, count).Select(_ =>
                    new Dictionary<string, object?>(SimpleProduct()) { ["categories"] = Array.Empty<object>() }),
            ]);
            Factory.Statements.Reset();
            var (status, body) = await WooPostAsync(ProductsBatchRoute, new
            {
                create = Enumerable.Range(0, count).Select(_ => SimpleProduct()),
                update = seeded.Select(p => new { id = p.Num("id"), regular_price = "5", tax_status = "none" }),
            });
            status.Should().Be(200, body.Text());
            body.Arr("update").Should().OnlyContain(u => u!["error"] == null, body.Text());
            return Factory.Statements.Reads;
        }

        var few = await ReadsAsync(5);
        var many = await ReadsAsync(50);

        many.Should().Be(few);
    }

    public static TheoryData<string, string> MalformedBodies => new()
    {
        { "{\"create\": [", "rest_invalid_json" },
        { "{\"create\": [{\"name\": \"A\"}]", "rest_invalid_json" },
        { "{\"create\": [{\"name\": \"A\", \"stock_quantity\": \"many\"}]}", "rest_invalid_param" },
        { "{\"create\": {\"name\": \"A\"}}", "rest_invalid_param" },
        { "{\"create\": [null]}", "rest_invalid_param" },
        { "[1, 2]", "rest_invalid_param" },
        { "{\"delete\": [\"x\"]}", "rest_invalid_param" },
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task Batch_BrokenOrMisshapenBody_Answers400InWordPressShapeAndWritesNothing(string json, string code)
    {
        var (status, body) = await SendAsync(HttpMethod.Post, ProductsBatchRoute, Body(json), Woo);

        status.Should().Be(400, body.Text());
        body.Str("code").Should().Be(code);
        body.Str("message").Should().NotBeNullOrEmpty();
        body.Num("data.status").Should().Be(400);
        body!.AsObject().Select(p => p.Key)
            .Should().BeEquivalentTo(["code", "message", "data"], "never problem details");
        (await CountRowsAsync()).Products.Should().Be(0);
    }

    [Fact]
    public async Task Batch_BrokenJson_AnswersJsonNotProblemJson()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, ProductsBatchRoute) { Content = Body("{") };
        using var response = await Woo.SendAsync(request);

        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        (await response.Content.ReadAsStringAsync()).Should().Contain("\"Invalid JSON body passed.\"");
    }

    [Theory]
    [InlineData("DELETE", "/wp-json/wc/v3/products/batch")]
    [InlineData("GET", "/wp-json/wc/v3/products/batch")]
    [InlineData("GET", "/wp-json/wc/v3/orders")]
    [InlineData("POST", "/wp-json/wc/v3/products/abc/variations/batch")]
    public async Task UnknownRouteOrMethod_Answers404RestNoRoute(string method, string url)
    {
        var (status, body) = await SendAsync(new HttpMethod(method), url, method == "GET" ? null : Body("{}"), Woo);

        status.Should().Be(404, body.Text());
        body.Str("code").Should().Be("rest_no_route");
        body.Num("data.status").Should().Be(404);
    }
}

public sealed class WooCommerceProductsBatchTestsOnSqlite(SqliteApiFactory f)
    : WooCommerceProductsBatchTests(f), IClassFixture<SqliteApiFactory>;

public sealed class WooCommerceProductsBatchTestsOnPostgres(PostgresApiFactory f)
    : WooCommerceProductsBatchTests(f), IClassFixture<PostgresApiFactory>;

public sealed class WooCommerceProductsBatchTestsOnSqlServer(SqlServerApiFactory f)
    : WooCommerceProductsBatchTests(f), IClassFixture<SqlServerApiFactory>;
