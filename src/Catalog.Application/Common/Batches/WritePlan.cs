namespace Catalog.Application.Common.Batches;

/// <summary>A row to insert, update or delete. Rows are domain objects; the writer knows their tables.</summary>
public abstract record RowWrite(object Row);

public sealed record InsertRow(object Row) : RowWrite(Row);

/// <summary>Writes every column of the row where it is still at <paramref name="ExpectedVersion"/>.</summary>
public sealed record UpdateRow(object Row, long ExpectedVersion) : RowWrite(Row);

/// <summary>
/// Moves a versioned row's stored version one step (and its updated_at) without checking it: its children changed, so
/// anyone holding its old version holds an old picture of them. Concurrent touches all apply.
/// </summary>
public sealed record TouchRow(Versioned Aggregate) : RowWrite(Aggregate);

/// <summary>Deletes the row by key; when <paramref name="MustExist"/>, a row gone fails the item (NOT_FOUND).</summary>
public sealed record DeleteRow(object Row, bool MustExist) : RowWrite(Row);

public static class RowWrites
{
    /// <summary>Child rows are replaced, never updated: the removed go (if still there), the added go in.</summary>
    public static void AddChanges<T>(this List<RowWrite> rows, Changes<T> changes)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(changes);
        rows.AddRange(changes.Removed.Select(row => new DeleteRow(row, MustExist: false)));
        rows.AddRange(changes.Added.Select(row => new InsertRow(row)));
    }
}

/// <summary>The rows of one batch item: the writer applies them all or none of them.</summary>
public sealed record PlannedItem(int Key, IReadOnlyList<RowWrite> Rows);

/// <summary>What a batch decided to write. The engine builds it; an <see cref="IBatchWriter"/> applies it.</summary>
/// <param name="Checkpoint">Rows to write in the same transaction once the items' fates are known (by the failures
/// among them: refused items' keys), and that must be accepted whole: see <see cref="BatchCheckpoint"/>.</param>
public sealed record WritePlan(
    IReadOnlyList<PlannedItem> Items,
    BatchPolicy Policy,
    Func<IReadOnlyDictionary<int, ItemError>, IReadOnlyList<RowWrite>>? Checkpoint = null);

/// <summary>The items refused, by <see cref="PlannedItem.Key"/>; if atomic, nothing was written.</summary>
public sealed record WriteOutcome(IReadOnlyDictionary<int, ItemError> Failures);

/// <summary>
/// Applies a write plan in one transaction. Under partial policy an item the database refuses (a unique index hit by a
/// concurrent writer, a stale version) fails alone and the others are written; under atomic policy nothing is written.
/// A writer only reads the rows it is given: the engine maps the batch's answers from the same objects while it writes.
/// </summary>
public interface IBatchWriter
{
    Task<WriteOutcome> ApplyAsync(WritePlan plan, CancellationToken cancellationToken);
}

/// <summary>
/// Reads that must agree: every query a store runs between <see cref="BeginAsync"/> and the scope's disposal sees one
/// state of the database, so a product and its variants are never read at two different versions.
/// </summary>
public interface ISnapshotReads
{
    Task<IAsyncDisposable> BeginAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Whether this request has committed a write yet: an error after that point must not tell the client that nothing
/// was written. One per request; the writer marks it.
/// </summary>
public sealed class RequestWrites
{
    private readonly List<Action> afterCommit = [];

    public bool Committed { get; private set; }

    /// <summary>Whether a written transaction waits, open, to commit with the request's stored answer (an idempotent
    /// request: see <c>Idempotency-Key</c>).</summary>
    public bool Held { get; private set; }

    public void MarkHeld() => Held = true;

    public void MarkCommitted()
    {
        (Committed, Held) = (true, false);
        foreach (var action in afterCommit)
        {
            action();
        }

        afterCommit.Clear();
    }

    /// <summary>Runs <paramref name="action"/> once what the request wrote is committed: now, unless it is held.
    /// </summary>
    public void AfterCommit(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (Held)
        {
            afterCommit.Add(action);
        }
        else
        {
            action();
        }
    }
}

/// <summary>Reserves ids for the rows a batch inserts, in one round trip, so a plan can link rows first.</summary>
public interface IIdAllocator
{
    Task<IdPool> AllocateAsync(IReadOnlyDictionary<Type, int> counts, CancellationToken cancellationToken);
}

public sealed class IdPool(IReadOnlyDictionary<Type, Queue<long>> ids)
{
    public long Next<T>() =>
        ids.TryGetValue(typeof(T), out var queue) && queue.TryDequeue(out var id)
            ? id
            : throw new InvalidOperationException($"No id was reserved for another {typeof(T).Name}.");
}
