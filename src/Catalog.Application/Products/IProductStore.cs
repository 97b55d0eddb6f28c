namespace Catalog.Application.Products;

/// <summary>What the product use cases read: every method is a constant number of queries, whatever the ids.</summary>
public interface IProductStore
{
    /// <summary>The products with their variants, prices and links, untracked.</summary>
    Task<IReadOnlyList<Product>> GetManyAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken);

    /// <summary>Which of these SKUs exist, and on which variant of which product.</summary>
    Task<IReadOnlyDictionary<string, SkuOwner>> FindSkusAsync(
        IReadOnlyCollection<string> skus, CancellationToken cancellationToken);

    /// <summary>How many variants each of these products has (a product without variants is absent).</summary>
    Task<IReadOnlyDictionary<long, int>> CountVariantsAsync(
        IReadOnlyCollection<long> productIds, CancellationToken cancellationToken);

    /// <summary>Which of these handles exist, and on which product.</summary>
    Task<IReadOnlyDictionary<string, long>> FindHandlesAsync(
        IReadOnlyCollection<string> handles, CancellationToken cancellationToken);

    Task<Page<Product>> ListAsync(ProductFilter filter, int limit, int offset, CancellationToken cancellationToken);

    /// <summary>The products carrying any of these tag names: their own rows only (no variants or links).</summary>
    Task<IReadOnlyList<Product>> GetTaggedAsync(IReadOnlyCollection<string> tags, CancellationToken cancellationToken);

    /// <summary>How many products carry each of these tag names (a name none carries is absent).</summary>
    Task<IReadOnlyDictionary<string, int>> CountTaggedAsync(
        IReadOnlyCollection<string> tags, CancellationToken cancellationToken);

    Task<Variant?> GetVariantAsync(long id, CancellationToken cancellationToken);

    /// <summary>Which of these variants exist, and the product of each, by variant id.</summary>
    Task<IReadOnlyDictionary<long, long>> FindVariantProductsAsync(
        IReadOnlyCollection<long> variantIds, CancellationToken cancellationToken);
}

public sealed record SkuOwner(long ProductId, long VariantId)
{
    /// <summary>What a refusal of this SKU tells the dialects; only on a SKU an item may not have (see
    /// <see cref="TakenSkus"/>).</summary>
    public SkuHolder? Holder { get; init; }

    public string Taken(string sku) => $"The SKU '{sku}' is taken by variant {VariantId} of product {ProductId}.";

    /// <summary>The failure of an item that asks for this owner's SKU.</summary>
    public ItemError Refusal(string sku, string field) =>
        ItemError.Of(ErrorCodes.DuplicateSku, Taken(sku), field) with { SkuHolder = Holder };
}

/// <summary>
/// Which products a list holds. <paramref name="Statuses"/> narrows to any of several statuses; <paramref
/// name="Search"/> matches the title or description, ignoring case; <paramref name="Extension"/> matches one field of a
/// dialect's extensions.
/// </summary>
public sealed record ProductFilter(
    Domain.Products.ProductStatus? Status,
    string? Sku,
    long? CategoryId,
    IReadOnlyCollection<Domain.Products.ProductStatus>? Statuses = null,
    string? Search = null,
    ExtensionFilter? Extension = null)
{
    /// <summary>Ids, handles, titles, SKUs, categories, tags, time ranges and the order.</summary>
    public Queries.ProductListFilters More { get; init; } = Queries.ProductListFilters.None;
}

/// <summary>
/// <c>extensions.{Dialect}.{Field}</c> equals <paramref name="Value"/> (a string); with <paramref name="OrMissing"/>,
/// products without that field match too. Dialect and field are names of the code's own, never a client's.
/// </summary>
public sealed record ExtensionFilter(string Dialect, string Field, string Value, bool OrMissing);
