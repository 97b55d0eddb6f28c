using Catalog.Application.Common.Exceptions;

namespace Catalog.Application.Attributes.Queries;

public sealed record GetAttribute(long Id) : IRequest<AttributeDto>;

/// <summary>The attributes (with their values) with these ids, in one read; unknown ids are left out.</summary>
public sealed record GetAttributesByIds(IReadOnlyCollection<long> Ids) : IRequest<IReadOnlyList<AttributeDto>>;

public sealed record ListAttributes(int Limit = 50, int Offset = 0) : IRequest<Page<AttributeDto>>, IPagedRequest;

public sealed class ListAttributesValidator : PagingValidator<ListAttributes>;

internal sealed class AttributeQueriesHandler(IAttributeStore store, IMapper mapper) :
    IRequestHandler<GetAttribute, AttributeDto>,
    IRequestHandler<GetAttributesByIds, IReadOnlyList<AttributeDto>>,
    IRequestHandler<ListAttributes, Page<AttributeDto>>
{
    public async ValueTask<AttributeDto> Handle(GetAttribute request, CancellationToken cancellationToken)
    {
        var found = await store.GetManyAsync([request.Id], cancellationToken);
        return mapper.Map<AttributeDto>(NotFoundException.The(found, "Attribute", request.Id));
    }

    public async ValueTask<IReadOnlyList<AttributeDto>> Handle(
        GetAttributesByIds request, CancellationToken cancellationToken)
    {
        var found = request.Ids.Count == 0 ? [] : await store.GetManyAsync(request.Ids, cancellationToken);
        return [.. found.Select(mapper.Map<AttributeDto>)];
    }

    public async ValueTask<Page<AttributeDto>> Handle(ListAttributes request, CancellationToken cancellationToken) =>
        (await store.ListAsync(request.Limit, request.Offset, cancellationToken)).Map(mapper.Map<AttributeDto>);
}
