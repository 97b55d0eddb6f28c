using Catalog.Application.Products.Commands.BatchProducts;
using Catalog.Application.Variants.Commands.BatchVariants;

namespace Catalog.Api.V1.Products;

/// <summary><c>{create, update, delete}</c>: new products, changes to existing ones (only the fields sent), and
/// ids to delete.</summary>
public sealed record ProductBatchRequest : BatchRequest<ProductCreate, ProductUpdate>
{
    public BatchProducts ToCommand(BatchPolicy policy) => new(Create ?? [], Update ?? [], Delete ?? [], policy);
}

/// <summary><c>{updates}</c>: changes to existing products, each with its id and only the fields to change.</summary>
public sealed record ProductPatchRequest
{
    public IReadOnlyList<ProductUpdate>? Updates { get; init; }

    public BatchProducts ToCommand(BatchPolicy policy) => new([], Updates ?? [], [], policy);
}

public sealed record ProductItemResult : ItemResultContract
{
    [System.Text.Json.Serialization.JsonPropertyOrder(1)]
    public ProductDto? Product { get; init; }

    public static ProductItemResult From(ItemResult<ProductDto> result) =>
        Of(result, product => new ProductItemResult { Product = product });
}

/// <summary><c>{create, update, delete}</c> of the variants of one product.</summary>
public sealed record VariantBatchRequest : BatchRequest<VariantCreate, VariantUpdate>
{
    /// <param name="productId">The product whose variants change; null for variants of any products.</param>
    public BatchVariants ToCommand(long? productId, BatchPolicy policy) =>
        new(productId, Create ?? [], Update ?? [], Delete ?? [], policy);
}

public sealed record VariantItemResult : ItemResultContract
{
    [System.Text.Json.Serialization.JsonPropertyOrder(1)]
    public VariantDto? Variant { get; init; }

    public static VariantItemResult From(ItemResult<VariantDto> result) =>
        Of(result, variant => new VariantItemResult { Variant = variant });
}
