using System.Text.Json;
using Catalog.Api.Dialects.WooCommerce;

namespace Catalog.Api.Dialects.WholesaleSuite;

/// <summary>
/// Wholesale Suite's fields, on a product or a variation. Each is read by the translation, not by the JSON binder, so
/// that a bad value (a price that is not a number, a rule without its role) fails its item, naming the field, instead
/// of the whole request. A field sent as null counts as not sent, as in WooCommerce.
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

/// <summary>A WooCommerce product plus Wholesale Suite's fields (see <see cref="IWholesaleSuiteFields"/>).</summary>
public sealed record WholesaleSuiteProductInput : WooProductInput, IWholesaleSuiteFields
{
    /// <summary>
    /// The wholesale price per role key, in the store currency: <c>{"wholesale_customer": "12"}</c>; <c>""</c> removes
    /// a role's price.
    /// </summary>
    public JsonElement? WholesalePrice { get; init; }

    /// <summary>
    /// The wholesale sale price per role key (the role needs a wholesale price); <c>""</c> ends a role's sale.
    /// </summary>
    public JsonElement? WholesaleSalePrice { get; init; }

    /// <summary>
    /// The roles shown the product: a role key, keys separated by commas, an array of keys, or <c>"all"</c>.
    /// </summary>
    public JsonElement? WholesaleVisibilityFilter { get; init; }

    /// <summary>
    /// The minimum order quantity per role key: <c>{"wholesale_customer": "2"}</c>; <c>""</c> removes it.
    /// </summary>
    public JsonElement? WholesaleMinimumOrderQuantity { get; init; }

    /// <summary>The order quantity step per role key (the role needs a minimum); <c>""</c> removes it.</summary>
    public JsonElement? WholesaleOrderQuantityStep { get; init; }

    /// <summary>
    /// The quantity discount rules, replacing those there were: <c>[{wholesale_role, start_qty, end_qty, price_type:
    /// percent-price|fixed-price, wholesale_price}]</c>; an empty <c>end_qty</c> means "and above"; <c>""</c> or
    /// <c>[]</c> removes them.
    /// </summary>
    public JsonElement? WholesaleQuantityDiscountRuleMapping { get; init; }
}

/// <summary>
/// A WooCommerce variation plus Wholesale Suite's fields (see <see cref="WholesaleSuiteProductInput"/>).
/// </summary>
public sealed record WholesaleSuiteVariationInput : WooVariationInput, IWholesaleSuiteFields
{
    public JsonElement? WholesalePrice { get; init; }
    public JsonElement? WholesaleSalePrice { get; init; }
    public JsonElement? WholesaleVisibilityFilter { get; init; }
    public JsonElement? WholesaleMinimumOrderQuantity { get; init; }
    public JsonElement? WholesaleOrderQuantityStep { get; init; }
    public JsonElement? WholesaleQuantityDiscountRuleMapping { get; init; }
}
