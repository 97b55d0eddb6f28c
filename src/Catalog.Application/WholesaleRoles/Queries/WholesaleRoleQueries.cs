using AutoMapper;
using Catalog.Application.Common.Exceptions;
using Catalog.Application.Common.Mediator;
using Catalog.Application.Common.Models;
using FluentValidation;

namespace Catalog.Application.WholesaleRoles.Queries;

public sealed record GetWholesaleRole(long Id) : IRequest<WholesaleRoleDto>;

public sealed record ListWholesaleRoles(int Limit = 50, int Offset = 0) : IRequest<Page<WholesaleRoleDto>>;

public sealed class ListWholesaleRolesValidator : AbstractValidator<ListWholesaleRoles>
{
    public ListWholesaleRolesValidator()
    {
        RuleFor(x => x.Limit).InclusiveBetween(1, 200);
        RuleFor(x => x.Offset).GreaterThanOrEqualTo(0);
    }
}

internal sealed class WholesaleRoleQueriesHandler(IWholesaleRoleStore store, IMapper mapper) :
    IRequestHandler<GetWholesaleRole, WholesaleRoleDto>,
    IRequestHandler<ListWholesaleRoles, Page<WholesaleRoleDto>>
{
    public async Task<WholesaleRoleDto> Handle(GetWholesaleRole request, CancellationToken cancellationToken)
    {
        var found = await store.GetManyAsync([request.Id], cancellationToken);
        return found.Count == 1 ? mapper.Map<WholesaleRoleDto>(found[0]) : throw new NotFoundException("Wholesale role", request.Id);
    }

    public async Task<Page<WholesaleRoleDto>> Handle(ListWholesaleRoles request, CancellationToken cancellationToken)
    {
        var page = await store.ListAsync(request.Limit, request.Offset, cancellationToken);
        return new Page<WholesaleRoleDto>([.. page.Items.Select(mapper.Map<WholesaleRoleDto>)], page.Total, page.Limit, page.Offset);
    }
}
