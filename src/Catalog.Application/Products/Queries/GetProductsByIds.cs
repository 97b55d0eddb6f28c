using AutoMapper;
using Catalog.Application.Common.Mediator;

namespace Catalog.Application.Products.Queries;

/// <summary>
/// The products with these ids (with variants and prices), in one constant-size read; ids that do not exist are left
/// out. What a dialect reads before it translates an update that merges into stored values.
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
        return [.. found.Select(mapper.Map<ProductDto>)];
    }
}
