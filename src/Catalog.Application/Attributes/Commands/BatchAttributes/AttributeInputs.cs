using Catalog.Application.Common;
using Catalog.Application.Common.Batches;

namespace Catalog.Application.Attributes.Commands.BatchAttributes;

/// <summary>The fields of an attribute a batch item may send. On create an absent field takes its default; on update it stays as it is.</summary>
public abstract record AttributeWrite
{
    public Optional<string?> Name { get; init; }

    /// <summary>On create, derived from the name when absent.</summary>
    public Optional<string?> Slug { get; init; }

    /// <summary>Only <c>select</c>, WooCommerce's one attribute type.</summary>
    public Optional<string?> Type { get; init; }

    /// <summary>How storefronts sort the values: <c>menu_order</c>, <c>name</c>, <c>name_num</c> or <c>id</c>.</summary>
    public Optional<string?> OrderBy { get; init; }
    public Optional<bool?> HasArchives { get; init; }

    /// <summary>On update, the complete list of values: items with an id are updated, items without one are created, the rest are removed.</summary>
    public Optional<IReadOnlyList<AttributeValueWrite>?> Values { get; init; }
}

public sealed record AttributeCreate : AttributeWrite;

public sealed record AttributeUpdate : AttributeWrite, IBatchUpdate
{
    public long? Id { get; init; }

    /// <summary>When sent, the update applies only if the attribute's version is still this one (else CONFLICT).</summary>
    public long? Version { get; init; }
}

/// <summary>A value inside an attribute item: with an id it updates that value of the attribute, without one it creates a value.</summary>
public sealed record AttributeValueWrite
{
    public long? Id { get; init; }
    public Optional<string?> Name { get; init; }

    /// <summary>For a new value, derived from the name when absent.</summary>
    public Optional<string?> Slug { get; init; }
    public Optional<string?> Description { get; init; }
    public Optional<int?> MenuOrder { get; init; }
}
