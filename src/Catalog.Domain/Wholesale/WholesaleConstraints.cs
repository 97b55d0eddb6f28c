namespace Catalog.Domain.Wholesale;

/// <summary>Limits of wholesale roles and terms, shared by the validators and the database schema.</summary>
public static class WholesaleConstraints
{
    public const int MaxRoleKeyLength = 64;
    public const int MaxRoleNameLength = 255;

    /// <summary>What <see cref="RoleKeyPattern"/> accepts, as messages say it.</summary>
    public const string RoleKeyCharacters = "letters, digits, underscores and hyphens";

    /// <summary>As WordPress role keys such as <c>wholesale_customer</c>.</summary>
    public const string RoleKeyPattern = @"^[A-Za-z0-9_-]+\z";

    /// <summary>Not a role: in a visibility filter, <c>["all"]</c> means every buyer, as no filter does.</summary>
    public const string AllRoles = "all";

    /// <summary>The most entries each wholesale list of a variant (prices, minimums, steps, ...) may hold.</summary>
    public const int MaxEntries = 100;

    /// <summary>The largest quantity a minimum, step, rule or quote may name; totals stay far from overflow.</summary>
    public const long MaxQuantity = 1_000_000_000;

    public const decimal MaxPercent = 100m;
    public const int PriceTypeLength = 16;
}
