namespace Catalog.Application.Categories.Commands.BatchCategories;

/// <summary>Create, update and delete categories in one request: creates first, then updates, then deletes.</summary>
public sealed record BatchCategories(
    IReadOnlyList<CategoryCreate> Create,
    IReadOnlyList<CategoryUpdate> Update,
    IReadOnlyList<long> Delete,
    BatchPolicy Policy = BatchPolicy.Partial)
    : IRequest<BatchResult<CategoryDto>>, IBatchCommand<CategoryCreate, CategoryUpdate>
{
    public int ItemCount => Create.Count + Update.Count + Delete.Count;

    public bool DryRun { get; init; }
}

internal sealed class BatchCategoriesHandler(BatchEngine engine, CategoryBatchSpec spec, IMapper mapper)
    : IRequestHandler<BatchCategories, BatchResult<CategoryDto>>
{
    public ValueTask<BatchResult<CategoryDto>> Handle(BatchCategories request, CancellationToken cancellationToken) =>
        new(engine.RunAsync(spec, request, mapper.Map<CategoryDto>, cancellationToken));
}
