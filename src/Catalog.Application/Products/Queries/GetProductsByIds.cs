using AutoMapper;
using Catalog.Application.Common.Mediator;

namespace Catalog.Application.Products.Queries;

/// <summary>
/// The products among these ids that exist, with their variants, in ascending id order; an id with no product is simply
/// absent. A constant number of queries whatever the number of ids, for callers that read a batch's targets first.
/// </summary>
public sealed record GetProductsByIds(IReadOnlyCollection<long> Ids) : IRequest<IReadOnlyList<ProductDto>>;

internal sealed class GetProductsByIdsHandler(IProductStore store, IMapper mapper) : IRequestHandler<GetProductsByIds, IReadOnlyList<ProductDto>>
{
    public async Task<IReadOnlyList<ProductDto>> Handle(GetProductsByIds request, CancellationToken cancellationToken)
    {
        if (request.Ids.Count == 0)
        {
            return [];
        }

        var found = await store.GetManyAsync(request.Ids, cancellationToken);
        return [.. found.OrderBy(p => p.Id).Select(mapper.Map<ProductDto>)];
    }
}
