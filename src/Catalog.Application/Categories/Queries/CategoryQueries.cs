using AutoMapper;
using Catalog.Application.Common.Exceptions;
using Catalog.Application.Common.Mediator;
using Catalog.Application.Common.Models;
using FluentValidation;

namespace Catalog.Application.Categories.Queries;

public sealed record GetCategory(long Id) : IRequest<CategoryDto>;

/// <summary>The categories with these ids, in one read; ids that do not exist are left out.</summary>
public sealed record GetCategoriesByIds(IReadOnlyCollection<long> Ids) : IRequest<IReadOnlyList<CategoryDto>>;

public sealed record ListCategories(long? ParentId, int Limit = 50, int Offset = 0) : IRequest<Page<CategoryDto>>;

public sealed class ListCategoriesValidator : AbstractValidator<ListCategories>
{
    public ListCategoriesValidator()
    {
        RuleFor(x => x.Limit).InclusiveBetween(1, 200);
        RuleFor(x => x.Offset).GreaterThanOrEqualTo(0);
    }
}

internal sealed class CategoryQueriesHandler(ICategoryStore store, IMapper mapper) :
    IRequestHandler<GetCategory, CategoryDto>,
    IRequestHandler<GetCategoriesByIds, IReadOnlyList<CategoryDto>>,
    IRequestHandler<ListCategories, Page<CategoryDto>>
{
    public async Task<CategoryDto> Handle(GetCategory request, CancellationToken cancellationToken)
    {
        var found = await store.GetManyAsync([request.Id], cancellationToken);
        return found.Count == 1 ? mapper.Map<CategoryDto>(found[0]) : throw new NotFoundException("Category", request.Id);
    }

    public async Task<IReadOnlyList<CategoryDto>> Handle(GetCategoriesByIds request, CancellationToken cancellationToken) =>
        request.Ids.Count == 0 ? [] : [.. (await store.GetManyAsync(request.Ids, cancellationToken)).Select(mapper.Map<CategoryDto>)];

    public async Task<Page<CategoryDto>> Handle(ListCategories request, CancellationToken cancellationToken)
    {
        var page = await store.ListAsync(request.ParentId, request.Limit, request.Offset, cancellationToken);
        return new Page<CategoryDto>([.. page.Items.Select(mapper.Map<CategoryDto>)], page.Total, page.Limit, page.Offset);
    }
}
