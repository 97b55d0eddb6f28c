using Catalog.Domain.Wholesale;

namespace Catalog.Api.Dialects.WooCommerce;

/// <summary>Wholesale Suite's values as sent (<c>"12"</c>, 12, <c>""</c>: none); a bad one fails its field.</summary>
internal static class WholesaleValues
{
    public const string PercentPrice = "percent-price";
    public const string FixedPrice = "fixed-price";

    /// <summary>The text the plugin shows buyers beside the rules, part of its answer.</summary>
    public const string RulesDescription =
        "Quantity based discounts available based on how many items are in your cart.";

    private const string RuleFields = "wholesale_role, start_qty, end_qty, price_type, wholesale_price";

    /// <summary>A non-negative amount; <c>""</c> or null read as null (none).</summary>
    public static bool TryAmount(JsonElement value, string field, TranslationProblems problems, out decimal? amount)
    {
        amount = IsNone(value) ? null : Number(value);
        if (IsNone(value) || amount >= 0)
        {
            return true;
        }

        problems.Invalid(field, $"{field} must be a non-negative decimal number, such as \"12.50\", or \"\" for none.");
        amount = null;
        return false;
    }

    /// <summary>A whole number (as text or a number); <c>""</c> or null read as null (none).</summary>
    public static bool TryQuantity(JsonElement value, string field, TranslationProblems problems, out long? quantity)
    {
        var number = IsNone(value) ? null : Number(value);
        quantity = number is { } n && n == decimal.Truncate(n) && n >= 0 && n <= WholesaleConstraints.MaxQuantity
            ? (long)n
            : null;
        if (IsNone(value) || quantity is not null)
        {
            return true;
        }

        const long most = WholesaleConstraints.MaxQuantity;
        problems.Invalid(field, $"{field} must be a whole number from 0 to {most}, such as \"2\", or \"\" for none.");
        return false;
    }

    /// <summary>
    /// Role keys (one, separated by commas, or an array), or <c>"all"</c> (an empty filter: every buyer); <c>"all"</c>
    /// beside a role is left for the canonical check to refuse.
    /// </summary>
    public static IReadOnlyList<VisibleRole>? Visibility(JsonElement value, string field, TranslationProblems problems)
    {
        const StringSplitOptions trimmed = StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries;
        IReadOnlyList<VisibleRole>? roles = value.ValueKind switch
        {
            JsonValueKind.Null => [],
            JsonValueKind.String => [.. value.GetString()!.Split(',', trimmed).Select(r => new VisibleRole(r, field))],
            JsonValueKind.Array when value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String) =>
                [.. value.EnumerateArray().Select((e, i) => new VisibleRole(e.GetString()!.Trim(), $"{field}[{i}]"))],
            _ => null,
        };
        if (roles is null)
        {
            problems.Invalid(
                field,
                $"{field} must be a role key, role keys separated by commas, an array of role keys, or \"all\".");
            return null;
        }

        return roles.All(r => r.Role == WholesaleConstraints.AllRoles) ? [] : roles;
    }

    public static bool TryText(JsonElement value, string field, TranslationProblems problems, out string? text)
    {
        text = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        if (text is null)
        {
            problems.Invalid(field, $"{field} must be a string.");
        }

        return text is not null;
    }

    public static bool IsNone(JsonElement value) =>
        value.ValueKind == JsonValueKind.Null
        || (value.ValueKind == JsonValueKind.String && string.IsNullOrWhiteSpace(value.GetString()));

    public static string Format(decimal value) => WooDecimal.Format(value);

    public static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string PriceType(DiscountPriceType type) =>
        type == DiscountPriceType.Percent ? PercentPrice : FixedPrice;

    /// <summary>
    /// The rule mapping, or <c>""</c> (no rules). A rule missing a value, or with a property the plugin does not know,
    /// fails the item naming it; no part of a rule is dropped.
    /// </summary>
    public static bool TryRules(
        JsonElement value, string field, TranslationProblems problems, out IReadOnlyList<SentRule> rules)
    {
        rules = [];
        if (IsNone(value))
        {
            return true;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            problems.Invalid(field, $"{field} must be an array of rules {{{RuleFields}}}, or \"\" for none.");
            return false;
        }

        // Every rule is read, so that each bad one is named.
        var read = value.EnumerateArray().Select((entry, i) => TryRule(entry, $"{field}[{i}]", problems)).ToList();
        rules = [.. read.OfType<SentRule>()];
        return read.All(r => r is not null);
    }

    private static decimal? Number(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => new WooDecimal(value.GetString()!).TryParse(out var text) ? text : null,
        JsonValueKind.Number => value.TryGetDecimal(out var number) ? number : null,
        _ => null,
    };

    private static SentRule? TryRule(JsonElement entry, string at, TranslationProblems problems)
    {
        if (entry.ValueKind != JsonValueKind.Object)
        {
            problems.Invalid(at, $"{at} must be an object {{{RuleFields}}}.");
            return null;
        }

        var ok = true;
        var unknown = entry.EnumerateObject().Select(p => p.Name).Where(n => !RuleFields.Split(", ").Contains(n));
        foreach (var name in unknown)
        {
            problems.Invalid(
                $"{at}.{name}",
                $"{name} is not a field of a quantity discount rule: send wholesale_role, start_qty, end_qty, "
                + "price_type and wholesale_price.");
            ok = false;
        }

        bool Required(string name, string what, out JsonElement value)
        {
            if (entry.TryGetProperty(name, out value) && !IsNone(value))
            {
                return true;
            }

            problems.Invalid($"{at}.{name}", $"{name} is required: {what}.");
            return false;
        }

        string? role = null;
        long? start = null;
        long? end = null;
        decimal? price = null;
        ok &= Required("wholesale_role", "the role key the rule is for", out var roleValue)
            && TryText(roleValue, $"{at}.wholesale_role", problems, out role);
        ok &= Required("start_qty", "the least quantity the rule applies to", out var startValue)
            && TryQuantity(startValue, $"{at}.start_qty", problems, out start);
        ok &= !entry.TryGetProperty("end_qty", out var endValue)
            || TryQuantity(endValue, $"{at}.end_qty", problems, out end);

        var type = entry.TryGetProperty("price_type", out var typeValue) && typeValue.ValueKind == JsonValueKind.String
            ? typeValue.GetString() switch
            {
                PercentPrice => DiscountPriceType.Percent,
                FixedPrice => DiscountPriceType.Fixed,
                _ => (DiscountPriceType?)null,
            }
            : null;
        if (type is null)
        {
            problems.Invalid($"{at}.price_type", $"price_type must be {PercentPrice} or {FixedPrice}.");
            ok = false;
        }

        const string priceIs = "the percent off (percent-price) or the unit price (fixed-price)";
        ok &= Required("wholesale_price", priceIs, out var priceValue)
            && TryAmount(priceValue, $"{at}.wholesale_price", problems, out price);
        var priceText = priceValue.ValueKind == JsonValueKind.String ? priceValue.GetString() : null;
        return ok ? new SentRule(role!, start!.Value, end, type!.Value, price!.Value, at, priceText) : null;
    }
}
