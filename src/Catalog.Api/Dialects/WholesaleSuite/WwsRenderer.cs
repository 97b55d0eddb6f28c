using Catalog.Api.Dialects.WooCommerce;
using Catalog.Application.Products;
using Catalog.Application.Variants;

namespace Catalog.Api.Dialects.WholesaleSuite;

/// <summary>
/// Products and variations as Wholesale Suite answers them: WooCommerce's answer, its terms moved out of
/// <c>meta_data</c> into <c>wholesale_data</c>, as the plugin moves them.
/// </summary>
internal sealed class WwsRenderer(WooRenderer woo, string currency)
{
    public WholesaleSuiteProduct Product(ProductDto product)
    {
        ArgumentNullException.ThrowIfNull(product);
        var answer = woo.Product(product);
        return new WholesaleSuiteProduct(
            answer with { MetaData = WithoutTerms(answer.MetaData), Other = WithoutData(answer.Other) },
            WwsView.OfProduct(product, currency).ToData());
    }

    public WholesaleSuiteVariation Variation(VariantDto variant, ProductDto parent)
    {
        ArgumentNullException.ThrowIfNull(variant);
        var answer = woo.Variation(variant, parent);
        return new WholesaleSuiteVariation(
            answer with { MetaData = WithoutTerms(answer.MetaData), Other = WithoutData(answer.Other) },
            WwsView.Of(variant, currency).ToData());
    }

    private static IReadOnlyList<WooMeta> WithoutTerms(IReadOnlyList<WooMeta> meta) => [.. meta.Where(m => !WwsMeta.IsWholesaleKey(m.Key))];

    /// <summary>A <c>wholesale_data</c> a WooCommerce client once sent (kept as one of its fields) must not stand beside the real one.</summary>
    private static Dictionary<string, System.Text.Json.JsonElement>? WithoutData(Dictionary<string, System.Text.Json.JsonElement>? other) =>
        other?.Where(p => p.Key != "wholesale_data").ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
}
