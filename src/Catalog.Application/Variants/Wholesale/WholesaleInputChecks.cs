using Catalog.Domain.Wholesale;

namespace Catalog.Application.Variants.Wholesale;

/// <summary>The problems between entries of the lists a wholesale input sends, with paths relative to the input.</summary>
internal static class WholesaleInputChecks
{
    public static IEnumerable<(string Field, string Message)> Conflicts(WholesaleInput input)
    {
        var prices = input.Prices.HasValue ? input.Prices.Value ?? [] : [];
        foreach (var (i, first) in Repeats(prices, p => p?.Role is null || p.CurrencyCode is null ? null : $"{p.Role}/{p.CurrencyCode.ToLowerInvariant()}"))
        {
            yield return ($"prices[{i}].role", $"Role '{prices[i].Role}' already has a price in {prices[i].CurrencyCode} (prices[{first}]).");
        }

        var minimums = input.MinimumOrderQuantities.HasValue ? input.MinimumOrderQuantities.Value ?? [] : [];
        foreach (var (i, first) in Repeats(minimums, m => m?.Role))
        {
            yield return ($"minimum_order_quantities[{i}].role", $"Role '{minimums[i].Role}' already has a minimum (minimum_order_quantities[{first}]).");
        }

        var steps = input.OrderQuantitySteps.HasValue ? input.OrderQuantitySteps.Value ?? [] : [];
        foreach (var (i, first) in Repeats(steps, s => s?.Role))
        {
            yield return ($"order_quantity_steps[{i}].role", $"Role '{steps[i].Role}' already has a step (order_quantity_steps[{first}]).");
        }

        var visibility = input.Visibility.HasValue ? input.Visibility.Value ?? [] : [];
        foreach (var (i, first) in Repeats(visibility, v => v))
        {
            yield return ($"visibility[{i}]", $"'{visibility[i]}' is named more than once (visibility[{first}]).");
        }

        var all = visibility.ToList().IndexOf(WholesaleConstraints.AllRoles);
        if (visibility.Count > 1 && all >= 0)
        {
            yield return ($"visibility[{all}]", "'all' stands alone: it shows the variant to everyone, so no role can be added to it.");
        }

        var rules = input.QuantityDiscountRules.HasValue ? input.QuantityDiscountRules.Value ?? [] : [];
        var scopes = rules.Select(ScopeOf).ToList();
        for (var i = 0; i < scopes.Count; i++)
        {
            var earlier = Enumerable.Range(0, i).FirstOrDefault(j => scopes[i] is { } scope && scopes[j] is { } other && scope.ConflictsWith(other), -1);
            if (earlier >= 0)
            {
                yield return (
                    $"quantity_discount_rules[{i}].start_qty",
                    $"The range {scopes[i]!.Range} overlaps quantity_discount_rules[{earlier}] ({scopes[earlier]!.Range}) of role '{scopes[i]!.Role}': one quantity would meet both.");
            }
        }
    }

    /// <summary>The scope of a rule whose fields are valid enough to compare; null for one the field rules already fail.</summary>
    private static DiscountRuleScope? ScopeOf(QuantityDiscountRuleInput? rule) => rule switch
    {
        { Role: { } role, StartQty: { } start, PriceType: { } type } when rule.EndQty is null || rule.EndQty >= start =>
            new DiscountRuleScope(role, type, rule.CurrencyCode, new QuantityRange(start, rule.EndQty)),
        _ => null,
    };

    /// <summary>Each entry whose key an earlier entry has, with the index of that earlier entry.</summary>
    private static IEnumerable<(int Index, int First)> Repeats<T>(IReadOnlyList<T> entries, Func<T, string?> keyOf)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            if (keyOf(entries[i]) is not { } key)
            {
                continue;
            }

            if (seen.TryGetValue(key, out var first))
            {
                yield return (i, first);
            }
            else
            {
                seen[key] = i;
            }
        }
    }
}
