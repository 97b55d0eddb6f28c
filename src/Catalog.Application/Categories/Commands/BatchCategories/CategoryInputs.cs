namespace Catalog.Application.Categories.Commands.BatchCategories;

/// <summary>A category's fields an item may send; an absent one is the default on create, kept on update.</summary>
public abstract record CategoryWrite
{
    public Optional<string?> Name { get; init; }

    /// <summary>On create, derived from the name when absent.</summary>
    public Optional<string?> Handle { get; init; }
    public Optional<string?> Description { get; init; }

    /// <summary>An existing category, or null for a root category.</summary>
    public Optional<long?> ParentId { get; init; }
    public Optional<int?> Rank { get; init; }
    /// <summary>Free JSON object; on update merged into the stored one (RFC 7396 merge patch: null removes a key).
    /// </summary>
    public Optional<JsonElement?> Metadata { get; init; }
}

public sealed record CategoryCreate : CategoryWrite;

public sealed record CategoryUpdate : CategoryWrite, IBatchUpdate
{
    public long? Id { get; init; }

    /// <summary>When sent, the update applies only if the category is still at this version (else CONFLICT).</summary>
    public long? Version { get; init; }
}
