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
