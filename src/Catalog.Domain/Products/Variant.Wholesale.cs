using Catalog.Domain.Wholesale;

namespace Catalog.Domain.Products;

/// <summary>A variant's wholesale terms: prices, order quantities, visibility and discount rules per role.</summary>
public sealed partial class Variant
{
    private readonly List<WholesalePrice> _wholesalePrices = [];
    private readonly List<WholesaleOrderQuantity> _wholesaleOrderQuantities = [];
    private readonly List<WholesaleVisibility> _wholesaleVisibility = [];
    private readonly List<WholesaleDiscountRule> _wholesaleDiscountRules = [];

    public IReadOnlyList<WholesalePrice> WholesalePrices => _wholesalePrices;
    public IReadOnlyList<WholesaleOrderQuantity> WholesaleOrderQuantities => _wholesaleOrderQuantities;
    public IReadOnlyList<WholesaleVisibility> WholesaleVisibility => _wholesaleVisibility;
    public IReadOnlyList<WholesaleDiscountRule> WholesaleDiscountRules => _wholesaleDiscountRules;

    public WholesaleTerms Wholesale => new(
        _wholesalePrices,
        _wholesaleOrderQuantities,
        [.. _wholesaleVisibility.Select(v => v.Role)],
        [.. _wholesaleDiscountRules.OrderBy(r => r.Position)]);

    /// <summary>
    /// Replaces the wholesale terms, unless they break a rule (two prices for one role and currency, overlapping
    /// discount ranges, ...). A list equal to the current one is kept; a changed list is replaced whole.
    /// </summary>
    internal Result<Changes<object>> SetWholesale(WholesaleTerms terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        terms = terms with { Visibility = WholesaleTerms.NormalizeVisibility(terms.Visibility) };
        if (terms.Violation() is { } violation)
        {
            return violation;
        }

        if (terms.Prices.Any(p => p.VariantId != Id)
            || terms.OrderQuantities.Any(q => q.VariantId != Id)
            || terms.DiscountRules.Any(r => r.VariantId != Id))
        {
            throw new DomainRuleException("Wholesale terms belong to the variant they are set on.");
        }

        var removed = new List<object>();
        var added = new List<object>();
        Replace(_wholesalePrices, terms.Prices, removed, added);
        Replace(_wholesaleOrderQuantities, terms.OrderQuantities, removed, added);
        Replace(_wholesaleVisibility, Visible(terms.Visibility), removed, added);
        Replace(_wholesaleDiscountRules, terms.DiscountRules, removed, added);
        return new Changes<object>(removed, added);
    }

    private List<WholesaleVisibility> Visible(IEnumerable<string> roles) =>
        [.. roles.Select(role => new WholesaleVisibility(Id, role))];

    private static void Replace<T>(List<T> current, IReadOnlyList<T> next, List<object> removed, List<object> added)
        where T : class
    {
        if (current.Count == next.Count && current.All(next.Contains))
        {
            return;
        }

        removed.AddRange(current);
        added.AddRange(next);
        current.Clear();
        current.AddRange(next);
    }
}
