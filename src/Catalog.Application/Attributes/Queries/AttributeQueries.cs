using AutoMapper;
using Catalog.Application.Common.Exceptions;
using Catalog.Application.Common.Mediator;
using Catalog.Application.Common.Models;
using FluentValidation;

namespace Catalog.Application.Attributes.Queries;

public sealed record GetAttribute(long Id) : IRequest<AttributeDto>;

/// <summary>The attributes (with their values) with these ids, in one read; unknown ids are left out.</summary>
public sealed record GetAttributesByIds(IReadOnlyCollection<long> Ids) : IRequest<IReadOnlyList<AttributeDto>>;

public sealed record ListAttributes(int Limit = 50, int Offset = 0) : IRequest<Page<AttributeDto>>;

public sealed class ListAttributesValidator : AbstractValidator<ListAttributes>
{
    public ListAttributesValidator()
    {
        RuleFor(x => x.Limit).InclusiveBetween(1, 200);
        RuleFor(x => x.Offset).GreaterThanOrEqualTo(0);
    }
}

internal sealed class AttributeQueriesHandler(IAttributeStore store, IMapper mapper) :
    IRequestHandler<GetAttribute, AttributeDto>,
    IRequestHandler<GetAttributesByIds, IReadOnlyList<AttributeDto>>,
    IRequestHandler<ListAttributes, Page<AttributeDto>>
{
    public async Task<AttributeDto> Handle(GetAttribute request, CancellationToken cancellationToken)
    {
        var found = await store.GetManyAsync([request.Id], cancellationToken);
        return found.Count == 1 ? mapper.Map<AttributeDto>(found[0]) : throw new NotFoundException("Attribute", request.Id);
    }

    public async Task<IReadOnlyList<AttributeDto>> Handle(GetAttributesByIds request, CancellationToken cancellationToken) =>
        request.Ids.Count == 0 ? [] : [.. (await store.GetManyAsync(request.Ids, cancellationToken)).Select(mapper.Map<AttributeDto>)];

    public async Task<Page<AttributeDto>> Handle(ListAttributes request, CancellationToken cancellationToken)
    {
        var page = await store.ListAsync(request.Limit, request.Offset, cancellationToken);
        return new Page<AttributeDto>([.. page.Items.Select(mapper.Map<AttributeDto>)], page.Total, page.Limit, page.Offset);
    }
}
