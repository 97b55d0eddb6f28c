using Catalog.Api.Dialects.WooCommerce;
using Catalog.Domain.Wholesale;

namespace Catalog.Api.Dialects.WholesaleSuite;

/// <summary>Wholesale Suite's fields of one item as changes to its terms.</summary>
internal static class WwsFieldReader
{
    public const string Price = "wholesale_price";
    public const string SalePrice = "wholesale_sale_price";
    public const string Visibility = "wholesale_visibility_filter";
    public const string Minimum = "wholesale_minimum_order_quantity";
    public const string Step = "wholesale_order_quantity_step";
    public const string Rules = "wholesale_quantity_discount_rule_mapping";

    /// <summary>The names of Wholesale Suite's fields and their reader, for the WooCommerce routes it runs.</summary>
    public static readonly WholesaleNames Names = new(
        r => $"{Price}.{r}", r => $"{SalePrice}.{r}", r => $"{Minimum}.{r}", r => $"{Step}.{r}",
        Price, Minimum, Step, Rules)
    {
        ReadFields = (input, problems) => Read((IWholesaleSuiteFields)input, problems),
        AnswerOnly = "wholesale_data", // Wholesale Suite's answer, computed from the terms.
    };

    private delegate bool ValueReader<T>(JsonElement value, string field, TranslationProblems problems, out T? read)
        where T : struct;

    private static WholesaleChanges Read(IWholesaleSuiteFields fields, TranslationProblems problems)
    {
        var changes = new WholesaleChanges();
        ReadMap(fields.WholesalePrice, Price, problems, changes.Prices, WholesaleValues.TryAmount);
        ReadMap(fields.WholesaleSalePrice, SalePrice, problems, changes.SalePrices, WholesaleValues.TryAmount);
        ReadMap(fields.WholesaleMinimumOrderQuantity, Minimum, problems, changes.Minimums, WholesaleValues.TryQuantity);
        ReadMap(fields.WholesaleOrderQuantityStep, Step, problems, changes.Steps, WholesaleValues.TryQuantity);
        if (fields.WholesaleVisibilityFilter is { } visibility)
        {
            changes.Visibility = WholesaleValues.Visibility(visibility, Visibility, problems);
            changes.VisibilityField = Visibility;
        }

        if (fields.WholesaleQuantityDiscountRuleMapping is { } rules
            && WholesaleValues.TryRules(rules, Rules, problems, out var read))
        {
            changes.Rules = read;
            changes.RulesField = Rules;
        }

        return changes;
    }

    private static void ReadMap<T>(
        JsonElement? map, string field, TranslationProblems problems, Dictionary<string, RoleValue<T>> into,
        ValueReader<T> read)
        where T : struct
    {
        if (map is not { ValueKind: JsonValueKind.Object } roles)
        {
            if (map is not null)
            {
                const string example = "{\"wholesale_customer\": \"12\"}";
                problems.Invalid(
                    field, $"{field} must be an object of values by wholesale role key, such as {example}.");
            }

            return;
        }

        foreach (var entry in roles.EnumerateObject())
        {
            var at = $"{field}.{entry.Name}";
            if (read(entry.Value, at, problems, out var value))
            {
                var text = entry.Value.ValueKind == JsonValueKind.String ? entry.Value.GetString() : null;
                into[entry.Name] = new RoleValue<T>(value, at, text);
            }
        }
    }
}
