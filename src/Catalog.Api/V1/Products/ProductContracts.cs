using Catalog.Application.Products.Commands.BatchProducts;
using Catalog.Application.Variants.Commands.BatchVariants;

namespace Catalog.Api.V1.Products;

/// <summary><c>{create, update, delete, upsert}</c>: new products, changes to existing ones (only the fields sent),
/// ids to delete, and products matched by their variants' SKUs.</summary>
public sealed record ProductBatchRequest : BatchRequest<ProductCreate, ProductUpdate>
{
    /// <summary>Products in the shape of a create, matched by their variants' SKUs: created when no SKU is known,
    /// else the product that holds them is updated to look like the item.</summary>
    public IReadOnlyList<ProductCreate>? Upsert { get; init; }

    public BatchProducts ToCommand(BatchPolicy policy) =>
        new(Create ?? [], Update ?? [], Delete ?? [], policy) { Upsert = Upsert ?? [] };
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

/// <summary><c>{create, update, delete, upsert}</c> of the variants of one product.</summary>
public sealed record VariantBatchRequest : BatchRequest<VariantCreate, VariantUpdate>
{
    /// <summary>Variants in the shape of a create, matched by their (required) SKU: updated when it is a variant of
    /// this product, created when it is unknown.</summary>
    public IReadOnlyList<VariantCreate>? Upsert { get; init; }

    /// <param name="productId">The product whose variants change; null for variants of any products.</param>
    public BatchVariants ToCommand(long? productId, BatchPolicy policy) =>
        new(productId, Create ?? [], Update ?? [], Delete ?? [], policy) { Upsert = Upsert ?? [] };
}

public sealed record VariantItemResult : ItemResultContract
{
    [System.Text.Json.Serialization.JsonPropertyOrder(1)]
    public VariantDto? Variant { get; init; }

    public static VariantItemResult From(ItemResult<VariantDto> result) =>
        Of(result, variant => new VariantItemResult { Variant = variant });
}
