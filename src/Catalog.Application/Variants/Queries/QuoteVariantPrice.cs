using Catalog.Application.Common.Exceptions;
using Catalog.Application.Products;
using Catalog.Application.Variants.Wholesale;
using Catalog.Application.WholesaleRoles;

namespace Catalog.Application.Variants.Queries;

/// <summary>What a buyer of <paramref name="Role"/> pays for a quantity of a variant, and why.</summary>
/// <param name="Currency">When absent, the first currency (alphabetically) priced at the quantity.</param>
public sealed record QuoteVariantPrice(long VariantId, string? Role, long? Quantity, string? Currency)
    : IRequest<PriceQuoteDto>;

public sealed record PriceQuoteDto
{
    public long VariantId { get; init; }
    public required string Role { get; init; }
    public long Quantity { get; init; }
    public required string Currency { get; init; }

    /// <summary>The variant's price at the quantity (its tier price, else its plain price), rounded.</summary>
    public decimal RegularPrice { get; init; }
    public decimal UnitPrice { get; init; }

    /// <summary><see cref="UnitPrice"/> times <see cref="Quantity"/>.</summary>
    public decimal Total { get; init; }

    /// <summary>Whether the role may order this quantity: at least its minimum, and on its step from there.</summary>
    public bool QuantityAllowed { get; init; }
    public PriceReason Reason { get; init; }

    /// <summary>The discount rule that priced the units, or null.</summary>
    public QuantityDiscountRuleDto? AppliedRule { get; init; }
}

public sealed class QuoteVariantPriceValidator : AbstractValidator<QuoteVariantPrice>
{
    public QuoteVariantPriceValidator()
    {
        RuleFor(x => x.Role).NotEmpty().WithMessage("role is required: the key of the buyer's wholesale role.")
            .Must(WholesaleRole.IsValidKey).WithMessage(WholesaleRuleBuilders.RoleKeyMessage);
        RuleFor(x => x.Quantity).NotNull().WithMessage("quantity is required.")
            .InclusiveBetween(1, WholesaleConstraints.MaxQuantity)
            .WithMessage($"quantity must be between 1 and {WholesaleConstraints.MaxQuantity}.");
        RuleFor(x => x.Currency).Matches(VariantConstraints.CurrencyCodePattern)
            .WithMessage("currency must be a three-letter ISO 4217 code.");
    }
}

internal sealed class QuoteVariantPriceHandler(IWholesaleRoleStore roles, IProductStore products, IMapper mapper)
    : IRequestHandler<QuoteVariantPrice, PriceQuoteDto>
{
    public async ValueTask<PriceQuoteDto> Handle(QuoteVariantPrice request, CancellationToken cancellationToken)
    {
        var role = request.Role!;
        if (!(await roles.FindKeysAsync([role], cancellationToken)).ContainsKey(role))
        {
            var message = $"Wholesale role '{role}' does not exist.";
            throw new RequestValidationException(
                ErrorCodes.ValidationFailed, message, [new FieldError("role", message)]);
        }

        var variant = await products.GetVariantAsync(request.VariantId, cancellationToken)
            ?? throw new NotFoundException("Variant", request.VariantId);
        return WholesalePricing.Quote(variant, role, request.Quantity!.Value, request.Currency) switch
        {
            Quoted { Quote: var quote } => new PriceQuoteDto
            {
                VariantId = variant.Id,
                Role = role,
                Quantity = quote.Quantity,
                Currency = quote.CurrencyCode,
                RegularPrice = quote.RegularPrice,
                UnitPrice = quote.UnitPrice,
                Total = quote.Total,
                QuantityAllowed = quote.QuantityAllowed,
                Reason = quote.Reason,
                AppliedRule = quote.AppliedRule is null ? null : mapper.Map<QuantityDiscountRuleDto>(quote.AppliedRule),
            },

            // Hidden from the role: answered exactly as a variant that does not exist, so the filter leaks nothing.
            HiddenFromRole => throw new NotFoundException("Variant", request.VariantId),
            NoRegularPrice { CurrencyCode: { } currency } => throw new NotFoundException(
                $"Variant {request.VariantId} has no price in {currency} for {request.Quantity} units."),
            _ => throw new NotFoundException(
                $"Variant {request.VariantId} has no price to quote {request.Quantity} units from."),
        };
    }
}
