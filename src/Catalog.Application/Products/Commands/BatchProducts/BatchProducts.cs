namespace Catalog.Application.Products.Commands.BatchProducts;

/// <summary>Create, update, delete and upsert products (with their variants) in one request.</summary>
public sealed record BatchProducts(
    IReadOnlyList<ProductCreate> Create,
    IReadOnlyList<ProductUpdate> Update,
    IReadOnlyList<long> Delete,
    BatchPolicy Policy = BatchPolicy.Partial)
    : IRequest<BatchResult<ProductDto>>, IBatchCommand<ProductCreate, ProductUpdate>,
        IResolvedUpdates<ProductDto, ProductUpdate>
{
    /// <summary>
    /// Set by a dialect whose updates are stated against the products as stored: <see cref="Update"/> then names the
    /// products, and this makes each the update that applies once the engine has read it (see
    /// <see cref="IResolvedUpdates{TDto, TUpdate}"/>). Not with upserts.
    /// </summary>
    public UpdateResolver<ProductDto, ProductUpdate>? Resolve { get; init; }
    /// <summary>Products matched by their variants' SKUs: created when none is known, else updated (see
    /// <see cref="ProductUpserts"/>).</summary>
    public IReadOnlyList<ProductCreate> Upsert { get; init; } = [];

    public int ItemCount => Create.Count + Update.Count + Delete.Count + Upsert.Count;

    public bool DryRun { get; init; }

    /// <summary>What an item whose handle is taken gets: a failure (the default), or the handle with a free suffix.
    /// </summary>
    public TakenHandles TakenHandles { get; init; }
}

internal sealed class BatchProductsHandler(
    BatchEngine engine, ProductBatchSpec spec, ProductUpserts upserts, BatchCheckpoint checkpoint, IMapper mapper)
    : IRequestHandler<BatchProducts, BatchResult<ProductDto>>
{
    public async ValueTask<BatchResult<ProductDto>> Handle(
        BatchProducts request, CancellationToken cancellationToken)
    {
        var (command, plan) = await upserts.ResolveAsync(request, cancellationToken);
        checkpoint.Upserts = plan;
        var result = await engine.RunAsync(spec, command, mapper.Map<ProductDto>, cancellationToken);
        return plan.Split(result);
    }
}
