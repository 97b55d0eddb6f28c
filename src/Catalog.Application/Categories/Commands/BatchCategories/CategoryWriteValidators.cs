using Catalog.Application.Common.Validation;
using Catalog.Domain.Categories;
using Microsoft.Extensions.Options;

namespace Catalog.Application.Categories.Commands.BatchCategories;

public abstract class CategoryWriteValidator<T> : CatalogValidator<T>
    where T : CategoryWrite
{
    protected CategoryWriteValidator(bool isCreate, JsonLimits limits)
    {
        TextRule();
        if (isCreate)
        {
            Required(x => x.Name);
        }

        NonEmptyText(x => x.Name, CategoryConstraints.MaxNameLength);
        HandleText(x => x.Handle, CategoryConstraints.MaxHandleLength);
        WhenPresent(x => x.Description, r => r.MaximumLength(CategoryConstraints.MaxDescriptionLength));
        WhenPresent(x => x.ParentId, r => r.GreaterThan(0));
        WhenPresent(x => x.Rank, r => r.GreaterThanOrEqualTo(0));
        MetadataRule(x => x.Metadata, limits);
    }
}

public sealed class CategoryCreateValidator(IOptions<JsonLimits>? limits = null)
    : CategoryWriteValidator<CategoryCreate>(isCreate: true, limits?.Value ?? JsonLimits.Default);

public sealed class CategoryUpdateValidator : CategoryWriteValidator<CategoryUpdate>
{
    public CategoryUpdateValidator(IOptions<JsonLimits>? limits = null)
        : base(isCreate: false, limits?.Value ?? JsonLimits.Default)
    {
        RuleFor(x => x.Id).NotNull().WithMessage("id is required.").GreaterThan(0);
    }
}
