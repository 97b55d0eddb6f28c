namespace Catalog.Application.Variants.Commands.BatchVariants;

/// <summary>
/// Create, update and delete variants in one request: of one product when <paramref name="ProductId"/> is given, else
/// of any products, each create naming its own (<see cref="VariantCreate.ProductId"/>) and each update or delete
/// finding its product by the variant's id.
/// </summary>
public sealed record BatchVariants(
    long? ProductId,
    IReadOnlyList<VariantCreate> Create,
    IReadOnlyList<VariantUpdate> Update,
    IReadOnlyList<long> Delete,
    BatchPolicy Policy = BatchPolicy.Partial)
    : IRequest<BatchResult<VariantDto>>, IBatchCommand<VariantCreate, VariantUpdate>
{
    public int ItemCount => Create.Count + Update.Count + Delete.Count;
}

internal sealed class BatchVariantsHandler(BatchEngine engine, VariantBatchSpec spec, IMapper mapper)
    : IRequestHandler<BatchVariants, BatchResult<VariantDto>>
{
    public ValueTask<BatchResult<VariantDto>> Handle(BatchVariants request, CancellationToken cancellationToken) =>
        new(engine.RunAsync(spec, request, mapper.Map<VariantDto>, cancellationToken));
}
