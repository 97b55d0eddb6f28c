namespace Catalog.Application.Variants.Wholesale;

/// <summary>A variant's wholesale terms on the wire, in the shape they are sent.</summary>
public sealed record WholesaleDto
{
    public IReadOnlyList<WholesalePriceDto> Prices { get; init; } = [];
    public IReadOnlyList<MinimumOrderQuantityDto> MinimumOrderQuantities { get; init; } = [];
    public IReadOnlyList<OrderQuantityStepDto> OrderQuantitySteps { get; init; } = [];

    /// <summary>Empty: visible to every buyer.</summary>
    public IReadOnlyList<string> Visibility { get; init; } = [];
    public IReadOnlyList<QuantityDiscountRuleDto> QuantityDiscountRules { get; init; } = [];
}

public sealed record WholesalePriceDto(string Role, string CurrencyCode, decimal Amount, decimal? SaleAmount);

public sealed record MinimumOrderQuantityDto(string Role, long Quantity);

public sealed record OrderQuantityStepDto(string Role, long Step);

public sealed record QuantityDiscountRuleDto(
    string Role, long StartQty, long? EndQty, DiscountPriceType PriceType, decimal Value, string? CurrencyCode);
