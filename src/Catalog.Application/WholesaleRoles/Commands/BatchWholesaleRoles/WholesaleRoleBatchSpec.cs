namespace Catalog.Application.WholesaleRoles.Commands.BatchWholesaleRoles;

/// <summary>What a role batch found: the roles it names, keys it claims, roles it deletes still in use.</summary>
public sealed record WholesaleRoleBatchState(
    IReadOnlyDictionary<long, WholesaleRole> Roles,
    IReadOnlyDictionary<string, long> Keys,
    IReadOnlySet<string> KeysInUse);

/// <summary>Wholesale roles. A key is fixed once created (terms name it), so only creates claim one.</summary>
internal sealed class WholesaleRoleBatchSpec(
    IWholesaleRoleStore roles,
    IValidator<WholesaleRoleCreate> createValidator,
    IValidator<WholesaleRoleUpdate> updateValidator)
    : BatchSpec<WholesaleRoleWrite, WholesaleRoleCreate, WholesaleRoleUpdate, WholesaleRole, WholesaleRoleBatchState>(
        "Wholesale role", createValidator, updateValidator)
{
    public override IEnumerable<Claim> ClaimsOf(WholesaleRoleWrite item, BatchOperation operation)
    {
        return operation == BatchOperation.Create && KeyOf(item) is { } key ? [new Claim("key", key, "key")] : [];
    }

    public override async Task<WholesaleRoleBatchState> LoadAsync(
        Batch<WholesaleRoleWrite, WholesaleRoleCreate, WholesaleRoleUpdate, WholesaleRole> batch,
        CancellationToken cancellationToken)
    {
        var ids = batch.OpenTargetIds();
        var found = (await FindAsync(ids, roles.GetManyAsync, cancellationToken))?.ToDictionary(r => r.Id) ?? [];
        var keys = batch.OpenCreates.Select(w => KeyOf(w.Item)).OfType<string>().ToHashSet();
        var deletedKeys = batch.OpenDeletes.Select(e => found.GetValueOrDefault(e.Id!.Value)?.Key)
            .OfType<string>()
            .ToHashSet();
        return new WholesaleRoleBatchState(
            found,
            await FindAsync(keys, roles.FindKeysAsync, cancellationToken) ?? new Dictionary<string, long>(),
            await FindAsync(deletedKeys, roles.FindKeysInUseAsync, cancellationToken) ?? new HashSet<string>());
    }

    public override IReadOnlyDictionary<long, WholesaleRole> TargetsOf(WholesaleRoleBatchState state) =>
        state.Roles;

    public override void Check(
        Batch<WholesaleRoleWrite, WholesaleRoleCreate, WholesaleRoleUpdate, WholesaleRole> batch,
        WholesaleRoleBatchState state)
    {
        foreach (var (entry, item) in batch.OpenCreates.ToList())
        {
            FailTaken(entry, KeyOf(item), state.Keys, "key");
        }

        foreach (var entry in batch.OpenDeletes.ToList())
        {
            var key = state.Roles[entry.Id!.Value].Key;
            if (state.KeysInUse.Contains(key))
            {
                entry.Fail(
                    ErrorCodes.Conflict,
                    $"Wholesale role '{key}' is still named by the wholesale terms of some variants; "
                    + "remove it from them first.",
                    "id");
            }
        }
    }

    public override IReadOnlyDictionary<Type, int> InsertCounts(
        Batch<WholesaleRoleWrite, WholesaleRoleCreate, WholesaleRoleUpdate, WholesaleRole> batch,
        WholesaleRoleBatchState state) =>
        new Dictionary<Type, int> { [typeof(WholesaleRole)] = batch.OpenCreates.Count() };

    public override RuleViolation? PlanCreate(
        LedgerEntry<WholesaleRole> entry, WholesaleRoleCreate item, WholesaleRoleBatchState state, PlanContext context)
    {
        var details = new WholesaleRoleDetails { Key = item.Key.Value!, Name = item.Name.Value! };
        var (role, violation) = WholesaleRole.Create(context.Ids.Next<WholesaleRole>(), details, context.Now);
        if (violation is null)
        {
            entry.Id = role.Id;
            entry.Entity = role;
            entry.Rows.Add(new InsertRow(role));
        }

        return violation;
    }

    public override RuleViolation? PlanUpdate(
        LedgerEntry<WholesaleRole> entry,
        WholesaleRoleUpdate item,
        WholesaleRole target,
        WholesaleRoleBatchState state,
        PlanContext context)
    {
        var expected = target.Version;
        var details = new WholesaleRoleDetails
        {
            Key = KeyOf(item) ?? target.Key,
            Name = item.Name.HasValue ? item.Name.Value! : target.Name,
        };
        var violation = target.Update(details, context.Now);
        entry.Entity = target;
        entry.Rows.Add(new UpdateRow(target, expected));
        return violation;
    }

    private static string? KeyOf(WholesaleRoleWrite item) => item.Key.HasValue ? item.Key.Value : null;
}
