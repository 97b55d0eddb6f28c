using Catalog.Domain.Products;
using static Catalog.Domain.Wholesale.PriceReason;

namespace Catalog.Domain.Wholesale;

/// <summary>Why a quote has its unit price; stable on the wire (<c>below_minimum</c>, ...).</summary>
public enum PriceReason
{
    /// <summary>The role's wholesale price (its sale amount when set).</summary>
    WholesalePrice,

    /// <summary>A quantity discount rule of the role priced the units: <c>applied_rule</c> names it.</summary>
    QuantityDiscountRule,

    /// <summary>The role has no wholesale price in the currency (nor a fixed rule): the regular price.</summary>
    NoWholesalePrice,

    /// <summary>The quantity is below the role's minimum order quantity: the regular price, and not allowed.</summary>
    BelowMinimum,

    /// <summary>The quantity is above the minimum but off its step: the regular price, and not allowed.</summary>
    StepMismatch,
}

/// <summary>What one role's buyer pays for a quantity of a variant in one currency, and why.</summary>
public sealed record PriceQuote(
    string CurrencyCode,
    long Quantity,
    decimal RegularPrice,
    decimal UnitPrice,
    decimal Total,
    bool QuantityAllowed,
    PriceReason Reason,
    WholesaleDiscountRule? AppliedRule);

/// <summary>Everything that prices one role's purchase of a variant in one currency.</summary>
/// <param name="RegularPrice">The variant's price at the quantity: its tier price for it, else its plain price.</param>
/// <param name="WholesalePrice">The role's wholesale price in the currency (its sale amount when set), if any.</param>
/// <param name="Rules">The role's discount rules that can apply: every percent rule, the currency's fixed ones.</param>
public sealed record RoleTerms(
    decimal RegularPrice,
    decimal? WholesalePrice,
    WholesaleOrderQuantity? OrderQuantity,
    IReadOnlyList<WholesaleDiscountRule> Rules);

/// <summary>The outcome of quoting a variant for a role: a quote, or why there is none.</summary>
public abstract record QuoteOutcome;

public sealed record Quoted(PriceQuote Quote) : QuoteOutcome;

/// <summary>The variant's visibility filter does not name the role: to that role the variant does not exist.</summary>
public sealed record HiddenFromRole : QuoteOutcome;

/// <summary>The variant has no price at the quantity in the currency (or, none asked for, in any currency).</summary>
public sealed record NoRegularPrice(string? CurrencyCode) : QuoteOutcome;

/// <summary>
/// The wholesale price of a quantity, as a pure function of a variant's prices and terms. Money is rounded to <see
/// cref="MoneyDecimals"/> places, half away from zero, on the unit price; the total is that unit price times the
/// quantity.
/// </summary>
public static class WholesalePricing
{
    public const int MoneyDecimals = 2;

    /// <summary>
    /// Quotes <paramref name="quantity"/> units of a variant for <paramref name="role"/> in <paramref
    /// name="currencyCode"/>, or, when no currency is named, in the first currency (alphabetically) the variant has a
    /// regular price in at that quantity (see <see cref="RegularPricesAt"/>).
    /// </summary>
    public static QuoteOutcome Quote(Variant variant, string role, long quantity, string? currencyCode)
    {
        ArgumentNullException.ThrowIfNull(variant);
        var visibility = variant.WholesaleVisibility;
        if (visibility.Count > 0 && !visibility.Any(v => string.Equals(v.Role, role, StringComparison.Ordinal)))
        {
            return new HiddenFromRole();
        }

        var regular = RegularPricesAt(variant.Prices, quantity).FirstOrDefault(p =>
            currencyCode is null || p.CurrencyCode.Equals(currencyCode, StringComparison.OrdinalIgnoreCase));
        if (regular is null)
        {
            return new NoRegularPrice(currencyCode?.ToLowerInvariant());
        }

        var currency = regular.CurrencyCode;
        var terms = new RoleTerms(
            regular.Amount,
            variant.WholesalePrices.FirstOrDefault(p => p.Role == role && p.CurrencyCode == currency)?.Effective,
            variant.WholesaleOrderQuantities.FirstOrDefault(q => q.Role == role),
            [
                .. variant.WholesaleDiscountRules
                    .Where(r => r.Role == role && r.AppliesIn(currency))
                    .OrderBy(r => r.Position),
            ]);
        return new Quoted(Quote(terms, currency, quantity));
    }

    /// <summary>
    /// The regular price of each currency at <paramref name="quantity"/>, by currency: the tier price whose quantity
    /// range holds it (tiered prices, as Medusa keeps them), else the plain price. Tiers of one currency never overlap,
    /// so at most one holds a quantity. A currency with tiers only has no regular price outside them.
    /// </summary>
    public static IReadOnlyList<VariantPrice> RegularPricesAt(IEnumerable<VariantPrice> prices, long quantity)
    {
        ArgumentNullException.ThrowIfNull(prices);
        return
        [
            .. prices.Where(p => (p.MinQuantity ?? 1) <= quantity && quantity <= (p.MaxQuantity ?? long.MaxValue))
                .GroupBy(p => p.CurrencyCode, StringComparer.Ordinal)
                .Select(g => g.OrderBy(p => p.MinQuantity is null && p.MaxQuantity is null).First())
                .OrderBy(p => p.CurrencyCode, StringComparer.Ordinal),
        ];
    }

    /// <summary>The quote for <paramref name="quantity"/> (at least 1) units under <paramref name="terms"/>.</summary>
    public static PriceQuote Quote(RoleTerms terms, string currencyCode, long quantity)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentOutOfRangeException.ThrowIfLessThan(quantity, 1);
        var regular = Round(terms.RegularPrice);
        PriceQuote Priced(decimal unit, bool allowed, PriceReason reason, WholesaleDiscountRule? rule = null)
        {
            var rounded = Round(unit);
            return new PriceQuote(currencyCode, quantity, regular, rounded, rounded * quantity, allowed, reason, rule);
        }

        // Wholesale terms hold only for the quantities the role may order; outside them the role pays the regular
        // price.
        if (terms.OrderQuantity is { } order && !order.Allows(quantity))
        {
            var reason = quantity < order.Minimum ? PriceReason.BelowMinimum : PriceReason.StepMismatch;
            return Priced(regular, false, reason);
        }

        var rule = terms.Rules.FirstOrDefault(r => r.AppliesTo(quantity, currencyCode));
        return (rule, terms.WholesalePrice) switch
        {
            ({ PriceType: DiscountPriceType.Fixed } fixedRule, _) =>
                Priced(fixedRule.Value, true, QuantityDiscountRule, fixedRule),
            ({ PriceType: DiscountPriceType.Percent } percentRule, { } wholesale) =>
                Priced(wholesale * (1 - (percentRule.Value / 100m)), true, QuantityDiscountRule, percentRule),
            (_, { } wholesale) => Priced(wholesale, true, PriceReason.WholesalePrice),
            _ => Priced(regular, true, PriceReason.NoWholesalePrice),
        };
    }

    /// <summary>Half away from zero, to exactly <see cref="MoneyDecimals"/> places (10 reads 10.00).</summary>
    public static decimal Round(decimal amount) =>
        decimal.Round(amount, MoneyDecimals, MidpointRounding.AwayFromZero) + 0.00m;
}
