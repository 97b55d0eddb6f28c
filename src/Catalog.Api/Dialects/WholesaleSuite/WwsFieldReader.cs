using System.Text.Json;
using Catalog.Api.Dialects.WooCommerce;
using Catalog.Domain.Wholesale;

namespace Catalog.Api.Dialects.WholesaleSuite;

/// <summary>
/// Wholesale Suite's fields of one item (<see cref="IWholesaleSuiteFields"/>) as changes to its terms.
/// </summary>
internal static class WwsFieldReader
{
    public const string Price = "wholesale_price";
    public const string SalePrice = "wholesale_sale_price";
    public const string Visibility = "wholesale_visibility_filter";
    public const string Minimum = "wholesale_minimum_order_quantity";
    public const string Step = "wholesale_order_quantity_step";
    public const string Rules = "wholesale_quantity_discount_rule_mapping";

    /// <summary>
    /// The names of Wholesale Suite's fields, and their reader, for the WooCommerce routes it runs on.
    /// </summary>
    public static readonly WholesaleNames Names = new(
        r => $"{Price}.{r}", r => $"{SalePrice}.{r}", r => $"{Minimum}.{r}", r => $"{Step}.{r}", Price, Minimum, Step, Rules)
    {
        ReadFields = (input, problems) => Read((IWholesaleSuiteFields)input, problems),

        // Wholesale Suite's answer, computed from the terms.
        AnswerOnly = "wholesale_data",
    };

    public static WholesaleChanges Read(IWholesaleSuiteFields fields, TranslationProblems problems)
    {
        var changes = new WholesaleChanges();
        if (fields.WholesalePrice is { } prices)
        {
            ReadMap(prices, Price, problems, changes.Prices, WholesaleValues.TryAmount);
        }

        if (fields.WholesaleSalePrice is { } sales)
        {
            ReadMap(sales, SalePrice, problems, changes.SalePrices, WholesaleValues.TryAmount);
        }

        if (fields.WholesaleMinimumOrderQuantity is { } minimums)
        {
            ReadMap(minimums, Minimum, problems, changes.Minimums, WholesaleValues.TryQuantity);
        }

        if (fields.WholesaleOrderQuantityStep is { } steps)
        {
            ReadMap(steps, Step, problems, changes.Steps, WholesaleValues.TryQuantity);
        }

        if (fields.WholesaleVisibilityFilter is { } visibility)
        {
            changes.Visibility = WholesaleValues.Visibility(visibility, Visibility, problems);
            changes.VisibilityField = Visibility;
        }

        if (fields.WholesaleQuantityDiscountRuleMapping is { } rules && WholesaleValues.TryRules(rules, Rules, problems, out var read))
        {
            changes.Rules = read;
            changes.RulesField = Rules;
        }

        return changes;
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
