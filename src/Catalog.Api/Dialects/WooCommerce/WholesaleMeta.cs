using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Catalog.Domain.Wholesale;

namespace Catalog.Api.Dialects.WooCommerce;

/// <summary>Wholesale Suite's post meta keys in <c>meta_data</c>, as in a store with the plugin.</summary>
internal static partial class WholesaleMeta
{
    public const string VisibilityKey = "wwpp_product_wholesale_visibility_filter";
    public const string EnableRulesKey = "wwpp_post_meta_enable_quantity_discount_rule";
    public const string RulesKey = "wwpp_post_meta_quantity_discount_rule_mapping";

    private static readonly JsonElement Null = JsonSerializer.SerializeToElement<object?>(null);
    private static readonly JsonSerializerOptions SnakeCase =
        new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static string PriceKey(string role) => $"{role}_wholesale_price";

    public static string HavePriceKey(string role) => $"{role}_have_wholesale_price";

    public static string SalePriceKey(string role) => $"{role}_wholesale_sale_price";

    public static string MinimumKey(string role) => $"{role}_wholesale_minimum_order_quantity";

    public static string StepKey(string role) => $"{role}_wholesale_order_quantity_step";

    /// <summary>Whether a key is Wholesale Suite's (its own answers leave these out of <c>meta_data</c>).</summary>
    public static bool IsWholesaleKey(string? key) =>
        key is VisibilityKey or EnableRulesKey or RulesKey || (key is not null && RoleKey().IsMatch(key));

    /// <summary>
    /// Splits sent meta entries into the others (whose positions go to <paramref name="positions"/>) and the changes
    /// the plugin's keys make. The visibility key's entries together are the new filter (the plugin keeps one meta row
    /// per role); the flags the plugin computes are read-only; a variable product's <c>{role}_variable_level_...</c>
    /// keys are read as the plain ones (see docs/dialects.md).
    /// </summary>
    public static (IReadOnlyList<WooMetaInput>? Others, WholesaleChanges Changes) Read(
        IReadOnlyList<WooMetaInput>? meta, TranslationProblems problems, List<int> positions)
    {
        var changes = new WholesaleChanges();
        if (meta is null)
        {
            return (null, changes);
        }

        var others = new List<WooMetaInput>();
        var visibility = new List<VisibleRole>();
        var visibilitySent = false;
        string? enable = null;
        var enableField = string.Empty;
        for (var i = 0; i < meta.Count; i++)
        {
            var entry = meta[i];
            var field = $"meta_data[{i}].value";
            var value = entry?.Value ?? Null;
            if (entry?.Key is not { } key || !IsWholesaleKey(key))
            {
                others.Add(entry!);
                positions.Add(i);
                continue;
            }

            switch (key)
            {
                case VisibilityKey:
                    visibilitySent = true;
                    visibility.AddRange(WholesaleValues.Visibility(value, field, problems) ?? []);
                    continue;
                case EnableRulesKey:
                    enableField = field;
                    if (WholesaleValues.TryText(value, field, problems, out enable) && enable is not ("yes" or "no"))
                    {
                        problems.Invalid(field, $"{EnableRulesKey} is yes or no.");
                    }

                    continue;
                case RulesKey:
                    if (WholesaleValues.TryRules(value, field, problems, out var rules))
                    {
                        changes.Rules = rules;
                        changes.RulesField = field;
                    }

                    continue;
            }

            var match = RoleKey().Match(key);
            var role = match.Groups["role"].Value;
            var text = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            switch (match.Groups["what"].Value.Replace("variable_level_", string.Empty, StringComparison.Ordinal))
            {
                case "wholesale_price" when WholesaleValues.TryAmount(value, field, problems, out var amount):
                    changes.Prices[role] = new(amount, field, text);
                    break;
                case "wholesale_sale_price" when WholesaleValues.TryAmount(value, field, problems, out var sale):
                    changes.SalePrices[role] = new(sale, field, text);
                    break;
                case "wholesale_minimum_order_quantity"
                    when WholesaleValues.TryQuantity(value, field, problems, out var minimum):
                    changes.Minimums[role] = new(minimum, field);
                    break;
                case "wholesale_order_quantity_step"
                    when WholesaleValues.TryQuantity(value, field, problems, out var step):
                    changes.Steps[role] = new(step, field);
                    break;
            }
        }

        if (visibilitySent)
        {
            changes.Visibility = visibility.All(v => v.Role == WholesaleConstraints.AllRoles) ? [] : visibility;
            changes.VisibilityField = VisibilityKey;
        }

        if (enable == "no" && changes.Rules is { Count: > 0 })
        {
            problems.Invalid(
                enableField,
                "Catalog keeps no disabled quantity discount rules: "
                + $"send {RulesKey} empty to remove them, or {EnableRulesKey} yes.");
        }
        else if (enable == "no")
        {
            changes.Rules = [];
            changes.RulesField = enableField;
        }

        return (others.Count == 0 && meta.Count > 0 ? null : others, changes);
    }

    /// <summary>The meta entries WooCommerce answers: those a product or variation keeps, then its terms.</summary>
    public static IReadOnlyList<WooMeta> Append(IReadOnlyList<WooMeta> kept, WholesaleView view)
    {
        if (view.IsEmpty)
        {
            return kept;
        }

        var entries = new List<(string Key, JsonNode? Value)>();
        foreach (var (role, amount) in view.Prices)
        {
            entries.Add((HavePriceKey(role), "yes"));
            entries.Add((PriceKey(role), view.PriceText(role)));
            if (view.SalePrices.ContainsKey(role))
            {
                entries.Add((SalePriceKey(role), view.SalePriceText(role)));
            }
        }

        entries.AddRange(view.Minimums.Select(m => (MinimumKey(m.Key), (JsonNode?)WholesaleValues.Format(m.Value))));
        entries.AddRange(view.Steps.Select(s => (StepKey(s.Key), (JsonNode?)WholesaleValues.Format(s.Value))));
        entries.AddRange(view.Visibility.Count == 0
            ? [(VisibilityKey, WholesaleConstraints.AllRoles)]
            : view.Visibility.Select(r => (VisibilityKey, (JsonNode?)r)));
        entries.Add((EnableRulesKey, view.Rules.Count > 0 ? "yes" : "no"));
        if (view.Rules.Count > 0)
        {
            entries.Add((RulesKey, JsonSerializer.SerializeToNode(view.Rules.Select(view.Rule).ToList(), SnakeCase)));
        }

        var terms = entries.Select(
            (e, i) => new WooMeta(kept.Count + 1 + i, e.Key, JsonSerializer.SerializeToElement(e.Value)));
        return [.. kept, .. terms];
    }

    /// <summary>
    /// A role key then what it holds; the shortest role that leaves a known suffix wins, so the flags
    /// (<c>_have_wholesale_price</c>) are not read as a role named <c>..._have</c>.
    /// </summary>
    [GeneratedRegex(RoleKeyPattern)]
    private static partial Regex RoleKey();

    private const string RoleKeyPattern = "^(?<role>[A-Za-z0-9_-]+?)_(?<what>have_wholesale_price"
        + "|variations_with_wholesale_price|wholesale_price|wholesale_sale_price"
        + "|(?:variable_level_)?wholesale_minimum_order_quantity|(?:variable_level_)?wholesale_order_quantity_step)$";
}
