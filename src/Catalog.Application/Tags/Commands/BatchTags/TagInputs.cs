namespace Catalog.Application.Tags.Commands.BatchTags;

/// <summary>A tag's fields an item may send; an absent one is the default on create, kept on update.</summary>
public abstract record TagWrite
{
    /// <summary>On update, a new name is written on every product that carries the old one.</summary>
    public Optional<string?> Name { get; init; }

    /// <summary>On create, derived from the name when absent.</summary>
    public Optional<string?> Slug { get; init; }
    public Optional<string?> Description { get; init; }
}

public sealed record TagCreate : TagWrite;

public sealed record TagUpdate : TagWrite, IBatchUpdate
{
    public long? Id { get; init; }

    /// <summary>When sent, the update applies only if the tag is still at this version (else CONFLICT).</summary>
    public long? Version { get; init; }
}
