using Catalog.Domain.Common;

namespace Catalog.Application.Common.Batches;

/// <summary>The first check every batch makes once it has loaded the rows its updates and deletes name.</summary>
public static class BatchTargets
{
    /// <summary>
    /// Fails the open updates and deletes whose row is not in <paramref name="found"/> (NOT_FOUND), and the updates whose
    /// sent version is not the stored one (CONFLICT): the client read the row before someone else changed it.
    /// </summary>
    public static void FailMissingOrStale<TEntity>(
        this BatchLedger<TEntity> ledger,
        IReadOnlyDictionary<long, TEntity> found,
        Func<int, long?> sentVersion,
        string resource)
        where TEntity : Versioned
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(found);
        ArgumentNullException.ThrowIfNull(sentVersion);
        foreach (var entry in ledger.Updates.Concat(ledger.Deletes).Where(e => e.IsOpen))
        {
            if (!found.TryGetValue(entry.Id!.Value, out var row))
            {
                entry.Fail(ErrorCodes.NotFound, $"{resource} {entry.Id} was not found.", "id");
            }
            else if (entry.Operation == BatchOperation.Update && sentVersion(entry.Index) is { } version && version != row.Version)
            {
                entry.Fail(ErrorCodes.Conflict, $"{resource} {entry.Id} is at version {row.Version}, not {version}: it changed since it was read.", "version");
            }
        }
    }
}
