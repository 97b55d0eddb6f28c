using Microsoft.Extensions.Logging;

namespace Catalog.Application.Common.Batches;

/// <summary>
/// The one batch pipeline: validate every item, check the items against each other, load what they refer to in one
/// snapshot, check them against it, reserve ids, plan, write, and answer one result per item. What differs between
/// resources is the <see cref="BatchSpec{TWrite, TCreate, TUpdate, TEntity, TState}"/>.
/// </summary>
public sealed partial class BatchEngine(
    IIdAllocator idAllocator,
    IBatchWriter writer,
    ISnapshotReads snapshots,
    BatchCheckpoint checkpoint,
    TimeProvider clock,
    BatchPhases phases,
    ILogger<BatchEngine> logger)
{
    private static readonly ItemError NotAppliedError =
        ItemError.Of(ErrorCodes.NotApplied, "Not applied: another item of this atomic batch failed.");
    public async Task<BatchResult<TDto>> RunAsync<TWrite, TCreate, TUpdate, TEntity, TState, TDto>(
        BatchSpec<TWrite, TCreate, TUpdate, TEntity, TState> spec,
        IBatchCommand<TCreate, TUpdate> command,
        Func<TEntity, TDto> toDto,
        CancellationToken cancellationToken)
        where TWrite : class
        where TCreate : TWrite
        where TUpdate : TWrite, IBatchUpdate
        where TEntity : Versioned
        where TDto : class
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(command);
        phases.Lap(EnginePhases.Parse);
        var resolve = (command as IResolvedUpdates<TDto, TUpdate>)?.Resolve;
        var batch = new Batch<TWrite, TCreate, TUpdate, TEntity>(command) { Admit = Admit };
        if (resolve is not null)
        {
            batch.Resolver = stored => ResolveUpdates(stored, resolve);
        }

        var ledger = batch.Ledger;

        var stated = command is IScopedBatch { ItemsAreStated: true };
        ledger.ValidateItems(spec.CreateValidator, stated ? [] : command.Create, spec.UpdateValidator, command.Update);
        ledger.FailRepeatedIds(spec.Resource);
        foreach (var (entry, item) in batch.OpenWrites.ToList())
        {
            spec.CheckItem(entry, item);
        }

        phases.Lap(EnginePhases.Validate);
        TState state;
        await using (await snapshots.BeginAsync(cancellationToken))
        {
            state = await spec.LoadAsync(batch, cancellationToken);
        }

        phases.Lap(EnginePhases.Load);

        if (resolve is not null && !batch.UpdatesResolved)
        {
            throw new InvalidOperationException($"{spec.GetType().Name} does not resolve updates from their rows.");
        }

        // An atomic batch with two claims of one value fails anyway: finding it before planning spares the ids. A
        // partial batch settles its claims while it plans, in order, so that an item that fails claims nothing.
        if (command.Policy == BatchPolicy.Atomic)
        {
            ledger.FailLaterClaims(batch.OpenWrites.SelectMany(w => ClaimsOf(w.Entry, w.Item)));
        }

        FailMissingOrStale(spec.TargetsOf(state));
        spec.Check(batch, state);

        // An atomic batch with a failed item writes nothing: no ids to reserve, nothing to plan.
        if (command.Policy == BatchPolicy.Partial || ledger.All.All(e => e.IsOpen))
        {
            var counts = spec.InsertCounts(batch, state);
            phases.Lap(EnginePhases.Check);
            // A dry run inserts nothing, so it reserves nothing: its plan links rows by placeholders.
            var ids = command.DryRun
                ? PlaceholderIds.Pool(counts)
                : await idAllocator.AllocateAsync(counts, cancellationToken);
            phases.Lap(EnginePhases.Ids);
            Plan(new PlanContext(ids, clock.GetUtcNow()));
        }

        phases.Lap(EnginePhases.Plan);
        var result = await CompleteAsync(ledger, command.Policy, command.DryRun, toDto, cancellationToken);
        result = result with { References = spec.ReferencesOf(state) };
        phases.Lap(EnginePhases.Map);
        return result;

        IEnumerable<(LedgerEntry<TEntity> Entry, Claim Claim)> ClaimsOf(LedgerEntry<TEntity> entry, TWrite item) =>
            spec.ClaimsOf(item, entry.Operation, state).Select(c => (entry, c));

        // Each open update whose row was found becomes what its resolver makes of the row (as the answers show it);
        // one whose row was not found fails later, NOT_FOUND.
        void ResolveUpdates(IReadOnlyDictionary<long, TEntity> stored, UpdateResolver<TDto, TUpdate> resolver)
        {
            foreach (var (entry, _) in batch.OpenUpdates.ToList())
            {
                if (stored.TryGetValue(entry.Id!.Value, out var row))
                {
                    batch.Take(entry, resolver(entry.Index, toDto(row)));
                }
            }
        }

        // An item that takes the place of a sent one (resolved from its row) is validated and checked as sent ones are.
        void Admit(LedgerEntry<TEntity> entry, TWrite item)
        {
            entry.Fail(item switch
            {
                TCreate create when entry.Operation == BatchOperation.Create => spec.CreateValidator.Validate(create),
                TUpdate update => spec.UpdateValidator.Validate(update),
                _ => throw new InvalidOperationException($"{entry.Operation} {entry.Index} is not a {spec.Resource}."),
            });
            if (entry.IsOpen)
            {
                spec.CheckItem(entry, item);
            }
        }

        // Fails the open updates and deletes whose row was not found (NOT_FOUND), and the updates whose sent version
        // is not the stored one (CONFLICT): the client read the row before someone else changed it.
        void FailMissingOrStale(IReadOnlyDictionary<long, TEntity> found)
        {
            var resource = spec.Resource;
            foreach (var entry in ledger.Updates.Concat(ledger.Deletes).Where(e => e.IsOpen))
            {
                if (!found.TryGetValue(entry.Id!.Value, out var row))
                {
                    entry.Fail(ErrorCodes.NotFound, $"{resource} {entry.Id} was not found.", "id");
                }
                else if (entry.Operation == BatchOperation.Update
                    && batch.Updates[entry.Index].Version is { } version && version != row.Version)
                {
                    entry.Fail(
                        ErrorCodes.Conflict,
                        $"{resource} {entry.Id} is at version {row.Version}, not {version}: "
                        + "it changed since it was read.",
                        "version");
                }
            }
        }

        // Plans every open item: deletes first, so that what they free (a product's variant places) counts for the
        // creates. A domain rule an item breaks fails that item alone, with nothing of it planned. Creates and then
        // updates plan in the order sent, and the first planned item that claims a value (a SKU, a handle) keeps it:
        // a later claim of it fails, and an item that failed earlier, for whatever reason, claimed nothing.
        void Plan(PlanContext context)
        {
            var targets = spec.TargetsOf(state);
            foreach (var entry in batch.OpenDeletes.ToList())
            {
                Refuse(entry, spec.PlanDelete(entry, targets[entry.Id!.Value], state, context));
            }

            var claims = new ClaimRegister<TEntity>((error, owner, claim) =>
                spec.ClaimedEarlier(error, owner, claim, state));
            foreach (var (entry, item) in batch.OpenCreates.ToList())
            {
                if (claims.Admit(ClaimsOf(entry, item)))
                {
                    Refuse(entry, spec.PlanCreate(entry, item, state, context));
                    claims.Keep(entry);
                }
            }

            foreach (var (entry, item) in batch.OpenUpdates.ToList())
            {
                if (claims.Admit(ClaimsOf(entry, item)))
                {
                    Refuse(entry, spec.PlanUpdate(entry, item, targets[entry.Id!.Value], state, context));
                    claims.Keep(entry);
                }
            }
        }
    }

    private static void Refuse<TEntity>(LedgerEntry<TEntity> entry, RuleViolation? violation)
        where TEntity : class
    {
        if (violation is not null)
        {
            entry.Rows.Clear();
            entry.Entity = null;
            entry.Fail(violation.Code ?? ErrorCodes.ValidationFailed, violation.Message, violation.Field);
        }
    }

    /// <summary>
    /// Applies the policy, hands the plan to the writer (unless <paramref name="dryRun"/>: then the answer is the one
    /// the plan would get, had the database refused nothing), and turns the ledger into results.
    /// </summary>
    private async Task<BatchResult<TDto>> CompleteAsync<TEntity, TDto>(
        BatchLedger<TEntity> ledger,
        BatchPolicy policy,
        bool dryRun,
        Func<TEntity, TDto> toDto,
        CancellationToken cancellationToken)
        where TEntity : class
        where TDto : class
    {
        if (dryRun && checkpoint.Rows is not null)
        {
            throw new InvalidOperationException("A job's chunk is never a dry run: its results are recorded.");
        }

        var all = ledger.All.ToList();
        var applied = !(policy == BatchPolicy.Atomic && all.Any(e => !e.IsOpen));
        var planned = all.Select((entry, key) => (entry, key))
            .Where(p => p.entry.IsOpen && p.entry.Rows.Count > 0)
            .ToList();
        var recorded = checkpoint.Rows is { } rows
            ? failures => rows([.. Outcomes(all, failures, policy).Select(o => checkpoint.Upserts?.Restore(o) ?? o)])
            : (Func<IReadOnlyDictionary<int, ItemError>, IReadOnlyList<RowWrite>>?)null;
        if (!dryRun && ((applied && planned.Count > 0) || recorded is not null))
        {
            var items = applied ? planned.Select(p => new PlannedItem(p.key, p.entry.Rows)) : [];
            var plan = new WritePlan([.. items], policy, recorded);
            var outcome = await writer.ApplyAsync(plan, cancellationToken);
            foreach (var (entry, key) in planned)
            {
                if (outcome.Failures.TryGetValue(key, out var error))
                {
                    entry.Fail(error);
                }
            }

            applied = !(policy == BatchPolicy.Atomic && outcome.Failures.Count > 0);
        }

        phases.Lap(EnginePhases.Write);

        var answers = Answers(applied ? all : [], toDto);
        var create = ledger.Creates.Select(e => Result(e, applied, dryRun, answers)).ToList();
        var update = ledger.Updates.Select(e => Result(e, applied, dryRun, answers)).ToList();
        var delete = ledger.Deletes.Select(e => Result(e, applied, dryRun, answers)).ToList();
        var results = create.Concat(update).Concat(delete).ToList();
        var summary = new BatchSummary(
            results.Count,
            results.Count(r => r.Status == ItemStatus.Succeeded),
            results.Count(r => r.Status == ItemStatus.Failed),
            results.Count(r => r.Status == ItemStatus.NotApplied));
        return new BatchResult<TDto>(create, update, delete, summary, applied);
    }

    private static ItemResult<TDto> Result<TEntity, TDto>(
        LedgerEntry<TEntity> entry,
        bool applied,
        bool dryRun,
        IReadOnlyDictionary<LedgerEntry<TEntity>, TDto?> answers)
        where TEntity : class
        where TDto : class => entry switch
        {
            // A create that was not written has no id, whatever was reserved for it.
            { Error: { } error } =>
                new ItemResult<TDto>(entry.Index, UnlessCreate(entry), ItemStatus.Failed, null, error),
            _ when !applied => new ItemResult<TDto>(
                entry.Index,
                UnlessCreate(entry),
                ItemStatus.NotApplied,
                null,
                NotAppliedError),
            // A dry run's create holds a placeholder id, which no answer shows.
            _ => new ItemResult<TDto>(
                entry.Index,
                dryRun ? UnlessCreate(entry) : entry.Id,
                ItemStatus.Succeeded,
                answers.GetValueOrDefault(entry),
                null),
        };

    /// <summary>Every item's outcome once the writer has refused <paramref name="failures"/> (by ledger key).</summary>
    private static List<ItemOutcome> Outcomes<TEntity>(
        IReadOnlyList<LedgerEntry<TEntity>> all, IReadOnlyDictionary<int, ItemError> failures, BatchPolicy policy)
        where TEntity : class
    {
        var applied = !(policy == BatchPolicy.Atomic && (failures.Count > 0 || all.Any(e => !e.IsOpen)));
        return [.. all.Select((entry, key) => (entry.Error ?? failures.GetValueOrDefault(key)) switch
        {
            { } error => new ItemOutcome(entry.Operation, entry.Index, UnlessCreate(entry), ItemStatus.Failed, error),
            null when !applied => new ItemOutcome(
                entry.Operation, entry.Index, UnlessCreate(entry), ItemStatus.NotApplied, NotAppliedError),
            null => new ItemOutcome(entry.Operation, entry.Index, entry.Id, ItemStatus.Succeeded, null),
        })];
    }

    private static long? UnlessCreate<TEntity>(LedgerEntry<TEntity> entry)
        where TEntity : class => entry.Operation == BatchOperation.Create ? null : entry.Id;

    /// <summary>
    /// The written items' resources as they now stand, mapped after the write (on every core for a large batch: each
    /// item's objects are its own, and nothing changes them any more). A resource that cannot be mapped is left out of
    /// its result and logged, never turned into an error: the item is written.
    /// </summary>
    private Dictionary<LedgerEntry<TEntity>, TDto?> Answers<TEntity, TDto>(
        IReadOnlyList<LedgerEntry<TEntity>> entries, Func<TEntity, TDto> toDto)
        where TEntity : class
        where TDto : class
    {
        var written = entries.Where(e => e.IsOpen && e.Entity is not null).ToList();
        var answers = new TDto?[written.Count];
        ItemLoop.ForEach(written.Count, i => answers[i] = Answer(written[i], toDto));
        return written.Select((entry, i) => (entry, answers[i])).ToDictionary(p => p.entry, p => p.Item2);
    }

    private TDto? Answer<TEntity, TDto>(LedgerEntry<TEntity> entry, Func<TEntity, TDto> toDto)
        where TEntity : class
        where TDto : class
    {
        try
        {
            return toDto(entry.Entity!);
        }
#pragma warning disable CA1031 // Any failure to map a written row must not turn into an error for a committed item.
        catch (Exception failure)
#pragma warning restore CA1031
        {
            Unrenderable(logger, failure, entry.Id);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Written item {Id} could not be mapped for its answer")]
    private static partial void Unrenderable(ILogger logger, Exception exception, long? id);
}
