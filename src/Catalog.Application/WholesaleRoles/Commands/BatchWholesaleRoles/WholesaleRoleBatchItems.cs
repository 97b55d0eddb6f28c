using Catalog.Application.Common;
using Catalog.Application.Common.Batches;
using Catalog.Domain.Wholesale;

namespace Catalog.Application.WholesaleRoles.Commands.BatchWholesaleRoles;

/// <summary>The items of one wholesale role batch beside their ledger entries: what they claim, and their plan.</summary>
internal sealed class WholesaleRoleBatchItems(BatchLedger<WholesaleRole> ledger, BatchWholesaleRoles request)
{
    private IEnumerable<(LedgerEntry<WholesaleRole> Entry, WholesaleRoleWrite Item)> OpenCreates =>
        ledger.Creates.Select((e, i) => (e, (WholesaleRoleWrite)request.Create[i])).Where(p => p.e.IsOpen);

    public void FailRepeatedClaims() =>
        ledger.FailRepeatedValues(OpenCreates.Select(w => (w.Entry, KeyOf(w.Item), "key")), "key");

    /// <summary>The keys the creates claim: a role's key is fixed, so only a new role claims one.</summary>
    public HashSet<string> ClaimedKeys() => [.. OpenCreates.Select(w => KeyOf(w.Item)).OfType<string>()];

    public HashSet<string> KeysToDelete(IReadOnlyDictionary<long, WholesaleRole> found) =>
        [.. ledger.Deletes.Where(e => e.IsOpen && found.ContainsKey(e.Id!.Value)).Select(e => found[e.Id!.Value].Key)];

    /// <summary>Fails the items whose targets are missing or stale, whose keys are taken or changed, and the deletes of roles still in use.</summary>
    public void CheckAgainst(WholesaleRoleBatchState state)
    {
        ledger.FailMissingOrStale(state.Roles, i => request.Update[i].Version, "Wholesale role");

        foreach (var (entry, item) in OpenCreates.ToList())
        {
            if (KeyOf(item) is { } key && state.Keys.TryGetValue(key, out var owner))
            {
                entry.Fail(ErrorCodes.DuplicateHandle, $"The key '{key}' is taken by wholesale role {owner}.", "key");
            }
        }

        foreach (var entry in ledger.Updates.Where(e => e.IsOpen))
        {
            var stored = state.Roles[entry.Id!.Value].Key;
            if (KeyOf(request.Update[entry.Index]) is { } key && !string.Equals(key, stored, StringComparison.Ordinal))
            {
                entry.Fail(ErrorCodes.ValidationFailed, $"A role's key cannot be changed (it is '{stored}'): variants refer to it. Create a role with the new key instead.", "key");
            }
        }

        foreach (var entry in ledger.Deletes.Where(e => e.IsOpen))
        {
            var key = state.Roles[entry.Id!.Value].Key;
            if (state.KeysInUse.Contains(key))
            {
                entry.Fail(ErrorCodes.Conflict, $"Wholesale role '{key}' is still named by the wholesale terms of some variants; remove it from them first.", "id");
            }
        }
    }

    public Dictionary<Type, int> InsertCounts() => new() { [typeof(WholesaleRole)] = ledger.Creates.Count(e => e.IsOpen) };

    public void Plan(WholesaleRoleBatchState state, IdPool ids, DateTimeOffset now)
    {
        foreach (var entry in ledger.Creates.Where(e => e.IsOpen))
        {
            var item = request.Create[entry.Index];
            var role = WholesaleRole.Create(ids.Next<WholesaleRole>(), new WholesaleRoleDetails { Key = item.Key.Value!, Name = item.Name.Value! }, now);
            entry.Id = role.Id;
            entry.Entity = role;
            entry.Rows.Add(new InsertRow(role));
        }

        foreach (var entry in ledger.Updates.Where(e => e.IsOpen))
        {
            var item = request.Update[entry.Index];
            var role = state.Roles[entry.Id!.Value];
            var expected = role.Version;
            role.Update(role.Details with { Name = item.Name.HasValue ? item.Name.Value! : role.Name }, now);
            entry.Entity = role;
            entry.Rows.Add(new UpdateRow(role, expected));
        }

        foreach (var entry in ledger.Deletes.Where(e => e.IsOpen))
        {
            entry.Entity = state.Roles[entry.Id!.Value];
            entry.Rows.Add(new DeleteRow(entry.Entity, MustExist: true));
        }
    }

    private static string? KeyOf(WholesaleRoleWrite item) => item.Key is { HasValue: true, Value: { } key } ? key : null;
}
