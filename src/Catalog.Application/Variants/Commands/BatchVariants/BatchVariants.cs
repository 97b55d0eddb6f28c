using Catalog.Application.Products;

namespace Catalog.Application.Variants.Commands.BatchVariants;

/// <summary>
/// Create, update, delete and upsert variants in one request: of one product when <paramref name="ProductId"/> is
/// given, else of any products, each create naming its own (<see cref="VariantCreate.ProductId"/>) and each update or
/// delete finding its product by the variant's id.
/// </summary>
public sealed record BatchVariants(
    long? ProductId,
    IReadOnlyList<VariantCreate> Create,
    IReadOnlyList<VariantUpdate> Update,
    IReadOnlyList<long> Delete,
    BatchPolicy Policy = BatchPolicy.Partial)
    : IRequest<BatchResult<VariantDto>>, IBatchCommand<VariantCreate, VariantUpdate>, IScopedBatch
{
    public bool ItemsAreStated => ResolveAgainst is not null;
    /// <summary>Variants matched by SKU: created when it is unknown, updated when it is this product's (see
    /// <see cref="VariantUpserts"/>).</summary>
    public IReadOnlyList<VariantCreate> Upsert { get; init; } = [];

    /// <summary>
    /// Set by a dialect whose items are stated against the product the batch names (a WooCommerce variation's
    /// attributes name the product's options): the engine reads the product, then this makes each item sent the item
    /// that applies, inside the load's snapshot (ADR 15). <see cref="ProductId"/> is required; not with upserts.
    /// </summary>
    public Func<ProductDto, ScopedItems<VariantCreate, VariantUpdate>>? ResolveAgainst { get; init; }

    public int ItemCount => Create.Count + Update.Count + Delete.Count + Upsert.Count;

    public bool DryRun { get; init; }
}

internal sealed class BatchVariantsHandler(
    BatchEngine engine, VariantBatchSpec spec, VariantUpserts upserts, BatchCheckpoint checkpoint, IMapper mapper)
    : IRequestHandler<BatchVariants, BatchResult<VariantDto>>
{
    public async ValueTask<BatchResult<VariantDto>> Handle(
        BatchVariants request, CancellationToken cancellationToken)
    {
        var (command, plan) = await upserts.ResolveAsync(request, cancellationToken);
        checkpoint.Upserts = plan;
        var result = await engine.RunAsync(spec, command, mapper.Map<VariantDto>, cancellationToken);
        return plan.Split(result);
    }
}
