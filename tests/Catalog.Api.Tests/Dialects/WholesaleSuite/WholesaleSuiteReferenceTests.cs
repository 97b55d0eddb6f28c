using System.Text.Json.Nodes;
using Catalog.Testing;

namespace Catalog.Api.Tests.Dialects.WholesaleSuite;

/// <summary>
/// The reference document's variations batch (reference/001), sent exactly as written, against a store set up the way
/// it assumes: roles <c>wholesale_customer</c> and <c>sample_role</c>, the global attribute Color as id 1, a variable
/// product with it, and variations 7074, 7075 and 7083. Where Catalog's answer differs from the document's sample
/// answer (docs/dialects.md lists why), the test says so.
/// </summary>
public abstract class WholesaleSuiteReferenceTests(CatalogApiFactory factory) : WholesaleSuiteApiTest(factory)
{
    private const string ReferenceBody = """
        {
            "create": [
                {
                    "regular_price": "19.00",
                    "attributes": [
                        {
                            "id": 1,
                            "name": "Color",
                            "option": "Red"
                        }
                    ],
                    "wholesale_price": {
                        "wholesale_customer": "12"
                    },
                    "wholesale_visibility_filter": "wholesale_customer",
                    "wholesale_minimum_order_quantity": {
                        "wholesale_customer": "2",
                        "sample_role": "3"
                    },
                    "wholesale_order_quantity_step": {
                        "wholesale_customer": "6",
                        "sample_role": "7"
                    },
                    "wholesale_quantity_discount_rule_mapping": [
                        {
                            "wholesale_role": "wholesale_customer",
                            "start_qty": "11",
                            "end_qty": "20",
                            "price_type": "percent-price",
                            "wholesale_price": "20"
                        }
                    ]
                }
            ],
            "update": [
                {
                    "id": 7083,
                    "wholesale_price": {
                        "wholesale_customer": "16"
                    },
                    "attributes": [
                        {
                            "id": 1,
                            "name": "Color",
                            "option": "Yellow"
                        }
                    ]
                }
            ],
            "delete": [
                7075,
                7074
            ]
        }
        """;

    /// <summary>
    /// The rules the document's sample answer shows on 7083, 7075 and 7074 (percent rules here, see docs/dialects.md).
    /// </summary>
    private static readonly object[] StoredRules =
    [
        new
        {
            wholesale_role = "WholesaleBronze", start_qty = "22", end_qty = "33", price_type = "percent-price",
            wholesale_price = "12",
        },
        new
        {
            wholesale_role = "wholesale_customer", start_qty = "22", end_qty = "33", price_type = "percent-price",
            wholesale_price = "7",
        },
    ];

    private const string StoredMapping = $$"""
        {"desc": "{{RulesDescription}}", "mapping": [
          {"wholesale_role": "WholesaleBronze", "start_qty": "22", "end_qty": "33", "price_type": "percent-price",
           "wholesale_price": "12"},
          {"wholesale_role": "wholesale_customer", "start_qty": "22", "end_qty": "33", "price_type": "percent-price",
           "wholesale_price": "7"}
        ]}
        """;

    /// <summary>
    /// The created variation's wholesale_data. The document's sample answer shows only <c>wholesale_customer</c>'s
    /// minimum and step; Catalog keeps <c>sample_role</c>'s too, since the role exists and the values are valid.
    /// </summary>
    private const string CreatedData = $$"""
        {
          "wholesale_price": {"wholesale_customer": "12"},
          "wholesale_minimum_order_quantity": {"wholesale_customer": "2", "sample_role": "3"},
          "wholesale_order_quantity_step": {"wholesale_customer": "6", "sample_role": "7"},
          "wwpp_product_wholesale_visibility_filter": ["wholesale_customer"],
          "wwpp_enable_quantity_discount_rule": "yes",
          "wwpp_quantity_discount_rule_mapping": {"desc": "{{RulesDescription}}", "mapping": [
            {"wholesale_role": "wholesale_customer", "start_qty": "11", "end_qty": "20", "price_type": "percent-price",
             "wholesale_price": "20"}
          ]}
        }
        """;

    [Fact]
    public async Task VariationsBatch_ReferenceBodyAsWritten_CreatesUpdatesAndDeletesWithTheSameWholesaleValues()
    {
        var variableId = await SeedReferenceStoreAsync();

        var (status, body) = await WwsPostRawAsync(WwsVariationsBatch(variableId), ReferenceBody);

        status.Should().Be(200, body.Text());
        var created = body.At("create[0]")!;
        created["error"].Should().BeNull(body.Text());
        created.Num("id").Should().Be(7084, "the document's answer creates 7084 after 7083");
        (created.Str("regular_price"), created.Str("price"))
            .Should().Be(("19.00", "19.00"), "prices are answered as the strings they were sent");
        created.Arr("attributes").Select(a => (a.Num("id"), a.Str("name"), a.Str("option")))
            .Should().Equal((1L, "Color", "Red"));
        ShouldEqualJson(created.At("wholesale_data"), CreatedData);
        created.Arr("meta_data").Should().BeEmpty("Wholesale Suite moves its meta keys into wholesale_data");

        var updated = body.At("update[0]")!;
        updated["error"].Should().BeNull(body.Text());
        updated.Num("id").Should().Be(7083);
        updated.Arr("attributes").Select(a => a.Str("option")).Should().Equal("Yellow");
        ShouldEqualJson(updated.At("wholesale_data"), $$"""
            {
              "wholesale_price": {"wholesale_customer": "16"},
              "wholesale_minimum_order_quantity": {"wholesale_customer": "2"},
              "wholesale_order_quantity_step": {"wholesale_customer": "6"},
              "wwpp_product_wholesale_visibility_filter": ["wholesale_customer"],
              "wwpp_enable_quantity_discount_rule": "yes",
              "wwpp_quantity_discount_rule_mapping": {{StoredMapping}}
            }
            """);

        body.Arr("delete").Select(d => d.Num("id")).Should().Equal(7075, 7074);
        body.Arr("delete").Should().OnlyContain(d => d!["error"] == null, body.Text());
        (body.Str("delete[0].regular_price"), body.Str("delete[1].regular_price")).Should().Be(("19.00", "29.00"));
        ShouldEqualJson(body.At("delete[0].wholesale_data"), $$"""
            {"wholesale_price": {"wholesale_customer": "12"}, "wwpp_product_wholesale_visibility_filter": ["all"],
             "wwpp_enable_quantity_discount_rule": "yes", "wwpp_quantity_discount_rule_mapping": {{StoredMapping}}}
            """);
        ShouldEqualJson(body.At("delete[1].wholesale_data"), $$"""
            {"wwpp_product_wholesale_visibility_filter": ["all"], "wwpp_enable_quantity_discount_rule": "yes",
             "wwpp_quantity_discount_rule_mapping": {{StoredMapping}}}
            """);

        var (_, listed) = await WooGetAsync(WwsVariations(variableId));
        listed.Arr(string.Empty).Select(v => v.Num("id")).Should().Equal(7083, 7084);
        ShouldEqualJson(listed.At("[1].wholesale_data"), CreatedData);
        var (_, read) = await WooGetAsync(WwsVariation(variableId, 7084));
        ShouldEqualJson(read.At("wholesale_data"), CreatedData);
        var (_, canonical) = await GetAsync("/api/v1/variants/7084");
        ShouldEqualJson(canonical.At("wholesale"), """
            {
              "prices": [{"role": "wholesale_customer", "currency_code": "usd", "amount": 12, "sale_amount": null}],
              "minimum_order_quantities": [{"role": "sample_role", "quantity": 3},
                                           {"role": "wholesale_customer", "quantity": 2}],
              "order_quantity_steps": [{"role": "sample_role", "step": 7}, {"role": "wholesale_customer", "step": 6}],
              "visibility": ["wholesale_customer"],
              "quantity_discount_rules": [
                {"role": "wholesale_customer", "start_qty": 11, "end_qty": 20, "price_type": "percent", "value": 20,
                 "currency_code": null}
              ]
            }
            """);
        (await GetAsync("/api/v1/variants/7083")).Body.Dec("wholesale.prices[0].amount").Should().Be(16m);
        (await GetAsync("/api/v1/variants/7074")).Status.Should().Be(404);
        (await GetAsync("/api/v1/variants/7075")).Status.Should().Be(404);
    }

    [Fact]
    public async Task VariationsBatch_ReferenceBodySentTwice_SecondCreateRepeatsOptionsAndDeletesAreInvalidIds()
    {
        var variableId = await SeedReferenceStoreAsync();
        (await WwsPostRawAsync(WwsVariationsBatch(variableId), ReferenceBody)).Status.Should().Be(200);

        var (status, body) = await WwsPostRawAsync(WwsVariationsBatch(variableId), ReferenceBody);

        status.Should().Be(200, body.Text());
        body.Str("create[0].error.code").Should().Be("woocommerce_rest_duplicate_options", body.Text());
        body.Str("create[0].error.message").Should().EndWith(" - Red) with provided options already exists.");
        body.Num("update[0].id").Should().Be(7083);
        body.At("update[0].error").Should().BeNull(body.Text());
        body.Arr("delete").Select(d => (d.Num("id"), d.Str("error.code"), d.Num("error.data.status")))
            .Should().Equal(
                (7075L, "woocommerce_rest_product_variation_invalid_id", 404L),
                (7074L, "woocommerce_rest_product_variation_invalid_id", 404L));
    }

    /// <summary>
    /// The store the document's body assumes; answers the variable product's id. The document's variations are all
    /// Black, which Catalog refuses (one product's variants never repeat option values): 7074 is Red and 7075 Yellow
    /// here, which the body deletes before it creates Red and moves 7083 to Yellow.
    /// </summary>
    private async Task<long> SeedReferenceStoreAsync()
    {
        await SeedRolesAsync("wholesale_customer", "sample_role", "WholesaleBronze");
        var color = await SeedAttributeAsync(
            new AttributeBuilder().With("name", "Color").With("slug", "color").WithValues("Red", "Yellow", "Black"));
        color.Num("id").Should().Be(1);
        var variableId = await SeedVariableProductAsync(1, "Red", "Yellow", "Black");

        await SetNextVariantIdAsync(7074);
        var (status, body) = await WooPostAsync(WwsVariationsBatch(variableId), new
        {
            create = new object[]
            {
                new
                {
                    regular_price = "29.00", attributes = new[] { new { id = 1, option = "Red" } },
                    wholesale_quantity_discount_rule_mapping = StoredRules,
                },
                new
                {
                    regular_price = "19.00", attributes = new[] { new { id = 1, option = "Yellow" } },
                    wholesale_price = new { wholesale_customer = "12" },
                    wholesale_quantity_discount_rule_mapping = StoredRules,
                },
            },
        });
        status.Should().Be(200, body.Text());
        body.Arr("create").Select(v => v.Num("id")).Should().Equal([7074L, 7075L], body.Text());

        await SetNextVariantIdAsync(7083);
        (status, body) = await WooPostAsync(WwsVariationsBatch(variableId), new
        {
            create = new[]
            {
                new
                {
                    regular_price = "19.00", attributes = new[] { new { id = 1, option = "Black" } },
                    wholesale_price = new { wholesale_customer = "14" },
                    wholesale_visibility_filter = "wholesale_customer",
                    wholesale_minimum_order_quantity = new { wholesale_customer = "2" },
                    wholesale_order_quantity_step = new { wholesale_customer = "6" },
                    wholesale_quantity_discount_rule_mapping = StoredRules,
                },
            },
        });
        status.Should().Be(200, body.Text());
        body.Num("create[0].id").Should().Be(7083, body.Text());
        return variableId;
    }
}

public sealed class WholesaleSuiteReferenceTestsOnSqlite(SqliteApiFactory f)
    : WholesaleSuiteReferenceTests(f), IClassFixture<SqliteApiFactory>;

public sealed class WholesaleSuiteReferenceTestsOnPostgres(PostgresApiFactory f)
    : WholesaleSuiteReferenceTests(f), IClassFixture<PostgresApiFactory>;

public sealed class WholesaleSuiteReferenceTestsOnSqlServer(SqlServerApiFactory f)
    : WholesaleSuiteReferenceTests(f), IClassFixture<SqlServerApiFactory>;
