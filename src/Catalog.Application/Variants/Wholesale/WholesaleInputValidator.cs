using Catalog.Application.Common.Validation;

namespace Catalog.Application.Variants.Wholesale;

/// <summary>
/// The shape of a variant's wholesale terms: each entry's fields and the length of each list. The rules between
/// entries are the domain's (<see cref="WholesaleTerms.Violation"/>), but for one: the steps are merged into the
/// minimums by role, so a role's second step is refused here. Whether the roles exist is checked against the
/// database later, in one query for the whole batch.
/// </summary>
public sealed class WholesaleInputValidator : CatalogValidator<WholesaleInput>
{
    public WholesaleInputValidator()
    {
        WhenPresent(x => x.Prices, r => r.Must(NotTooMany).WithMessage(TooMany("prices")));
        EachWhenPresent(x => x.Prices, new WholesalePriceInputValidator());
        WhenPresent(x => x.MinimumOrderQuantities, r => r.Must(NotTooMany)
            .WithMessage(TooMany("minimum_order_quantities")));
        EachWhenPresent(x => x.MinimumOrderQuantities, new MinimumOrderQuantityInputValidator());
        WhenPresent(x => x.OrderQuantitySteps, r => r.Must(NotTooMany).WithMessage(TooMany("order_quantity_steps")));
        EachWhenPresent(x => x.OrderQuantitySteps, new OrderQuantityStepInputValidator());
        RuleFor(x => x).Custom((input, context) =>
        {
            var steps = input.OrderQuantitySteps.Items();
            var roles = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < steps.Count; i++)
            {
                if (steps[i]?.Role is { } role && !roles.Add(role))
                {
                    context.AddFailure($"order_quantity_steps[{i}].role", $"Role '{role}' already has a step.");
                }
            }
        });
        WhenPresent(x => x.Visibility, r => r.Must(NotTooMany).WithMessage(TooMany("visibility")));
        EachWhenPresent(x => x.Visibility, r => r
            .Must(v => v == WholesaleConstraints.AllRoles || WholesaleRole.IsValidKey(v))
            .WithMessage($"A visibility entry is a role key ({WholesaleConstraints.RoleKeyCharacters}) or 'all'."));
        WhenPresent(x => x.QuantityDiscountRules, r => r.Must(NotTooMany)
            .WithMessage(TooMany("quantity_discount_rules")));
        EachWhenPresent(x => x.QuantityDiscountRules, new QuantityDiscountRuleInputValidator());
    }

    private static bool NotTooMany<T>(IReadOnlyList<T>? list) =>
        list is null || list.Count <= WholesaleConstraints.MaxEntries;

    private static string TooMany(string list) => $"{list} holds at most {WholesaleConstraints.MaxEntries} entries.";
}

public sealed class WholesalePriceInputValidator : AbstractValidator<WholesalePriceInput>
{
    public WholesalePriceInputValidator()
    {
        RuleFor(x => x.Role).MustBeRoleKey();
        RuleFor(x => x.CurrencyCode).MustBeCurrencyCode();
        RuleFor(x => x.Amount).NotNull().GreaterThanOrEqualTo(0).IsAmount();
        RuleFor(x => x.SaleAmount).GreaterThanOrEqualTo(0).IsAmount();
    }
}

public sealed class MinimumOrderQuantityInputValidator : AbstractValidator<MinimumOrderQuantityInput>
{
    public MinimumOrderQuantityInputValidator()
    {
        RuleFor(x => x.Role).MustBeRoleKey();
        RuleFor(x => x.Quantity).NotNull().InclusiveBetween(1, WholesaleConstraints.MaxQuantity);
    }
}

public sealed class OrderQuantityStepInputValidator : AbstractValidator<OrderQuantityStepInput>
{
    public OrderQuantityStepInputValidator()
    {
        RuleFor(x => x.Role).MustBeRoleKey();
        RuleFor(x => x.Step).NotNull().InclusiveBetween(1, WholesaleConstraints.MaxQuantity);
    }
}

public sealed class QuantityDiscountRuleInputValidator : AbstractValidator<QuantityDiscountRuleInput>
{
    public QuantityDiscountRuleInputValidator()
    {
        RuleFor(x => x.Role).MustBeRoleKey();
        RuleFor(x => x.StartQty).NotNull().InclusiveBetween(1, WholesaleConstraints.MaxQuantity);
        RuleFor(x => x.EndQty).LessThanOrEqualTo(WholesaleConstraints.MaxQuantity)
            .GreaterThanOrEqualTo(x => x.StartQty).When(x => x.StartQty is not null)
            .WithMessage("end_qty must not be below start_qty.");
        RuleFor(x => x.PriceType).NotNull().WithMessage("price_type is required: percent or fixed.").IsInEnum();
        // "value" in lower case: a property named Value would read as an Optional's value step (see FieldPaths).
        RuleFor(x => x.Value).NotNull().IsAmount().OverridePropertyName("value");
        When(x => x.PriceType == DiscountPriceType.Percent, () =>
        {
            RuleFor(x => x.Value).GreaterThan(0).LessThanOrEqualTo(WholesaleConstraints.MaxPercent)
                .WithMessage("A percent rule takes more than 0 and at most 100 percent off.")
                .OverridePropertyName("value");
            RuleFor(x => x.CurrencyCode).Null()
                .WithMessage("currency_code is only for fixed rules: a percent applies in every currency.");
        });
        When(x => x.PriceType == DiscountPriceType.Fixed, () =>
        {
            RuleFor(x => x.Value).GreaterThanOrEqualTo(0).WithMessage("A fixed rule's unit price must not be negative.")
                .OverridePropertyName("value");
            RuleFor(x => x.CurrencyCode).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage("currency_code is required for a fixed rule.")
                .MustBeCurrencyCode();
        });
    }
}

internal static class WholesaleRuleBuilders
{
    public const string RoleKeyMessage =
        $"role must be a role key ({WholesaleConstraints.RoleKeyCharacters}; 'all' is not a role).";

    public static IRuleBuilderOptions<T, string?> MustBeRoleKey<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().WithMessage("role is required.").Must(WholesaleRole.IsValidKey).WithMessage(RoleKeyMessage);

    public static IRuleBuilderOptions<T, string?> MustBeCurrencyCode<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().Matches(VariantConstraints.CurrencyCodePattern)
            .WithMessage("currency_code must be a three-letter ISO 4217 code.");
}
