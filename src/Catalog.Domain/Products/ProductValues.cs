namespace Catalog.Domain.Products;

/// <summary>
/// Where a product stands in its life: the union of the states the dialects know (WooCommerce's pending is
/// <see cref="Proposed"/>, Medusa's proposed and rejected are kept as they are).
/// </summary>
public enum ProductStatus
{
    Draft,
    Proposed,
    Published,
    Private,
    Rejected,
    Archived,
}

public sealed record ProductImage(string Url);

/// <summary>
/// A product option such as "Size" with the values its variants may take. Its place in the product's list is its
/// position. It may be backed by a global attribute (<paramref name="AttributeId"/>); it may be shown on the product
/// page (<paramref name="Visible"/>) and used to tell variants apart (<paramref name="Variation"/>).
/// </summary>
public sealed record ProductOption(
    string Title, IReadOnlyList<string> Values, long? AttributeId = null, bool Visible = true, bool Variation = true);

/// <summary>The scalar and value fields of a product, replaced together by <see cref="Product.Update"/>.</summary>
public sealed record ProductDetails
{
    public required string Handle { get; init; }
    public required string Title { get; init; }
    public string? Subtitle { get; init; }
    public string? Description { get; init; }
    public ProductStatus Status { get; init; }
    public string? Thumbnail { get; init; }
    public IReadOnlyList<ProductImage> Images { get; init; } = [];
    public IReadOnlyList<string> Tags { get; init; } = [];
    public IReadOnlyList<ProductOption> Options { get; init; } = [];
    public string? Metadata { get; init; }
    public string? Extensions { get; init; }
    public decimal? Weight { get; init; }
    public decimal? Length { get; init; }
    public decimal? Width { get; init; }
    public decimal? Height { get; init; }
    public string? ExternalId { get; init; }
}
