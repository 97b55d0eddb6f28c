namespace Catalog.Domain.Common;

/// <summary>
/// A mutable row with an optimistic concurrency token. Every change bumps <see cref="Version"/>;
/// writers update the row only where the stored version is still the one that was read.
/// </summary>
public abstract class Versioned
{
    private bool _moved;

    public long Id { get; protected set; }

    public long Version { get; private set; } = 1;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    protected void Created(long id, DateTimeOffset now)
    {
        if (id <= 0)
        {
            throw new DomainRuleException("An id must be positive.");
        }

        Id = id;
        CreatedAt = ToStoredPrecision(now);
        UpdatedAt = CreatedAt;
        Version = 1;
        _moved = true;
    }

    protected void Touched(DateTimeOffset now)
    {
        UpdatedAt = ToStoredPrecision(now);
        Version++;
        _moved = true;
    }

    /// <summary>
    /// Marks the row changed through its children (a product's variants, a variant's prices): the version moves at most
    /// once per instance however many children change, and not for a row created in this unit of work.
    /// </summary>
    protected void ChildrenChanged(DateTimeOffset now)
    {
        UpdatedAt = ToStoredPrecision(now);
        if (!_moved)
        {
            Version++;
            _moved = true;
        }
    }

    /// <summary>Microseconds, the finest every supported database keeps, so an answer shows what a read will.</summary>
    public static DateTimeOffset ToStoredPrecision(DateTimeOffset time) =>
        new(time.Ticks - (time.Ticks % 10), time.Offset);
}

/// <summary>The child rows a replacement removed and added, so that a writer can apply just those.</summary>
public sealed record Changes<T>(IReadOnlyList<T> Removed, IReadOnlyList<T> Added)
{
    public static Changes<T> None { get; } = new([], []);

    internal static Changes<T> Relink(List<T> links, IEnumerable<long> wanted, Func<T, long> idOf, Func<long, T> link)
    {
        var ids = wanted.Distinct().ToList();
        var removed = links.Where(l => !ids.Contains(idOf(l))).ToList();
        var added = ids.Where(id => links.All(l => idOf(l) != id)).Select(link).ToList();
        links.RemoveAll(removed.Contains);
        links.AddRange(added);
        return new(removed, added);
    }
}
