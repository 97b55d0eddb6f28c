using Catalog.Application.Variants;

namespace Catalog.Application.Products.Commands.BatchProducts;

/// <summary>A product's fields an item may send; an absent one is the default on create, kept on update.</summary>
public abstract record ProductWrite
{
    public Optional<string?> Title { get; init; }
    public Optional<string?> Handle { get; init; }
    public Optional<string?> Subtitle { get; init; }
    public Optional<string?> Description { get; init; }
    public Optional<ProductStatus?> Status { get; init; }
    public Optional<string?> Thumbnail { get; init; }
    public Optional<IReadOnlyList<ImageInput>?> Images { get; init; }
    public Optional<IReadOnlyList<string>?> Tags { get; init; }

    /// <summary>Tags by their registry id (<c>/api/v1/tags</c>): the product carries their names, after
    /// <see cref="Tags"/>' names when both are sent. Either one sent replaces the product's tags.</summary>
    public Optional<IReadOnlyList<long>?> TagIds { get; init; }
    public Optional<IReadOnlyList<OptionInput>?> Options { get; init; }
    /// <summary>Free JSON object; on update merged into the stored one (RFC 7396 merge patch: null removes a key).
    /// </summary>
    public Optional<JsonElement?> Metadata { get; init; }

    /// <summary>Each dialect's fields with no canonical home; merged by dialect (null removes one).</summary>
    public Optional<JsonElement?> Extensions { get; init; }
    public Optional<decimal?> Weight { get; init; }
    public Optional<decimal?> Length { get; init; }
    public Optional<decimal?> Width { get; init; }
    public Optional<decimal?> Height { get; init; }
    public Optional<string?> ExternalId { get; init; }
    public Optional<IReadOnlyList<long>?> CategoryIds { get; init; }

    /// <summary>
    /// On update, merged by id: an entry with an id updates that variant (or, with <c>remove</c>, removes it), one
    /// without an id is added; variants not named stay (unless <see cref="ProductUpdate.ReplaceVariants"/>).
    /// </summary>
    public Optional<IReadOnlyList<ProductVariantWrite>?> Variants { get; init; }
}

public sealed record ProductCreate : ProductWrite;

public sealed record ProductUpdate : ProductWrite, IBatchUpdate
{
    public ProductUpdate()
    {
    }

    /// <summary>An update that sends every field <paramref name="fields"/> sends: an upsert that found its product.
    /// </summary>
    public ProductUpdate(ProductWrite fields)
        : base(fields)
    {
    }

    public long? Id { get; init; }

    /// <summary>When sent, the update applies only if the product is still at this version (else CONFLICT).</summary>
    public long? Version { get; init; }

    /// <summary>When true, <see cref="ProductWrite.Variants"/> is the whole list: the variants it does not name go.
    /// </summary>
    public bool? ReplaceVariants { get; init; }
}

public sealed record ImageInput
{
    public string? Url { get; init; }
}

/// <summary>An option of a product; its place in the list is its position.</summary>
public sealed record OptionInput
{
    public string? Title { get; init; }
    public IReadOnlyList<string>? Values { get; init; }

    /// <summary>The global attribute this option stands for, if any.</summary>
    public long? AttributeId { get; init; }

    /// <summary>Shown on the product page (default true).</summary>
    public bool? Visible { get; init; }

    /// <summary>Used to tell variants apart (default true).</summary>
    public bool? Variation { get; init; }
}
