namespace Catalog.Domain.Products;

/// <summary>
/// Rules over a list of a product's parts, written once: the entities enforce them, and validators call the same
/// functions on a request's items to name the field at fault before anything is planned.
/// </summary>
public static class ProductRules
{
    public const string RepeatedOptionTitle = "Option titles must be unique within a product.";
    public const string RepeatedOptionAttribute = "A global attribute may back at most one option of a product.";
    public const string OverlappingPrices = "Prices of one currency must not have overlapping quantity ranges.";

    /// <summary>What is wrong with a product's options (titles alike but for case, an attribute behind two), or null.</summary>
    public static string? OptionsViolation<T>(IReadOnlyCollection<T> options, Func<T, string?> title, Func<T, long?> attributeId)
    {
        var titles = options.Select(title).OfType<string>().ToList();
        if (titles.Distinct(StringComparer.OrdinalIgnoreCase).Count() != titles.Count)
        {
            return RepeatedOptionTitle;
        }

        var attributes = options.Select(attributeId).OfType<long>().ToList();
        return attributes.Distinct().Count() != attributes.Count ? RepeatedOptionAttribute : null;
    }

    /// <summary>
    /// Whether prices of one currency conflict: more than one plain price (no quantity range), or two ranges that share a
    /// quantity. A plain price is the default that tiers override.
    /// </summary>
    public static bool PricesOverlap<T>(IEnumerable<T> prices, Func<T, string> currency, Func<T, long?> min, Func<T, long?> max) =>
        prices.GroupBy(currency, StringComparer.OrdinalIgnoreCase).Any(group =>
        {
            var plain = group.Count(p => min(p) is null && max(p) is null);
            var tiers = group.Where(p => min(p) is not null || max(p) is not null).OrderBy(p => min(p) ?? 1).ToList();
            return plain > 1 || tiers.Zip(tiers.Skip(1)).Any(pair => (min(pair.Second) ?? 1) <= (max(pair.First) ?? long.MaxValue));
        });
}
