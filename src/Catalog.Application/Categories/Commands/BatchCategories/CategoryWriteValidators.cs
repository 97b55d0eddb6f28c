using Catalog.Application.Common.Json;
using Catalog.Application.Common.Validation;
using Catalog.Domain.Categories;
using Catalog.Domain.Common;
using FluentValidation;
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

        WhenPresent(x => x.Name, r => r.NotEmpty().WithMessage("name must not be empty.").MaximumLength(CategoryConstraints.MaxNameLength));
        WhenPresent(x => x.Handle, r => r.NotEmpty().MaximumLength(CategoryConstraints.MaxHandleLength)
            .Matches(HandleFormat.Pattern).WithMessage("handle may contain only lower-case letters, digits and single dashes."));
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
