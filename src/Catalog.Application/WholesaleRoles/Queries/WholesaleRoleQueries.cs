using Catalog.Application.Common.Exceptions;

namespace Catalog.Application.WholesaleRoles.Queries;

public sealed record GetWholesaleRole(long Id) : IRequest<WholesaleRoleDto>;

public sealed record ListWholesaleRoles(int Limit = 50, int Offset = 0)
    : IRequest<Page<WholesaleRoleDto>>, IPagedRequest;

public sealed class ListWholesaleRolesValidator : PagingValidator<ListWholesaleRoles>;

internal sealed class WholesaleRoleQueriesHandler(IWholesaleRoleStore store, IMapper mapper) :
    IRequestHandler<GetWholesaleRole, WholesaleRoleDto>,
    IRequestHandler<ListWholesaleRoles, Page<WholesaleRoleDto>>
{
    public async ValueTask<WholesaleRoleDto> Handle(GetWholesaleRole request, CancellationToken cancellationToken)
    {
        var found = await store.GetManyAsync([request.Id], cancellationToken);
        return mapper.Map<WholesaleRoleDto>(NotFoundException.The(found, "Wholesale role", request.Id));
    }

    public async ValueTask<Page<WholesaleRoleDto>> Handle(
        ListWholesaleRoles request, CancellationToken cancellationToken) =>
        (await store.ListAsync(request.Limit, request.Offset, cancellationToken)).Map(mapper.Map<WholesaleRoleDto>);
}
