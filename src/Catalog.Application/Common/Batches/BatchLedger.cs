using FluentValidation.Results;

namespace Catalog.Application.Common.Batches;

/// <summary>Runs the body once per item index: on every core once a batch is large enough to gain from it.</summary>
internal static class ItemLoop
{
    public static void ForEach(int count, Action<int> body)
    {
        const int SerialBelow = 64;
        if (count < SerialBelow)
        {
            for (var i = 0; i < count; i++)
            {
                body(i);
            }
        }
        else
        {
            Parallel.For(0, count, body);
        }
    }
}

public enum BatchOperation
{
    Create,
    Update,
    Delete,
}

/// <summary>The engine's record of one item: where it came from, whether it failed, and what it will write.</summary>
public sealed class LedgerEntry<TEntity>(BatchOperation operation, int index, long? id)
    where TEntity : class
{
    public BatchOperation Operation { get; } = operation;
    public int Index { get; } = index;
    public long? Id { get; set; } = id;
    public ItemError? Error { get; private set; }
    public bool IsOpen => Error is null;
    public List<RowWrite> Rows { get; } = [];

    /// <summary>The entity as it stands after this item (or before it, for a delete): what the result shows.</summary>
    public TEntity? Entity { get; set; }

    public void Fail(ItemError error) => Error ??= error;

    public void Fail(string code, string message, string? field = null) => Fail(ItemError.Of(code, message, field));

    public void Fail(ValidationResult validation)
    {
        if (!validation.IsValid)
        {
            var details = validation.Errors
                .Select(e => new FieldError(FieldPaths.ToWire(e.PropertyName), e.ErrorMessage))
                .ToList();
            var message = details.Count == 1 ? details[0].Message : $"{details.Count} fields are not valid.";
            Fail(new ItemError(ErrorCodes.ValidationFailed, message, details));
        }
    }

    /// <summary>Fails the item with every problem as a detail, led by the first; no problems, no failure.</summary>
    public void Fail(string code, IReadOnlyList<Problem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (problems.Count > 0)
        {
            var details = problems.Select(p => new FieldError(p.Field, p.Message));
            Fail(new ItemError(code, problems[0].Message, [.. details]));
        }
    }
}

/// <summary>Every item of one batch, in the order sent, from validation to results.</summary>
public sealed class BatchLedger<TEntity>
    where TEntity : class
{
    public BatchLedger(int creates, IEnumerable<long?> updateIds, IEnumerable<long> deleteIds)
    {
        Creates =
            [.. Enumerable.Range(0, creates).Select(i => new LedgerEntry<TEntity>(BatchOperation.Create, i, null))];
        Updates = [.. updateIds.Select((id, i) => new LedgerEntry<TEntity>(BatchOperation.Update, i, id))];
        Deletes = [.. deleteIds.Select((id, i) => new LedgerEntry<TEntity>(BatchOperation.Delete, i, id))];
    }

    public IReadOnlyList<LedgerEntry<TEntity>> Creates { get; }
    public IReadOnlyList<LedgerEntry<TEntity>> Updates { get; }
    public IReadOnlyList<LedgerEntry<TEntity>> Deletes { get; }

    public IEnumerable<LedgerEntry<TEntity>> All => Creates.Concat(Updates).Concat(Deletes);

    /// <summary>The ids the open updates and deletes name: the rows to load before checking them.</summary>
    public HashSet<long> OpenTargetIds() =>
        [.. Updates.Concat(Deletes).Where(e => e.IsOpen && e.Id is not null).Select(e => e.Id!.Value)];

    /// <summary>Runs every create and update through its field rules, and fails the deletes of no usable id.</summary>
    public void ValidateItems<TCreate, TUpdate>(
        IValidator<TCreate> createValidator,
        IReadOnlyList<TCreate> creates,
        IValidator<TUpdate> updateValidator,
        IReadOnlyList<TUpdate> updates)
    {
        ArgumentNullException.ThrowIfNull(createValidator);
        ArgumentNullException.ThrowIfNull(creates);
        ArgumentNullException.ThrowIfNull(updateValidator);
        ArgumentNullException.ThrowIfNull(updates);
        // Items are independent and validators are stateless, so a large batch uses every core; each entry is
        // written by one iteration only.
        ItemLoop.ForEach(creates.Count, i => Creates[i].Fail(createValidator.Validate(creates[i])));
        ItemLoop.ForEach(updates.Count, i => Updates[i].Fail(updateValidator.Validate(updates[i])));

        foreach (var entry in Deletes.Where(e => e.Id <= 0))
        {
            entry.Fail(ErrorCodes.ValidationFailed, "id must be a positive number.", "id");
        }
    }

    /// <summary>
    /// Fails every item that names the same id as another update or delete: which of them the client meant cannot be
    /// known, so none of them is applied.
    /// </summary>
    public void FailRepeatedIds(string resource)
    {
        var entries = Updates.Concat(Deletes).Where(e => e.Id is not null).ToList();
        foreach (var group in entries.GroupBy(e => e.Id!.Value).Where(g => g.Count() > 1))
        {
            var places = string.Join(", ", group.Select(Describe));
            foreach (var entry in group)
            {
                var message = $"{resource} {group.Key} appears more than once in this batch ({places}).";
                entry.Fail(ErrorCodes.DuplicateInBatch, message, "id");
            }
        }
    }

    /// <summary>
    /// Fails every open item that claims a unique value (a SKU, a handle) an earlier open item of this batch claims:
    /// the first claim wins. A claim without a value (no handle sent, a SKU cleared) claims nothing.
    /// </summary>
    public void FailLaterClaims(IEnumerable<(LedgerEntry<TEntity> Entry, Claim Claim)> claims)
    {
        var register = new ClaimRegister<TEntity>();
        foreach (var group in claims.Where(c => c.Entry.IsOpen).GroupBy(c => c.Entry).ToList())
        {
            if (register.Admit(group))
            {
                register.Keep(group.Key);
            }
        }
    }

    public static string Describe(LedgerEntry<TEntity> entry) =>
        $"{entry.Operation.ToString().ToLowerInvariant()}[{entry.Index}]";
}
