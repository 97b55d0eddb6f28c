using Catalog.Api.Dialects.WooCommerce;
using Catalog.Domain.Wholesale;

namespace Catalog.Api.Dialects.WholesaleSuite;

/// <summary>WooCommerce's answers with the terms moved from <c>meta_data</c> to <c>wholesale_data</c>.</summary>
internal sealed class WwsRenderer(WooRenderer woo, string currency)
{
    public WholesaleSuiteProduct Product(ProductDto product)
    {
        var answer = woo.Product(product);
        return new WholesaleSuiteProduct(
            answer with { MetaData = WithoutTerms(answer.MetaData), Other = WithoutData(answer.Other) },
            Data(WholesaleView.OfProduct(product, currency)));
    }

    public WholesaleSuiteVariation Variation(VariantDto variant, ProductDto parent)
    {
        var answer = woo.Variation(variant, parent);
        return new WholesaleSuiteVariation(
            answer with { MetaData = WithoutTerms(answer.MetaData), Other = WithoutData(answer.Other) },
            Data(WholesaleView.Of(variant, currency)));
    }

    private static IReadOnlyList<WooMeta> WithoutTerms(IReadOnlyList<WooMeta> meta) =>
        [.. meta.Where(m => !WholesaleMeta.IsWholesaleKey(m.Key))];

    /// <summary>A <c>wholesale_data</c> a WooCommerce client once sent must not stand beside the real one.</summary>
    private static Dictionary<string, JsonElement>? WithoutData(Dictionary<string, JsonElement>? other) =>
        other?.Where(p => p.Key != "wholesale_data").ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    private static WholesaleData Data(WholesaleView view) => new()
    {
        WholesalePrice = Strings(view.Prices, (role, _) => view.PriceText(role)),
        WholesaleSalePrice = Strings(view.SalePrices, (role, _) => view.SalePriceText(role)),
        WholesaleMinimumOrderQuantity = Strings(view.Minimums, (_, minimum) => WholesaleValues.Format(minimum)),
        WholesaleOrderQuantityStep = Strings(view.Steps, (_, step) => WholesaleValues.Format(step)),
        WwppProductWholesaleVisibilityFilter =
            view.Visibility is [] ? [WholesaleConstraints.AllRoles] : view.Visibility,
        WwppEnableQuantityDiscountRule = view.Rules.Count > 0 ? "yes" : "no",
        WwppQuantityDiscountRuleMapping = view.Rules.Count == 0
            ? null
            : new WholesaleRuleMapping(WholesaleValues.RulesDescription, [.. view.Rules.Select(view.Rule)]),
    };

    private static Dictionary<string, string>? Strings<T>(
        IReadOnlyDictionary<string, T> map, Func<string, T, string> format) =>
        map.Count == 0 ? null : map.ToDictionary(e => e.Key, e => format(e.Key, e.Value), StringComparer.Ordinal);
}
