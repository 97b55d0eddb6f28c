using Catalog.Application.Common.Validation;
using Catalog.Application.Variants.Wholesale;
using Microsoft.Extensions.Options;

namespace Catalog.Application.Variants;

/// <summary>Field rules of a variant, shared by the variant batch and the variants inside a product item.</summary>
public class VariantWriteValidator<T> : CatalogValidator<T>
    where T : VariantWrite
{
    public VariantWriteValidator(bool isCreate, JsonLimits limits)
    {
        if (isCreate)
        {
            Required(x => x.Title);
        }

        NonEmptyText(x => x.Title, VariantConstraints.MaxTitleLength);
        WhenPresent(x => x.Sku, r => r.MaximumLength(VariantConstraints.MaxSkuLength)
            .Must(s => s is null || s.Trim().Length > 0).WithMessage("sku must not be blank."));
        WhenPresent(x => x.Barcode, r => r.MaximumLength(VariantConstraints.MaxCodeLength));
        WhenPresent(x => x.Ean, r => r.MaximumLength(VariantConstraints.MaxCodeLength));
        WhenPresent(x => x.Upc, r => r.MaximumLength(VariantConstraints.MaxCodeLength));
        WhenPresent(x => x.StockQuantity, r => r.GreaterThanOrEqualTo(0));
        WhenPresent(x => x.ManageInventory, r => r.NotNull());
        WhenPresent(x => x.AllowBackorder, r => r.NotNull());
        WhenPresent(x => x.Rank, r => r.GreaterThanOrEqualTo(0));
        MetadataRule(x => x.Metadata, limits);
        ExtensionsRule(x => x.Extensions, limits);
        WhenPresent(x => x.Prices, r => r.Must(p => p is null || p.Count <= VariantConstraints.MaxPrices)
            .WithMessage($"A variant has at most {VariantConstraints.MaxPrices} prices."));
        EachWhenPresent(x => x.Prices, new PriceInputValidator());
        RuleFor(x => x.ReplacePrices).Must((write, _) => write.Prices.HasValue).When(x => x.ReplacePrices == true)
            .WithMessage("replace_prices goes with prices: send the whole list.");
        WhenPresent(x => x.AttributeValueIds, r => r
            .Must(ids => ids is null || ids.Count <= VariantConstraints.MaxAttributeValues)
            .WithMessage($"A variant has at most {VariantConstraints.MaxAttributeValues} attribute values."));
        EachWhenPresent(x => x.AttributeValueIds, r => r.GreaterThan(0));
        WhenPresent(x => x.Options, r => r
            .Must(o => o is null || o.All(p => p.Key.Trim().Length > 0 && !string.IsNullOrWhiteSpace(p.Value)))
            .WithMessage("Option titles and values must not be empty."));
        WhenPresent(x => x.Wholesale, r => r.SetValidator(new WholesaleInputValidator()!));
    }
}

/// <summary>A price is sent whole (its id naming the stored price it replaces), or as an id to remove.</summary>
public sealed class PriceInputValidator : AbstractValidator<PriceInput>
{
    public PriceInputValidator()
    {
        // An id is checked against the variant's prices when the update plans (VariantPlanner.MergePrices).
        RuleFor(x => x.Remove).Must((price, _) => price is { Id: not null, CurrencyCode: null, Amount: null }
                && price is { SaleAmount: null, MinQuantity: null, MaxQuantity: null })
            .When(x => x.Remove == true)
            .WithMessage("A price to remove names its id and sends nothing else.");
        RuleFor(x => x.CurrencyCode).NotEmpty().Length(VariantConstraints.CurrencyCodeLength)
            .Matches(VariantConstraints.CurrencyCodePattern)
            .WithMessage("currency_code must be a three-letter ISO 4217 code.")
            .Unless(x => x.Remove == true);
        RuleFor(x => x.Amount).NotNull().GreaterThanOrEqualTo(0).IsAmount().Unless(x => x.Remove == true);
        RuleFor(x => x.SaleAmount).GreaterThanOrEqualTo(0).IsAmount();
        RuleFor(x => x.MinQuantity).GreaterThanOrEqualTo(1);
        RuleFor(x => x.MaxQuantity).GreaterThanOrEqualTo(1)
            .GreaterThanOrEqualTo(x => x.MinQuantity ?? 1).WithMessage("max_quantity must not be below min_quantity.");
    }
}

/// <summary>A variant batch's create item: its text is checked here, a product's variants by the product.</summary>
public sealed class VariantCreateValidator : VariantWriteValidator<VariantCreate>
{
    public VariantCreateValidator(IOptions<JsonLimits>? limits = null)
        : base(isCreate: true, limits?.Value ?? JsonLimits.Default)
    {
        TextRule();
        RuleFor(x => x.ProductId).GreaterThan(0);
    }
}

public sealed class VariantUpdateValidator : VariantWriteValidator<VariantUpdate>
{
    public VariantUpdateValidator(IOptions<JsonLimits>? limits = null)
        : base(isCreate: false, limits?.Value ?? JsonLimits.Default)
    {
        TextRule();
        RuleFor(x => x.Id).NotNull().WithMessage("id is required.").GreaterThan(0);
    }
}
