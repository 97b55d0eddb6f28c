namespace Catalog.Application.Attributes.Commands.BatchAttributes;

/// <summary>An attribute's fields an item may send; an absent one is the default on create, kept on update.</summary>
public abstract record AttributeWrite
{
    public Optional<string?> Name { get; init; }

    /// <summary>On create, derived from the name when absent.</summary>
    public Optional<string?> Slug { get; init; }

    /// <summary>Only <c>select</c>, WooCommerce's one attribute type.</summary>
    public Optional<string?> Type { get; init; }

    /// <summary>How storefronts sort values: <c>menu_order</c>, <c>name</c>, <c>name_num</c> or <c>id</c>.</summary>
    public Optional<string?> OrderBy { get; init; }
    public Optional<bool?> HasArchives { get; init; }

    /// <summary>On update, the whole list: with an id updated, without one created, the rest removed.</summary>
    public Optional<IReadOnlyList<AttributeValueWrite>?> Values { get; init; }
}

public sealed record AttributeCreate : AttributeWrite;

public sealed record AttributeUpdate : AttributeWrite, IBatchUpdate
{
    public long? Id { get; init; }

    /// <summary>When sent, the update applies only if the attribute is still at this version (else CONFLICT).</summary>
    public long? Version { get; init; }
}

/// <summary>A value inside an attribute item: with an id it updates that value, without one it creates one.</summary>
public sealed record AttributeValueWrite
{
    public long? Id { get; init; }
    public Optional<string?> Name { get; init; }

    /// <summary>For a new value, derived from the name when absent.</summary>
    public Optional<string?> Slug { get; init; }
    public Optional<string?> Description { get; init; }
    public Optional<int?> MenuOrder { get; init; }
}
