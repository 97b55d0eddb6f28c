using AutoMapper;
using Catalog.Application.Common.Mediator;

namespace Catalog.Application.Categories.Queries;

/// <summary>The categories with these ids, in one read; ids that do not exist are left out.</summary>
public sealed record GetCategoriesByIds(IReadOnlyCollection<long> Ids) : IRequest<IReadOnlyList<CategoryDto>>;

internal sealed class GetCategoriesByIdsHandler(ICategoryStore store, IMapper mapper) : IRequestHandler<GetCategoriesByIds, IReadOnlyList<CategoryDto>>
{
    public async Task<IReadOnlyList<CategoryDto>> Handle(GetCategoriesByIds request, CancellationToken cancellationToken)
    {
        if (request.Ids.Count == 0)
        {
            return [];
        }

        var found = await store.GetManyAsync(request.Ids, cancellationToken);
        return [.. found.Select(mapper.Map<CategoryDto>)];
    }
}
