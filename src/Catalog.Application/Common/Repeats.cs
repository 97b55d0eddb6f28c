namespace Catalog.Application.Common;

/// <summary>Entries that share a key: what the duplicate checks of batches and validators look for.</summary>
public static class Repeats
{
    /// <summary>
    /// The groups of entries whose key more than one entry has, in the order their keys first appear. Usually there are
    /// none, and that is found with one set rather than by grouping every entry.
    /// </summary>
    public static IEnumerable<IGrouping<TKey, T>> GroupsOf<T, TKey>(
        IEnumerable<T> entries, Func<T, TKey> keyOf, IEqualityComparer<TKey>? comparer = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(keyOf);
        var list = entries.ToList();
        var seen = new HashSet<TKey>(list.Count, comparer);
        var repeated = list.Select(keyOf).Where(key => !seen.Add(key)).ToHashSet(comparer);
        return repeated.Count == 0 ? [] : list.Where(e => repeated.Contains(keyOf(e))).GroupBy(keyOf, comparer);
    }
}
