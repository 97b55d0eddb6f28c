using Catalog.Application.Common.Validation;

namespace Catalog.Application.WholesaleRoles.Commands.BatchWholesaleRoles;

public abstract class WholesaleRoleWriteValidator<T> : CatalogValidator<T>
    where T : WholesaleRoleWrite
{
    protected WholesaleRoleWriteValidator(bool isCreate)
    {
        TextRule();
        if (isCreate)
        {
            Required(x => x.Key);
            Required(x => x.Name);
        }

        WhenPresent(x => x.Key, r => r.Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("key must not be empty.")
            .MaximumLength(WholesaleConstraints.MaxRoleKeyLength)
            .Matches(WholesaleConstraints.RoleKeyPattern)
            .WithMessage($"key may contain only {WholesaleConstraints.RoleKeyCharacters}."));
        NonEmptyText(x => x.Name, WholesaleConstraints.MaxRoleNameLength);
    }
}

public sealed class WholesaleRoleCreateValidator() : WholesaleRoleWriteValidator<WholesaleRoleCreate>(isCreate: true);

public sealed class WholesaleRoleUpdateValidator : WholesaleRoleWriteValidator<WholesaleRoleUpdate>
{
    public WholesaleRoleUpdateValidator()
        : base(isCreate: false)
    {
        RuleFor(x => x.Id).NotNull().WithMessage("id is required.").GreaterThan(0);
    }
}
