using System.Text.Json;
using Catalog.Api.Dialects.WooCommerce;
using Catalog.Domain.Wholesale;

namespace Catalog.Api.Dialects.WholesaleSuite;

/// <summary>Wholesale Suite's fields of one item (<see cref="IWholesaleSuiteFields"/>) as changes to its terms.</summary>
internal static class WwsFieldReader
{
    public const string Price = "wholesale_price";
    public const string SalePrice = "wholesale_sale_price";
    public const string Visibility = "wholesale_visibility_filter";
    public const string Minimum = "wholesale_minimum_order_quantity";
    public const string Step = "wholesale_order_quantity_step";
    public const string Rules = "wholesale_quantity_discount_rule_mapping";

    public static WwsChanges Read(IWholesaleSuiteFields fields, TranslationProblems problems)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var changes = new WwsChanges();
        if (fields.WholesalePrice is { } prices)
        {
            ReadMap(prices, Price, problems, changes.Prices, WwsValues.TryAmount);
        }

        if (fields.WholesaleSalePrice is { } sales)
        {
            ReadMap(sales, SalePrice, problems, changes.SalePrices, WwsValues.TryAmount);
        }

        if (fields.WholesaleMinimumOrderQuantity is { } minimums)
        {
            ReadMap(minimums, Minimum, problems, changes.Minimums, WwsValues.TryQuantity);
        }

        if (fields.WholesaleOrderQuantityStep is { } steps)
        {
            ReadMap(steps, Step, problems, changes.Steps, WwsValues.TryQuantity);
        }

        if (fields.WholesaleVisibilityFilter is { } visibility)
        {
            changes.Visibility = ReadVisibility(visibility, problems);
            changes.VisibilityField = Visibility;
        }

        if (fields.WholesaleQuantityDiscountRuleMapping is { } rules && WwsValues.TryRules(rules, Rules, problems, out var read))
        {
            changes.Rules = read;
            changes.RulesField = Rules;
        }

        return changes;
    }

    /// <summary>
    /// A role key, role keys separated by commas, an array of role keys, or <c>"all"</c> (as an empty filter, every
    /// buyer). <c>"all"</c> beside a role is left for the canonical check to refuse, at this field.
    /// </summary>
    public static IReadOnlyList<WwsVisibleTo>? ReadVisibility(JsonElement value, TranslationProblems problems, string field = Visibility)
    {
        ArgumentNullException.ThrowIfNull(problems);
        IReadOnlyList<WwsVisibleTo>? roles = value.ValueKind switch
        {
            JsonValueKind.Null => [],
            JsonValueKind.String => [.. value.GetString()!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(r => new WwsVisibleTo(r, field))],
            JsonValueKind.Array when value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String) =>
                [.. value.EnumerateArray().Select((e, i) => new WwsVisibleTo(e.GetString()!.Trim(), $"{field}[{i}]"))],
            _ => null,
        };
        if (roles is null)
        {
            problems.Invalid(field, $"{field} must be a role key, role keys separated by commas, an array of role keys, or \"all\".");
            return null;
        }

        return roles.All(r => r.Role == WholesaleConstraints.AllRoles) ? [] : roles;
    }

    private delegate bool ValueReader<T>(JsonElement value, string field, TranslationProblems problems, out T? read)
        where T : struct;

    private static void ReadMap<T>(JsonElement map, string field, TranslationProblems problems, Dictionary<string, RoleValue<T>> into, ValueReader<T> read)
        where T : struct
    {
        if (map.ValueKind != JsonValueKind.Object)
        {
            problems.Invalid(field, $"{field} must be an object of values by wholesale role key, such as {{\"wholesale_customer\": \"12\"}}.");
            return;
        }

        foreach (var entry in map.EnumerateObject())
        {
            var at = $"{field}.{entry.Name}";
            if (read(entry.Value, at, problems, out var value))
            {
                into[entry.Name] = new RoleValue<T>(value, at, entry.Value.ValueKind == JsonValueKind.String ? entry.Value.GetString() : null);
            }
        }
    }
}
