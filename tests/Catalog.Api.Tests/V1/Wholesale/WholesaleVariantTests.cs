using System.Text.Json.Nodes;
using Catalog.Domain.Wholesale;
using Catalog.Testing;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Api.Tests.V1.Wholesale;

/// <summary>A variant's <c>wholesale</c> object through the product batch, the variant batch and the reads.</summary>
public abstract class WholesaleVariantTests(CatalogApiFactory factory) : WholesaleApiTest(factory)
{
    [Fact]
    public async Task ProductBatch_CreateWithEveryWholesaleField_ComesBackFromEveryRead()
    {
        await SeedRolesAsync("wholesale_customer");
        var variant = new VariantBuilder().With("wholesale", FullWholesale("wholesale_customer"));
        var product = new ProductBuilder().WithVariant(variant);

        var (status, body) = await PostAsync(ProductsBatch, Batch.Create(product));

        status.Should().Be(200, body.Text());
        body.Str("create[0].status").Should().Be("succeeded", body.Text());
        var expected = FullWholesaleAnswer("wholesale_customer");
        ShouldEqualJson(body.At("create[0].product.variants[0].wholesale"), expected);
        var productId = body.Num("create[0].id");
        var variantId = body.Num("create[0].product.variants[0].id");
        ShouldEqualJson((await GetAsync($"/api/v1/products/{productId}")).Body.At("variants[0].wholesale"), expected);
        ShouldEqualJson((await GetAsync($"/api/v1/variants/{variantId}")).Body.At("wholesale"), expected);
        ShouldEqualJson((await GetAsync("/api/v1/products")).Body.At("items[0].variants[0].wholesale"), expected);
        (await CountWholesaleRowsAsync()).Should().Be(new WholesaleRowCounts(1, 2, 1, 1, 2));
        var quantity = await Factory.QueryAsync(db => db.Set<WholesaleOrderQuantity>().AsNoTracking().SingleAsync());
        quantity.Should().Be(new WholesaleOrderQuantity(variantId, "wholesale_customer", 5, 3));
    }

    [Fact]
    public async Task VariantBatch_CreateAndUpdateWithWholesale_ComeBackInTheResultsAndReads()
    {
        await SeedRolesAsync("gold", "silver");
        var holder = await SeedProductAsync(new ProductBuilder());
        var url = VariantsBatch(holder.Num("id"));

        var gold = new VariantBuilder().With("wholesale", FullWholesale("gold")).Build();
        var (status, body) = await PostAsync(url, Batch.Of(create: [gold]));

        status.Should().Be(200, body.Text());
        ShouldEqualJson(body.At("create[0].variant.wholesale"), FullWholesaleAnswer("gold"));
        var variantId = body.Num("create[0].id");

        var silver = Batch.Item(("id", variantId), ("version", 1), ("wholesale", FullWholesale("silver")));
        (status, body) = await PostAsync(url, Batch.Update(silver));

        status.Should().Be(200, body.Text());
        body.Num("update[0].variant.version").Should().Be(2);
        ShouldEqualJson(body.At("update[0].variant.wholesale"), FullWholesaleAnswer("silver"));
        var read = (await GetAsync($"/api/v1/variants/{variantId}")).Body;
        ShouldEqualJson(read.At("wholesale"), FullWholesaleAnswer("silver"));
        (await CountWholesaleRowsAsync()).Should()
            .Be(new WholesaleRowCounts(2, 2, 1, 1, 2), "the gold rows were replaced, not kept beside");
    }

    [Fact]
    public async Task VariantWithoutWholesale_AnswersEmptyLists()
    {
        var variant = await SeedVariantAsync(null);

        ShouldEqualJson(variant.At("wholesale"), JsonNode.Parse("""
            {
                "prices": [], "minimum_order_quantities": [], "order_quantity_steps": [],
                "visibility": [], "quantity_discount_rules": []
            }
            """)!);
    }

    [Fact]
    public async Task Update_OneListSent_ReplacesThatListAndKeepsTheOthers()
    {
        await SeedRolesAsync("gold");
        var variant = await SeedVariantAsync(FullWholesale("gold"));

        var wholesale = new
        {
            prices = new[] { new { role = "gold", currency_code = "usd", amount = 10m } },
            quantity_discount_rules = Array.Empty<object>(),
        };

        var (_, body) = await PostAsync(VariantsBatch(variant.Num("product_id")), Batch.Update(Batch.Item(
            ("id", variant.Num("id")),
            ("wholesale", wholesale))));

        body.Str("update[0].status").Should().Be("succeeded", body.Text());
        var expected = FullWholesaleAnswer("gold");
        expected["prices"] = JsonNode.Parse(
            """[{"role": "gold", "currency_code": "usd", "amount": 10, "sale_amount": null}]""");
        expected["quantity_discount_rules"] = new JsonArray();
        ShouldEqualJson(body.At("update[0].variant.wholesale"), expected);
        ShouldEqualJson((await GetAsync($"/api/v1/variants/{variant.Num("id")}")).Body.At("wholesale"), expected);
        (await CountWholesaleRowsAsync()).Should().Be(new WholesaleRowCounts(1, 1, 1, 1, 0));
    }

    [Fact]
    public async Task Update_StepsOnly_KeepsTheMinimums()
    {
        await SeedRolesAsync("gold");
        var variant = await SeedVariantAsync(FullWholesale("gold"));

        var (_, body) = await PostAsync(VariantsBatch(variant.Num("product_id")), Batch.Update(Batch.Item(
            ("id", variant.Num("id")),
            ("wholesale", new { order_quantity_steps = new[] { new { role = "gold", step = 4 } } }))));

        body.Str("update[0].status").Should().Be("succeeded", body.Text());
        var wholesale = body.At("update[0].variant.wholesale");
        var minimums = JsonNode.Parse("""[{"role": "gold", "quantity": 5}]""")!;
        ShouldEqualJson(wholesale.At("minimum_order_quantities"), minimums);
        ShouldEqualJson(wholesale.At("order_quantity_steps"), JsonNode.Parse("""[{"role": "gold", "step": 4}]""")!);
    }

    [Fact]
    public async Task Update_EmptyObjectOrNoWholesale_ChangesNothing_AndNullClearsAll()
    {
        await SeedRolesAsync("gold");
        var variant = await SeedVariantAsync(FullWholesale("gold"));
        var url = VariantsBatch(variant.Num("product_id"));

        var (_, body) = await PostAsync(url, Batch.Update(
            Batch.Item(("id", variant.Num("id")), ("wholesale", new { }))));
        ShouldEqualJson(body.At("update[0].variant.wholesale"), FullWholesaleAnswer("gold"));
        (_, body) = await PostAsync(url, Batch.Update(Batch.Item(("id", variant.Num("id")), ("title", "Renamed"))));
        ShouldEqualJson(body.At("update[0].variant.wholesale"), FullWholesaleAnswer("gold"));

        (_, body) = await PostAsync(url, Batch.Update(Batch.Item(("id", variant.Num("id")), ("wholesale", null))));

        body.Str("update[0].status").Should().Be("succeeded", body.Text());
        body.Arr("update[0].variant.wholesale.prices").Should().BeEmpty();
        body.Arr("update[0].variant.wholesale.quantity_discount_rules").Should().BeEmpty();
        (await CountWholesaleRowsAsync()).Should().Be(new WholesaleRowCounts(1, 0, 0, 0, 0));
    }

    [Fact]
    public async Task Update_VisibilityAll_IsStoredAsNoFilter()
    {
        await SeedRolesAsync("gold");
        var variant = await SeedVariantAsync(new { visibility = new[] { "gold" } });

        var (_, body) = await PostAsync(VariantsBatch(variant.Num("product_id")), Batch.Update(Batch.Item(
            ("id", variant.Num("id")),
            ("wholesale", new { visibility = new[] { "all" } }))));

        body.Arr("update[0].variant.wholesale.visibility").Should().BeEmpty();
        (await CountWholesaleRowsAsync()).Visibility.Should().Be(0);
    }

    [Fact]
    public async Task ProductUpdate_VariantListWithWholesale_PatchesTheNamedVariant()
    {
        await SeedRolesAsync("gold");
        var product = await SeedProductAsync(
            new ProductBuilder().WithVariant(new VariantBuilder().With("wholesale", FullWholesale("gold"))));
        var variant = new { id = product.Num("variants[0].id"), wholesale = Visibility() };

        var (_, body) = await PostAsync(ProductsBatch, Batch.Update(Batch.Item(
            ("id", product.Num("id")),
            ("variants", new[] { variant }))));

        body.Str("update[0].status").Should().Be("succeeded", body.Text());
        var expected = FullWholesaleAnswer("gold");
        expected["visibility"] = new JsonArray();
        ShouldEqualJson(body.At("update[0].product.variants[0].wholesale"), expected);
    }

    [Fact]
    public async Task Update_MinimumsThatLeaveAStoredStepAlone_FailWithValidationFailed()
    {
        await SeedRolesAsync("gold", "silver");
        var variant = await SeedVariantAsync(FullWholesale("gold"));

        var (_, body) = await PostAsync(VariantsBatch(variant.Num("product_id")), Batch.Update(Batch.Item(
            ("id", variant.Num("id")),
            ("wholesale", new { minimum_order_quantities = new[] { new { role = "silver", quantity = 2 } } }))));

        body.Str("update[0].error.code").Should().Be("VALIDATION_FAILED");
        body.Fields("update[0].error.details").Should().Equal("wholesale.minimum_order_quantities");
        var read = (await GetAsync($"/api/v1/variants/{variant.Num("id")}")).Body;
        ShouldEqualJson(read.At("wholesale"), FullWholesaleAnswer("gold"));
    }

    [Fact]
    public async Task ProductCreate_StepWithoutMinimum_FailsAtTheStepsRole()
    {
        await SeedRolesAsync("gold", "silver");
        var wholesale = new
        {
            minimum_order_quantities = new[] { new { role = "gold", quantity = 2 } },
            order_quantity_steps = new[] { new { role = "gold", step = 2 }, new { role = "silver", step = 2 } },
        };
        var product = new ProductBuilder()
            .WithVariant(new VariantBuilder())
            .WithVariant(new VariantBuilder().With("wholesale", wholesale));

        var (_, body) = await PostAsync(ProductsBatch, Batch.Create(product));

        body.Str("create[0].error.code").Should().Be("VALIDATION_FAILED");
        body.Fields("create[0].error.details").Should().Equal("variants[1].wholesale.order_quantity_steps[1].role");
        (await CountRowsAsync()).Products.Should().Be(0);
    }

    public static TheoryData<string, object, string> BrokenWholesale => new()
    {
        {
            "start below 1",
            Rules(new { role = "gold", start_qty = 0, price_type = "percent", value = 5m }),
            "wholesale.quantity_discount_rules[0].start_qty"
        },
        {
            "end below start",
            Rules(
                new { role = "gold", start_qty = 1, end_qty = 4, price_type = "percent", value = 5m },
                new { role = "gold", start_qty = 10, end_qty = 9, price_type = "percent", value = 5m }),
            "wholesale.quantity_discount_rules[1].end_qty"
        },
        {
            "overlapping ranges",
            Rules(
                new { role = "gold", start_qty = 1, end_qty = 10, price_type = "percent", value = 5m },
                new { role = "gold", start_qty = 5, price_type = "fixed", value = 5m, currency_code = "usd" }),
            "wholesale.quantity_discount_rules[1].start_qty"
        },
        {
            "percent of 0",
            Rules(new { role = "gold", start_qty = 1, price_type = "percent", value = 0m }),
            "wholesale.quantity_discount_rules[0].value"
        },
        {
            "percent over 100",
            Rules(new { role = "gold", start_qty = 1, price_type = "percent", value = 100.01m }),
            "wholesale.quantity_discount_rules[0].value"
        },
        {
            "negative fixed",
            Rules(new { role = "gold", start_qty = 1, price_type = "fixed", value = -1m, currency_code = "usd" }),
            "wholesale.quantity_discount_rules[0].value"
        },
        {
            "fixed without currency",
            Rules(new { role = "gold", start_qty = 1, price_type = "fixed", value = 1m }),
            "wholesale.quantity_discount_rules[0].currency_code"
        },
        {
            "negative amount",
            new { prices = new[] { new { role = "gold", currency_code = "usd", amount = -0.01m } } },
            "wholesale.prices[0].amount"
        },
        {
            "negative sale amount",
            new { prices = new[] { new { role = "gold", currency_code = "usd", amount = 1m, sale_amount = -1m } } },
            "wholesale.prices[0].sale_amount"
        },
        {
            "duplicate price",
            new
            {
                prices = new[]
                {
                    new { role = "gold", currency_code = "usd", amount = 1m },
                    new { role = "gold", currency_code = "usd", amount = 2m },
                },
            },
            "wholesale.prices[1].role"
        },
        {
            "minimum of 0",
            new { minimum_order_quantities = new[] { new { role = "gold", quantity = 0 } } },
            "wholesale.minimum_order_quantities[0].quantity"
        },
        {
            "duplicate minimum",
            new
            {
                minimum_order_quantities = new[]
                {
                    new { role = "gold", quantity = 1 },
                    new { role = "gold", quantity = 2 },
                },
            },
            "wholesale.minimum_order_quantities[1].role"
        },
        {
            "step of 0",
            new
            {
                minimum_order_quantities = new[] { new { role = "gold", quantity = 1 } },
                order_quantity_steps = new[] { new { role = "gold", step = 0 } },
            },
            "wholesale.order_quantity_steps[0].step"
        },
        {
            "step without minimum",
            new { order_quantity_steps = new[] { new { role = "gold", step = 2 } } },
            "wholesale.order_quantity_steps[0].role"
        },
        { "duplicate visibility", new { visibility = new[] { "gold", "gold" } }, "wholesale.visibility[1]" },
        { "'all' beside a role", new { visibility = new[] { "all", "gold" } }, "wholesale.visibility[0]" },
    };

    private static object Rules(params object[] rules) => new { quantity_discount_rules = rules };

    [Theory]
    [MemberData(nameof(BrokenWholesale))]
    public async Task VariantBatch_BrokenRule_FailsTheItemWithValidationFailedAtItsPath(
        string because, object wholesale, string field)
    {
        await SeedRolesAsync("gold");
        var holder = await SeedProductAsync(new ProductBuilder());

        var (status, body) = await PostAsync(VariantsBatch(holder.Num("id")), Batch.Of(create:
        [
            new VariantBuilder().With("wholesale", wholesale).Build(),
            new VariantBuilder().Build(),
        ]));

        status.Should().Be(200, body.Text());
        body.Str("create[0].error.code").Should().Be("VALIDATION_FAILED", because);
        body.Fields("create[0].error.details").Should().Equal([field], because);
        body.Str("create[1].status").Should().Be("succeeded");
        (await CountRowsAsync()).Variants.Should().Be(1);
        (await CountWholesaleRowsAsync()).Should().Be(new WholesaleRowCounts(1, 0, 0, 0, 0));
    }

    [Fact]
    public async Task Batches_UnknownRoles_FailWithReferenceNotFoundAtEveryPlaceNamed()
    {
        await SeedRolesAsync("gold");
        var wholesale = new
        {
            prices = new[]
            {
                new { role = "gold", currency_code = "usd", amount = 1m },
                new { role = "ghost", currency_code = "usd", amount = 1m },
            },
            visibility = new[] { "phantom" },
            quantity_discount_rules = new[]
            {
                new { role = "ghost", start_qty = 2, price_type = "percent", value = 5m },
            },
        };

        var (status, body) = await PostAsync(ProductsBatch, Batch.Create(
            new ProductBuilder().WithVariant(new VariantBuilder().With("wholesale", wholesale)),
            new ProductBuilder().WithVariant(new VariantBuilder().With("wholesale", Visibility("gold")))));

        status.Should().Be(200, body.Text());
        body.Str("create[0].error.code").Should().Be("REFERENCE_NOT_FOUND");
        body.Fields("create[0].error.details").Should().Equal(
            "variants[0].wholesale.prices[1].role",
            "variants[0].wholesale.visibility[0]",
            "variants[0].wholesale.quantity_discount_rules[0].role");
        body.Str("create[1].status").Should().Be("succeeded", "partial: the other item is written");

        var variant = new VariantBuilder().With("wholesale", wholesale).Build();
        (_, body) = await PostAsync(VariantsBatch(body.Num("create[1].id")), Batch.Of(create: [variant]));

        body.Str("create[0].error.code").Should().Be("REFERENCE_NOT_FOUND");
        body.Fields("create[0].error.details").Should().Equal(
            "wholesale.prices[1].role", "wholesale.visibility[0]", "wholesale.quantity_discount_rules[0].role");
        (await CountWholesaleRowsAsync()).Should().Be(new WholesaleRowCounts(1, 0, 0, 1, 0));
    }

    [Fact]
    public async Task ProductBatch_AtomicWithAnUnknownRole_WritesNothing()
    {
        await SeedRolesAsync("gold");

        var (status, body) = await PostAsync($"{ProductsBatch}?policy=atomic", Batch.Create(
            new ProductBuilder().WithVariant(new VariantBuilder().With("wholesale", FullWholesale("gold"))),
            new ProductBuilder().WithVariant(new VariantBuilder().With("wholesale", Visibility("ghost")))));

        status.Should().Be(422, body.Text());
        body.Str("create[0].status").Should().Be("not_applied");
        body.Str("create[1].error.code").Should().Be("REFERENCE_NOT_FOUND");
        (await CountRowsAsync()).Products.Should().Be(0);
        (await CountWholesaleRowsAsync()).Should().Be(new WholesaleRowCounts(1, 0, 0, 0, 0));
    }

    [Fact]
    public async Task VariantBatch_BadPriceType_IsAnInvalidBody()
    {
        var holder = await SeedProductAsync(new ProductBuilder());

        var rule = new { role = "gold", start_qty = 1, price_type = "percent-price", value = 5m };
        var variant = new VariantBuilder().With("wholesale", Rules(rule)).Build();

        var (status, body) = await PostAsync(VariantsBatch(holder.Num("id")), Batch.Of(create: [variant]));

        status.Should().Be(400);
        body.Str("code").Should().Be("INVALID_BODY");
        body.Fields("errors").Should().Equal("create[0].wholesale.quantity_discount_rules[0].price_type");
    }

    private static object Visibility(params string[] roles) => new { visibility = roles };
}

public sealed class WholesaleVariantTestsOnSqlite(SqliteApiFactory factory)
    : WholesaleVariantTests(factory), IClassFixture<SqliteApiFactory>;

public sealed class WholesaleVariantTestsOnPostgres(PostgresApiFactory factory)
    : WholesaleVariantTests(factory), IClassFixture<PostgresApiFactory>;

public sealed class WholesaleVariantTestsOnSqlServer(SqlServerApiFactory factory)
    : WholesaleVariantTests(factory), IClassFixture<SqlServerApiFactory>;
