using Catalog.Application.Common.Batches;
using Catalog.Application.Variants;
using Catalog.Application.Variants.Commands.BatchVariants;

namespace Catalog.Api.V1.Products;

/// <summary><c>{create, update, delete}</c> of the variants of one product.</summary>
public sealed record VariantBatchRequest
{
    public IReadOnlyList<VariantCreate>? Create { get; init; }
    public IReadOnlyList<VariantUpdate>? Update { get; init; }
    public IReadOnlyList<long>? Delete { get; init; }

    public BatchVariants ToCommand(long productId, BatchPolicy policy) =>
        new(productId, Create ?? [], Update ?? [], Delete ?? [], policy);
}

public sealed record VariantItemResult : ItemResultContract
{
    [System.Text.Json.Serialization.JsonPropertyOrder(1)]
    public VariantDto? Variant { get; init; }

    public static VariantItemResult From(ItemResult<VariantDto> result) =>
        Of(result, variant => new VariantItemResult { Variant = variant });
}
