namespace Catalog.Application.Variants.Wholesale;

/// <summary>
/// A variant item's wholesale input against the terms it changes: the roles it names, what only the merged terms can
/// show to be wrong, and the merged terms themselves (each list sent replaces its list; the others stay).
/// </summary>
internal static class WholesaleMerge
{
    /// <summary>Every role an input names, with its path (<c>wholesale.prices[0].role</c>), <c>all</c> aside.</summary>
    public static IEnumerable<(string Field, string Role)> RolesOf(VariantWrite input)
    {
        if (input.Wholesale is not { HasValue: true, Value: { } wholesale })
        {
            return [];
        }

        static IEnumerable<(string, string?)> Named<T>(
            Optional<IReadOnlyList<T>?> list, string name, Func<T, string?> role, string suffix = ".role") =>
            list.Items().Select((entry, i) => ($"wholesale.{name}[{i}]{suffix}", entry is null ? null : role(entry)));

        return Named(wholesale.Prices, "prices", p => p.Role)
            .Concat(Named(wholesale.MinimumOrderQuantities, "minimum_order_quantities", m => m.Role))
            .Concat(Named(wholesale.OrderQuantitySteps, "order_quantity_steps", s => s.Role))
            .Concat(Named(wholesale.Visibility, "visibility", v => v, suffix: string.Empty))
            .Concat(Named(wholesale.QuantityDiscountRules, "quantity_discount_rules", r => r.Role))
            .Where(r => r.Item2 is not null && r.Item2 != WholesaleConstraints.AllRoles)
            .Select(r => (r.Item1, r.Item2!));
    }

    /// <summary>The roles an input names that are not among <paramref name="existing"/>, by field path.</summary>
    public static IEnumerable<Problem> CheckRoles(VariantWrite input, IReadOnlySet<string> existing, string prefix)
    {
        return RolesOf(input).Where(r => !existing.Contains(r.Role))
            .Select(r => ($"{prefix}{r.Field}", $"Wholesale role '{r.Role}' does not exist."));
    }

    /// <summary>
    /// What is wrong only once the input is merged into <paramref name="current"/>: a role left with an order quantity
    /// step but no minimum (say, an update that sends new minimums and leaves the stored steps).
    /// </summary>
    public static IEnumerable<Problem> Check(VariantWrite input, WholesaleTerms current, string prefix)
    {
        if (input.Wholesale is not { HasValue: true, Value: { } wholesale })
        {
            return [];
        }

        var minimums = MinimumsOf(wholesale, current).Select(m => m.Role).ToHashSet(StringComparer.Ordinal);
        if (wholesale.OrderQuantitySteps.HasValue)
        {
            return wholesale.OrderQuantitySteps.Items()
                .Select((step, i) => (step, i))
                .Where(s => s.step?.Role is { } role && !minimums.Contains(role))
                .Select(s => (
                    $"{prefix}wholesale.order_quantity_steps[{s.i}].role",
                    $"Role '{s.step.Role}' has an order quantity step but no minimum order quantity."))
                .ToList();
        }

        return current.OrderQuantities.Where(q => q.Step is not null && !minimums.Contains(q.Role))
            .Select(q => (
                $"{prefix}wholesale.minimum_order_quantities",
                $"Role '{q.Role}' keeps its order quantity step but would have no minimum; "
                + "send order_quantity_steps too."))
            .ToList();
    }

    /// <summary>The terms after the input: <c>null</c> clears them; a list sent replaces its list.</summary>
    public static WholesaleTerms Merge(WholesaleInput? input, WholesaleTerms current, long variantId)
    {
        if (input is null)
        {
            return WholesaleTerms.None;
        }

        var steps = input.OrderQuantitySteps.HasValue
            ? input.OrderQuantitySteps.Items().Select(s => (s.Role!, s.Step))
            : current.OrderQuantities.Select(q => (q.Role, q.Step));
        var stepOf = steps.Where(s => s.Item2 is not null).ToDictionary(StringComparer.Ordinal);
        var orderQuantities = input.MinimumOrderQuantities.HasValue || input.OrderQuantitySteps.HasValue
            ? [
                .. MinimumsOf(input, current).Select(m =>
                    new WholesaleOrderQuantity(variantId, m.Role, m.Quantity, stepOf.GetValueOrDefault(m.Role))),
            ]
            : current.OrderQuantities;

        return new WholesaleTerms(
            input.Prices.HasValue
                ? [
                    .. input.Prices.Items().Select(p =>
                        new WholesalePrice(variantId, p.Role!, p.CurrencyCode!, p.Amount!.Value, p.SaleAmount)),
                ]
                : current.Prices,
            orderQuantities,
            input.Visibility.HasValue
                ? WholesaleTerms.NormalizeVisibility(input.Visibility.Items())
                : current.Visibility,
            input.QuantityDiscountRules.HasValue
                ? [
                    .. input.QuantityDiscountRules.Items().Select((r, i) => new WholesaleDiscountRule(
                        variantId,
                        i,
                        r.Role!,
                        r.StartQty!.Value,
                        r.EndQty,
                        r.PriceType!.Value,
                        r.Value!.Value,
                        r.CurrencyCode)),
                ]
                : current.DiscountRules);
    }

    private static IEnumerable<(string Role, long Quantity)> MinimumsOf(WholesaleInput input, WholesaleTerms current) =>
        input.MinimumOrderQuantities.HasValue
            ? input.MinimumOrderQuantities.Items()
                .Where(m => m?.Role is not null)
                .Select(m => (m.Role!, m.Quantity ?? 0))
            : current.OrderQuantities.Select(q => (q.Role, q.Minimum));
}
