using Catalog.Application.Common.Models;
using Catalog.Domain.Products;

namespace Catalog.Application.Products;

/// <summary>What the product use cases read. Every method is a constant number of queries, whatever the number of ids.</summary>
public interface IProductStore
{
    /// <summary>The products with their variants, prices and links, untracked.</summary>
    Task<IReadOnlyList<Product>> GetManyAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken);

    /// <summary>Which of these SKUs exist, and on which variant of which product.</summary>
    Task<IReadOnlyDictionary<string, SkuOwner>> FindSkusAsync(IReadOnlyCollection<string> skus, CancellationToken cancellationToken);

    /// <summary>Which of these handles exist, and on which product.</summary>
    Task<IReadOnlyDictionary<string, long>> FindHandlesAsync(IReadOnlyCollection<string> handles, CancellationToken cancellationToken);

    Task<Page<Product>> ListAsync(ProductFilter filter, int limit, int offset, CancellationToken cancellationToken);

    Task<Variant?> GetVariantAsync(long id, CancellationToken cancellationToken);
}

public sealed record SkuOwner(long ProductId, long VariantId);

public sealed record ProductFilter(Domain.Products.ProductStatus? Status, string? Sku, long? CategoryId);
