using System.Globalization;
using System.Text.RegularExpressions;

namespace Catalog.Application.Common.Batches;

/// <summary>What an upsert became: an insert (a create), or an update of the row its key found.</summary>
public enum UpsertProcess
{
    Insert,
    Update,
}

/// <summary>
/// Where an item of a resolved command came from. Not an upsert: the command's own item at <paramref name="Index"/>
/// of the same operation. An upsert: the upsert at <paramref name="Index"/>, with the process it took (null when it
/// was refused before one was known) and, when it was refused before the engine ran, the <paramref name="Refusal"/>
/// that replaces the engine's error for it.
/// </summary>
public sealed record ItemOrigin(bool IsUpsert, int Index, UpsertProcess? Process, ItemError? Refusal = null);

/// <summary>
/// How the upserts of one batch command became creates and updates, appended in the order sent after the command's
/// own, and how the engine's results map back to them. An upsert refused before the engine ran (nothing to match by,
/// keys of two rows) travels as an update without an id, which the engine fails like any invalid item: so its policy
/// (an atomic batch writes nothing) and its summary count it, and <see cref="Restore{T}"/> puts the refusal back.
/// </summary>
public sealed partial class UpsertPlan
{
    private readonly int _creates;
    private readonly int _updates;
    private readonly IReadOnlyList<Slot> _slots;
    private readonly IReadOnlyList<int> _upsertOfCreate;
    private readonly IReadOnlyList<int> _upsertOfUpdate;

    private UpsertPlan(int creates, int updates, IReadOnlyList<Slot> slots)
    {
        _creates = creates;
        _updates = updates;
        _slots = slots;
        _upsertOfCreate = [.. Upserts(BatchOperation.Create)];
        _upsertOfUpdate = [.. Upserts(BatchOperation.Update)];

        IEnumerable<int> Upserts(BatchOperation operation) =>
            slots.Select((s, i) => (s, i)).Where(p => p.s.Operation == operation).Select(p => p.i);
    }

    /// <summary>The number of upserts the command carried.</summary>
    public int Count => _slots.Count;

    /// <summary>A plan for a command without upserts: every item is its own.</summary>
    public static UpsertPlan None(int creates, int updates) => new(creates, updates, []);

    /// <summary>Where the engine's item <paramref name="index"/> of <paramref name="operation"/> came from.</summary>
    public ItemOrigin Origin(BatchOperation operation, int index)
    {
        var (own, upserts) = operation switch
        {
            BatchOperation.Create => (_creates, _upsertOfCreate),
            BatchOperation.Update => (_updates, _upsertOfUpdate),
            _ => (int.MaxValue, []),
        };
        if (index < own)
        {
            return new ItemOrigin(false, index, null);
        }

        var upsert = upserts[index - own];
        var slot = _slots[upsert];
        return new ItemOrigin(true, upsert, slot.Process, slot.Refusal);
    }

    /// <summary>
    /// The engine's result for its item of <paramref name="operation"/> as the client sent it: at its own index, with
    /// the upsert's process and refusal, and places in DUPLICATE_IN_BATCH messages named as sent (<c>upsert[2]</c>).
    /// </summary>
    public ItemResult<T> Restore<T>(BatchOperation operation, ItemResult<T> result)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(result);
        if (_slots.Count == 0)
        {
            return result;
        }

        var origin = Origin(operation, result.Index);
        return result with
        {
            Index = origin.Index,
            Process = origin.Process,
            Error = origin.Refusal ?? Renamed(result.Error),
        };
    }

    /// <summary>An outcome in the resolved command's terms, told as the client sent the item.</summary>
    public ItemOutcome Restore(ItemOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (_slots.Count == 0)
        {
            return outcome;
        }

        var origin = Origin(outcome.Operation, outcome.Index);
        return outcome with
        {
            Index = origin.Index,
            IsUpsert = origin.IsUpsert,
            Process = origin.Process,
            Error = origin.Refusal ?? Renamed(outcome.Error),
        };
    }

    /// <summary>The engine's answer to the resolved command as the answer to the command sent.</summary>
    public BatchResult<T> Split<T>(BatchResult<T> result)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(result);
        if (_slots.Count == 0)
        {
            return result;
        }

        var upsert = _slots.Select(s => s.Operation == BatchOperation.Create
            ? Restore(s.Operation, result.Create[s.At])
            : Restore(s.Operation, result.Update[s.At]));
        return result with
        {
            Create = [.. result.Create.Take(_creates).Select(r => Restore(BatchOperation.Create, r))],
            Update = [.. result.Update.Take(_updates).Select(r => Restore(BatchOperation.Update, r))],
            Delete = [.. result.Delete.Select(r => Restore(BatchOperation.Delete, r))],
            Upsert = [.. upsert],
        };
    }

    private ItemError? Renamed(ItemError? error)
    {
        if (error is not { Code: ErrorCodes.DuplicateInBatch })
        {
            return error;
        }

        return error with
        {
            Message = Rename(error.Message),
            Details = [.. error.Details.Select(d => d with { Message = Rename(d.Message) })],
        };

        // Only the list of places that ends the message: a SKU or handle quoted before it may hold any text.
        string Rename(string message) => Places().Replace(message, list => Place().Replace(list.Value, m =>
        {
            var operation = Enum.Parse<BatchOperation>(m.Groups[1].Value, ignoreCase: true);
            var index = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
            var origin = Origin(operation, index);
            return origin.IsUpsert ? $"upsert[{origin.Index}]" : m.Value;
        }));
    }

    [GeneratedRegex(@"\((?:(?:create|update|delete)\[\d+\](?:, )?)+\)\.$")]
    private static partial Regex Places();

    [GeneratedRegex(@"(create|update|delete)\[(\d+)\]")]
    private static partial Regex Place();

    /// <summary>One upsert: the engine item it became (<paramref name="At"/> in its operation's list).</summary>
    private sealed record Slot(BatchOperation Operation, int At, UpsertProcess? Process, ItemError? Refusal);

    /// <summary>
    /// Collects what each upsert becomes, in the order sent, after the command's own creates and updates.
    /// <paramref name="refused"/> is the update the engine fails by itself (one without an id).
    /// </summary>
    public sealed class Builder<TCreate, TUpdate>(
        IReadOnlyList<TCreate> creates, IReadOnlyList<TUpdate> updates, TUpdate refused)
    {
        private readonly int _ownCreates = creates.Count;
        private readonly int _ownUpdates = updates.Count;
        private readonly List<TCreate> _creates = [.. creates];
        private readonly List<TUpdate> _updates = [.. updates];
        private readonly List<Slot> _slots = [];

        /// <summary>The command's creates followed by the upserts that insert.</summary>
        public IReadOnlyList<TCreate> Creates => _creates;

        /// <summary>The command's updates followed by the upserts that update or were refused.</summary>
        public IReadOnlyList<TUpdate> Updates => _updates;

        public void Insert(TCreate item)
        {
            _slots.Add(new Slot(BatchOperation.Create, _creates.Count, UpsertProcess.Insert, null));
            _creates.Add(item);
        }

        public void Update(TUpdate item)
        {
            _slots.Add(new Slot(BatchOperation.Update, _updates.Count, UpsertProcess.Update, null));
            _updates.Add(item);
        }

        /// <summary>Refuses the upsert with <paramref name="error"/>; the process when it was known.</summary>
        public void Refuse(ItemError error, UpsertProcess? process = null)
        {
            ArgumentNullException.ThrowIfNull(error);
            _slots.Add(new Slot(BatchOperation.Update, _updates.Count, process, error));
            _updates.Add(refused);
        }

        public UpsertPlan Build() => new(_ownCreates, _ownUpdates, [.. _slots]);
    }
}

/// <summary>A command whose upserts became creates and updates, and the plan that maps its results back.</summary>
public sealed record UpsertResolution<TCommand>(TCommand Command, UpsertPlan Plan);
