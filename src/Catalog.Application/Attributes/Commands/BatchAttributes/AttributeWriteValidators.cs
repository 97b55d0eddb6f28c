using Catalog.Application.Common.Validation;
using Catalog.Domain.Attributes;

namespace Catalog.Application.Attributes.Commands.BatchAttributes;

public abstract class AttributeWriteValidator<T> : CatalogValidator<T>
    where T : AttributeWrite
{
    // WooCommerce's one attribute type, and the orderings it offers for an attribute's values.
    private const string SelectType = "select";
    private static readonly string[] Orderings = ["menu_order", "name", "name_num", "id"];

    protected AttributeWriteValidator(bool isCreate)
    {
        TextRule();
        if (isCreate)
        {
            Required(x => x.Name);
        }

        NonEmptyText(x => x.Name, AttributeConstraints.MaxNameLength);
        HandleText(x => x.Slug, AttributeConstraints.MaxSlugLength);
        WhenPresent(x => x.Type, r => r.Equal(SelectType).WithMessage($"type must be '{SelectType}'."));
        WhenPresent(x => x.OrderBy, r => r.Must(o => o is not null && Orderings.Contains(o))
            .WithMessage($"order_by must be one of {string.Join(", ", Orderings)}."));
        WhenPresent(x => x.HasArchives, r => r.NotNull());
        WhenPresent(x => x.Values, r => r.Must(v => v is null || v.Count <= AttributeConstraints.MaxValues)
            .WithMessage($"An attribute has at most {AttributeConstraints.MaxValues} values.")
            .Must(HaveDistinctIds).WithMessage("A value id appears more than once in values."));
        EachWhenPresent(x => x.Values, new AttributeValueWriteValidator(isCreate));
    }

    private static bool HaveDistinctIds(IReadOnlyList<AttributeValueWrite>? values)
    {
        var ids = values?.Where(v => v?.Id is not null).Select(v => v.Id!.Value).ToList() ?? [];
        return ids.Count == ids.Distinct().Count();
    }
}

public sealed class AttributeCreateValidator() : AttributeWriteValidator<AttributeCreate>(isCreate: true);

public sealed class AttributeUpdateValidator : AttributeWriteValidator<AttributeUpdate>
{
    public AttributeUpdateValidator()
        : base(isCreate: false)
    {
        RuleFor(x => x.Id).NotNull().WithMessage("id is required.").GreaterThan(0);
    }
}

/// <summary>A value inside an attribute item: a new one (no id) needs a name; a new attribute's carry no id.</summary>
public sealed class AttributeValueWriteValidator : CatalogValidator<AttributeValueWrite>
{
    public AttributeValueWriteValidator(bool attributeIsNew)
    {
        Required(x => x.Name).When(x => x.Id is null).WithMessage("name is required for a new value.");
        if (attributeIsNew)
        {
            RuleFor(x => x.Id).Null().WithMessage("A value of a new attribute cannot name an id.");
        }
        else
        {
            RuleFor(x => x.Id).GreaterThan(0);
        }

        NonEmptyText(x => x.Name, AttributeConstraints.MaxNameLength);
        HandleText(x => x.Slug, AttributeConstraints.MaxSlugLength);
    }
}
