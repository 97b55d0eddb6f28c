namespace Catalog.Application.Common.Batches;

/// <summary>A batch command: creates, updates and deletes of one resource, and the policy to apply them with.</summary>
public interface IBatchCommand<out TCreate, out TUpdate> : IBatchRequest
{
    IReadOnlyList<TCreate> Create { get; }
    IReadOnlyList<TUpdate> Update { get; }
    IReadOnlyList<long> Delete { get; }
    BatchPolicy Policy { get; }

    /// <summary>
    /// Run every step up to the write and answer what the batch would answer, writing nothing (<c>?dry_run=true</c>).
    /// The engine alone decides not to write, so every route that sends the command gets it.
    /// </summary>
    bool DryRun { get; }
}

/// <summary>An update item: the row it names and, when the client sends it, the version it read.</summary>
public interface IBatchUpdate
{
    long? Id { get; }
    long? Version { get; }
}

/// <summary>
/// A command whose updates are stated against their rows as stored, as a dialect's are (WooCommerce's "set this
/// product's regular price" needs to know which variant holds it): its <see cref="Update"/> list names the rows, and
/// the engine resolves each into the update to apply once its load has read the row, inside the load's snapshot. So a
/// dialect sends one command and reads nothing itself, and the batch costs the reads of the same canonical batch.
/// </summary>
public interface IResolvedUpdates<in TDto, TUpdate>
{
    /// <summary>Null for a command whose updates are what they say.</summary>
    UpdateResolver<TDto, TUpdate>? Resolve { get; }
}

/// <summary>
/// A command scoped to one row whose items may be stated against it (see <see cref="ScopedItems{TCreate, TUpdate}"/>):
/// its creates are then validated once they are resolved, not as sent.
/// </summary>
public interface IScopedBatch
{
    bool ItemsAreStated { get; }
}

/// <summary>Update <paramref name="index"/> as it applies to its row as stored (the same id), or why it cannot.
/// </summary>
public delegate Resolution<TUpdate> UpdateResolver<in TDto, TUpdate>(int index, TDto stored);

/// <summary>What a stated item comes to once its row is seen: the item to apply, or the error that fails it.
/// </summary>
public readonly record struct Resolution<TItem>(TItem? Item, ItemError? Error)
{
    public static Resolution<TItem> To(TItem item) => new(item, null);

    public static Resolution<TItem> Failed(ItemError error) => new(default, error);
}

/// <summary>
/// What a batch scoped to one row (a product's variants) comes to when its items are stated against that row, as a
/// dialect's are (a WooCommerce variation's attributes name the product's options): one resolution per create and
/// per update sent, in order, and the error that fails every delete, if the row refuses them all.
/// </summary>
public sealed record ScopedItems<TCreate, TUpdate>(
    IReadOnlyList<Resolution<TCreate>> Create, IReadOnlyList<Resolution<TUpdate>> Update, ItemError? Delete = null);

/// <summary>A unique value an item claims (a handle, a SKU): <paramref name="Kind"/> names it in messages.</summary>
public readonly record struct Claim(string Kind, string Value, string Field);

/// <summary>What planning an item may use: the reserved ids and the batch's one clock reading.</summary>
public sealed record PlanContext(IdPool Ids, DateTimeOffset Now);

/// <summary>
/// What is particular to one resource's batch: its validators, what its items claim and refer to, what it loads and
/// how an item plans. <see cref="BatchEngine"/> runs the steps every batch shares, in the same order for all.
/// </summary>
public abstract class BatchSpec<TWrite, TCreate, TUpdate, TEntity, TState>(
    string resource, IValidator<TCreate> createValidator, IValidator<TUpdate> updateValidator)
    where TWrite : class
    where TCreate : TWrite
    where TUpdate : TWrite, IBatchUpdate
    where TEntity : Versioned
{
    /// <summary>The resource's name in messages ("Product").</summary>
    public string Resource { get; } = resource;

    public IValidator<TCreate> CreateValidator { get; } = createValidator;

    public IValidator<TUpdate> UpdateValidator { get; } = updateValidator;

    /// <summary>The unique values an open item claims; the engine fails the values claimed by two items.</summary>
    public virtual IEnumerable<Claim> ClaimsOf(TWrite item, BatchOperation operation) => [];

    /// <summary>The claims of an item once the load has read <paramref name="state"/>; those above by default.
    /// </summary>
    public virtual IEnumerable<Claim> ClaimsOf(TWrite item, BatchOperation operation, TState state) =>
        ClaimsOf(item, operation);

    /// <summary>Checks inside one item that need no database (the same SKU twice in one product, say).</summary>
    public virtual void CheckItem(LedgerEntry<TEntity> entry, TWrite item)
    {
    }

    /// <summary>
    /// Everything the open items refer to, in a number of queries that does not grow with the batch. A spec that
    /// serves <see cref="IResolvedUpdates{TDto, TUpdate}"/> commands loads the rows its updates name first and hands
    /// them to <see cref="Batch{TWrite, TCreate, TUpdate, TEntity}.ResolveUpdates"/> before it reads the items.
    /// </summary>
    public abstract Task<TState> LoadAsync(
        Batch<TWrite, TCreate, TUpdate, TEntity> batch, CancellationToken cancellationToken);

    /// <summary>The loaded rows that updates and deletes may name, by id.</summary>
    public abstract IReadOnlyDictionary<long, TEntity> TargetsOf(TState state);

    /// <summary>
    /// The failure of an item that claims a value <paramref name="owner"/>, an earlier item of the batch, planned with:
    /// <paramref name="error"/>, or that error with what a dialect may name of the owner (the SKU's holder, say).
    /// </summary>
    public virtual ItemError ClaimedEarlier(ItemError error, LedgerEntry<TEntity> owner, Claim claim, TState state) =>
        error;

    /// <summary>What the answers refer to that the load read (see <see cref="BatchResult{T}.References"/>).</summary>
    public virtual BatchReferences ReferencesOf(TState state) => BatchReferences.None;

    /// <summary>Fails the open items that what was loaded contradicts: a taken handle, an unknown reference.</summary>
    public abstract void Check(Batch<TWrite, TCreate, TUpdate, TEntity> batch, TState state);

    /// <summary>How many rows of each type the open items insert, so their ids come in one round trip.</summary>
    public abstract IReadOnlyDictionary<Type, int> InsertCounts(
        Batch<TWrite, TCreate, TUpdate, TEntity> batch, TState state);

    /// <summary>Plans a create into its entry, or answers the rule it breaks (the engine then drops it).</summary>
    public abstract RuleViolation? PlanCreate(
        LedgerEntry<TEntity> entry, TCreate item, TState state, PlanContext context);

    public abstract RuleViolation? PlanUpdate(
        LedgerEntry<TEntity> entry, TUpdate item, TEntity target, TState state, PlanContext context);

    /// <summary>By default the row goes, and the database removes what hangs on it.</summary>
    public virtual RuleViolation? PlanDelete(
        LedgerEntry<TEntity> entry, TEntity target, TState state, PlanContext context)
    {
        ArgumentNullException.ThrowIfNull(entry);
        entry.Entity = target;
        entry.Rows.Add(new DeleteRow(target, MustExist: true));
        return null;
    }

    /// <summary>Fails the item if another row holds the unique value it claims; an update may keep its own.</summary>
    protected void FailTaken(
        LedgerEntry<TEntity> entry, string? value, IReadOnlyDictionary<string, long> owners, string field)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(owners);
        var ownId = entry.Operation == BatchOperation.Update ? entry.Id : null;
        if (value is not null && owners.TryGetValue(value, out var owner) && owner != ownId)
        {
            var message = $"The {field} '{value}' is taken by {Resource.ToLowerInvariant()} {owner}.";
            entry.Fail(ErrorCodes.DuplicateHandle, message, field);
        }
    }

    /// <summary>What find answers for the keys; for none, null without a query.</summary>
    protected static async Task<T?> FindAsync<TKey, T>(
        IReadOnlyCollection<TKey> keys,
        Func<IReadOnlyCollection<TKey>, CancellationToken, Task<T>> find,
        CancellationToken cancellationToken)
        where T : class =>
        keys.Count == 0 ? null : await find(keys, cancellationToken);
}

/// <summary>The items of one batch beside their ledger entries.</summary>
public sealed class Batch<TWrite, TCreate, TUpdate, TEntity>(IBatchCommand<TCreate, TUpdate> command)
    where TWrite : class
    where TCreate : TWrite
    where TUpdate : TWrite, IBatchUpdate
    where TEntity : Versioned
{
    private readonly TCreate[] _creates = [.. command.Create];
    private readonly TUpdate[] _updates = [.. command.Update];

    public IBatchCommand<TCreate, TUpdate> Command { get; } = command;

    public BatchLedger<TEntity> Ledger { get; } = new(
        command.Create.Count, command.Update.Select(u => u?.Id), command.Delete);

    /// <summary>The updates as they apply: as sent, or as resolved from their rows (see
    /// <see cref="IResolvedUpdates{TDto, TUpdate}"/>).</summary>
    public IReadOnlyList<TUpdate> Updates => _updates;

    /// <summary>Whether the load has handed its rows to <see cref="ResolveUpdates"/> or <see cref="Restate"/>.
    /// </summary>
    public bool UpdatesResolved { get; private set; }

    /// <summary>Set by the engine for a command whose updates are resolved from their rows.</summary>
    internal Action<IReadOnlyDictionary<long, TEntity>>? Resolver { get; set; }

    /// <summary>Set by the engine: validates and checks an item that takes the place of the one sent.</summary>
    internal Action<LedgerEntry<TEntity>, TWrite>? Admit { get; set; }

    /// <summary>The open creates and updates, each beside the item it came from, in the order sent.</summary>
    public IEnumerable<(LedgerEntry<TEntity> Entry, TWrite Item)> OpenWrites =>
        Ledger.Creates.Select((e, i) => (e, (TWrite)_creates[i]!))
            .Concat(Ledger.Updates.Select((e, i) => (e, (TWrite)_updates[i]!)))
            .Where(p => p.Item1.IsOpen);

    public IEnumerable<(LedgerEntry<TEntity> Entry, TCreate Item)> OpenCreates =>
        Ledger.Creates.Select((e, i) => (e, _creates[i])).Where(p => p.e.IsOpen);

    public IEnumerable<(LedgerEntry<TEntity> Entry, TUpdate Item)> OpenUpdates =>
        Ledger.Updates.Select((e, i) => (e, _updates[i])).Where(p => p.e.IsOpen);

    public IEnumerable<LedgerEntry<TEntity>> OpenDeletes => Ledger.Deletes.Where(e => e.IsOpen);

    /// <summary>The ids the open updates and deletes name: the rows to load before checking them.</summary>
    public HashSet<long> OpenTargetIds() => Ledger.OpenTargetIds();

    /// <summary>
    /// The spec's load calls this with the rows the updates name, before it reads anything from the items: a command
    /// whose updates are stated against their rows then has the updates that apply. For other commands it does
    /// nothing.
    /// </summary>
    public void ResolveUpdates(IReadOnlyDictionary<long, TEntity> stored)
    {
        Resolver?.Invoke(stored);
        UpdatesResolved = true;
    }

    /// <summary>
    /// For a batch scoped to one row whose items are stated against it: the spec's load calls this with what they come
    /// to once it has read that row, before it reads anything from the items.
    /// </summary>
    public void Restate(ScopedItems<TCreate, TUpdate> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Create.Count != _creates.Length || items.Update.Count != _updates.Length)
        {
            throw new InvalidOperationException("A restated batch has one item for each item sent.");
        }

        for (var i = 0; i < _creates.Length; i++)
        {
            var at = i;
            Take(Ledger.Creates[i], items.Create[i], item => _creates[at] = item);
        }

        for (var i = 0; i < _updates.Length; i++)
        {
            Take(Ledger.Updates[i], items.Update[i]);
        }

        if (items.Delete is { } refused)
        {
            foreach (var entry in OpenDeletes.ToList())
            {
                entry.Fail(refused);
            }
        }

        UpdatesResolved = true;
    }

    /// <summary>What an update stated against its row comes to takes the sent one's place (or fails it).</summary>
    internal void Take(LedgerEntry<TEntity> entry, Resolution<TUpdate> resolution) =>
        Take(entry, resolution, update => _updates[entry.Index] = update.Id == entry.Id
            ? update
            : throw new InvalidOperationException($"Update {entry.Index} was resolved into another row's."));

    /// <summary>The item takes the sent one's place and is validated and checked as a sent one is.</summary>
    private void Take<T>(LedgerEntry<TEntity> entry, Resolution<T> resolution, Action<T> put)
        where T : TWrite
    {
        if (!entry.IsOpen)
        {
            return;
        }

        if (resolution.Error is { } error)
        {
            entry.Fail(error);
            return;
        }

        var item = resolution.Item ?? throw new InvalidOperationException($"{entry.Operation} {entry.Index} is empty.");
        put(item);
        Admit?.Invoke(entry, item);
    }

}
