using Catalog.Testing;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Api.Tests.Dialects.WooCommerce;

/// <summary>
/// <c>/wp-json/wc/v3/products/attributes</c> and <c>.../attributes/{id}/terms</c>: Catalog's global attributes and
/// their values as WooCommerce's attributes and terms.
/// </summary>
public abstract class WooCommerceAttributesTests(CatalogApiFactory factory) : WooCommerceApiTest(factory)
{
    private const string Attributes = "/wp-json/wc/v3/products/attributes";

    private static string Terms(long attributeId) => $"{Attributes}/{attributeId}/terms";

    [Fact]
    public async Task Create_Answers201WithTaxonomySlugAndReadsBackThroughTheCanonicalApi()
    {
        var (status, body) =
            await WooPostAsync(Attributes, new { name = "Color", order_by = "name", has_archives = true });

        status.Should().Be(201, body.Text());
        body.Str("name").Should().Be("Color");
        body.Str("slug").Should().Be("pa_color");
        body.Str("type").Should().Be("select");
        body.Str("order_by").Should().Be("name");
        body.At("has_archives")!.GetValue<bool>().Should().BeTrue();
        var canonical = await ReadAsync<System.Text.Json.Nodes.JsonNode>($"/api/v1/attributes/{body.Num("id")}");
        canonical.Str("slug").Should().Be("color");
        canonical.Str("order_by").Should().Be("name");
    }

    [Fact]
    public async Task CreateUpdate_TakenSlugAndWrongValues_AnswerWooCommerceErrors()
    {
        var (_, color) = await WooPostAsync(Attributes, new { name = "Color" });
        var (_, size) = await WooPostAsync(Attributes, new { name = "Size" });

        var (taken, takenBody) = await WooPostAsync(Attributes, new { name = "Colour", slug = "pa_color" });
        var (editTaken, editTakenBody) = await SendAsync(
            HttpMethod.Put, $"{Attributes}/{size.Num("id")}", Body(new { slug = "color" }), Woo);
        var (badOrder, badOrderBody) = await WooPostAsync(Attributes, new { name = "Fit", order_by = "random" });
        var (wrongType, wrongTypeBody) = await SendAsync(
            HttpMethod.Post, Attributes, Body("""{"name": "Fit", "has_archives": "often"}"""), Woo);

        taken.Should().Be(400, takenBody.Text());
        takenBody.Str("code").Should().Be("woocommerce_rest_cannot_create");
        editTaken.Should().Be(400, editTakenBody.Text());
        editTakenBody.Str("code").Should().Be("woocommerce_rest_cannot_edit");
        badOrder.Should().Be(400, badOrderBody.Text());
        badOrderBody.Str("code").Should().Be("rest_invalid_param");
        badOrderBody.At("data.params.order_by").Should().NotBeNull();
        wrongType.Should().Be(400, wrongTypeBody.Text());
        wrongTypeBody.Str("code").Should().Be("rest_invalid_param");
        var slugs = await Factory.QueryAsync(db => db.Attributes.OrderBy(a => a.Id).Select(a => a.Slug).ToListAsync());
        slugs.Should().Equal("color", "size");
        color.Num("id").Should().BePositive();
    }

    [Fact]
    public async Task UpdateGetListDelete_AnswerAsWooCommerce()
    {
        var (_, color) = await WooPostAsync(Attributes, new { name = "Color" });
        await WooPostAsync(Attributes, new { name = "Size" });
        var id = color.Num("id");

        var (updated, updatedBody) = await SendAsync(
            HttpMethod.Patch, $"{Attributes}/{id}", Body(new { name = "Colour", order_by = "id" }), Woo);
        using var list = await Woo.GetAsync(Attributes);
        var listed = System.Text.Json.Nodes.JsonNode.Parse(await list.Content.ReadAsStringAsync());
        var (unforced, unforcedBody) = await SendAsync(HttpMethod.Delete, $"{Attributes}/{id}", null, Woo);
        var (forced, forcedBody) = await SendAsync(HttpMethod.Delete, $"{Attributes}/{id}?force=true", null, Woo);
        var (gone, goneBody) = await WooGetAsync($"{Attributes}/{id}");

        updated.Should().Be(200, updatedBody.Text());
        updatedBody.Str("name").Should().Be("Colour");
        updatedBody.Str("slug").Should().Be("pa_color");
        updatedBody.Str("order_by").Should().Be("id");
        listed.Arr(string.Empty).Select(a => a.Str("slug")).Should().Equal("pa_color", "pa_size");
        list.Headers.GetValues("X-WP-Total").Should().Equal("2");
        list.Headers.GetValues("X-WP-TotalPages").Should().Equal("1");
        unforced.Should().Be(501, unforcedBody.Text());
        unforcedBody.Str("code").Should().Be("woocommerce_rest_trash_not_supported");
        forced.Should().Be(200, forcedBody.Text());
        forcedBody.Str("name").Should().Be("Colour");
        gone.Should().Be(404, goneBody.Text());
        goneBody.Str("code").Should().Be("woocommerce_rest_attribute_invalid");
        (await CountRowsAsync()).Attributes.Should().Be(1);
    }

    [Fact]
    public async Task Batch_FailedItemsAnswerInPlace_AndTooLargeAnswers413()
    {
        var (_, color) = await WooPostAsync(Attributes, new { name = "Color" });

        var (status, body) = await WooPostAsync($"{Attributes}/batch", new
        {
            create = new object[] { new { name = "Size" }, new { name = "Again", slug = "color" } },
            update = new object[] { new { id = color.Num("id"), has_archives = true }, new { id = 424242 } },
            delete = new[] { 434343L },
        });
        var (tooLarge, tooLargeBody) = await WooPostAsync(
            $"{Attributes}/batch", new { delete = Enumerable.Range(1, 101).Select(i => (long)i).ToArray() });

        status.Should().Be(200, body.Text());
        body.Str("create[0].slug").Should().Be("pa_size");
        body.Str("create[1].error.code").Should().Be("woocommerce_rest_cannot_create");
        body.At("update[0].has_archives")!.GetValue<bool>().Should().BeTrue();
        body.Str("update[1].error.code").Should().Be("woocommerce_rest_attribute_invalid");
        body.Num("delete[0].id").Should().Be(434343);
        body.Str("delete[0].error.code").Should().Be("woocommerce_rest_attribute_invalid");
        tooLarge.Should().Be(413, tooLargeBody.Text());
        (await CountRowsAsync()).Attributes.Should().Be(2);
    }

    [Fact]
    public async Task Terms_CreateUpdateDelete_ReadBackAsTheAttributesValues()
    {
        var (_, color) = await WooPostAsync(Attributes, new { name = "Color" });
        var id = color.Num("id");

        var (created, red) = await WooPostAsync(Terms(id), new { name = "Red", description = "Warm", menu_order = 2 });
        var (_, blue) = await WooPostAsync(Terms(id), new { name = "Blue" });
        var (updated, updatedBody) = await SendAsync(
            HttpMethod.Put, $"{Terms(id)}/{red.Num("id")}", Body(new { name = "Crimson", slug = "crimson" }), Woo);
        var (deleted, deletedBody) =
            await SendAsync(HttpMethod.Delete, $"{Terms(id)}/{blue.Num("id")}?force=true", null, Woo);

        created.Should().Be(201, red.Text());
        red.Str("slug").Should().Be("red");
        red.Str("description").Should().Be("Warm");
        red.Num("menu_order").Should().Be(2);
        updated.Should().Be(200, updatedBody.Text());
        updatedBody.Num("id").Should().Be(red.Num("id"));
        updatedBody.Str("name").Should().Be("Crimson");
        updatedBody.Str("description").Should().Be("Warm");
        deleted.Should().Be(200, deletedBody.Text());
        deletedBody.Str("name").Should().Be("Blue");
        var canonical = await ReadAsync<System.Text.Json.Nodes.JsonNode>($"/api/v1/attributes/{id}");
        canonical.Arr("values").Select(v => (v.Num("id"), v.Str("name"), v.Str("slug")))
            .Should().Equal((red.Num("id"), "Crimson", "crimson"));
    }

    [Fact]
    public async Task Terms_Errors_AnswerWordPressCodes()
    {
        var (_, color) = await WooPostAsync(Attributes, new { name = "Color" });
        var id = color.Num("id");
        var (_, red) = await WooPostAsync(Terms(id), new { name = "Red" });
        await WooPostAsync(Terms(id), new { name = "Blue" });

        var (exists, existsBody) = await WooPostAsync(Terms(id), new { name = "red" });
        var (nameless, namelessBody) = await WooPostAsync(Terms(id), new { slug = "x" });
        var (slugTaken, slugTakenBody) = await SendAsync(
            HttpMethod.Put, $"{Terms(id)}/{red.Num("id")}", Body(new { slug = "blue" }), Woo);
        var (unknownTerm, unknownTermBody) = await SendAsync(
            HttpMethod.Put, $"{Terms(id)}/424242", Body(new { name = "X" }), Woo);
        var (unforced, unforcedBody) = await SendAsync(HttpMethod.Delete, $"{Terms(id)}/{red.Num("id")}", null, Woo);
        var (noTaxonomy, noTaxonomyBody) = await WooPostAsync(Terms(424242), new { name = "Red" });
        var (tooLong, tooLongBody) = await WooPostAsync(Terms(id), new { name = new string('x', 300) });

        exists.Should().Be(400, existsBody.Text());
        existsBody.Str("code").Should().Be("term_exists");
        existsBody.Num("data.resource_id").Should().Be(red.Num("id"));
        nameless.Should().Be(400, namelessBody.Text());
        namelessBody.Str("code").Should().Be("empty_term_name");
        slugTaken.Should().Be(400, slugTakenBody.Text());
        slugTakenBody.Str("code").Should().Be("duplicate_term_slug");
        unknownTerm.Should().Be(404, unknownTermBody.Text());
        unknownTermBody.Str("code").Should().Be("woocommerce_rest_term_invalid");
        unforced.Should().Be(501, unforcedBody.Text());
        noTaxonomy.Should().Be(404, noTaxonomyBody.Text());
        noTaxonomyBody.Str("code").Should().Be("woocommerce_rest_taxonomy_invalid");
        tooLong.Should().Be(400, tooLongBody.Text());
        tooLongBody.Str("code").Should().Be("rest_invalid_param");
        tooLongBody.At("data.params.name").Should().NotBeNull();
        (await CountRowsAsync()).AttributeValues.Should().Be(2);
    }

    [Fact]
    public async Task TermsBatch_AppliesInOrder_AFailedItemFailsAlone()
    {
        var (_, color) = await WooPostAsync(Attributes, new { name = "Color" });
        var id = color.Num("id");
        var (_, red) = await WooPostAsync(Terms(id), new { name = "Red" });
        var (_, blue) = await WooPostAsync(Terms(id), new { name = "Blue" });

        var (status, body) = await WooPostAsync($"{Terms(id)}/batch", new
        {
            create = new object[]
            {
                new { name = "Green" },
                new { name = "Green" },
                new { name = new string('y', 300) },
                new { name = "Gold" },
            },
            update = new object[] { new { id = red.Num("id"), description = "Warm" }, new { id = 424242, name = "X" } },
            delete = new[] { blue.Num("id"), 434343 },
        });

        status.Should().Be(200, body.Text());
        body.Str("create[0].name").Should().Be("Green");
        body.Str("create[1].error.code").Should().Be("term_exists");
        body.Str("create[2].error.code").Should().Be("rest_invalid_param");
        body.Str("create[3].name").Should().Be("Gold");
        body.Str("update[0].description").Should().Be("Warm");
        body.Str("update[1].error.code").Should().Be("woocommerce_rest_term_invalid");
        body.Str("delete[0].name").Should().Be("Blue");
        body.Num("delete[1].id").Should().Be(434343);
        body.Str("delete[1].error.code").Should().Be("woocommerce_rest_term_invalid");
        var names = await Factory.QueryAsync(
            db => db.AttributeValues.OrderBy(v => v.Id).Select(v => v.Name).ToListAsync());
        names.Should().Equal("Red", "Green", "Gold");
    }

    [Fact]
    public async Task TermsList_SearchSlugOrderAndPages_AnswerWithHeaders()
    {
        var (_, size) = await WooPostAsync(Attributes, new { name = "Size" });
        var id = size.Num("id");
        await WooPostAsync($"{Terms(id)}/batch", new
        {
            create = new[] { new { name = "Medium" }, new { name = "Large" }, new { name = "Small" } },
        });

        var (_, byName) = await WooGetAsync(Terms(id));
        var (_, byIdDesc) = await WooGetAsync($"{Terms(id)}?orderby=id&order=desc");
        var (_, searched) = await WooGetAsync($"{Terms(id)}?search=LAR");
        var (_, bySlug) = await WooGetAsync($"{Terms(id)}?slug=small");
        using var page = await Woo.GetAsync($"{Terms(id)}?per_page=2&page=1");
        var (badStatus, bad) = await WooGetAsync($"{Terms(id)}?orderby=random");

        byName.Arr(string.Empty).Select(t => t.Str("name")).Should().Equal("Large", "Medium", "Small");
        byIdDesc.Arr(string.Empty).Select(t => t.Str("name")).Should().Equal("Small", "Large", "Medium");
        searched.Arr(string.Empty).Select(t => t.Str("name")).Should().Equal("Large");
        bySlug.Arr(string.Empty).Select(t => t.Str("name")).Should().Equal("Small");
        page.Headers.GetValues("X-WP-Total").Should().Equal("3");
        page.Headers.GetValues("X-WP-TotalPages").Should().Equal("2");
        string.Join(", ", page.Headers.GetValues("Link")).Should().Contain("page=2").And.Contain("rel=\"next\"");
        badStatus.Should().Be(400, bad.Text());
    }

    [Fact]
    public async Task Integration_AttributeAndTermsFromRoutes_NameAVariableProductsOptions()
    {
        var (_, color) = await WooPostAsync(Attributes, new { name = "Color" });
        await WooPostAsync(
            $"{Terms(color.Num("id"))}/batch", new { create = new[] { new { name = "Red" }, new { name = "Blue" } } });

        var product = await SeedWooAsync(new Dictionary<string, object?>
        {
            ["name"] = "Scarf",
            ["type"] = "variable",
            ["attributes"] = new[]
            {
                new { id = color.Num("id"), variation = true, visible = true, options = new[] { "Red", "Blue" } },
            },
        });
        var (status, variation) = await WooPostAsync(Variations(product.Num("id")), new
        {
            regular_price = "15",
            attributes = new[] { new { id = color.Num("id"), option = "Blue" } },
        });

        product.Num("attributes[0].id").Should().Be(color.Num("id"));
        product.Str("attributes[0].name").Should().Be("Color");
        status.Should().Be(201, variation.Text());
        variation.Str("attributes[0].option").Should().Be("Blue");
        variation.Num("attributes[0].id").Should().Be(color.Num("id"));
    }
}

public sealed class WooCommerceAttributesTestsOnSqlite(SqliteApiFactory f)
    : WooCommerceAttributesTests(f), IClassFixture<SqliteApiFactory>;

public sealed class WooCommerceAttributesTestsOnPostgres(PostgresApiFactory f)
    : WooCommerceAttributesTests(f), IClassFixture<PostgresApiFactory>;

public sealed class WooCommerceAttributesTestsOnSqlServer(SqlServerApiFactory f)
    : WooCommerceAttributesTests(f), IClassFixture<SqlServerApiFactory>;
