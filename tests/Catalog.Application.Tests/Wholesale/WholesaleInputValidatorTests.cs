using Catalog.Application.Common;
using Catalog.Application.Products.Commands.BatchProducts;
using Catalog.Application.Variants;
using Catalog.Application.Variants.Wholesale;
using Catalog.Domain.Wholesale;

namespace Catalog.Application.Tests.Wholesale;

/// <summary>The wholesale rules an item decides alone, each reported at its wire path.</summary>
public sealed class WholesaleInputValidatorTests
{
    private static readonly VariantCreateValidator Validator = new();

    private static IReadOnlyList<string> FieldsOf(WholesaleInput wholesale) =>
        [.. Validator.Validate(new VariantCreate { Title = "S", Wholesale = wholesale }).Errors
            .Select(e => FieldPaths.ToWire(e.PropertyName))];

    private static QuantityDiscountRuleInput Percent(long start, long? end, decimal value = 10m) => new()
    {
        Role = "gold",
        StartQty = start,
        EndQty = end,
        PriceType = DiscountPriceType.Percent,
        Value = value,
    };

    private static QuantityDiscountRuleInput Fixed(long start, long? end, string? currency, decimal value = 5m) => new()
    {
        Role = "gold",
        StartQty = start,
        EndQty = end,
        PriceType = DiscountPriceType.Fixed,
        Value = value,
        CurrencyCode = currency,
    };

    [Fact]
    public void Validate_CompleteTerms_Pass()
    {
        var wholesale = new WholesaleInput
        {
            Prices = new List<WholesalePriceInput> { Price("gold", "USD", 12m) with { SaleAmount = 11m } },
            MinimumOrderQuantities = new List<MinimumOrderQuantityInput> { new() { Role = "gold", Quantity = 5 } },
            OrderQuantitySteps = new List<OrderQuantityStepInput> { new() { Role = "gold", Step = 3 } },
            Visibility = new List<string> { "gold" },
            QuantityDiscountRules = Rules(Percent(1, 10), Fixed(11, null, "usd"), Fixed(11, null, "eur")),
        };

        FieldsOf(wholesale).Should().BeEmpty();
    }

    public static TheoryData<string, WholesaleInput, string> Broken => new()
    {
        { "start below 1", RulesOf(Percent(0, 5)), "wholesale.quantity_discount_rules[0].start_qty" },
        { "end before start", RulesOf(Percent(1, 5), Percent(10, 9)), "wholesale.quantity_discount_rules[1].end_qty" },
        { "percent of 0", RulesOf(Percent(1, 5, 0m)), "wholesale.quantity_discount_rules[0].value" },
        { "percent over 100", RulesOf(Percent(1, 5, 100.5m)), "wholesale.quantity_discount_rules[0].value" },
        { "negative fixed", RulesOf(Fixed(1, 5, "usd", -1m)), "wholesale.quantity_discount_rules[0].value" },
        {
            "fixed without currency", RulesOf(Fixed(1, 5, null)),
            "wholesale.quantity_discount_rules[0].currency_code"
        },
        {
            "percent with currency", RulesOf(Percent(1, 5) with { CurrencyCode = "usd" }),
            "wholesale.quantity_discount_rules[0].currency_code"
        },
        {
            "no price type", RulesOf(Percent(1, 5) with { PriceType = null }),
            "wholesale.quantity_discount_rules[0].price_type"
        },
        { "negative amount", PriceOf(Price("gold", "usd", -1m)), "wholesale.prices[0].amount" },
        {
            "negative sale amount", PriceOf(Price("gold", "usd", 1m) with { SaleAmount = -1m }),
            "wholesale.prices[0].sale_amount"
        },
        { "bad currency", PriceOf(Price("gold", "dollars", 1m)), "wholesale.prices[0].currency_code" },
        { "role 'all' in a price", PriceOf(Price("all", "usd", 1m)), "wholesale.prices[0].role" },
        {
            "minimum of 0",
            new()
            {
                MinimumOrderQuantities = new List<MinimumOrderQuantityInput> { new() { Role = "gold", Quantity = 0 } },
            },
            "wholesale.minimum_order_quantities[0].quantity"
        },
        { "step of 0", StepsOf(0), "wholesale.order_quantity_steps[0].step" },
        { "duplicate step", StepsOf(1, 2), "wholesale.order_quantity_steps[1].role" },
        { "bad visibility key", new() { Visibility = new List<string> { "gold role" } }, "wholesale.visibility[0]" },
    };

    private static WholesaleInput RulesOf(params QuantityDiscountRuleInput[] rules) =>
        new() { QuantityDiscountRules = Rules(rules) };

    private static WholesalePriceInput Price(string role, string currency, decimal amount) =>
        new() { Role = role, CurrencyCode = currency, Amount = amount };

    private static WholesaleInput PriceOf(WholesalePriceInput price) =>
        new() { Prices = new List<WholesalePriceInput> { price } };

    private static WholesaleInput StepsOf(params int[] steps) => new()
    {
        OrderQuantitySteps = new List<OrderQuantityStepInput>(steps.Select(s => new OrderQuantityStepInput
        {
            Role = "gold",
            Step = s,
        })),
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Validate_BrokenRule_IsReportedAtItsWirePath(string because, WholesaleInput wholesale, string field)
    {
        FieldsOf(wholesale).Should().Equal([field], because);
    }

    public static TheoryData<string, WholesaleInput> BetweenEntries => new()
    {
        { "overlapping ranges", new() { QuantityDiscountRules = Rules(Percent(1, 10), Percent(10, null)) } },
        { "percent over fixed", new() { QuantityDiscountRules = Rules(Fixed(1, 10, "usd"), Percent(5, 6)) } },
        {
            "duplicate price",
            new()
            {
                Prices = new List<WholesalePriceInput>
                {
                    new() { Role = "gold", CurrencyCode = "usd", Amount = 1m },
                    new() { Role = "gold", CurrencyCode = "USD", Amount = 2m },
                },
            }
        },
        {
            "duplicate minimum",
            new()
            {
                MinimumOrderQuantities = new List<MinimumOrderQuantityInput>
                {
                    new() { Role = "gold", Quantity = 1 },
                    new() { Role = "gold", Quantity = 2 },
                },
            }
        },
        { "duplicate visibility", new() { Visibility = new List<string> { "gold", "gold" } } },
        { "'all' beside a role", new() { Visibility = new List<string> { "gold", "all" } } },
    };

    private static List<QuantityDiscountRuleInput> Rules(params QuantityDiscountRuleInput[] rules) => [.. rules];

    [Theory]
    [MemberData(nameof(BetweenEntries))]
    public void Validate_RuleBetweenEntries_IsLeftToTheDomain(string because, WholesaleInput wholesale)
    {
        FieldsOf(wholesale).Should().BeEmpty(because);
    }

    [Fact]
    public void Validate_InsideAProductVariant_PrefixesThePath()
    {
        var result = new ProductCreateValidator().Validate(new ProductCreate
        {
            Title = "P",
            Variants = new List<ProductVariantWrite>
            {
                new() { Title = "A" },
                new()
                {
                    Title = "B",
                    Wholesale = new WholesaleInput { QuantityDiscountRules = Rules(Percent(1, 5), Percent(3, 2)) },
                },
            },
        });

        result.Errors.Select(e => FieldPaths.ToWire(e.PropertyName))
            .Should().Equal("variants[1].wholesale.quantity_discount_rules[1].end_qty");
    }

    [Fact]
    public void Validate_WholesaleNull_Passes()
    {
        var item = new VariantCreate { Title = "S", Wholesale = Optional<WholesaleInput?>.Some(null) };

        Validator.Validate(item).IsValid.Should().BeTrue();
    }
}
