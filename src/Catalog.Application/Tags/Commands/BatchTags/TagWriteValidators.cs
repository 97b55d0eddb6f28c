using Catalog.Application.Common.Validation;
using Catalog.Domain.Tags;

namespace Catalog.Application.Tags.Commands.BatchTags;

public abstract class TagWriteValidator<T> : CatalogValidator<T>
    where T : TagWrite
{
    protected TagWriteValidator(bool isCreate)
    {
        TextRule();
        if (isCreate)
        {
            Required(x => x.Name);
        }

        NonEmptyText(x => x.Name, TagConstraints.MaxNameLength);
        HandleText(x => x.Slug, TagConstraints.MaxSlugLength);
        WhenPresent(x => x.Description, r => r.MaximumLength(TagConstraints.MaxDescriptionLength));
    }
}

public sealed class TagCreateValidator() : TagWriteValidator<TagCreate>(isCreate: true);

public sealed class TagUpdateValidator : TagWriteValidator<TagUpdate>
{
    public TagUpdateValidator()
        : base(isCreate: false)
    {
        RuleFor(x => x.Id).NotNull().WithMessage("id is required.").GreaterThan(0);
    }
}
