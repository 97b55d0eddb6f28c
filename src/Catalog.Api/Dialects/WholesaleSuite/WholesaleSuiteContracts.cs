using System.Diagnostics.CodeAnalysis;
using Catalog.Api.Dialects.WooCommerce;

namespace Catalog.Api.Dialects.WholesaleSuite;

/// <summary>
/// Wholesale Suite's fields, on a product or a variation. The translation reads them, not the JSON binder, so that a
/// bad value fails its item, naming the field, instead of the whole request. A field sent as null counts as not sent.
/// </summary>
internal interface IWholesaleSuiteFields
{
    JsonElement? WholesalePrice { get; }
    JsonElement? WholesaleSalePrice { get; }
    JsonElement? WholesaleVisibilityFilter { get; }
    JsonElement? WholesaleMinimumOrderQuantity { get; }
    JsonElement? WholesaleOrderQuantityStep { get; }
    JsonElement? WholesaleQuantityDiscountRuleMapping { get; }
}

/// <summary>A WooCommerce product plus Wholesale Suite's fields.</summary>
public sealed record WholesaleSuiteProductInput : WooProductInput, IWholesaleSuiteFields
{
    /// <summary>Per role key, store currency: <c>{"wholesale_customer": "12"}</c>; <c>""</c> removes it.</summary>
    public JsonElement? WholesalePrice { get; init; }

    /// <summary>Per role key (the role needs a wholesale price); <c>""</c> ends a role's sale.</summary>
    public JsonElement? WholesaleSalePrice { get; init; }

    /// <summary>A role key, keys separated by commas, an array of keys, or <c>"all"</c>.</summary>
    public JsonElement? WholesaleVisibilityFilter { get; init; }

    /// <summary>Per role key: <c>{"wholesale_customer": "2"}</c>; <c>""</c> removes it.</summary>
    public JsonElement? WholesaleMinimumOrderQuantity { get; init; }

    /// <summary>Per role key (the role needs a minimum); <c>""</c> removes it.</summary>
    public JsonElement? WholesaleOrderQuantityStep { get; init; }

    /// <summary>
    /// The rules, replacing those there were: <c>[{wholesale_role, start_qty, end_qty, price_type:
    /// percent-price|fixed-price, wholesale_price}]</c>; an empty <c>end_qty</c> means "and above"; <c>""</c> or
    /// <c>[]</c> removes them.
    /// </summary>
    public JsonElement? WholesaleQuantityDiscountRuleMapping { get; init; }
}

/// <summary>A WooCommerce variation plus Wholesale Suite's fields.</summary>
public sealed record WholesaleSuiteVariationInput : WooVariationInput, IWholesaleSuiteFields
{
    public JsonElement? WholesalePrice { get; init; }
    public JsonElement? WholesaleSalePrice { get; init; }
    public JsonElement? WholesaleVisibilityFilter { get; init; }
    public JsonElement? WholesaleMinimumOrderQuantity { get; init; }
    public JsonElement? WholesaleOrderQuantityStep { get; init; }
    public JsonElement? WholesaleQuantityDiscountRuleMapping { get; init; }
}

/// <summary>A product as Wholesale Suite answers it: WooCommerce's product, plus <c>wholesale_data</c>.</summary>
public sealed record WholesaleSuiteProduct : WooProduct
{
    [SetsRequiredMembers]
    public WholesaleSuiteProduct(WooProduct product, WholesaleData wholesaleData)
        : base(product) => WholesaleData = wholesaleData;

    [JsonPropertyOrder(1)]
    public required WholesaleData WholesaleData { get; init; }
}

/// <summary>A variation as Wholesale Suite answers it: WooCommerce's variation, plus <c>wholesale_data</c>.</summary>
public sealed record WholesaleSuiteVariation : WooVariation
{
    [SetsRequiredMembers]
    public WholesaleSuiteVariation(WooVariation variation, WholesaleData wholesaleData)
        : base(variation) => WholesaleData = wholesaleData;

    [JsonPropertyOrder(1)]
    public required WholesaleData WholesaleData { get; init; }
}

/// <summary>
/// Wholesale Suite's <c>wholesale_data</c>: every value a string, as the plugin keeps them in post meta. A map with no
/// role is left out, as the plugin leaves it out; the visibility filter is <c>["all"]</c> when no role is named.
/// </summary>
public sealed record WholesaleData
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, string>? WholesalePrice { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, string>? WholesaleSalePrice { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, string>? WholesaleMinimumOrderQuantity { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, string>? WholesaleOrderQuantityStep { get; init; }

    public required IReadOnlyList<string> WwppProductWholesaleVisibilityFilter { get; init; }

    /// <summary><c>yes</c> when there are quantity discount rules, else <c>no</c>.</summary>
    public required string WwppEnableQuantityDiscountRule { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public WholesaleRuleMapping? WwppQuantityDiscountRuleMapping { get; init; }
}

/// <summary>The quantity discount rules, with the text the plugin shows buyers beside them.</summary>
public sealed record WholesaleRuleMapping(string Desc, IReadOnlyList<WholesaleRule> Mapping);
