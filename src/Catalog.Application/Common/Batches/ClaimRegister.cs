namespace Catalog.Application.Common.Batches;

/// <summary>
/// The unique values the items of one batch have claimed so far, in the order they were admitted: the first claim of
/// a value wins, and an item that claims a value an earlier item kept fails with DUPLICATE_IN_BATCH.
/// </summary>
/// <param name="describe">What a failure may tell of the earlier item that kept the value (it has planned).</param>
public sealed class ClaimRegister<TEntity>(Func<ItemError, LedgerEntry<TEntity>, Claim, ItemError>? describe = null)
    where TEntity : class
{
    private readonly Dictionary<(string Kind, string Value), LedgerEntry<TEntity>> _owners = [];
    private readonly List<(string Kind, string Value)> _pending = [];

    /// <summary>
    /// Fails the entry if a value it claims is kept by an earlier item, and answers whether it is still open; its
    /// claims then wait for <see cref="Keep"/>, which keeps them once the item has planned without failing.
    /// </summary>
    public bool Admit(IEnumerable<(LedgerEntry<TEntity> Entry, Claim Claim)> claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        _pending.Clear();
        foreach (var (entry, claim) in claims)
        {
            if (_owners.TryGetValue((claim.Kind, claim.Value), out var owner) && owner != entry)
            {
                var message = $"The {claim.Kind} '{claim.Value}' is claimed by an earlier item of this batch "
                    + $"({BatchLedger<TEntity>.Describe(owner)}).";
                var error = ItemError.Of(ErrorCodes.DuplicateInBatch, message, claim.Field);
                entry.Fail(describe is null ? error : describe(error, owner, claim));
                return false;
            }

            _pending.Add((claim.Kind, claim.Value));
        }

        return true;
    }

    /// <summary>Keeps what the entry last admitted claims, unless it failed meanwhile.</summary>
    public void Keep(LedgerEntry<TEntity> entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.IsOpen)
        {
            foreach (var key in _pending)
            {
                _owners.TryAdd(key, entry);
            }
        }

        _pending.Clear();
    }
}
