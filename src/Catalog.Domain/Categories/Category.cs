namespace Catalog.Domain.Categories;

public static class CategoryConstraints
{
    public const int MaxNameLength = 255;
    public const int MaxHandleLength = 255;
    public const int MaxDescriptionLength = 65_535;
}

public sealed record CategoryDetails
{
    public required string Name { get; init; }
    public required string Handle { get; init; }
    public string? Description { get; init; }
    public long? ParentId { get; init; }
    public int Rank { get; init; }
    public string? Metadata { get; init; }
}

/// <summary>A node of the category tree; products link to any number of categories.</summary>
public sealed class Category : Versioned
{
    private Category()
    {
    }

    public string Name { get; private set; } = string.Empty;
    public string Handle { get; private set; } = string.Empty;
    public string? Description { get; private set; }
    public long? ParentId { get; private set; }
    public int Rank { get; private set; }
    public string? Metadata { get; private set; }

    public CategoryDetails Details => new()
    {
        Name = Name,
        Handle = Handle,
        Description = Description,
        ParentId = ParentId,
        Rank = Rank,
        Metadata = Metadata,
    };

    public static Category Create(long id, CategoryDetails details, DateTimeOffset now)
    {
        var category = new Category();
        category.Created(id, now);
        category.SetDetails(details);
        return category;
    }

    public RuleViolation? Update(CategoryDetails details, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (details.ParentId == Id)
        {
            return new RuleViolation("A category cannot be its own parent.", "parent_id");
        }

        SetDetails(details);
        Touched(now);
        return null;
    }

    private void SetDetails(CategoryDetails details)
    {
        Name = Guard.Text(details.Name, CategoryConstraints.MaxNameLength, "name");
        Handle = Guard.Text(details.Handle, CategoryConstraints.MaxHandleLength, "handle");
        Description = Guard.OptionalText(details.Description, CategoryConstraints.MaxDescriptionLength, "description");
        ParentId = details.ParentId;
        Rank = details.Rank;
        Metadata = details.Metadata;
    }
}
