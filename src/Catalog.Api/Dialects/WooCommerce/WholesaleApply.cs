using Catalog.Application.Variants.Wholesale;
using Catalog.Domain.Wholesale;

namespace Catalog.Api.Dialects.WooCommerce;

/// <summary>Wholesale Suite's changes onto a variant's terms; a list touched is sent whole (lists replace).</summary>
internal abstract partial class WholesaleItems
{
    private WholesaleInput? Apply(Sent sent, WholesaleDto current, WholesaleTexts texts, string prefix)
    {
        var changes = sent.Changes;
        if (changes.IsEmpty)
        {
            return null;
        }

        var input = new WholesaleInput();
        if (changes.Prices.Count > 0 || changes.SalePrices.Count > 0)
        {
            input = input with { Prices = Prices(sent, current, texts, $"{prefix}wholesale.prices") };
        }

        if (changes.Minimums.Count > 0 || changes.Steps.Count > 0)
        {
            var minimums = Quantities(
                sent, current.MinimumOrderQuantities.Select(m => (m.Role, (long?)m.Quantity)), changes.Minimums,
                $"{prefix}wholesale.minimum_order_quantities", names.Minimums, names.Minimum);
            var steps = Quantities(
                sent, current.OrderQuantitySteps.Select(s => (s.Role, (long?)s.Step)), changes.Steps,
                $"{prefix}wholesale.order_quantity_steps", names.Steps, names.Step);
            input = input with
            {
                MinimumOrderQuantities = minimums
                    .Select(m => new MinimumOrderQuantityInput { Role = m.Role, Quantity = m.Value }).ToList(),
                OrderQuantitySteps = steps
                    .Select(s => new OrderQuantityStepInput { Role = s.Role, Step = s.Value }).ToList(),
            };
        }

        if (changes.Visibility is { } visibility)
        {
            sent.Map.Add($"{prefix}wholesale.visibility", changes.VisibilityField);
            for (var i = 0; i < visibility.Count; i++)
            {
                sent.Map.Add($"{prefix}wholesale.visibility[{i}]", visibility[i].Field);
            }

            input = input with { Visibility = visibility.Select(v => v.Role).ToList() };
        }

        if (changes.Rules is { } rules)
        {
            var path = $"{prefix}wholesale.quantity_discount_rules";
            input = input with { QuantityDiscountRules = Rules(rules, sent, current, texts, path) };
        }

        return input;
    }

    private List<WholesalePriceInput> Prices(Sent sent, WholesaleDto current, WholesaleTexts texts, string path)
    {
        var changes = sent.Changes;
        var prices = current.Prices.Select(p => new WholesalePriceInput
        {
            Role = p.Role,
            CurrencyCode = p.CurrencyCode,
            Amount = p.Amount,
            SaleAmount = p.SaleAmount,
        }).ToList();
        int Find(string role) => prices.FindIndex(p =>
            p.Role == role && WholesaleView.InCurrency(p.CurrencyCode, currency));
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
                sent.Problems.Invalid(
                    change.Field,
                    $"Role '{role}' has no wholesale price in {currency.ToUpperInvariant()} to put on sale: "
                    + "send its wholesale price too.");
            }
        }

        sent.Map.Add(path, names.Prices);
        for (var i = 0; i < prices.Count; i++)
        {
            var role = prices[i].Role!;
            var amountField = changes.Prices.TryGetValue(role, out var amount) ? amount.Field : names.Price(role);
            var saleField = changes.SalePrices.TryGetValue(role, out var sale) ? sale.Field : names.SalePrice(role);
            sent.Map.Add($"{path}[{i}]", rest => rest == ".sale_amount" ? saleField : amountField);
        }

        return prices;
    }

    /// <summary>
    /// Minimums or steps per role after the changes. Both lists are sent when either changes: a step needs a minimum,
    /// and the canonical check sees both.
    /// </summary>
    private static List<(string Role, long? Value)> Quantities(
        Sent sent,
        IEnumerable<(string Role, long? Value)> current,
        Dictionary<string, RoleValue<long>> changes,
        string path,
        string kept,
        Func<string, string> keptEntry)
    {
        var list = current.ToList();
        foreach (var (role, change) in changes)
        {
            var at = list.FindIndex(e => e.Role == role);
            if (change.Value is null && at >= 0)
            {
                list.RemoveAt(at);
            }
            else if (change.Value is not null && at >= 0)
            {
                list[at] = (role, change.Value);
            }
            else if (change.Value is not null)
            {
                list.Add((role, change.Value));
            }
        }

        sent.Map.Add(path, kept);
        for (var i = 0; i < list.Count; i++)
        {
            var role = list[i].Role;
            sent.Map.Add($"{path}[{i}]", changes.TryGetValue(role, out var sentAt) ? sentAt.Field : keptEntry(role));
        }

        return list;
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

    /// <summary>The rules sent, in order, then the fixed rules in other currencies (which the plugin hides).</summary>
    private List<QuantityDiscountRuleInput> Rules(
        IReadOnlyList<SentRule> rules, Sent sent, WholesaleDto current, WholesaleTexts texts, string path)
    {
        var hidden = current.QuantityDiscountRules
            .Select((r, i) => (Rule: r, Text: texts.Rule(i)))
            .Where(r => !WholesaleView.Shows(r.Rule, currency))
            .ToList();
        texts.Rules.Clear();
        texts.Rules.AddRange(rules.Select(r => WholesaleTexts.Kept(r.ValueText, r.Value)));
        texts.Rules.AddRange(hidden.Select(h => h.Text));
        var list = rules
            .Select(r => new QuantityDiscountRuleDto(
                r.Role, r.StartQty, r.EndQty, r.PriceType, r.Value,
                r.PriceType == DiscountPriceType.Fixed ? currency : null))
            .Concat(hidden.Select(h => h.Rule))
            .Select(r => new QuantityDiscountRuleInput
            {
                Role = r.Role,
                StartQty = r.StartQty,
                EndQty = r.EndQty,
                PriceType = r.PriceType,
                Value = r.Value,
                CurrencyCode = r.CurrencyCode,
            })
            .ToList();

        sent.Map.Add(path, sent.Changes.RulesField);
        for (var i = 0; i < list.Count; i++)
        {
            var at = i < rules.Count ? rules[i].Field : names.Rules;
            sent.Map.Add($"{path}[{i}]", rest => at + RuleField(rest));
        }

        return list;
    }

    /// <summary>A canonical rule's field as the plugin names it (a fixed rule's currency is its price type).</summary>
    private static string RuleField(string rest) => rest switch
    {
        ".role" => ".wholesale_role",
        ".value" => ".wholesale_price",
        ".currency_code" => ".price_type",
        _ => rest,
    };
}
