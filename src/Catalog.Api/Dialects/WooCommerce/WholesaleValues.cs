using System.Globalization;
using System.Text.Json;
using Catalog.Domain.Wholesale;

namespace Catalog.Api.Dialects.WooCommerce;

/// <summary>
/// Wholesale Suite's values as clients send them: numbers as strings (<c>"12"</c>) or as numbers, <c>""</c> for none.
/// Each reader reports a value it cannot take at its field and answers whether it could.
/// </summary>
internal static class WholesaleValues
{
    public const string PercentPrice = "percent-price";
    public const string FixedPrice = "fixed-price";

    /// <summary>The text the plugin shows buyers beside the rules, part of its answer.</summary>
    public const string RulesDescription = "Quantity based discounts available based on how many items are in your cart.";

    /// <summary>A non-negative amount; <c>""</c> or null read as null (none).</summary>
    public static bool TryAmount(JsonElement value, string field, TranslationProblems problems, out decimal? amount)
    {
        amount = null;
        if (IsNone(value))
        {
            return true;
        }

        var parsed = value.ValueKind switch
        {
            JsonValueKind.String => new WooDecimal(value.GetString()!).TryParse(out var text) ? text : (decimal?)null,
            JsonValueKind.Number => value.TryGetDecimal(out var number) ? number : null,
            _ => null,
        };
        if (parsed is not { } found || found < 0)
        {
            problems.Invalid(field, $"{field} must be a non-negative decimal number, such as \"12.50\", or \"\" for none.");
            return false;
        }

        amount = found;
        return true;
    }

    /// <summary>A whole number (as text or a number); <c>""</c> or null read as null (none).</summary>
    public static bool TryQuantity(JsonElement value, string field, TranslationProblems problems, out long? quantity)
    {
        quantity = null;
        if (IsNone(value))
        {
            return true;
        }

        decimal? parsed = value.ValueKind switch
        {
            JsonValueKind.String => decimal.TryParse(value.GetString()!.Trim(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var text) ? text : null,
            JsonValueKind.Number => value.TryGetDecimal(out var number) ? number : null,
            _ => null,
        };
        if (parsed is not { } found || found != decimal.Truncate(found) || found < 0 || found > WholesaleConstraints.MaxQuantity)
        {
            problems.Invalid(field, $"{field} must be a whole number from 0 to {WholesaleConstraints.MaxQuantity}, such as \"2\", or \"\" for none.");
            return false;
        }

        quantity = (long)found;
        return true;
    }

    /// <summary>
    /// A role key, role keys separated by commas, an array of role keys, or <c>"all"</c> (as an empty filter, every
    /// buyer). <c>"all"</c> beside a role is left for the canonical check to refuse, at this field.
    /// </summary>
    public static IReadOnlyList<VisibleRole>? Visibility(JsonElement value, string field, TranslationProblems problems)
    {
        IReadOnlyList<VisibleRole>? roles = value.ValueKind switch
        {
            JsonValueKind.Null => [],
            JsonValueKind.String => [.. value.GetString()!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(r => new VisibleRole(r, field))],
            JsonValueKind.Array when value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String) =>
                [.. value.EnumerateArray().Select((e, i) => new VisibleRole(e.GetString()!.Trim(), $"{field}[{i}]"))],
            _ => null,
        };
        if (roles is null)
        {
            problems.Invalid(field, $"{field} must be a role key, role keys separated by commas, an array of role keys, or \"all\".");
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
        value.ValueKind == JsonValueKind.Null || (value.ValueKind == JsonValueKind.String && string.IsNullOrWhiteSpace(value.GetString()));

    public static string Format(decimal value) => WooDecimal.Format(value);

    public static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string PriceType(DiscountPriceType type) => type == DiscountPriceType.Percent ? PercentPrice : FixedPrice;

    /// <summary>
    /// The rule mapping: an array of <c>{wholesale_role, start_qty, end_qty, price_type, wholesale_price}</c>, or
    /// <c>""</c> (no rules). A rule missing a value, or with a property the plugin does not know, fails the item
    /// naming it; no part of a rule is dropped.
    /// </summary>
    public static bool TryRules(JsonElement value, string field, TranslationProblems problems, out IReadOnlyList<SentRule> rules)
    {
        rules = [];
        if (IsNone(value))
        {
            return true;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            problems.Invalid(field, $"{field} must be an array of rules {{wholesale_role, start_qty, end_qty, price_type, wholesale_price}}, or \"\" for none.");
            return false;
        }

        var read = new List<SentRule>();
        var ok = true;
        var index = 0;
        foreach (var entry in value.EnumerateArray())
        {
            var at = $"{field}[{index++}]";
            if (TryRule(entry, at, problems) is { } rule)
            {
                read.Add(rule);
            }
            else
            {
                ok = false;
            }
        }

        rules = read;
        return ok;
    }

    private static SentRule? TryRule(JsonElement entry, string at, TranslationProblems problems)
    {
        if (entry.ValueKind != JsonValueKind.Object)
        {
            problems.Invalid(at, $"{at} must be an object {{wholesale_role, start_qty, end_qty, price_type, wholesale_price}}.");
            return null;
        }

        var ok = true;
        foreach (var property in entry.EnumerateObject())
        {
            if (property.Name is not ("wholesale_role" or "start_qty" or "end_qty" or "price_type" or "wholesale_price"))
            {
                problems.Invalid($"{at}.{property.Name}", $"{property.Name} is not a field of a quantity discount rule: send wholesale_role, start_qty, end_qty, price_type and wholesale_price.");
                ok = false;
            }
        }

        string? role = null;
        if (!entry.TryGetProperty("wholesale_role", out var roleValue) || IsNone(roleValue))
        {
            problems.Invalid($"{at}.wholesale_role", "wholesale_role is required: the role key the rule is for.");
            ok = false;
        }
        else
        {
            ok &= TryText(roleValue, $"{at}.wholesale_role", problems, out role);
        }

        long? start = null;
        if (!entry.TryGetProperty("start_qty", out var startValue) || IsNone(startValue))
        {
            problems.Invalid($"{at}.start_qty", "start_qty is required: the least quantity the rule applies to.");
            ok = false;
        }
        else
        {
            ok &= TryQuantity(startValue, $"{at}.start_qty", problems, out start);
        }

        long? end = null;
        if (entry.TryGetProperty("end_qty", out var endValue))
        {
            ok &= TryQuantity(endValue, $"{at}.end_qty", problems, out end);
        }

        DiscountPriceType? type = null;
        if (!entry.TryGetProperty("price_type", out var typeValue) || typeValue.ValueKind != JsonValueKind.String
            || typeValue.GetString() is not (PercentPrice or FixedPrice))
        {
            problems.Invalid($"{at}.price_type", $"price_type must be {PercentPrice} or {FixedPrice}.");
            ok = false;
        }
        else
        {
            type = typeValue.GetString() == PercentPrice ? DiscountPriceType.Percent : DiscountPriceType.Fixed;
        }

        decimal? price = null;
        if (!entry.TryGetProperty("wholesale_price", out var priceValue) || IsNone(priceValue))
        {
            problems.Invalid($"{at}.wholesale_price", "wholesale_price is required: the percent off (percent-price) or the unit price (fixed-price).");
            ok = false;
        }
        else
        {
            ok &= TryAmount(priceValue, $"{at}.wholesale_price", problems, out price);
        }

        return ok ? new SentRule(role!, start!.Value, end, type!.Value, price!.Value, at, priceValue.ValueKind == JsonValueKind.String ? priceValue.GetString() : null) : null;
    }
}
