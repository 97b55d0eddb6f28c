using Catalog.Application.Variants.Wholesale;
using Catalog.Domain.Wholesale;

namespace Catalog.Api.Dialects.WooCommerce;

/// <summary>A variant's wholesale terms as Wholesale Suite sees them: per role, in the store currency.</summary>
internal sealed record WholesaleView(
    IReadOnlyDictionary<string, decimal> Prices,
    IReadOnlyDictionary<string, decimal> SalePrices,
    IReadOnlyDictionary<string, long> Minimums,
    IReadOnlyDictionary<string, long> Steps,
    IReadOnlyList<string> Visibility,
    IReadOnlyList<QuantityDiscountRuleDto> Rules)
{
    public static readonly WholesaleView None = new(
        Sorted<decimal>([]), Sorted<decimal>([]), Sorted<long>([]), Sorted<long>([]), [], []);

    /// <summary>The sent texts of the prices (by role) and of the rules' values (by position).</summary>
    public WholesaleTexts Texts { get; init; } = WholesaleTexts.None();

    public string PriceText(string role) => WholesaleTexts.Show(Texts.Prices.GetValueOrDefault(role), Prices[role]);

    public string SalePriceText(string role) =>
        WholesaleTexts.Show(Texts.SalePrices.GetValueOrDefault(role), SalePrices[role]);

    public bool IsEmpty =>
        Prices.Count == 0 && Minimums.Count == 0 && Steps.Count == 0 && Visibility.Count == 0 && Rules.Count == 0;

    /// <summary>Whether the plugin can show the rule: a percent rule, or a fixed rule in the store currency.</summary>
    public static bool Shows(QuantityDiscountRuleDto rule, string currency) =>
        rule.PriceType == DiscountPriceType.Percent || InCurrency(rule.CurrencyCode, currency);

    public static bool InCurrency(string? code, string currency) =>
        string.Equals(code, currency, StringComparison.OrdinalIgnoreCase);

    public static WholesaleView Of(VariantDto variant, string currency)
    {
        var terms = variant.Wholesale;
        var texts = WholesaleTexts.Of(variant.Extensions);
        var prices = terms.Prices.Where(p => InCurrency(p.CurrencyCode, currency)).ToList();
        var rules = terms.QuantityDiscountRules
            .Select((r, i) => (Rule: r, Text: texts.Rule(i)))
            .Where(r => Shows(r.Rule, currency))
            .ToList();
        return new WholesaleView(
            Sorted(prices.Select(p => (p.Role, p.Amount))),
            Sorted(prices.Where(p => p.SaleAmount is not null).Select(p => (p.Role, p.SaleAmount!.Value))),
            Sorted(terms.MinimumOrderQuantities.Select(m => (m.Role, m.Quantity))),
            Sorted(terms.OrderQuantitySteps.Select(s => (s.Role, s.Step))),
            terms.Visibility,
            [.. rules.Select(r => r.Rule)])
        {
            Texts = texts with { Rules = [.. rules.Select(r => r.Text)] },
        };
    }

    /// <summary>
    /// A simple product's terms are its variant's; a variable product's are what its variations share (product-level
    /// fields are written to every variation): equal values and rules, the roles any variation is shown to.
    /// </summary>
    public static WholesaleView OfProduct(ProductDto product, string currency)
    {
        var views = product.Variants.Select(v => Of(v, currency)).ToList();
        if (WooType.Of(product, WooFields.Of(product.Extensions)) == WooType.Simple || views.Count <= 1)
        {
            return views.Count == 0 ? None : views[0];
        }

        return new WholesaleView(
            Shared(views, v => v.Prices),
            Shared(views, v => v.SalePrices),
            Shared(views, v => v.Minimums),
            Shared(views, v => v.Steps),
            views.Any(v => v.Visibility.Count == 0)
                ? []
                : [.. views.SelectMany(v => v.Visibility).Distinct(StringComparer.Ordinal)],
            views.All(v => v.Rules.SequenceEqual(views[0].Rules)) ? views[0].Rules : [])
        {
            Texts = views[0].Texts,
        };
    }

    /// <summary>A rule of <see cref="Rules"/> as Wholesale Suite answers it.</summary>
    public WholesaleRule Rule(QuantityDiscountRuleDto rule, int position) => new(
        rule.Role,
        WholesaleValues.Format(rule.StartQty),
        rule.EndQty is { } end ? WholesaleValues.Format(end) : string.Empty,
        WholesaleValues.PriceType(rule.PriceType),
        WholesaleTexts.Show(Texts.Rule(position), rule.Value));

    private static SortedDictionary<string, T> Sorted<T>(IEnumerable<(string Role, T Value)> entries)
    {
        var sorted = new SortedDictionary<string, T>(StringComparer.Ordinal);
        foreach (var (role, value) in entries)
        {
            sorted[role] = value;
        }

        return sorted;
    }

    private static SortedDictionary<string, T> Shared<T>(
        List<WholesaleView> views, Func<WholesaleView, IReadOnlyDictionary<string, T>> map) =>
        Sorted(map(views[0])
            .Where(e => views.All(v => map(v).TryGetValue(e.Key, out var value) && Equals(value, e.Value)))
            .Select(e => (e.Key, e.Value)));
}

/// <summary>One rule: <c>end_qty</c> is empty for "and above"; the price is a percent off or a unit price.</summary>
public sealed record WholesaleRule(
    string WholesaleRole, string StartQty, string EndQty, string PriceType, string WholesalePrice);
