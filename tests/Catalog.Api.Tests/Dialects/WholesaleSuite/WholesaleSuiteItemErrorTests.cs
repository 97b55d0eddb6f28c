using Catalog.Testing;

namespace Catalog.Api.Tests.Dialects.WholesaleSuite;

/// <summary>
/// A bad wholesale value fails only its item, as WordPress's <c>rest_invalid_param</c> naming the Wholesale Suite field
/// (or the <c>meta_data</c> entry) that sent it, whether the translation or the canonical engine found it; nothing
/// of it is written and no value is dropped.
/// </summary>
public abstract class WholesaleSuiteItemErrorTests(CatalogApiFactory factory) : WholesaleSuiteApiTest(factory)
{
    private const string Rule = """
        {"wholesale_role": "gold", "start_qty": "1", "end_qty": "10", "price_type": "percent-price",
         "wholesale_price": "10"}
        """;

    public static TheoryData<string, string[]> BadFields => new()
    {
        { """ "wholesale_price": {"gold": "abc"} """, ["wholesale_price.gold"] },
        { """ "wholesale_price": {"gold": "-1"} """, ["wholesale_price.gold"] },
        { """ "wholesale_price": {"nope": "3", "gold": "4"} """, ["wholesale_price.nope"] },
        { """ "wholesale_price": ["12"] """, ["wholesale_price"] },
        { """ "wholesale_price": {"gold": "12.123456"} """, ["wholesale_price.gold"] },
        { """ "wholesale_sale_price": {"gold": "5"} """, ["wholesale_sale_price.gold"] },
        { """ "wholesale_minimum_order_quantity": {"gold": "2.5"} """, ["wholesale_minimum_order_quantity.gold"] },
        { """ "wholesale_minimum_order_quantity": {"gold": "0"} """, ["wholesale_minimum_order_quantity.gold"] },
        { """ "wholesale_order_quantity_step": {"gold": "3"} """, ["wholesale_order_quantity_step.gold"] },
        { """ "wholesale_visibility_filter": ["gold", "nope"] """, ["wholesale_visibility_filter[1]"] },
        { """ "wholesale_visibility_filter": 5 """, ["wholesale_visibility_filter"] },
        { """ "wholesale_visibility_filter": ["gold", "all"] """, ["wholesale_visibility_filter[1]"] },
        { """ "wholesale_quantity_discount_rule_mapping": "yes" """, ["wholesale_quantity_discount_rule_mapping"] },
        {
            $$"""
            "wholesale_quantity_discount_rule_mapping": [
              {{Rule}},
              {"wholesale_role": "gold", "start_qty": "20", "end_qty": "15", "price_type": "percent-price",
               "wholesale_price": "5"}]
            """,
            ["wholesale_quantity_discount_rule_mapping[1].end_qty"]
        },
        {
            $$"""
            "wholesale_quantity_discount_rule_mapping": [
              {{Rule}},
              {"wholesale_role": "gold", "start_qty": "5", "end_qty": "", "price_type": "fixed-price",
               "wholesale_price": "5"}]
            """,
            ["wholesale_quantity_discount_rule_mapping[1].start_qty"]
        },
        {
            """
            "wholesale_quantity_discount_rule_mapping": [
              {"wholesale_role": "gold", "start_qty": "1", "price_type": "percent", "wholesale_price": "5"}]
            """,
            ["wholesale_quantity_discount_rule_mapping[0].price_type"]
        },
        {
            """
            "wholesale_quantity_discount_rule_mapping": [
              {"wholesale_role": "gold", "start_qty": "1", "price_type": "percent-price", "wholesale_price": "150"}]
            """,
            ["wholesale_quantity_discount_rule_mapping[0].wholesale_price"]
        },
        {
            """
            "wholesale_quantity_discount_rule_mapping": [
              {"start_qty": "1", "price_type": "percent-price", "wholesale_price": "5"}]
            """,
            ["wholesale_quantity_discount_rule_mapping[0].wholesale_role"]
        },
        {
            """
            "wholesale_quantity_discount_rule_mapping": [
              {"wholesale_role": "nope", "start_qty": "1", "price_type": "percent-price", "wholesale_price": "5"}]
            """,
            ["wholesale_quantity_discount_rule_mapping[0].wholesale_role"]
        },
        {
            """
            "wholesale_quantity_discount_rule_mapping": [
              {"wholesale_role": "gold", "start_qty": "0", "price_type": "percent-price", "wholesale_price": "5"}]
            """,
            ["wholesale_quantity_discount_rule_mapping[0].start_qty"]
        },
        {
            """
            "wholesale_quantity_discount_rule_mapping": [
              {"wholesale_role": "gold", "start_qty": "1", "end_qty": "x", "price_type": "fixed-price",
               "wholesale_price": "5"}]
            """,
            ["wholesale_quantity_discount_rule_mapping[0].end_qty"]
        },
        {
            """
            "wholesale_quantity_discount_rule_mapping": [
              {"wholesale_role": "gold", "start_qty": "22", "end_qty": "33", "wholesale_discount": "12"}]
            """,
            [
                "wholesale_quantity_discount_rule_mapping[0].wholesale_discount",
                "wholesale_quantity_discount_rule_mapping[0].price_type",
                "wholesale_quantity_discount_rule_mapping[0].wholesale_price",
            ]
        },
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task ProductsBatch_BadWholesaleValue_FailsOnlyItsItemNamingTheField(string fields, string[] expected)
    {
        await SeedRolesAsync("gold");

        var (status, body) = await WwsPostRawAsync(WwsProductsBatch, $$"""
            {"create": [{"name": "Good", "regular_price": "10", "wholesale_price": {"gold": "8"} },
                        {"name": "Bad", "regular_price": "10", {{fields}} }]}
            """);

        status.Should().Be(200, body.Text());
        body.At("create[0].error").Should().BeNull(body.Text());
        body.Str("create[0].wholesale_data.wholesale_price.gold").Should().Be("8");
        body.Num("create[1].id").Should().Be(0);
        ShouldBeInvalidParams(body, "create[1]", expected);
        var (_, listed) = await GetAsync("/api/v1/products");
        listed.Num("total").Should().Be(1, "the bad item wrote nothing");
    }

    [Fact]
    public async Task VariationsBatch_BadValues_NameTheirFieldsOnEachItem()
    {
        await SeedRolesAsync("gold");
        var productId = (await SeedWooAsync(VariableProduct())).Num("id");
        var created = await WwsPostRawAsync(WwsVariationsBatch(productId), """
            {"create": [{"regular_price": "10", "attributes": [{"name": "Size", "option": "S"}],
                         "wholesale_minimum_order_quantity": {"gold": "2"},
                         "wholesale_order_quantity_step": {"gold": "2"}}]}
            """);
        var id = created.Body.Num("create[0].id");

        var (status, body) = await WwsPostRawAsync(WwsVariationsBatch(productId), $$"""
            {"create": [{"regular_price": "10", "attributes": [{"name": "Size", "option": "M"}],
                         "wholesale_price": {"silver": "3"} }],
             "update": [{"id": {{id}}, "wholesale_minimum_order_quantity": {"gold": ""} },
                        {"id": {{id}}, "wholesale_price": {"gold": "9"} }]}
            """);

        status.Should().Be(200, body.Text());
        ShouldBeInvalidParams(body, "create[0]", "wholesale_price.silver");
        // Removing the minimum would leave the stored step alone: the step is what is wrong, named by its role.
        body.Str("update[0].error.code").Should().Be(
            "woocommerce_rest_product_variation_invalid_id", "the same id twice in one batch fails both");
        body.Str("update[1].error.code").Should().Be("woocommerce_rest_product_variation_invalid_id");

        (status, body) = await WwsPostRawAsync(WwsVariationsBatch(productId), $$"""
            {"update": [{"id": {{id}}, "wholesale_minimum_order_quantity": {"gold": ""} }]}
            """);

        status.Should().Be(200, body.Text());
        ShouldBeInvalidParams(body, "update[0]", "wholesale_order_quantity_step.gold");
        (await GetAsync($"/api/v1/variants/{id}")).Body.Num("wholesale.minimum_order_quantities[0].quantity")
            .Should().Be(2, "nothing of the failed item was written");
    }

    [Fact]
    public async Task ProductsBatch_VariableProductWithoutVariations_FailsNamingTheWholesaleFieldsAndTheOthersSucceed()
    {
        await SeedRolesAsync("gold");
        var product = VariableProduct();
        product["wholesale_visibility_filter"] = "gold";
        product["wholesale_minimum_order_quantity"] = new { gold = "2" };

        var (status, body) =
            await WooPostAsync(WwsProductsBatch, new { create = new object[] { product, SimpleProduct() } });

        status.Should().Be(200, body.Text());
        ShouldBeInvalidParams(
            body, "create[0]", "wholesale_visibility_filter", "wholesale_minimum_order_quantity.gold");
        body.At("create[1].error").Should().BeNull(body.Text());
        (await GetAsync("/api/v1/products")).Body.Num("total").Should().Be(1);
    }

    [Fact]
    public async Task WooCommerceMetaData_BadWholesaleSuiteValues_FailTheItemNamingTheMetaEntry()
    {
        await SeedRolesAsync("gold");

        var (status, body) = await WooPostAsync(ProductsBatchRoute, new
        {
            create = new object[]
            {
                new
                {
                    name = "Bad price",
                    meta_data = new object[]
                    {
                        new { key = "_supplier", value = "Acme" }, new { key = "gold_wholesale_price", value = "abc" },
                    },
                },
                new
                {
                    name = "Unknown role",
                    meta_data = new object[] { new { key = "nope_wholesale_price", value = "3" } },
                },
                new
                {
                    name = "Disabled rules",
                    meta_data = new object[]
                    {
                        new { key = "wwpp_post_meta_enable_quantity_discount_rule", value = "no" },
                        new
                        {
                            key = "wwpp_post_meta_quantity_discount_rule_mapping",
                            value = new[]
                            {
                                new
                                {
                                    wholesale_role = "gold", start_qty = "1", end_qty = "",
                                    price_type = "percent-price", wholesale_price = "5",
                                },
                            },
                        },
                    },
                },
                new
                {
                    name = "Overlap",
                    meta_data = new object[]
                    {
                        new { key = "wwpp_post_meta_quantity_discount_rule_mapping", value = new[]
                        {
                            new
                            {
                                wholesale_role = "gold", start_qty = "1", end_qty = "10",
                                price_type = "percent-price", wholesale_price = "5",
                            },
                            new
                            {
                                wholesale_role = "gold", start_qty = "10", end_qty = "",
                                price_type = "percent-price", wholesale_price = "8",
                            },
                        } },
                    },
                },
                new
                {
                    name = "Keyless",
                    meta_data = new object[]
                    {
                        new { key = "gold_wholesale_price", value = "5" }, new { value = "no key" },
                    },
                },
            },
        });

        status.Should().Be(200, body.Text());
        ShouldBeInvalidParams(body, "create[0]", "meta_data[1].value");
        ShouldBeInvalidParams(body, "create[1]", "meta_data[0].value");
        ShouldBeInvalidParams(body, "create[2]", "meta_data[0].value");
        ShouldBeInvalidParams(body, "create[3]", "meta_data[0].value[1].start_qty");
        ShouldBeInvalidParams(body, "create[4]", "meta_data[1].key");
        (await GetAsync("/api/v1/products")).Body.Num("total").Should().Be(0);
    }

    [Fact]
    public async Task Batch_OverTheLimit_Is413AndWritesNothing()
    {
        var (status, body) = await WooPostAsync(
            WwsProductsBatch, new { create = Enumerable.Range(0, 101).Select(_ => SimpleProduct()).ToList() });

        status.Should().Be(413, body.Text());
        body.Str("code").Should().Be("woocommerce_rest_request_entity_too_large");
        body.Num("data.status").Should().Be(413);
        (await GetAsync("/api/v1/products")).Body.Num("total").Should().Be(0);
    }

    [Fact]
    public async Task Requests_WithoutOrWithWrongConsumerKeys_AreRefusedInWordPressShape()
    {
        using var anonymous = Factory.CreateClientWithKey(null);
        var (status, body) =
            await WooPostAsync(WwsProductsBatch, new { create = new[] { SimpleProduct() } }, anonymous);
        status.Should().Be(401, body.Text());
        body.Str("code").Should().Be("woocommerce_rest_cannot_batch");

        using var wrong = WooClient("not-a-key");
        (status, body) = await WooGetAsync(WwsProduct(1), wrong);
        status.Should().Be(401, body.Text());
        body.Str("code").Should().Be("woocommerce_rest_authentication_error");

        using var readOnly = WooClient(await Factory.CreateKeyAsync("catalog:read"));
        (status, body) = await WooPostAsync(WwsVariationsBatch(1), new { create = Array.Empty<object>() }, readOnly);
        status.Should().Be(401, body.Text());
        body.Str("message").Should().Be("The API key provided does not have write permissions.");
    }

    [Fact]
    public async Task Reads_UnknownProductOrVariation_Are404InWordPressShape()
    {
        var productId = (await SeedWooAsync(VariableProduct())).Num("id");

        var (status, body) = await WooGetAsync(WwsProduct(productId + 1));
        (status, body.Str("code")).Should().Be((404, "woocommerce_rest_product_invalid_id"));
        (status, body) = await WooGetAsync(WwsVariations(productId + 1));
        (status, body.Str("code")).Should().Be((404, "woocommerce_rest_invalid_product_id"));
        (status, body) = await WooGetAsync(WwsVariation(productId, 999));
        (status, body.Str("code")).Should().Be((404, "woocommerce_rest_product_variation_invalid_id"));
        (status, body) = await WooPostAsync(WwsVariationsBatch(productId + 1), new { create = Array.Empty<object>() });
        (status, body.Str("code")).Should().Be((404, "woocommerce_rest_invalid_product_id"));
        (status, body) = await WooGetAsync("/wp-json/wholesale/v1/roles");
        (status, body.Str("code")).Should().Be((404, "rest_no_route"));
    }

    [Fact]
    public async Task ProductsBatch_BodyOfTheWrongShape_IsRestInvalidParamForTheRequest()
    {
        var (status, body) = await WwsPostRawAsync(WwsProductsBatch, """{"create": {"name": "not a list"}}""");

        status.Should().Be(400, body.Text());
        body.Str("code").Should().Be("rest_invalid_param");
        (status, body) = await WwsPostRawAsync(WwsProductsBatch, """{"create": [""");
        (status, body.Str("code")).Should().Be((400, "rest_invalid_json"));
    }
}

public sealed class WholesaleSuiteItemErrorTestsOnSqlite(SqliteApiFactory f)
    : WholesaleSuiteItemErrorTests(f), IClassFixture<SqliteApiFactory>;

public sealed class WholesaleSuiteItemErrorTestsOnPostgres(PostgresApiFactory f)
    : WholesaleSuiteItemErrorTests(f), IClassFixture<PostgresApiFactory>;

public sealed class WholesaleSuiteItemErrorTestsOnSqlServer(SqlServerApiFactory f)
    : WholesaleSuiteItemErrorTests(f), IClassFixture<SqlServerApiFactory>;
