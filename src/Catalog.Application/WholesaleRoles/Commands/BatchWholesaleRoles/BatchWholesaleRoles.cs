namespace Catalog.Application.WholesaleRoles.Commands.BatchWholesaleRoles;

/// <summary>Create, update and delete wholesale roles in one request.</summary>
public sealed record BatchWholesaleRoles(
    IReadOnlyList<WholesaleRoleCreate> Create,
    IReadOnlyList<WholesaleRoleUpdate> Update,
    IReadOnlyList<long> Delete,
    BatchPolicy Policy = BatchPolicy.Partial)
    : IRequest<BatchResult<WholesaleRoleDto>>, IBatchCommand<WholesaleRoleCreate, WholesaleRoleUpdate>
{
    public int ItemCount => Create.Count + Update.Count + Delete.Count;

    public bool DryRun { get; init; }
}

internal sealed class BatchWholesaleRolesHandler(BatchEngine engine, WholesaleRoleBatchSpec spec, IMapper mapper)
    : IRequestHandler<BatchWholesaleRoles, BatchResult<WholesaleRoleDto>>
{
    public ValueTask<BatchResult<WholesaleRoleDto>> Handle(
        BatchWholesaleRoles request, CancellationToken cancellationToken) =>
        new(engine.RunAsync(spec, request, mapper.Map<WholesaleRoleDto>, cancellationToken));
}
