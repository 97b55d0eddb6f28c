using Catalog.Application.Common.Validation;
using Catalog.Application.Variants;
using Microsoft.Extensions.Options;

namespace Catalog.Application.Products.Commands.BatchProducts;

public abstract class ProductWriteValidator<T> : CatalogValidator<T>
    where T : ProductWrite
{
    protected ProductWriteValidator(bool isCreate, JsonLimits limits)
    {
        TextRule();
        if (isCreate)
        {
            Required(x => x.Title);
        }

        NonEmptyText(x => x.Title, ProductConstraints.MaxTitleLength);
        HandleText(x => x.Handle, ProductConstraints.MaxHandleLength);
        WhenPresent(x => x.Subtitle, r => r.MaximumLength(ProductConstraints.MaxSubtitleLength));
        WhenPresent(x => x.Description, r => r.MaximumLength(ProductConstraints.MaxDescriptionLength));
        WhenPresent(x => x.Status, r => r.NotNull().IsInEnum());
        WhenPresent(x => x.Thumbnail, r => r.MaximumLength(ProductConstraints.MaxUrlLength));
        WhenPresent(x => x.Images, r => r.Must(i => i is null || i.Count <= ProductConstraints.MaxImages)
            .WithMessage($"A product has at most {ProductConstraints.MaxImages} images."));
        EachWhenPresent(x => x.Images, new ImageInputValidator());
        WhenPresent(x => x.Tags, r => r.Must(t => t is null || t.Count <= ProductConstraints.MaxTags)
            .WithMessage($"A product has at most {ProductConstraints.MaxTags} tags."));
        EachWhenPresent(x => x.Tags, r => r.NotEmpty().MaximumLength(ProductConstraints.MaxTagLength));
        WhenPresent(x => x.TagIds, r => r.Must(t => t is null || t.Count <= ProductConstraints.MaxTags)
            .WithMessage($"A product has at most {ProductConstraints.MaxTags} tags."));
        EachWhenPresent(x => x.TagIds, r => r.GreaterThan(0));
        WhenPresent(x => x.Options, r => r.Must(o => o is null || o.Count <= ProductConstraints.MaxOptions)
            .WithMessage($"A product has at most {ProductConstraints.MaxOptions} options."));
        EachWhenPresent(x => x.Options, new OptionInputValidator());
        MetadataRule(x => x.Metadata, limits);
        ExtensionsRule(x => x.Extensions, limits);
        WhenPresent(x => x.Weight, r => r.IsDimension());
        WhenPresent(x => x.Length, r => r.IsDimension());
        WhenPresent(x => x.Width, r => r.IsDimension());
        WhenPresent(x => x.Height, r => r.IsDimension());
        WhenPresent(x => x.ExternalId, r => r.MaximumLength(ProductConstraints.MaxExternalIdLength));
        EachWhenPresent(x => x.CategoryIds, r => r.GreaterThan(0));
        WhenPresent(x => x.Variants, r => r.Must(v => v is null || v.Count <= ProductConstraints.MaxVariantsPerProduct)
            .WithMessage($"A product has at most {ProductConstraints.MaxVariantsPerProduct} variants."));
        EachWhenPresent(x => x.Variants, new ProductVariantWriteValidator(isCreate, limits));
    }
}

public sealed class ImageInputValidator : AbstractValidator<ImageInput>
{
    public ImageInputValidator()
    {
        RuleFor(i => i.Url).NotEmpty().MaximumLength(ProductConstraints.MaxUrlLength);
    }
}

public sealed class OptionInputValidator : AbstractValidator<OptionInput>
{
    public OptionInputValidator()
    {
        RuleFor(o => o.Title).NotEmpty().When(o => o.AttributeId is null || o.Title is not null)
            .WithMessage("An option needs a title, unless it takes its global attribute's name (attribute_id).");
        RuleFor(o => o.Title).MaximumLength(ProductConstraints.MaxOptionTitleLength);
        RuleFor(o => o.Values).NotEmpty().WithMessage("An option needs at least one value.");
        RuleForEach(o => o.Values).NotEmpty().MaximumLength(ProductConstraints.MaxOptionValueLength);
        RuleFor(o => o.AttributeId).GreaterThan(0);
    }
}

public sealed class ProductCreateValidator(IOptions<JsonLimits>? limits = null)
    : ProductWriteValidator<ProductCreate>(isCreate: true, limits?.Value ?? JsonLimits.Default);

public sealed class ProductUpdateValidator : ProductWriteValidator<ProductUpdate>
{
    public ProductUpdateValidator(IOptions<JsonLimits>? limits = null)
        : base(isCreate: false, limits?.Value ?? JsonLimits.Default)
    {
        RuleFor(x => x.Id).NotNull().WithMessage("id is required.").GreaterThan(0);
        RuleFor(x => x.ReplaceVariants).Must((item, _) => item.Variants.HasValue).When(x => x.ReplaceVariants == true)
            .WithMessage("replace_variants goes with variants: send the whole list.");
    }
}

/// <summary>A variant inside a product item: a new one (no id) needs a title; a new product's carry no id.</summary>
public sealed class ProductVariantWriteValidator : VariantWriteValidator<ProductVariantWrite>
{
    public ProductVariantWriteValidator(bool productIsNew, JsonLimits limits)
        : base(isCreate: false, limits)
    {
        Required(x => x.Title).When(x => x.Id is null).WithMessage("title is required for a new variant.");
        RuleFor(x => x.Remove).Must((variant, _) => variant.Id is not null && SendsNothingElse(variant))
            .When(x => x.Remove == true)
            .WithMessage("A variant to remove names its id and sends nothing else but its version.");
        if (productIsNew)
        {
            RuleFor(x => x.Id).Null().WithMessage("A variant of a new product cannot name an id.");
        }
        else
        {
            RuleFor(x => x.Id).GreaterThan(0);
        }
    }

    private static bool SendsNothingElse(ProductVariantWrite v) =>
        !(v.Title.HasValue || v.Sku.HasValue || v.Barcode.HasValue || v.Ean.HasValue || v.Upc.HasValue
            || v.StockQuantity.HasValue || v.ManageInventory.HasValue || v.AllowBackorder.HasValue
            || v.Options.HasValue || v.Prices.HasValue || v.ReplacePrices is not null
            || v.AttributeValueIds.HasValue || v.Rank.HasValue || v.Metadata.HasValue || v.Extensions.HasValue
            || v.Wholesale.HasValue);
}
