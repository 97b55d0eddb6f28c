namespace Catalog.Api.Dialects.WooCommerce;

/// <summary>Settings of the WooCommerce dialect (<c>Catalog:Dialects:WooCommerce</c>).</summary>
public sealed class WooCommerceOptions
{
    public const string Section = "Catalog:Dialects:WooCommerce";

    /// <summary>
    /// The store currency: WooCommerce has one, so <c>regular_price</c> and <c>sale_price</c> are a variant's plain
    /// (no quantity range) price in this currency, and prices in other currencies are left as they are.
    /// </summary>
    public string Currency { get; set; } = "usd";

    /// <summary>
    /// The most items (creates + updates + deletes) one batch request may carry, as WooCommerce's
    /// <c>woocommerce_rest_batch_items_limit</c>.
    /// </summary>
    public int MaxBatchItems { get; set; } = 100;
}
