using Catalog.Domain.Categories;
using Catalog.Domain.Products;

namespace Catalog.Domain.Tags;

public static class TagConstraints
{
    /// <summary>A tag's name is what products carry, so it has a product tag's limit.</summary>
    public const int MaxNameLength = ProductConstraints.MaxTagLength;
    public const int MaxSlugLength = CategoryConstraints.MaxHandleLength;
    public const int MaxDescriptionLength = CategoryConstraints.MaxDescriptionLength;
}

public sealed record TagDetails
{
    public required string Name { get; init; }
    public required string Slug { get; init; }
    public string? Description { get; init; }
}

/// <summary>
/// The registry entry of a product tag: products keep their tags as names, and a tag gives a name an id, a slug and a
/// description. Names and slugs are unique.
/// </summary>
public sealed class Tag : Versioned
{
    private Tag()
    {
    }

    public string Name { get; private set; } = string.Empty;
    public string Slug { get; private set; } = string.Empty;
    public string? Description { get; private set; }

    public TagDetails Details => new() { Name = Name, Slug = Slug, Description = Description };

    public static Tag Create(long id, TagDetails details, DateTimeOffset now)
    {
        var tag = new Tag();
        tag.Created(id, now);
        tag.SetDetails(details);
        return tag;
    }

    public void Update(TagDetails details, DateTimeOffset now)
    {
        SetDetails(details);
        Touched(now);
    }

    private void SetDetails(TagDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        Name = Guard.Text(details.Name, TagConstraints.MaxNameLength, "name");
        Slug = Guard.Text(details.Slug, TagConstraints.MaxSlugLength, "slug");
        Description = Guard.OptionalText(details.Description, TagConstraints.MaxDescriptionLength, "description");
    }
}
