using Catalog.Application.Common.Exceptions;

namespace Catalog.Application.Categories.Queries;

public sealed record GetCategory(long Id) : IRequest<CategoryDto>;

/// <summary>The categories with these ids, in one read; ids that do not exist are left out.</summary>
public sealed record GetCategoriesByIds(IReadOnlyCollection<long> Ids) : IRequest<IReadOnlyList<CategoryDto>>;

public sealed record ListCategories(long? ParentId, int Limit = 50, int Offset = 0)
    : IRequest<Page<CategoryDto>>, IPagedRequest
{
    /// <summary>Only the category with this handle.</summary>
    public string? Handle { get; init; }

    /// <summary>Only root categories (those without a parent).</summary>
    public bool RootsOnly { get; init; }
}

public sealed class ListCategoriesValidator : PagingValidator<ListCategories>;

internal sealed class CategoryQueriesHandler(ICategoryStore store, IMapper mapper) :
    IRequestHandler<GetCategory, CategoryDto>,
    IRequestHandler<GetCategoriesByIds, IReadOnlyList<CategoryDto>>,
    IRequestHandler<ListCategories, Page<CategoryDto>>
{
    public async ValueTask<CategoryDto> Handle(GetCategory request, CancellationToken cancellationToken)
    {
        var found = await store.GetManyAsync([request.Id], cancellationToken);
        return mapper.Map<CategoryDto>(NotFoundException.The(found, "Category", request.Id));
    }

    public async ValueTask<IReadOnlyList<CategoryDto>> Handle(
        GetCategoriesByIds request, CancellationToken cancellationToken)
    {
        var found = request.Ids.Count == 0 ? [] : await store.GetManyAsync(request.Ids, cancellationToken);
        return [.. found.Select(mapper.Map<CategoryDto>)];
    }

    public async ValueTask<Page<CategoryDto>> Handle(ListCategories request, CancellationToken cancellationToken)
    {
        var page = await store.ListAsync(
            new CategoryFilter(request.ParentId, request.Handle, request.RootsOnly),
            request.Limit,
            request.Offset,
            cancellationToken);
        return page.Map(mapper.Map<CategoryDto>);
    }
}
