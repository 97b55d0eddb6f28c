using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using Catalog.Api.Dialects.WooCommerce;

namespace Catalog.Api.Dialects.WholesaleSuite;

/// <summary>A product as Wholesale Suite answers it: WooCommerce's product, plus <c>wholesale_data</c>.</summary>
public sealed record WholesaleSuiteProduct : WooProduct
{
    [SetsRequiredMembers]
    public WholesaleSuiteProduct(WooProduct product, WholesaleData wholesaleData)
        : base(product)
    {
        WholesaleData = wholesaleData;
    }

    [JsonPropertyOrder(1)]
    public required WholesaleData WholesaleData { get; init; }
}

/// <summary>A variation as Wholesale Suite answers it: WooCommerce's variation, plus <c>wholesale_data</c>.</summary>
public sealed record WholesaleSuiteVariation : WooVariation
{
    [SetsRequiredMembers]
    public WholesaleSuiteVariation(WooVariation variation, WholesaleData wholesaleData)
        : base(variation)
    {
        WholesaleData = wholesaleData;
    }

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
