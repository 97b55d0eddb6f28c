namespace Catalog.Domain.Products;

public enum ProductStatus
{
    Draft,
    Published,
    Archived,
}
