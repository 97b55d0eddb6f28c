using System.Text.Json.Nodes;
using Catalog.Testing;

namespace Catalog.Api.Tests.Dialects.WholesaleSuite;

/// <summary>
/// Every wholesale field sent through Wholesale Suite reads back the same through Wholesale Suite's reads, the
/// canonical API's <c>wholesale</c> object and WooCommerce's <c>meta_data</c> (Wholesale Suite's meta keys); and what
/// the canonical API writes reads back through Wholesale Suite.
/// </summary>
public abstract class WholesaleSuiteRoundTripTests(CatalogApiFactory factory) : WholesaleSuiteApiTest(factory)
{
    /// <summary>
    /// Every Wholesale Suite field, numbers as strings and as numbers, an open-ended rule, two roles.
    /// </summary>
    private const string EveryField = """
        "wholesale_price": {"gold": "20", "silver": 22.5},
        "wholesale_sale_price": {"gold": "18.5"},
        "wholesale_visibility_filter": "gold,silver",
        "wholesale_minimum_order_quantity": {"gold": "5", "silver": 2},
        "wholesale_order_quantity_step": {"gold": 3},
        "wholesale_quantity_discount_rule_mapping": [
          {"wholesale_role": "gold", "start_qty": 11, "end_qty": "19", "price_type": "percent-price",
           "wholesale_price": "10"},
          {"wholesale_role": "gold", "start_qty": "20", "end_qty": "", "price_type": "fixed-price",
           "wholesale_price": 15},
          {"wholesale_role": "silver", "start_qty": "10", "price_type": "percent-price", "wholesale_price": "5.5"}
        ]
        """;

    private const string EveryFieldData = $$"""
        {
          "wholesale_price": {"gold": "20", "silver": "22.5"},
          "wholesale_sale_price": {"gold": "18.5"},
          "wholesale_minimum_order_quantity": {"gold": "5", "silver": "2"},
          "wholesale_order_quantity_step": {"gold": "3"},
          "wwpp_product_wholesale_visibility_filter": ["gold", "silver"],
          "wwpp_enable_quantity_discount_rule": "yes",
          "wwpp_quantity_discount_rule_mapping": {"desc": "{{RulesDescription}}", "mapping": [
            {"wholesale_role": "gold", "start_qty": "11", "end_qty": "19", "price_type": "percent-price",
             "wholesale_price": "10"},
            {"wholesale_role": "gold", "start_qty": "20", "end_qty": "", "price_type": "fixed-price",
             "wholesale_price": "15"},
            {"wholesale_role": "silver", "start_qty": "10", "end_qty": "", "price_type": "percent-price",
             "wholesale_price": "5.5"}
          ]}
        }
        """;

    private const string EveryFieldCanonical = """
        {
          "prices": [
            {"role": "gold", "currency_code": "usd", "amount": 20, "sale_amount": 18.5},
            {"role": "silver", "currency_code": "usd", "amount": 22.5, "sale_amount": null}
          ],
          "minimum_order_quantities": [{"role": "gold", "quantity": 5}, {"role": "silver", "quantity": 2}],
          "order_quantity_steps": [{"role": "gold", "step": 3}],
          "visibility": ["gold", "silver"],
          "quantity_discount_rules": [
            {"role": "gold", "start_qty": 11, "end_qty": 19, "price_type": "percent", "value": 10,
             "currency_code": null},
            {"role": "gold", "start_qty": 20, "end_qty": null, "price_type": "fixed", "value": 15,
             "currency_code": "usd"},
            {"role": "silver", "start_qty": 10, "end_qty": null, "price_type": "percent", "value": 5.5,
             "currency_code": null}
          ]
        }
        """;

    /// <summary>
    /// The same terms as WooCommerce with Wholesale Suite shows them in <c>meta_data</c> (keys and values, in order).
    /// </summary>
    private const string EveryFieldMeta = """
        [
          {"key": "gold_have_wholesale_price", "value": "yes"},
          {"key": "gold_wholesale_price", "value": "20"},
          {"key": "gold_wholesale_sale_price", "value": "18.5"},
          {"key": "silver_have_wholesale_price", "value": "yes"},
          {"key": "silver_wholesale_price", "value": "22.5"},
          {"key": "gold_wholesale_minimum_order_quantity", "value": "5"},
          {"key": "silver_wholesale_minimum_order_quantity", "value": "2"},
          {"key": "gold_wholesale_order_quantity_step", "value": "3"},
          {"key": "wwpp_product_wholesale_visibility_filter", "value": "gold"},
          {"key": "wwpp_product_wholesale_visibility_filter", "value": "silver"},
          {"key": "wwpp_post_meta_enable_quantity_discount_rule", "value": "yes"},
          {"key": "wwpp_post_meta_quantity_discount_rule_mapping", "value": [
            {"wholesale_role": "gold", "start_qty": "11", "end_qty": "19", "price_type": "percent-price",
             "wholesale_price": "10"},
            {"wholesale_role": "gold", "start_qty": "20", "end_qty": "", "price_type": "fixed-price",
             "wholesale_price": "15"},
            {"wholesale_role": "silver", "start_qty": "10", "end_qty": "", "price_type": "percent-price",
             "wholesale_price": "5.5"}
          ]}
        ]
        """;

    [Fact]
    public async Task ProductsBatch_SimpleProductWithEveryField_ReadsBackThroughWholesaleSuiteCanonicalAndWooCommerce()
    {
        await SeedRolesAsync("gold", "silver");

        var (status, body) = await WwsPostRawAsync(WwsProductsBatch, $$"""
            {"create": [{"name": "Linen Shirt", "type": "simple", "sku": "LINEN-1", "regular_price": "30",
                         "meta_data": [{"key": "_supplier", "value": "Acme"}], {{EveryField}}}]}
            """);

        status.Should().Be(200, body.Text());
        body.At("create[0].error").Should().BeNull(body.Text());
        var id = body.Num("create[0].id");
        ShouldEqualJson(body.At("create[0].wholesale_data"), EveryFieldData);
        body.Arr("create[0].meta_data").Select(m => m.Str("key"))
            .Should().Equal(["_supplier"], "Wholesale Suite answers its terms in wholesale_data only");
        ShouldEqualJson((await WooGetAsync(WwsProduct(id))).Body.At("wholesale_data"), EveryFieldData);
        var (_, canonical) = await GetAsync($"/api/v1/products/{id}");
        ShouldEqualJson(canonical.At("variants[0].wholesale"), EveryFieldCanonical);
        ShouldEqualJson(canonical.At("metadata"), """{"_supplier": "Acme"}""");
        var (_, woo) = await WooGetAsync($"{Products}/{id}");
        woo.Str("meta_data[0].key").Should().Be("_supplier");
        ShouldEqualJson(MetaWithoutIds(woo, skip: 1), EveryFieldMeta);
        woo.Arr("meta_data").Select(m => m.Num("id"))
            .Should().Equal(Enumerable.Range(1, 13).Select(i => (long)i), "ids follow the kept entries");
    }

    [Fact]
    public async Task VariationsBatch_EveryField_ReadsBackThroughWholesaleSuiteCanonicalAndWooCommerce()
    {
        await SeedRolesAsync("gold", "silver");
        var productId = (await SeedWooAsync(VariableProduct())).Num("id");

        var (status, body) = await WwsPostRawAsync(WwsVariationsBatch(productId), $$"""
            {"create": [{"regular_price": "30", "attributes": [{"name": "Size", "option": "M"}], {{EveryField}}}]}
            """);

        status.Should().Be(200, body.Text());
        body.At("create[0].error").Should().BeNull(body.Text());
        var id = body.Num("create[0].id");
        ShouldEqualJson(body.At("create[0].wholesale_data"), EveryFieldData);
        ShouldEqualJson((await WooGetAsync(WwsVariation(productId, id))).Body.At("wholesale_data"), EveryFieldData);
        ShouldEqualJson((await WooGetAsync(WwsVariations(productId))).Body.At("[0].wholesale_data"), EveryFieldData);
        ShouldEqualJson((await GetAsync($"/api/v1/variants/{id}")).Body.At("wholesale"), EveryFieldCanonical);
        ShouldEqualJson(
            MetaWithoutIds((await WooGetAsync($"{Variations(productId)}/{id}")).Body, skip: 0), EveryFieldMeta);
    }

    [Fact]
    public async Task WooCommerceMetaData_WholesaleSuiteKeys_ReadBackThroughWooCommerceWholesaleSuiteAndCanonical()
    {
        await SeedRolesAsync("gold", "silver");
        var meta = JsonNode.Parse(EveryFieldMeta)!.AsArray();
        meta.Insert(0, JsonNode.Parse("""{"key": "_supplier", "value": "Acme"}"""));

        var (status, body) = await WooPostAsync(
            ProductsBatchRoute,
            new { create = new[] { new { name = "Meta Shirt", regular_price = "30", meta_data = meta } } });

        status.Should().Be(200, body.Text());
        body.At("create[0].error").Should().BeNull(body.Text());
        var id = body.Num("create[0].id");
        ShouldEqualJson(MetaWithoutIds(body.At("create[0]"), skip: 1), EveryFieldMeta);
        ShouldEqualJson(MetaWithoutIds((await WooGetAsync($"{Products}/{id}")).Body, skip: 1), EveryFieldMeta);
        ShouldEqualJson((await WooGetAsync(WwsProduct(id))).Body.At("wholesale_data"), EveryFieldData);
        var (_, canonical) = await GetAsync($"/api/v1/products/{id}");
        ShouldEqualJson(canonical.At("variants[0].wholesale"), EveryFieldCanonical);
        ShouldEqualJson(canonical.At("metadata"), """{"_supplier": "Acme"}""");
    }

    [Fact]
    public async Task WooCommerceMetaData_ReadModifyWrite_ChangesOnlyTheKeysChanged()
    {
        await SeedRolesAsync("gold", "silver");
        var created = await WwsPostRawAsync(WwsProductsBatch, $$"""
            {"create": [{"name": "Linen Shirt", "regular_price": "30",
                         "meta_data": [{"key": "_supplier", "value": "Acme"}], {{EveryField}}}]}
            """);
        var id = created.Body.Num("create[0].id");
        var (_, read) = await WooGetAsync($"{Products}/{id}");

        // Everything read, sent back as it is, with one price changed and one removed by their keys.
        var sent = read.Arr("meta_data").Select(m => m!.DeepClone()).ToList();
        sent.Single(m => m.Str("key") == "gold_wholesale_price")!["value"] = "21";
        sent.Single(m => m.Str("key") == "silver_wholesale_price")!["value"] = string.Empty;
        var (status, body) =
            await WooPostAsync(ProductsBatchRoute, new { update = new[] { new { id, meta_data = sent } } });

        status.Should().Be(200, body.Text());
        body.At("update[0].error").Should().BeNull(body.Text());
        var expected = JsonNode.Parse(EveryFieldData)!;
        expected["wholesale_price"] = JsonNode.Parse("""{"gold": "21"}""");
        ShouldEqualJson((await WooGetAsync(WwsProduct(id))).Body.At("wholesale_data"), expected.ToJsonString());
        var (_, canonical) = await GetAsync($"/api/v1/products/{id}");
        ShouldEqualJson(canonical.At("metadata"), """{"_supplier": "Acme"}""");
        ShouldEqualJson(canonical.At("variants[0].wholesale.prices"), """
            [{"role": "gold", "currency_code": "usd", "amount": 21, "sale_amount": 18.5}]
            """);
        var (_, again) = await WooGetAsync($"{Products}/{id}");
        again.Arr("meta_data").Select(m => m.Str("key"))
            .Should().NotContain(["silver_wholesale_price", "silver_have_wholesale_price"]);
        again.Arr("meta_data").Count(m => m.Str("key") == "_supplier")
            .Should().Be(1, "wholesale keys sent back are terms, never stored as plain meta");
    }

    [Fact]
    public async Task WooCommerceVariationMetaData_WholesaleSuiteKeys_ReadBackThroughWholesaleSuite()
    {
        await SeedRolesAsync("gold", "silver");
        var productId = (await SeedWooAsync(VariableProduct())).Num("id");

        var (status, body) = await WooPostAsync(VariationsBatch(productId), new
        {
            create = new[]
            {
                new
                {
                    regular_price = "30",
                    attributes = new[] { new { name = "Size", option = "S" } },
                    meta_data = JsonNode.Parse(EveryFieldMeta),
                },
            },
        });

        status.Should().Be(200, body.Text());
        body.At("create[0].error").Should().BeNull(body.Text());
        var id = body.Num("create[0].id");
        ShouldEqualJson(MetaWithoutIds(body.At("create[0]"), skip: 0), EveryFieldMeta);
        ShouldEqualJson((await WooGetAsync(WwsVariation(productId, id))).Body.At("wholesale_data"), EveryFieldData);
        ShouldEqualJson((await GetAsync($"/api/v1/variants/{id}")).Body.At("wholesale"), EveryFieldCanonical);
    }

    [Fact]
    public async Task CanonicalWholesale_ReadsBackThroughWholesaleSuite_AndItsWritesKeepOtherCurrencies()
    {
        await SeedRolesAsync("gold");
        var product = await SeedProductAsync(new ProductBuilder().WithVariant(new VariantBuilder()
            .WithPrices(VariantBuilder.Price("usd", 19m), VariantBuilder.Price("eur", 17m))
            .With("wholesale", new Dictionary<string, object?>
            {
                ["prices"] = new object[]
                {
                    new { role = "gold", currency_code = "usd", amount = 12m, sale_amount = 11.5m },
                    new { role = "gold", currency_code = "eur", amount = 11m },
                },
                ["minimum_order_quantities"] = new[] { new { role = "gold", quantity = 5 } },
                ["order_quantity_steps"] = new[] { new { role = "gold", step = 3 } },
                ["visibility"] = new[] { "gold" },
                ["quantity_discount_rules"] = new object[]
                {
                    new { role = "gold", start_qty = 11, end_qty = 20, price_type = "percent", value = 20m },
                    new
                    {
                        role = "gold", start_qty = 21, end_qty = (long?)null, price_type = "fixed", value = 8m,
                        currency_code = "usd",
                    },
                    new
                    {
                        role = "gold", start_qty = 21, end_qty = (long?)null, price_type = "fixed", value = 7m,
                        currency_code = "eur",
                    },
                },
            })));
        var id = product.Num("id");

        var (_, read) = await WooGetAsync(WwsProduct(id));

        ShouldEqualJson(read.At("wholesale_data"), $$"""
            {
              "wholesale_price": {"gold": "12"},
              "wholesale_sale_price": {"gold": "11.5"},
              "wholesale_minimum_order_quantity": {"gold": "5"},
              "wholesale_order_quantity_step": {"gold": "3"},
              "wwpp_product_wholesale_visibility_filter": ["gold"],
              "wwpp_enable_quantity_discount_rule": "yes",
              "wwpp_quantity_discount_rule_mapping": {"desc": "{{RulesDescription}}", "mapping": [
                {"wholesale_role": "gold", "start_qty": "11", "end_qty": "20", "price_type": "percent-price",
                 "wholesale_price": "20"},
                {"wholesale_role": "gold", "start_qty": "21", "end_qty": "", "price_type": "fixed-price",
                 "wholesale_price": "8"}
              ]}
            }
            """);

        var (status, body) = await WwsPostRawAsync(WwsProductsBatch, $$"""
            {"update": [{"id": {{id}}, "wholesale_price": {"gold": "13"},
              "wholesale_quantity_discount_rule_mapping": [
                {"wholesale_role": "gold", "start_qty": "10", "end_qty": "20", "price_type": "percent-price",
                 "wholesale_price": "15"}]}]}
            """);

        status.Should().Be(200, body.Text());
        body.At("update[0].error").Should().BeNull(body.Text());
        var (_, canonical) = await GetAsync($"/api/v1/products/{id}");
        ShouldEqualJson(canonical.At("variants[0].wholesale.prices"), """
            [{"role": "gold", "currency_code": "eur", "amount": 11, "sale_amount": null},
             {"role": "gold", "currency_code": "usd", "amount": 13, "sale_amount": 11.5}]
            """);
        ShouldEqualJson(canonical.At("variants[0].wholesale.quantity_discount_rules"), """
            [{"role": "gold", "start_qty": 10, "end_qty": 20, "price_type": "percent", "value": 15,
              "currency_code": null},
             {"role": "gold", "start_qty": 21, "end_qty": null, "price_type": "fixed", "value": 7,
              "currency_code": "eur"}]
            """);
        canonical.Arr("variants[0].prices").Should().HaveCount(2, "the variant's own prices are untouched");
    }

    [Fact]
    public async Task ProductsBatch_SimpleUpdateWithPricesAndWholesaleFields_WritesBothOnTheVariant()
    {
        await SeedRolesAsync("gold");
        var created = await WwsPostRawAsync(WwsProductsBatch, """
            {"create": [{"name": "Tee", "sku": "TEE-9", "regular_price": "30", "wholesale_price": {"gold": "20"}}]}
            """);
        var id = created.Body.Num("create[0].id");

        var (status, body) = await WwsPostRawAsync(WwsProductsBatch, $$"""
            {"update": [{"id": {{id}}, "regular_price": "32", "sale_price": "29",
                         "wholesale_sale_price": {"gold": "18"} }]}
            """);

        status.Should().Be(200, body.Text());
        body.At("update[0].error").Should().BeNull(body.Text());
        (body.Str("update[0].regular_price"), body.Str("update[0].sale_price")).Should().Be(("32", "29"));
        ShouldEqualJson(body.At("update[0].wholesale_data.wholesale_sale_price"), """{"gold": "18"}""");
        var (_, canonical) = await GetAsync($"/api/v1/products/{id}");
        canonical.Arr("variants").Should().HaveCount(1);
        canonical.Dec("variants[0].prices[0].amount").Should().Be(32m);
        canonical.Dec("variants[0].prices[0].sale_amount").Should().Be(29m);
        ShouldEqualJson(canonical.At("variants[0].wholesale.prices"), """
            [{"role": "gold", "currency_code": "usd", "amount": 20, "sale_amount": 18}]
            """);
    }

    [Fact]
    public async Task Amounts_SentAsStrings_ReadBackAsSentUntilAnotherApiChangesThem()
    {
        await SeedRolesAsync("gold", "silver");
        var productId = (await SeedWooAsync(VariableProduct())).Num("id");

        var (_, body) = await WwsPostRawAsync(WwsVariationsBatch(productId), """
            {"create": [{"regular_price": "30", "attributes": [{"name": "Size", "option": "S"}],
              "wholesale_price": {"gold": "12.50", "silver": 12.50}, "wholesale_sale_price": {"gold": "10.00"},
              "wholesale_quantity_discount_rule_mapping": [
                {"wholesale_role": "gold", "start_qty": "10", "end_qty": "", "price_type": "fixed-price",
                 "wholesale_price": "8.00"},
                {"wholesale_role": "silver", "start_qty": "10", "end_qty": "", "price_type": "percent-price",
                 "wholesale_price": 5.0}
              ]}]}
            """);

        var id = body.Num("create[0].id");
        foreach (var data in new[]
        {
            body.At("create[0].wholesale_data"),
            (await WooGetAsync(WwsVariation(productId, id))).Body.At("wholesale_data"),
        })
        {
            ShouldEqualJson(data.At("wholesale_price"), """{"gold": "12.50", "silver": "12.5"}""");
            ShouldEqualJson(data.At("wholesale_sale_price"), """{"gold": "10.00"}""");
            data.Arr("wwpp_quantity_discount_rule_mapping.mapping").Select(r => r.Str("wholesale_price"))
                .Should().Equal("8.00", "5");
        }

        var (_, woo) = await WooGetAsync($"{Variations(productId)}/{id}");
        woo.Arr("meta_data")
            .Where(m => m.Str("key") is "gold_wholesale_price" or "gold_wholesale_sale_price")
            .Select(m => m.Str("value"))
            .Should().Equal("12.50", "10.00");
        var (_, canonical) = await GetAsync($"/api/v1/variants/{id}");
        canonical.Dec("wholesale.prices[0].amount").Should().Be(12.5m);
        ShouldEqualJson(canonical.At("extensions.wholesale_suite"), """
            {"wholesale_price": {"gold": "12.50"}, "wholesale_sale_price": {"gold": "10.00"}, "rules": ["8.00", null]}
            """);

        var wholesale = canonical.At("wholesale")!.DeepClone().AsObject();
        wholesale["prices"]![0]!["amount"] = 13m;
        (await PostAsync(VariantsBatch(productId), Batch.Update(Batch.Item(("id", id), ("wholesale", wholesale)))))
            .Body.Str("update[0].status").Should().Be("succeeded");

        var (_, read) = await WooGetAsync(WwsVariation(productId, id));
        ShouldEqualJson(
            read.At("wholesale_data.wholesale_price"),
            """{"gold": "13", "silver": "12.5"}""",
            "a text that no longer states the amount is not answered");
        ShouldEqualJson(read.At("wholesale_data.wholesale_sale_price"), """{"gold": "10.00"}""");
    }

    [Fact]
    public async Task VariationsBatch_UpdateNamingSomeRoles_KeepsTheOthersAndEmptyValuesRemove()
    {
        await SeedRolesAsync("gold", "silver");
        var productId = (await SeedWooAsync(VariableProduct())).Num("id");
        var created = await WwsPostRawAsync(WwsVariationsBatch(productId), $$"""
            {"create": [{"regular_price": "30", "attributes": [{"name": "Size", "option": "L"}], {{EveryField}}}]}
            """);
        var id = created.Body.Num("create[0].id");

        var (status, body) = await WwsPostRawAsync(WwsVariationsBatch(productId), $$"""
            {"update": [{"id": {{id}}, "wholesale_price": {"silver": ""}, "wholesale_sale_price": {"gold": ""},
              "wholesale_minimum_order_quantity": {"gold": "8"}, "wholesale_visibility_filter": "all",
              "wholesale_quantity_discount_rule_mapping": ""}]}
            """);

        status.Should().Be(200, body.Text());
        var expected = """
            {
              "wholesale_price": {"gold": "20"},
              "wholesale_minimum_order_quantity": {"gold": "8", "silver": "2"},
              "wholesale_order_quantity_step": {"gold": "3"},
              "wwpp_product_wholesale_visibility_filter": ["all"],
              "wwpp_enable_quantity_discount_rule": "no"
            }
            """;
        ShouldEqualJson(body.At("update[0].wholesale_data"), expected);
        ShouldEqualJson((await WooGetAsync(WwsVariation(productId, id))).Body.At("wholesale_data"), expected);
        ShouldEqualJson((await GetAsync($"/api/v1/variants/{id}")).Body.At("wholesale"), """
            {
              "prices": [{"role": "gold", "currency_code": "usd", "amount": 20, "sale_amount": null}],
              "minimum_order_quantities": [{"role": "gold", "quantity": 8}, {"role": "silver", "quantity": 2}],
              "order_quantity_steps": [{"role": "gold", "step": 3}],
              "visibility": [],
              "quantity_discount_rules": []
            }
            """);
    }

    [Fact]
    public async Task ProductsBatch_VariableProductLevelFields_AreWrittenToEveryVariationAndReadBack()
    {
        await SeedRolesAsync("gold", "silver");
        var productId = (await SeedWooAsync(VariableProduct())).Num("id");
        var (_, variations) = await WwsPostRawAsync(WwsVariationsBatch(productId), """
            {"create": [
              {"regular_price": "30", "attributes": [{"name": "Size", "option": "S"}],
               "wholesale_price": {"gold": "20"}},
              {"regular_price": "32", "attributes": [{"name": "Size", "option": "M"}],
               "wholesale_price": {"gold": "22"}, "wholesale_visibility_filter": "silver"}
            ]}
            """);
        var ids = variations.Arr("create").Select(v => v.Num("id")).ToList();

        var (status, body) = await WwsPostRawAsync(WwsProductsBatch, $$"""
            {"update": [{"id": {{productId}}, "wholesale_visibility_filter": ["gold"],
                         "wholesale_minimum_order_quantity": {"gold": "4"},
              "wholesale_quantity_discount_rule_mapping": [
                {"wholesale_role": "gold", "start_qty": "10", "end_qty": "", "price_type": "percent-price",
                 "wholesale_price": "5"}]}]}
            """);

        status.Should().Be(200, body.Text());
        body.At("update[0].error").Should().BeNull(body.Text());
        var expected = $$"""
            {
              "wholesale_minimum_order_quantity": {"gold": "4"},
              "wwpp_product_wholesale_visibility_filter": ["gold"],
              "wwpp_enable_quantity_discount_rule": "yes",
              "wwpp_quantity_discount_rule_mapping": {"desc": "{{RulesDescription}}", "mapping": [
                {"wholesale_role": "gold", "start_qty": "10", "end_qty": "", "price_type": "percent-price",
                 "wholesale_price": "5"}
              ]}
            }
            """;
        ShouldEqualJson(body.At("update[0].wholesale_data"), expected);
        ShouldEqualJson((await WooGetAsync(WwsProduct(productId))).Body.At("wholesale_data"), expected);
        foreach (var (variantId, price) in ids.Zip(new[] { 20m, 22m }))
        {
            var (_, variant) = await GetAsync($"/api/v1/variants/{variantId}");
            variant.Arr("wholesale.visibility").Select(v => v!.GetValue<string>()).Should().Equal("gold");
            variant.Num("wholesale.minimum_order_quantities[0].quantity").Should().Be(4);
            variant.Num("wholesale.quantity_discount_rules[0].start_qty").Should().Be(10);
            variant.Dec("wholesale.prices[0].amount").Should().Be(price, "each variation keeps its own price");
        }

        var (_, woo) = await WooGetAsync($"{Products}/{productId}");
        woo.Arr("meta_data").Select(m => (m.Str("key"), m.At("value")!.ToJsonString()))
            .Should().Contain([
                ("gold_wholesale_minimum_order_quantity", "\"4\""),
                ("wwpp_product_wholesale_visibility_filter", "\"gold\""),
            ]);
    }

    [Fact]
    public async Task PriceQuote_AfterWholesaleSuiteWrite_FollowsTheTermsSent()
    {
        await SeedRolesAsync("wholesale_customer", "sample_role");
        var productId = (await SeedWooAsync(VariableProduct())).Num("id");
        var (_, body) = await WwsPostRawAsync(WwsVariationsBatch(productId), """
            {"create": [{"regular_price": "19.00", "attributes": [{"name": "Size", "option": "M"}],
              "wholesale_price": {"wholesale_customer": "12"}, "wholesale_visibility_filter": "wholesale_customer",
              "wholesale_minimum_order_quantity": {"wholesale_customer": "2"},
              "wholesale_order_quantity_step": {"wholesale_customer": "6"},
              "wholesale_quantity_discount_rule_mapping": [
                {"wholesale_role": "wholesale_customer", "start_qty": "11", "end_qty": "20",
                 "price_type": "percent-price", "wholesale_price": "20"},
                {"wholesale_role": "wholesale_customer", "start_qty": "21", "end_qty": "", "price_type": "fixed-price",
                 "wholesale_price": "8"}
              ]}]}
            """);
        var id = body.Num("create[0].id");

        async Task<(string? Reason, decimal Unit, bool Allowed)> QuoteAsync(int quantity)
        {
            var (status, quote) =
                await GetAsync($"/api/v1/variants/{id}/price?role=wholesale_customer&quantity={quantity}");
            status.Should().Be(200, quote.Text());
            quote.Str("currency").Should().Be("usd");
            return (quote.Str("reason"), quote.Dec("unit_price"), quote.At("quantity_allowed")!.GetValue<bool>());
        }

        (await QuoteAsync(8)).Should().Be(("wholesale_price", 12m, true));
        (await QuoteAsync(14)).Should().Be(("quantity_discount_rule", 9.60m, true), "20 percent off 12 from 11 to 20");
        (await QuoteAsync(26)).Should()
            .Be(("quantity_discount_rule", 8m, true), "the fixed-price rule from 21 up, in the store currency");
        (await QuoteAsync(12)).Should()
            .Be(("step_mismatch", 19m, false), "2, 8, 14, ... with a minimum of 2 and a step of 6");
        (await QuoteAsync(1)).Should().Be(("below_minimum", 19m, false));
        (await GetAsync($"/api/v1/variants/{id}/price?role=sample_role&quantity=8")).Status
            .Should().Be(404, "the variation is shown to wholesale_customer only");
    }

    /// <summary>
    /// An answer's <c>meta_data</c> from <paramref name="skip"/> on, as <c>{key, value}</c> (ids left out).
    /// </summary>
    private static JsonArray MetaWithoutIds(JsonNode? answer, int skip) =>
        new JsonArray([
            .. answer.Arr("meta_data").Skip(skip)
                .Select(m => (JsonNode)new JsonObject { ["key"] = m.Str("key"), ["value"] = m!["value"]!.DeepClone() }),
        ]);
}

public sealed class WholesaleSuiteRoundTripTestsOnSqlite(SqliteApiFactory f)
    : WholesaleSuiteRoundTripTests(f), IClassFixture<SqliteApiFactory>;

public sealed class WholesaleSuiteRoundTripTestsOnPostgres(PostgresApiFactory f)
    : WholesaleSuiteRoundTripTests(f), IClassFixture<PostgresApiFactory>;

public sealed class WholesaleSuiteRoundTripTestsOnSqlServer(SqlServerApiFactory f)
    : WholesaleSuiteRoundTripTests(f), IClassFixture<SqlServerApiFactory>;
