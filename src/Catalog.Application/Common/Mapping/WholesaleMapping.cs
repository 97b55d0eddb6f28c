using Catalog.Application.Variants.Wholesale;
using Catalog.Application.WholesaleRoles;

namespace Catalog.Application.Common.Mapping;

/// <summary>The wholesale part of <see cref="CatalogMappingProfile"/>: roles, and terms as they are sent.</summary>
internal static class WholesaleMapping
{
    public static void Configure(Profile profile)
    {
        profile.CreateMap<WholesaleRole, WholesaleRoleDto>();
        profile.CreateMap<WholesalePrice, WholesalePriceDto>()
            .ForCtorParam(nameof(WholesalePriceDto.Amount), o => o.MapFrom(s => Normalized(s.Amount)))
            .ForCtorParam(
                nameof(WholesalePriceDto.SaleAmount),
                o => o.MapFrom(s => s.SaleAmount == null ? (decimal?)null : Normalized(s.SaleAmount.Value)));
        profile.CreateMap<WholesaleDiscountRule, QuantityDiscountRuleDto>()
            .ForCtorParam(nameof(QuantityDiscountRuleDto.StartQty), o => o.MapFrom(s => s.StartQuantity))
            .ForCtorParam(nameof(QuantityDiscountRuleDto.EndQty), o => o.MapFrom(s => s.EndQuantity))
            .ForCtorParam(nameof(QuantityDiscountRuleDto.Value), o => o.MapFrom(s => Normalized(s.Value)));
        profile.CreateMap<WholesaleTerms, WholesaleDto>()
            .ForMember(d => d.Prices, o => o.MapFrom(s => PricesInOrder(s)))
            .ForMember(d => d.MinimumOrderQuantities, o => o.MapFrom(s => MinimumsOf(s)))
            .ForMember(d => d.OrderQuantitySteps, o => o.MapFrom(s => StepsOf(s)))
            .ForMember(d => d.Visibility, o => o.MapFrom(s => VisibilityOf(s)))
            .ForMember(d => d.QuantityDiscountRules, o => o.MapFrom(s => RulesInOrder(s)));
    }

    // Methods, not lambdas inside the MapFrom expressions: see CatalogMappingProfile.
    private static IEnumerable<WholesalePrice> PricesInOrder(WholesaleTerms terms) =>
        terms.Prices.OrderBy(p => p.Role).ThenBy(p => p.CurrencyCode);

    private static List<MinimumOrderQuantityDto> MinimumsOf(WholesaleTerms terms) =>
        [.. terms.OrderQuantities.OrderBy(q => q.Role).Select(q => new MinimumOrderQuantityDto(q.Role, q.Minimum))];

    private static List<OrderQuantityStepDto> StepsOf(WholesaleTerms terms) =>
        [
            .. terms.OrderQuantities.Where(q => q.Step != null)
                .OrderBy(q => q.Role)
                .Select(q => new OrderQuantityStepDto(q.Role, q.Step!.Value)),
        ];

    private static List<string> VisibilityOf(WholesaleTerms terms) => [.. terms.Visibility.Order()];

    private static IEnumerable<WholesaleDiscountRule> RulesInOrder(WholesaleTerms terms) =>
        terms.DiscountRules.OrderBy(r => r.Position);

    /// <summary>Drops trailing zeros, as the profile does for every amount.</summary>
    private static decimal Normalized(decimal value) => value / 1.0000000000000000000000000000m;
}
