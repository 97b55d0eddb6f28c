namespace Catalog.Application.Variants.Wholesale;

/// <summary>
/// A variant's wholesale terms as a batch item sends them. Each list sent replaces that list (null or [] empties it);
/// a list left out stays as it is on update and is empty on create.
/// </summary>
public sealed record WholesaleInput
{
    /// <summary>One price per role and currency.</summary>
    public Optional<IReadOnlyList<WholesalePriceInput>?> Prices { get; init; }

    /// <summary>One minimum per role.</summary>
    public Optional<IReadOnlyList<MinimumOrderQuantityInput>?> MinimumOrderQuantities { get; init; }

    /// <summary>One step per role; a role with a step needs a minimum.</summary>
    public Optional<IReadOnlyList<OrderQuantityStepInput>?> OrderQuantitySteps { get; init; }

    /// <summary>The role keys the variant is shown to; <c>["all"]</c> or an empty list shows it to everyone.</summary>
    public Optional<IReadOnlyList<string>?> Visibility { get; init; }

    /// <summary>Quantity discounts; a role's ranges that could meet one quantity must not overlap.</summary>
    public Optional<IReadOnlyList<QuantityDiscountRuleInput>?> QuantityDiscountRules { get; init; }
}

public sealed record WholesalePriceInput
{
    public string? Role { get; init; }
    public string? CurrencyCode { get; init; }
    public decimal? Amount { get; init; }

    /// <summary>When set, what the role pays instead of <see cref="Amount"/>.</summary>
    public decimal? SaleAmount { get; init; }
}

public sealed record MinimumOrderQuantityInput
{
    public string? Role { get; init; }
    public long? Quantity { get; init; }
}

public sealed record OrderQuantityStepInput
{
    public string? Role { get; init; }
    public long? Step { get; init; }
}

public sealed record QuantityDiscountRuleInput
{
    public string? Role { get; init; }
    public long? StartQty { get; init; }

    /// <summary>Null: the rule holds from <see cref="StartQty"/> up.</summary>
    public long? EndQty { get; init; }
    public DiscountPriceType? PriceType { get; init; }

    /// <summary>A percent off the role's wholesale price (more than 0, at most 100), or a fixed unit price.</summary>
    public decimal? Value { get; init; }

    /// <summary>Required for a fixed rule, not allowed on a percent rule.</summary>
    public string? CurrencyCode { get; init; }
}
