using AutoMapper;
using Catalog.Application.Common.Batches;
using Catalog.Application.Common.Mediator;
using Catalog.Domain.Wholesale;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace Catalog.Application.WholesaleRoles.Commands.BatchWholesaleRoles;

/// <summary>Create, update and delete wholesale roles in one request: creates first, then updates, then deletes.</summary>
public sealed record BatchWholesaleRoles(
    IReadOnlyList<WholesaleRoleCreate> Create,
    IReadOnlyList<WholesaleRoleUpdate> Update,
    IReadOnlyList<long> Delete,
    BatchPolicy Policy = BatchPolicy.Partial) : IRequest<BatchResult<WholesaleRoleDto>>, IBatchRequest
{
    public int ItemCount => Create.Count + Update.Count + Delete.Count;
}

public sealed class BatchWholesaleRolesValidator(IOptions<BatchOptions> options) : BatchRequestValidator<BatchWholesaleRoles>(options);

internal sealed class BatchWholesaleRolesHandler(
    IWholesaleRoleStore roles,
    IIdAllocator idAllocator,
    IBatchWriter writer,
    IValidator<WholesaleRoleCreate> createValidator,
    IValidator<WholesaleRoleUpdate> updateValidator,
    TimeProvider clock,
    IMapper mapper) : IRequestHandler<BatchWholesaleRoles, BatchResult<WholesaleRoleDto>>
{
    public async Task<BatchResult<WholesaleRoleDto>> Handle(BatchWholesaleRoles request, CancellationToken cancellationToken)
    {
        var ledger = new BatchLedger<WholesaleRole>(request.Create.Count, request.Update.Select(u => u.Id), request.Delete);
        var items = new WholesaleRoleBatchItems(ledger, request);

        ledger.ValidateItems(createValidator, request.Create, updateValidator, request.Update);
        ledger.FailRepeatedIds("Wholesale role");
        items.FailRepeatedClaims();

        var loaded = await LoadAsync(ledger.OpenTargetIds(), items, cancellationToken);
        items.CheckAgainst(loaded);

        var ids = await idAllocator.AllocateAsync(items.InsertCounts(), cancellationToken);
        items.Plan(loaded, ids, clock.GetUtcNow());

        return await BatchCompletion.CompleteAsync(ledger, request.Policy, writer, mapper.Map<WholesaleRoleDto>, cancellationToken);
    }

    /// <summary>Everything the batch refers to, in at most three queries whatever its size.</summary>
    private async Task<WholesaleRoleBatchState> LoadAsync(HashSet<long> roleIds, WholesaleRoleBatchItems items, CancellationToken cancellationToken)
    {
        var found = roleIds.Count == 0 ? new Dictionary<long, WholesaleRole>() : (await roles.GetManyAsync(roleIds, cancellationToken)).ToDictionary(r => r.Id);
        var keys = items.ClaimedKeys();
        var deletedKeys = items.KeysToDelete(found);
        return new WholesaleRoleBatchState(
            found,
            keys.Count == 0 ? new Dictionary<string, long>() : await roles.FindKeysAsync(keys, cancellationToken),
            deletedKeys.Count == 0 ? new HashSet<string>() : await roles.FindKeysInUseAsync(deletedKeys, cancellationToken));
    }
}

/// <summary>What a role batch found in the database: the roles it names, the keys it claims, and which roles it deletes are still in use.</summary>
internal sealed record WholesaleRoleBatchState(
    IReadOnlyDictionary<long, WholesaleRole> Roles,
    IReadOnlyDictionary<string, long> Keys,
    IReadOnlySet<string> KeysInUse);
