using Catalog.Application.Variants.Wholesale;
using Catalog.Domain.Wholesale;

namespace Catalog.Api.Dialects.WooCommerce;

/// <summary>
/// Wholesale Suite's changes onto a variant's canonical terms. The plugin has one currency, so prices and fixed rules
/// are the store currency's; a variant's prices and fixed rules in other currencies are kept as they are. Each list
/// the changes touch is sent whole (canonical lists replace), merged from the terms as they were read. The texts the
/// amounts were sent as are updated in <paramref name="texts"/> (see <see cref="WholesaleTexts"/>).
/// </summary>
internal static class WholesaleApply
{
    public static WholesaleInput? Apply(
        WholesaleChanges changes, WholesaleDto current, WholesaleTexts texts, string currency, WholesaleNames names, string prefix, WholesaleFieldMap map, TranslationProblems problems)
    {
        if (changes.IsEmpty)
        {
            return null;
        }

        var input = new WholesaleInput();
        if (changes.Prices.Count > 0 || changes.SalePrices.Count > 0)
        {
            input = input with { Prices = Prices(changes, current, texts, currency, names, $"{prefix}wholesale.prices", map, problems) };
        }

        if (changes.Minimums.Count > 0 || changes.Steps.Count > 0)
        {
            var (minimums, steps) = Quantities(changes, current, names, prefix, map);
            input = input with { MinimumOrderQuantities = minimums, OrderQuantitySteps = steps };
        }

        if (changes.Visibility is { } visibility)
        {
            map.Add($"{prefix}wholesale.visibility", changes.VisibilityField);
            for (var i = 0; i < visibility.Count; i++)
            {
                map.Add($"{prefix}wholesale.visibility[{i}]", visibility[i].Field);
            }

            input = input with { Visibility = visibility.Select(v => v.Role).ToList() };
        }

        if (changes.Rules is { } rules)
        {
            input = input with { QuantityDiscountRules = Rules(rules, changes.RulesField, current, texts, currency, names, $"{prefix}wholesale.quantity_discount_rules", map) };
        }

        return input;
    }

    private static List<WholesalePriceInput> Prices(
        WholesaleChanges changes, WholesaleDto current, WholesaleTexts texts, string currency, WholesaleNames names, string path, WholesaleFieldMap map, TranslationProblems problems)
    {
        var prices = current.Prices.Select(p => new WholesalePriceInput { Role = p.Role, CurrencyCode = p.CurrencyCode, Amount = p.Amount, SaleAmount = p.SaleAmount }).ToList();
        int Find(string role) => prices.FindIndex(p => p.Role == role && string.Equals(p.CurrencyCode, currency, StringComparison.OrdinalIgnoreCase));
        foreach (var (role, change) in changes.Prices)
        {
            var at = Find(role);
            Keep(texts.Prices, role, change);
            if (change.Value is not { } amount)
            {
                texts.SalePrices.Remove(role);
                if (at >= 0)
                {
                    prices.RemoveAt(at);
                }
            }
            else if (at >= 0)
            {
                prices[at] = prices[at] with { Amount = amount };
            }
            else
            {
                prices.Add(new WholesalePriceInput { Role = role, CurrencyCode = currency, Amount = amount });
            }
        }

        foreach (var (role, change) in changes.SalePrices)
        {
            var at = Find(role);
            Keep(texts.SalePrices, role, change);
            if (at >= 0)
            {
                prices[at] = prices[at] with { SaleAmount = change.Value };
            }
            else if (change.Value is not null)
            {
                problems.Invalid(change.Field, $"Role '{role}' has no wholesale price in {currency.ToUpperInvariant()} to put on sale: send its wholesale price too.");
            }
        }

        map.Add(path, names.Prices);
        for (var i = 0; i < prices.Count; i++)
        {
            var role = prices[i].Role!;
            var amountField = changes.Prices.TryGetValue(role, out var sent) ? sent.Field : names.Price(role);
            var saleField = changes.SalePrices.TryGetValue(role, out var sale) ? sale.Field : names.SalePrice(role);
            map.Add($"{path}[{i}]", rest => rest == ".sale_amount" ? saleField : amountField);
        }

        return prices;
    }

    /// <summary>Minimums and steps, sent together: a step needs a minimum, and the canonical check sees both.</summary>
    private static (List<MinimumOrderQuantityInput>, List<OrderQuantityStepInput>) Quantities(
        WholesaleChanges changes, WholesaleDto current, WholesaleNames names, string prefix, WholesaleFieldMap map)
    {
        var minimums = current.MinimumOrderQuantities.Select(m => (m.Role, (long?)m.Quantity)).ToList();
        var steps = current.OrderQuantitySteps.Select(s => (s.Role, (long?)s.Step)).ToList();
        Set(minimums, changes.Minimums);
        Set(steps, changes.Steps);

        map.Add($"{prefix}wholesale.minimum_order_quantities", names.Minimums);
        map.Add($"{prefix}wholesale.order_quantity_steps", names.Steps);
        for (var i = 0; i < minimums.Count; i++)
        {
            var role = minimums[i].Role;
            map.Add($"{prefix}wholesale.minimum_order_quantities[{i}]", changes.Minimums.TryGetValue(role, out var sent) ? sent.Field : names.Minimum(role));
        }

        for (var i = 0; i < steps.Count; i++)
        {
            var role = steps[i].Role;
            map.Add($"{prefix}wholesale.order_quantity_steps[{i}]", changes.Steps.TryGetValue(role, out var sent) ? sent.Field : names.Step(role));
        }

        return (
            [.. minimums.Select(m => new MinimumOrderQuantityInput { Role = m.Role, Quantity = m.Item2 })],
            [.. steps.Select(s => new OrderQuantityStepInput { Role = s.Role, Step = s.Item2 })]);
    }

    private static void Keep(Dictionary<string, string> texts, string role, RoleValue<decimal> change)
    {
        if (change.Value is { } amount && WholesaleTexts.Kept(change.Text, amount) is { } text)
        {
            texts[role] = text;
        }
        else
        {
            texts.Remove(role);
        }
    }

    private static void Set(List<(string Role, long? Value)> list, Dictionary<string, RoleValue<long>> changes)
    {
        foreach (var (role, change) in changes)
        {
            var at = list.FindIndex(e => e.Role == role);
            if (change.Value is null)
            {
                if (at >= 0)
                {
                    list.RemoveAt(at);
                }
            }
            else if (at >= 0)
            {
                list[at] = (role, change.Value);
            }
            else
            {
                list.Add((role, change.Value));
            }
        }
    }

    /// <summary>
    /// The rules sent, in their order, then the fixed rules in other currencies, which the plugin cannot see.
    /// </summary>
    private static List<QuantityDiscountRuleInput> Rules(
        IReadOnlyList<SentRule> rules, string field, WholesaleDto current, WholesaleTexts texts, string currency, WholesaleNames names, string path, WholesaleFieldMap map)
    {
        var hidden = current.QuantityDiscountRules.Select((r, i) => (Rule: r, Text: i < texts.Rules.Count ? texts.Rules[i] : null))
            .Where(r => !WholesaleView.Shows(r.Rule, currency)).ToList();
        texts.Rules.Clear();
        texts.Rules.AddRange(rules.Select(r => WholesaleTexts.Kept(r.ValueText, r.Value)).Concat(hidden.Select(h => h.Text)));
        var list = rules.Select(r => new QuantityDiscountRuleInput
        {
            Role = r.Role,
            StartQty = r.StartQty,
            EndQty = r.EndQty,
            PriceType = r.PriceType,
            Value = r.Value,
            CurrencyCode = r.PriceType == DiscountPriceType.Fixed ? currency : null,
        }).ToList();
        list.AddRange(hidden.Select(h => h.Rule).Select(r => new QuantityDiscountRuleInput
        {
            Role = r.Role,
            StartQty = r.StartQty,
            EndQty = r.EndQty,
            PriceType = r.PriceType,
            Value = r.Value,
            CurrencyCode = r.CurrencyCode,
        }));

        map.Add(path, field);
        for (var i = 0; i < list.Count; i++)
        {
            var at = i < rules.Count ? rules[i].Field : names.Rules;
            map.Add($"{path}[{i}]", rest => at + RuleField(rest));
        }

        return list;
    }

    /// <summary>
    /// A canonical rule's field under Wholesale Suite's name (a fixed rule's currency is its price type's).
    /// </summary>
    private static string RuleField(string rest) => rest switch
    {
        ".role" => ".wholesale_role",
        ".value" => ".wholesale_price",
        ".currency_code" => ".price_type",
        _ => rest,
    };
}
