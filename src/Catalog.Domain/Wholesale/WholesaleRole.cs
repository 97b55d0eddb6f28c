using System.Text.RegularExpressions;

namespace Catalog.Domain.Wholesale;

public sealed record WholesaleRoleDetails
{
    public required string Key { get; init; }
    public required string Name { get; init; }
}

/// <summary>
/// A kind of wholesale buyer (<c>wholesale_customer</c>, say) that variants price and restrict by its key. The key is
/// fixed once created, as a WordPress role's is: variants refer to it, so renaming it would silently re-point them.
/// </summary>
public sealed partial class WholesaleRole : Versioned
{
    private WholesaleRole()
    {
    }

    public string Key { get; private set; } = string.Empty;
    public string Name { get; private set; } = string.Empty;

    public WholesaleRoleDetails Details => new() { Key = Key, Name = Name };

    public static Result<WholesaleRole> Create(long id, WholesaleRoleDetails details, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (details.Key == WholesaleConstraints.AllRoles)
        {
            return new RuleViolation("'all' is reserved: in a visibility filter it means every buyer.", "key");
        }

        if (!IsValidKey(details.Key))
        {
            throw new DomainRuleException($"Role keys are {WholesaleConstraints.RoleKeyCharacters}.");
        }

        var role = new WholesaleRole { Key = details.Key };
        role.Created(id, now);
        role.SetDetails(details);
        return role;
    }

    public RuleViolation? Update(WholesaleRoleDetails details, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (!string.Equals(details.Key, Key, StringComparison.Ordinal))
        {
            const string Why = "variants refer to it. Create a role with the new key instead.";
            return new RuleViolation($"A role's key cannot be changed (it is '{Key}'): {Why}", "key");
        }

        SetDetails(details);
        Touched(now);
        return null;
    }

    /// <summary>Whether <paramref name="key"/> can name a role: the format, and not the reserved <c>all</c>.</summary>
    public static bool IsValidKey(string? key) =>
        key is { Length: > 0 and <= WholesaleConstraints.MaxRoleKeyLength }
        && KeyFormat().IsMatch(key)
        && !string.Equals(key, WholesaleConstraints.AllRoles, StringComparison.Ordinal);

    private void SetDetails(WholesaleRoleDetails details) =>
        Name = Guard.Text(details.Name, WholesaleConstraints.MaxRoleNameLength, "name");

    [GeneratedRegex(WholesaleConstraints.RoleKeyPattern)]
    private static partial Regex KeyFormat();
}
