using Catalog.Domain.Products;
using Catalog.Domain.Wholesale;

namespace Catalog.Domain.Tests.Wholesale;

/// <summary>
/// Every edge of the quote, one row each: what the terms are, what quantity is asked, what comes out and why.
/// </summary>
public sealed class WholesalePricingTests
{
    private const string Role = "gold";
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    public sealed record Case(
        string Name,
        decimal Regular,
        decimal? Wholesale,
        (long Min, long? Step)? Order,
        WholesaleDiscountRule[] Rules,
        long Quantity,
        decimal Unit,
        bool Allowed,
        PriceReason Reason,
        int? Rule)
    {
        public override string ToString() => Name;
    }

    private static WholesaleDiscountRule Percent(int position, long start, long? end, decimal value) =>
        new(1, position, Role, start, end, DiscountPriceType.Percent, value, null);

    private static WholesaleDiscountRule Fixed(
        int position, long start, long? end, decimal value, string currency = "usd") =>
        new(1, position, Role, start, end, DiscountPriceType.Fixed, value, currency);

    private static readonly WholesaleDiscountRule[] TwentyPercentFrom11To20 = [Percent(0, 11, 20, 20m)];

    public static TheoryData<Case> Cases => new()
    {
        new("no wholesale terms: regular price", 19m, null, null, [],
            3, 19.00m, true, PriceReason.NoWholesalePrice, null),
        new("wholesale price", 19m, 12m, null, [],
            3, 12.00m, true, PriceReason.WholesalePrice, null),
        new("wholesale price above regular stays", 10m, 15m, null, [],
            1, 15.00m, true, PriceReason.WholesalePrice, null),
        new("below minimum: regular, not allowed", 19m, 12m, (5, null), [],
            4, 19.00m, false, PriceReason.BelowMinimum, null),
        new("exactly the minimum", 19m, 12m, (5, null), [],
            5, 12.00m, true, PriceReason.WholesalePrice, null),
        new("above a minimum without step", 19m, 12m, (5, null), [],
            6, 12.00m, true, PriceReason.WholesalePrice, null),
        new("minimum 5 step 3: 8 is on the step", 19m, 12m, (5, 3), [],
            8, 12.00m, true, PriceReason.WholesalePrice, null),
        new("minimum 5 step 3: 11 is on the step", 19m, 12m, (5, 3), [],
            11, 12.00m, true, PriceReason.WholesalePrice, null),
        new("minimum 5 step 3: 6 is off the step", 19m, 12m, (5, 3), [],
            6, 19.00m, false, PriceReason.StepMismatch, null),
        new("minimum 5 step 3: 7 is off the step", 19m, 12m, (5, 3), [],
            7, 19.00m, false, PriceReason.StepMismatch, null),
        new("below minimum even where a rule would apply", 19m, 12m, (10, null), [Percent(0, 1, null, 50m)],
            5, 19.00m, false, PriceReason.BelowMinimum, null),
        new("a quantity just below a rule's start", 19m, 12m, null, TwentyPercentFrom11To20,
            10, 12.00m, true, PriceReason.WholesalePrice, null),
        new("a rule's start is included", 19m, 12m, null, TwentyPercentFrom11To20,
            11, 9.60m, true, PriceReason.QuantityDiscountRule, 0),
        new("a rule's end is included", 19m, 12m, null, TwentyPercentFrom11To20,
            20, 9.60m, true, PriceReason.QuantityDiscountRule, 0),
        new("a quantity just past a rule's end", 19m, 12m, null, TwentyPercentFrom11To20,
            21, 12.00m, true, PriceReason.WholesalePrice, null),
        new("an open-ended rule at its start", 19m, 12m, null, [Percent(0, 50, null, 25m)],
            50, 9.00m, true, PriceReason.QuantityDiscountRule, 0),
        new("an open-ended rule far above its start", 19m, 12m, null, [Percent(0, 50, null, 25m)],
            1_000_000, 9.00m, true, PriceReason.QuantityDiscountRule, 0),
        new("the second of two rules", 19m, 12m, null, [Percent(0, 1, 9, 5m), Percent(1, 10, null, 10m)],
            10, 10.80m, true, PriceReason.QuantityDiscountRule, 1),
        new("percent is off the wholesale price, not the regular one", 100m, 50m, null, [Percent(0, 1, null, 10m)],
            1, 45.00m, true, PriceReason.QuantityDiscountRule, 0),
        new("100 percent off", 19m, 12m, null, [Percent(0, 1, null, 100m)],
            1, 0.00m, true, PriceReason.QuantityDiscountRule, 0),
        new("a percent rule needs a wholesale price", 19m, null, null, [Percent(0, 1, null, 10m)],
            5, 19.00m, true, PriceReason.NoWholesalePrice, null),
        new("a fixed rule's value is the unit price", 19m, 12m, null, [Fixed(0, 10, null, 7.5m)],
            10, 7.50m, true, PriceReason.QuantityDiscountRule, 0),
        new("a fixed rule needs no wholesale price", 19m, null, null, [Fixed(0, 10, null, 7.5m)],
            10, 7.50m, true, PriceReason.QuantityDiscountRule, 0),
        new("a fixed rule above regular says so", 10m, null, null, [Fixed(0, 1, null, 11m)],
            1, 11.00m, true, PriceReason.QuantityDiscountRule, 0),
        new("a fixed rule of another currency does not apply", 19m, 12m, null, [Fixed(0, 1, null, 5m, "eur")],
            3, 12.00m, true, PriceReason.WholesalePrice, null),
        new("rounding half away from zero", 19m, 10.005m, null, [],
            1, 10.01m, true, PriceReason.WholesalePrice, null),
        new("rounding a percent of an odd price", 19m, 10m, null, [Percent(0, 1, null, 33.333m)],
            3, 6.67m, true, PriceReason.QuantityDiscountRule, 0),
        new("rounding the regular price too", 19.9949m, null, null, [],
            2, 19.99m, true, PriceReason.NoWholesalePrice, null),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Quote_Terms_GiveTheDocumentedPrice(Case c)
    {
        var order = c.Order is { } o ? new WholesaleOrderQuantity(1, Role, o.Min, o.Step) : null;

        var quote = WholesalePricing.Quote(new RoleTerms(c.Regular, c.Wholesale, order, c.Rules), "usd", c.Quantity);

        quote.UnitPrice.Should().Be(c.Unit);
        quote.UnitPrice.Scale.Should().Be(2, "money is answered to two places");
        quote.Total.Should().Be(c.Unit * c.Quantity);
        quote.QuantityAllowed.Should().Be(c.Allowed);
        quote.Reason.Should().Be(c.Reason);
        quote.AppliedRule.Should().Be(c.Rule is { } index ? c.Rules[index] : null);
        quote.RegularPrice.Should().Be(decimal.Round(c.Regular, 2, MidpointRounding.AwayFromZero));
    }

    [Fact]
    public void Quote_ZeroQuantity_IsRefused()
    {
        var act = () => WholesalePricing.Quote(new RoleTerms(10m, null, null, []), "usd", 0);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    private static Variant VariantWith(WholesaleTerms terms, params VariantPrice[] prices)
    {
        var variant = Variant.Create(1, 1, new VariantDetails { Title = "S" }, Now);
        variant.ReplacePrices(prices);
        variant.SetWholesale(terms);
        return variant;
    }

    private static VariantPrice Plain(long id, string currency, decimal amount) =>
        new(id, 1, currency, amount, null, null);

    [Fact]
    public void Quote_VariantHiddenFromTheRole_IsHidden()
    {
        var variant = VariantWith(new WholesaleTerms([], [], ["silver"], []), Plain(1, "usd", 10m));

        WholesalePricing.Quote(variant, Role, 1, null).Should().BeOfType<HiddenFromRole>();
        WholesalePricing.Quote(variant, "silver", 1, null).Should().BeOfType<Quoted>();
    }

    [Fact]
    public void Quote_VariantWithoutVisibilityFilter_IsShownToEveryRole()
    {
        var variant = VariantWith(WholesaleTerms.None, Plain(1, "usd", 10m));

        WholesalePricing.Quote(variant, "anyone", 1, null).Should().BeOfType<Quoted>();
    }

    [Fact]
    public void Quote_NoCurrencyNamed_UsesTheFirstPlainPriceCurrencyAndItsWholesalePrice()
    {
        var variant = VariantWith(
            new WholesaleTerms(
                [new WholesalePrice(1, Role, "usd", 8m, null), new WholesalePrice(1, Role, "eur", 7m, 6.5m)],
                [],
                [],
                []),
            Plain(1, "usd", 10m),
            new VariantPrice(2, 1, "aud", 3m, 10, null),
            Plain(3, "eur", 9m));

        var quote = WholesalePricing.Quote(variant, Role, 2, null).Should().BeOfType<Quoted>().Subject.Quote;

        quote.CurrencyCode.Should().Be("eur", "aud has only a tier price, and eur comes before usd");
        quote.RegularPrice.Should().Be(9m);
        quote.UnitPrice.Should().Be(6.50m, "the sale amount is what the role pays");
        quote.Total.Should().Be(13.00m);
    }

    [Fact]
    public void Quote_CurrencyNamed_UsesItCaseInsensitively()
    {
        var variant = VariantWith(
            new WholesaleTerms([new WholesalePrice(1, Role, "usd", 8m, null)], [], [], []),
            Plain(1, "usd", 10m),
            Plain(2, "eur", 9m));

        var quote = WholesalePricing.Quote(variant, Role, 1, "USD").Should().BeOfType<Quoted>().Subject.Quote;

        quote.CurrencyCode.Should().Be("usd");
        quote.UnitPrice.Should().Be(8m);
    }

    [Fact]
    public void Quote_CurrencyWithoutPlainPrice_HasNoRegularPrice()
    {
        var variant = VariantWith(WholesaleTerms.None, Plain(1, "usd", 10m));

        WholesalePricing.Quote(variant, Role, 1, "GBP").Should().Be(new NoRegularPrice("gbp"));
        WholesalePricing.Quote(VariantWith(WholesaleTerms.None), Role, 1, null).Should().Be(new NoRegularPrice(null));
    }

    [Fact]
    public void Quote_OtherRolesTerms_DoNotApply()
    {
        var variant = VariantWith(
            new WholesaleTerms(
                [new WholesalePrice(1, "silver", "usd", 5m, null)],
                [new WholesaleOrderQuantity(1, "silver", 100, null)],
                [],
                [new WholesaleDiscountRule(1, 0, "silver", 1, null, DiscountPriceType.Fixed, 1m, "usd")]),
            Plain(1, "usd", 10m));

        var quote = WholesalePricing.Quote(variant, Role, 1, null).Should().BeOfType<Quoted>().Subject.Quote;

        quote.Reason.Should().Be(PriceReason.NoWholesalePrice);
        quote.UnitPrice.Should().Be(10m);
        quote.QuantityAllowed.Should().BeTrue();
    }

    [Theory]
    [InlineData(1, 20)]
    [InlineData(9, 20)]
    [InlineData(10, 15)]
    [InlineData(49, 15)]
    [InlineData(50, 12)]
    [InlineData(5000, 12)]
    public void Quote_TieredPrices_TheRegularPriceIsTheTierHoldingTheQuantity(long quantity, decimal regular)
    {
        var variant = VariantWith(
            WholesaleTerms.None,
            Plain(1, "usd", 20m),
            new VariantPrice(2, 1, "usd", 15m, 10, 49),
            new VariantPrice(3, 1, "usd", 12m, 50, null));

        var quote = WholesalePricing.Quote(variant, Role, quantity, "usd").Should().BeOfType<Quoted>().Subject.Quote;

        quote.RegularPrice.Should().Be(regular);
        quote.UnitPrice.Should().Be(regular, "without wholesale terms a role pays the regular price");
        quote.Reason.Should().Be(PriceReason.NoWholesalePrice);
    }

    [Fact]
    public void Quote_CurrencyWithTiersOnly_HasARegularPriceOnlyInsideThem()
    {
        var variant = VariantWith(WholesaleTerms.None, new VariantPrice(1, 1, "usd", 15m, 10, null));

        WholesalePricing.Quote(variant, Role, 9, "usd").Should().Be(new NoRegularPrice("usd"));
        WholesalePricing.Quote(variant, Role, 10, null).Should().BeOfType<Quoted>()
            .Which.Quote.RegularPrice.Should().Be(15m);
    }

    [Fact]
    public void Quote_BelowMinimumWithATier_PaysTheTierPrice()
    {
        var variant = VariantWith(
            new WholesaleTerms(
                [new WholesalePrice(1, Role, "usd", 9m, null)],
                [new WholesaleOrderQuantity(1, Role, 100, null)],
                [],
                []),
            Plain(1, "usd", 20m),
            new VariantPrice(2, 1, "usd", 15m, 10, null));

        var quote = WholesalePricing.Quote(variant, Role, 12, "usd").Should().BeOfType<Quoted>().Subject.Quote;

        quote.Reason.Should().Be(PriceReason.BelowMinimum);
        quote.UnitPrice.Should().Be(15m, "the regular price for 12 units is the tier from 10");
    }
}
