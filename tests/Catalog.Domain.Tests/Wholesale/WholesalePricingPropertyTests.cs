using Catalog.Domain.Wholesale;
using CsCheck;

namespace Catalog.Domain.Tests.Wholesale;

/// <summary>
/// What holds for every quote, checked over generated terms (random, then shrunk to the smallest failure).
/// </summary>
public sealed class WholesalePricingPropertyTests
{
    private const string Role = "gold";
    private const string Currency = "usd";

    /// <summary>Amounts with up to four decimals, as the database keeps them, so rounding is exercised.</summary>
    private static readonly Gen<decimal> Amount = Gen.Long[0, 20_000_000].Select(x => x / 10_000m);

    private static readonly Gen<WholesaleOrderQuantity?> OrderQuantity =
        Gen.Frequency(
            (1, Gen.Const((WholesaleOrderQuantity?)null)),
            (3, from min in Gen.Long[1, 50]
                from step in Gen.Long[1, 10].Nullable()
                select (WholesaleOrderQuantity?)new WholesaleOrderQuantity(1, Role, min, step)));

    /// <summary>
    /// Up to four rules over consecutive, non-overlapping ranges (the last may be open), each percent or fixed.
    /// </summary>
    private static readonly Gen<WholesaleDiscountRule[]> Rules =
        from first in Gen.Long[1, 30]
        from shapes in Gen.Select(Gen.Long[0, 20], Gen.Long[0, 5], Gen.Bool, Gen.Decimal[0.01m, 100m], Amount)
            .Array[0, 4]
        from openEnded in Gen.Bool
        select Build(first, shapes, openEnded);

    private static readonly Gen<(RoleTerms Terms, long Quantity)> Case =
        from regular in Amount
        from wholesale in Amount.Nullable()
        from order in OrderQuantity
        from rules in Rules
        from quantity in Gen.Long[1, 300]
        select (new RoleTerms(regular, wholesale, order, rules), quantity);

    private static WholesaleDiscountRule[] Build(
        long first, (long Length, long Gap, bool Percent, decimal Percentage, decimal Price)[] shapes, bool openEnded)
    {
        var rules = new List<WholesaleDiscountRule>();
        var start = first;
        for (var i = 0; i < shapes.Length; i++)
        {
            var (length, gap, percent, percentage, price) = shapes[i];
            long? end = openEnded && i == shapes.Length - 1 ? null : start + length;
            rules.Add(percent
                ? new WholesaleDiscountRule(
                    1, i, Role, start, end, DiscountPriceType.Percent, decimal.Round(percentage, 4), null)
                : new WholesaleDiscountRule(1, i, Role, start, end, DiscountPriceType.Fixed, price, Currency));
            start = (end ?? start) + 1 + gap;
        }

        return [.. rules];
    }

    [Fact]
    public void Quote_Total_IsTheUnitPriceTimesTheQuantity()
    {
        Case.Sample(c =>
        {
            var quote = WholesalePricing.Quote(c.Terms, Currency, c.Quantity);
            quote.Total.Should().Be(quote.UnitPrice * c.Quantity);
            quote.UnitPrice.Should().Be(decimal.Round(quote.UnitPrice, WholesalePricing.MoneyDecimals));
        });
    }

    [Fact]
    public void Quote_AboveTheRegularPrice_OnlyWhenAFixedRuleOrAHigherWholesalePriceSaysSo()
    {
        Case.Sample(c =>
        {
            var quote = WholesalePricing.Quote(c.Terms, Currency, c.Quantity);
            if (quote.UnitPrice <= quote.RegularPrice)
            {
                return;
            }

            var fixedRuleSaysSo = quote.AppliedRule is { PriceType: DiscountPriceType.Fixed } rule
                && quote.UnitPrice == WholesalePricing.Round(rule.Value);
            var wholesaleSaysSo = c.Terms.WholesalePrice > c.Terms.RegularPrice
                && quote.UnitPrice <= WholesalePricing.Round(c.Terms.WholesalePrice.Value);
            (fixedRuleSaysSo || wholesaleSaysSo).Should()
                .BeTrue($"{quote} exceeds the regular price without an explicit reason");
        });
    }

    [Fact]
    public void Quote_AllowedQuantityPlusTheStep_IsAllowedToo()
    {
        Case.Sample(c =>
        {
            var step = c.Terms.OrderQuantity?.Step ?? 1;
            if (WholesalePricing.Quote(c.Terms, Currency, c.Quantity).QuantityAllowed)
            {
                WholesalePricing.Quote(c.Terms, Currency, c.Quantity + step).QuantityAllowed.Should().BeTrue();
            }
        });
    }

    [Fact]
    public void Quote_QuantityNotAllowed_PaysTheRegularPriceWithoutARule()
    {
        Case.Sample(c =>
        {
            var quote = WholesalePricing.Quote(c.Terms, Currency, c.Quantity);
            if (!quote.QuantityAllowed)
            {
                quote.UnitPrice.Should().Be(quote.RegularPrice);
                quote.AppliedRule.Should().BeNull();
                quote.Reason.Should().BeOneOf(PriceReason.BelowMinimum, PriceReason.StepMismatch);
            }
        });
    }

    [Fact]
    public void Quote_AppliedRule_CoversTheQuantity()
    {
        Case.Sample(c =>
        {
            var quote = WholesalePricing.Quote(c.Terms, Currency, c.Quantity);
            if (quote.AppliedRule is { } rule)
            {
                rule.Range.Contains(c.Quantity).Should().BeTrue();
                quote.Reason.Should().Be(PriceReason.QuantityDiscountRule);
            }
        });
    }
}
