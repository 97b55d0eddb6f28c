namespace Catalog.Application.Products.Commands.BatchProducts;

/// <summary>Create, update and delete products (with their variants) in one request.</summary>
public sealed record BatchProducts(
    IReadOnlyList<ProductCreate> Create,
    IReadOnlyList<ProductUpdate> Update,
    IReadOnlyList<long> Delete,
    BatchPolicy Policy = BatchPolicy.Partial)
    : IRequest<BatchResult<ProductDto>>, IBatchCommand<ProductCreate, ProductUpdate>
{
    public int ItemCount => Create.Count + Update.Count + Delete.Count;
}

internal sealed class BatchProductsHandler(BatchEngine engine, ProductBatchSpec spec, IMapper mapper)
    : IRequestHandler<BatchProducts, BatchResult<ProductDto>>
{
    public ValueTask<BatchResult<ProductDto>> Handle(BatchProducts request, CancellationToken cancellationToken) =>
        new(engine.RunAsync(spec, request, mapper.Map<ProductDto>, cancellationToken));
}
