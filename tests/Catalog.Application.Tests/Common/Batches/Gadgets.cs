using Catalog.Application.Common.Batches;
using Catalog.Domain.Common;
using FluentValidation;

namespace Catalog.Application.Tests.Common.Batches;

/// <summary>The engine's test resource: a versioned row with a unique handle, a name and at most two parts.</summary>
public sealed class Gadget : Versioned
{
    public const int MaxParts = 2;

    private readonly List<GadgetPart> _parts = [];

    private Gadget(string handle, string name)
    {
        Handle = handle;
        Name = name;
    }

    public string Handle { get; private set; }

    public string Name { get; private set; }

    public IReadOnlyList<GadgetPart> Parts => _parts;

    /// <summary>A handle no validation refuses, yet one the gadget cannot take: it stands for a bug.</summary>
    public const string ImpossibleHandle = "bug";

    public static Result<Gadget> Create(long id, string handle, string name, DateTimeOffset now)
    {
        if (Violation(handle, name) is { } violation)
        {
            return violation;
        }

        var gadget = new Gadget(handle, name);
        gadget.Created(id, now);
        return gadget;
    }

    public RuleViolation? Change(string handle, string name, DateTimeOffset now)
    {
        if (Violation(handle, name) is { } violation)
        {
            return violation;
        }

        Handle = handle;
        Name = name;
        Touched(now);
        return null;
    }

    public Result<GadgetPart> AddPart(long id, string name)
    {
        if (_parts.Count == MaxParts)
        {
            return new RuleViolation($"A gadget has at most {MaxParts} parts.", "parts");
        }

        var part = new GadgetPart(id, Id, name);
        _parts.Add(part);
        return part;
    }

    private static RuleViolation? Violation(string handle, string name)
    {
        if (handle == ImpossibleHandle)
        {
            throw new DomainRuleException("A gadget cannot be a bug.", "handle");
        }

        if (name.Contains('!', StringComparison.Ordinal))
        {
            return new RuleViolation("A gadget's name cannot shout.", "name");
        }

        return string.Equals(handle, name, StringComparison.Ordinal)
            ? new RuleViolation("A gadget's name cannot repeat its handle.")
            : null;
    }
}

public sealed record GadgetPart(long Id, long GadgetId, string Name);

public sealed record GadgetDto(long Id, string Handle, string Name, long Version, DateTimeOffset UpdatedAt);

public abstract record GadgetWrite(string? Handle, string? Name);

public sealed record GadgetCreate(string? Handle, string? Name, IReadOnlyList<string>? Parts = null)
    : GadgetWrite(Handle, Name);

public sealed record GadgetUpdate(long? Id, long? Version, string? Handle, string? Name)
    : GadgetWrite(Handle, Name), IBatchUpdate;

public sealed record GadgetBatch(
    IReadOnlyList<GadgetCreate> Create,
    IReadOnlyList<GadgetUpdate> Update,
    IReadOnlyList<long> Delete,
    BatchPolicy Policy) : IBatchCommand<GadgetCreate, GadgetUpdate>, IResolvedUpdates<GadgetDto, GadgetUpdate>
{
    public int ItemCount => Create.Count + Update.Count + Delete.Count;

    public bool DryRun { get; init; }

    public UpdateResolver<GadgetDto, GadgetUpdate>? Resolve { get; init; }
}

public sealed class GadgetCreateValidator : AbstractValidator<GadgetCreate>
{
    public GadgetCreateValidator()
    {
        RuleFor(x => x.Handle).NotEmpty().WithMessage("handle is required.");
        RuleFor(x => x.Name).NotEmpty().WithMessage("name is required.");
    }
}

public sealed class GadgetUpdateValidator : AbstractValidator<GadgetUpdate>
{
    public GadgetUpdateValidator()
    {
        RuleFor(x => x.Id).NotNull().GreaterThan(0);
        RuleFor(x => x.Name).NotEmpty().When(x => x.Name is not null).WithMessage("name cannot be empty.");
    }
}

/// <summary>The rows a gadget batch may touch, as stored before it.</summary>
public sealed class GadgetStore
{
    private static readonly DateTimeOffset Stored = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public Dictionary<long, Gadget> Rows { get; } = [];

    /// <summary>Stores gadget <paramref name="id"/> as <c>gadget-{id}</c> at <paramref name="version"/>.</summary>
    public Gadget Add(long id, long version = 1)
    {
        var gadget = Gadget.Create(id, $"gadget-{id}", $"Gadget {id}", Stored).Value;
        while (gadget.Version < version)
        {
            gadget.Change(gadget.Handle, gadget.Name, Stored);
        }

        Rows[id] = gadget;
        return gadget;
    }
}

public sealed record GadgetState(IReadOnlyDictionary<long, Gadget> Gadgets);

/// <summary>
/// A small spec over <see cref="GadgetStore"/>: creates and updates claim their handle, a create inserts its parts
/// after the gadget (so a refused part comes after rows were planned), and every planning step is written down.
/// </summary>
public sealed class GadgetSpec(GadgetStore store, FakeSnapshotReads snapshots)
    : BatchSpec<GadgetWrite, GadgetCreate, GadgetUpdate, Gadget, GadgetState>(
        "Gadget", new GadgetCreateValidator(), new GadgetUpdateValidator())
{
    /// <summary>"delete 0", "create 1", ...: the items planned, in the order the engine planned them.</summary>
    public List<string> Planned { get; } = [];

    /// <summary>Whether a snapshot scope was open while <see cref="LoadAsync"/> ran; null if it never ran.</summary>
    public bool? LoadedInsideSnapshot { get; private set; }

    public IReadOnlySet<long>? LoadedIds { get; private set; }

    /// <summary>Whether the load hands its rows to the batch's resolver, as a spec of resolved commands must.</summary>
    public bool ResolvesUpdates { get; init; } = true;

    public override IEnumerable<Claim> ClaimsOf(GadgetWrite item, BatchOperation operation) =>
        item?.Handle is { } handle ? [new Claim("handle", handle, "handle")] : [];

    public override Task<GadgetState> LoadAsync(
        Batch<GadgetWrite, GadgetCreate, GadgetUpdate, Gadget> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        LoadedInsideSnapshot = snapshots.IsOpen;
        LoadedIds = batch.OpenTargetIds();
        var found = store.Rows.Where(r => LoadedIds.Contains(r.Key)).ToDictionary(r => r.Key, r => r.Value);
        if (ResolvesUpdates)
        {
            batch.ResolveUpdates(found);
        }

        return Task.FromResult(new GadgetState(found));
    }

    public override IReadOnlyDictionary<long, Gadget> TargetsOf(GadgetState state) => state.Gadgets;

    public override void Check(Batch<GadgetWrite, GadgetCreate, GadgetUpdate, Gadget> batch, GadgetState state)
    {
    }

    public override IReadOnlyDictionary<Type, int> InsertCounts(
        Batch<GadgetWrite, GadgetCreate, GadgetUpdate, Gadget> batch, GadgetState state)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var creates = batch.OpenCreates.Select(c => c.Item).ToList();
        return new Dictionary<Type, int>
        {
            [typeof(Gadget)] = creates.Count,
            [typeof(GadgetPart)] = creates.Sum(c => c.Parts?.Count ?? 0),
        };
    }

    public override RuleViolation? PlanCreate(
        LedgerEntry<Gadget> entry, GadgetCreate item, GadgetState state, PlanContext context)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(context);
        Planned.Add($"create {entry.Index}");
        var (gadget, refused) = Gadget.Create(context.Ids.Next<Gadget>(), item.Handle!, item.Name!, context.Now);
        if (refused is not null)
        {
            return refused;
        }

        entry.Id = gadget.Id;
        entry.Entity = gadget;
        entry.Rows.Add(new InsertRow(gadget));
        foreach (var name in item.Parts ?? [])
        {
            var (part, violation) = gadget.AddPart(context.Ids.Next<GadgetPart>(), name);
            if (violation is not null)
            {
                return violation;
            }

            entry.Rows.Add(new InsertRow(part));
        }

        return null;
    }

    public override RuleViolation? PlanUpdate(
        LedgerEntry<Gadget> entry, GadgetUpdate item, Gadget target, GadgetState state, PlanContext context)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(context);
        Planned.Add($"update {entry.Index}");
        entry.Entity = target;
        var (handle, name) = (item.Handle ?? target.Handle, item.Name ?? target.Name);
        if (handle == target.Handle && name == target.Name)
        {
            return null;
        }

        var expected = target.Version;
        entry.Rows.Add(new UpdateRow(target, expected));
        return target.Change(handle, name, context.Now);
    }

    public override RuleViolation? PlanDelete(
        LedgerEntry<Gadget> entry, Gadget target, GadgetState state, PlanContext context)
    {
        ArgumentNullException.ThrowIfNull(entry);
        Planned.Add($"delete {entry.Index}");
        return base.PlanDelete(entry, target, state, context);
    }
}

/// <summary>Builds a gadget batch in one line: <c>new GadgetBatchBuilder().Create("a").Delete(5).Build()</c>.</summary>
public sealed class GadgetBatchBuilder
{
    private readonly List<GadgetCreate> _creates = [];
    private readonly List<GadgetUpdate> _updates = [];
    private readonly List<long> _deletes = [];
    private BatchPolicy _policy = BatchPolicy.Partial;

    /// <summary>A valid create named after its handle (<c>"lamp"</c> is named <c>"Lamp"</c>).</summary>
    public GadgetBatchBuilder Create(string? handle, string? name = null, params string[] parts)
    {
        _creates.Add(new GadgetCreate(handle, name ?? Capitalised(handle), parts.Length == 0 ? null : parts));
        return this;
    }

    public GadgetBatchBuilder Update(long? id, string? name = null, long? version = null, string? handle = null)
    {
        _updates.Add(new GadgetUpdate(id, version, handle, name));
        return this;
    }

    public GadgetBatchBuilder Delete(params long[] ids)
    {
        _deletes.AddRange(ids);
        return this;
    }

    public GadgetBatchBuilder Atomic()
    {
        _policy = BatchPolicy.Atomic;
        return this;
    }

    public GadgetBatch Build() => new(_creates, _updates, _deletes, _policy);

    private static string? Capitalised(string? handle) =>
        string.IsNullOrEmpty(handle) ? handle : char.ToUpperInvariant(handle[0]) + handle[1..];
}
