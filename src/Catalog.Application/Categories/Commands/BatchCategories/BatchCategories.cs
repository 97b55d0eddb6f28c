using AutoMapper;
using Catalog.Application.Common.Batches;
using Catalog.Application.Common.Mediator;
using Catalog.Domain.Categories;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace Catalog.Application.Categories.Commands.BatchCategories;

/// <summary>Create, update and delete categories in one request: creates first, then updates, then deletes.</summary>
public sealed record BatchCategories(
    IReadOnlyList<CategoryCreate> Create,
    IReadOnlyList<CategoryUpdate> Update,
    IReadOnlyList<long> Delete,
    BatchPolicy Policy = BatchPolicy.Partial) : IRequest<BatchResult<CategoryDto>>, IBatchRequest
{
    public int ItemCount => Create.Count + Update.Count + Delete.Count;
}

public sealed class BatchCategoriesValidator(IOptions<BatchOptions> options) : BatchRequestValidator<BatchCategories>(options);

internal sealed class BatchCategoriesHandler(
    ICategoryStore categories,
    IIdAllocator idAllocator,
    IBatchWriter writer,
    IValidator<CategoryCreate> createValidator,
    IValidator<CategoryUpdate> updateValidator,
    TimeProvider clock,
    IMapper mapper) : IRequestHandler<BatchCategories, BatchResult<CategoryDto>>
{
    public async Task<BatchResult<CategoryDto>> Handle(BatchCategories request, CancellationToken cancellationToken)
    {
        var ledger = new BatchLedger<Category>(request.Create.Count, request.Update.Select(u => u.Id), request.Delete);
        var items = new CategoryBatchItems(ledger, request);

        ledger.ValidateItems(createValidator, request.Create, updateValidator, request.Update);
        ledger.FailRepeatedIds("Category");
        items.FailRepeatedClaims();

        var loaded = await LoadAsync(ledger.OpenTargetIds(), items, cancellationToken);
        items.CheckAgainst(loaded);

        var ids = await idAllocator.AllocateAsync(items.InsertCounts(), cancellationToken);
        items.Plan(loaded, ids, clock.GetUtcNow());

        return await BatchCompletion.CompleteAsync(ledger, request.Policy, writer, mapper.Map<CategoryDto>, cancellationToken);
    }

    /// <summary>Everything the batch refers to, in at most three queries whatever its size.</summary>
    private async Task<CategoryBatchState> LoadAsync(HashSet<long> categoryIds, CategoryBatchItems items, CancellationToken cancellationToken)
    {
        var handles = items.ClaimedHandles();
        return new CategoryBatchState(
            categoryIds.Count == 0 ? new Dictionary<long, Category>() : (await categories.GetManyAsync(categoryIds, cancellationToken)).ToDictionary(c => c.Id),
            handles.Count == 0 ? new Dictionary<string, long>() : await categories.FindHandlesAsync(handles, cancellationToken),
            items.SetsAnyParent() ? await categories.GetParentsAsync(cancellationToken) : new Dictionary<long, long?>());
    }
}

/// <summary>
/// What a category batch found in the database. <see cref="Parents"/> holds every category (so it also answers whether a
/// parent exists), and is loaded only when an item names a parent.
/// </summary>
internal sealed record CategoryBatchState(
    IReadOnlyDictionary<long, Category> Categories,
    IReadOnlyDictionary<string, long> Handles,
    IReadOnlyDictionary<long, long?> Parents);
