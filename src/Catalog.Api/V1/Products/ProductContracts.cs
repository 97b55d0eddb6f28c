using Catalog.Application.Common.Batches;
using Catalog.Application.Products;
using Catalog.Application.Products.Commands.BatchProducts;

namespace Catalog.Api.V1.Products;

/// <summary><c>{create, update, delete}</c>: new products, changes to existing ones (only the fields sent), and
/// ids to delete.</summary>
public sealed record ProductBatchRequest
{
    public IReadOnlyList<ProductCreate>? Create { get; init; }
    public IReadOnlyList<ProductUpdate>? Update { get; init; }
    public IReadOnlyList<long>? Delete { get; init; }

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
