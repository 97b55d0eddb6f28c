using Catalog.Application.Common;
using Catalog.Infrastructure.Diagnostics;

namespace Catalog.Infrastructure.Persistence.Writing;

/// <summary>
/// Applies a write plan in one transaction with the provider's fastest statement path: deletes (children first),
/// then updates, then inserts (parents first). That is the whole story when the database accepts every row.
/// When it refuses one (a unique index hit by a concurrent writer, a stale version, a vanished row), the transaction
/// rolls back and the plan runs again item by item, each in a savepoint, so that exactly the refused items fail:
/// under partial policy the others are committed, under atomic policy nothing is. A deadlock rolls the whole
/// transaction back, so the plan simply runs again.
/// </summary>
internal sealed class SqlBatchWriter(
    CatalogDbContext db, DatabaseProvider provider, SqlStatementCounter counter, CommitGate gate) : IBatchWriter
{
    private const int Attempts = 3;

    public async Task<WriteOutcome> ApplyAsync(WritePlan plan, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ApplyOnceAsync(plan, cancellationToken);
            }
            catch (DbException error) when (attempt < Attempts && provider.IsDeadlock(error))
            {
                // Two writers waited on each other's rows (a unique key both insert, rows both update in another
                // order) and the database chose this transaction to roll back; nothing of it was committed.
            }
        }
    }

    private async Task<WriteOutcome> ApplyOnceAsync(WritePlan plan, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = db.Database.GetDbConnection();
            var failures = await TryWholePlanAsync(connection, plan, cancellationToken)
                ? new Dictionary<int, ItemError>()
                : await ItemByItemAsync(connection, plan, cancellationToken);
            return new WriteOutcome(failures);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// The fast path: all rows of all items, and the checkpoint's as if none failed, in one transaction; false (nothing
    /// written) if refused.
    /// </summary>
    private async Task<bool> TryWholePlanAsync(
        DbConnection connection, WritePlan plan, CancellationToken cancellationToken)
    {
        var statements = Statements([.. plan.Items, .. Checkpoint(plan, new Dictionary<int, ItemError>())]);
        await using var transaction = await gate.BeginAsync(cancellationToken);
        var refusal = await RunAsync(connection, transaction.Inner, statements, cancellationToken);
        if (refusal is null)
        {
            await transaction.CommitAsync(cancellationToken);
            return true;
        }

        await transaction.RollbackAsync(cancellationToken);
        return false;
    }

    /// <summary>The slow path, after a refusal: each item in a savepoint, so a refused item leaves no trace.</summary>
    private async Task<Dictionary<int, ItemError>> ItemByItemAsync(
        DbConnection connection, WritePlan plan, CancellationToken cancellationToken)
    {
        await using var transaction = await gate.BeginAsync(cancellationToken);
        var failures = new Dictionary<int, ItemError>();
        foreach (var item in plan.Items)
        {
            await transaction.SaveAsync("item", cancellationToken);
            var refusal = await RunAsync(connection, transaction.Inner, Statements([item]), cancellationToken);
            if (refusal is null)
            {
                await transaction.ReleaseAsync("item", cancellationToken);
            }
            else
            {
                await transaction.RollbackToAsync("item", cancellationToken);
                failures[item.Key] = refusal;
            }
        }

        if (failures.Count > 0 && plan.Policy == BatchPolicy.Atomic)
        {
            await transaction.RollbackAsync(cancellationToken);
            if (plan.Checkpoint is not null)
            {
                await using var recording = await gate.BeginAsync(cancellationToken);
                await CommitWithCheckpointAsync(connection, recording, plan, failures, cancellationToken);
            }
        }
        else
        {
            await CommitWithCheckpointAsync(connection, transaction, plan, failures, cancellationToken);
        }

        return failures;
    }

    /// <summary>Writes the checkpoint's rows and commits; if the database refuses any, nothing is committed.</summary>
    private async Task CommitWithCheckpointAsync(
        DbConnection connection,
        GatedTransaction transaction,
        WritePlan plan,
        IReadOnlyDictionary<int, ItemError> failures,
        CancellationToken cancellationToken)
    {
        if (Checkpoint(plan, failures) is [var checkpoint]
            && await RunAsync(connection, transaction.Inner, Statements([checkpoint]), cancellationToken)
                is { } refusal)
        {
            await transaction.RollbackAsync(cancellationToken);
            throw new CheckpointRefusedException($"The batch's checkpoint was refused: {refusal.Message}");
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static PlannedItem[] Checkpoint(WritePlan plan, IReadOnlyDictionary<int, ItemError> failures) =>
        plan.Checkpoint is { } rows ? [new PlannedItem(-1, rows(failures))] : [];

    /// <summary>Runs statements and answers why the database refused them, or null when it accepted all.</summary>
    private async Task<ItemError?> RunAsync(
        DbConnection connection,
        DbTransaction transaction,
        List<RowStatement> statements,
        CancellationToken cancellationToken)
    {
        var result = await provider.ExecuteAsync(connection, transaction, statements, cancellationToken);
        counter.CountWrites(result.Sent, result.RoundTrips, result.Error is null ? result.RowsAffected.Sum() : 0);
        if (result.Error is { } error)
        {
            var refusal = provider.Classify(error) ?? throw error;

            // A delete that a foreign key refuses is of a row still referred to (a wholesale role a variant names), not
            // of a missing reference. The provider may not say which statement failed; alone in its run, it is the one.
            var failedAt = result.FailedAt ?? (statements.Count == 1 ? 0 : null);
            return refusal.Code == ErrorCodes.ReferenceNotFound && failedAt is { } failed
                && statements[failed] is { Write: DeleteRow, Detaches: false }
                ? ItemError.Of(
                    ErrorCodes.Conflict,
                    "Another row still refers to this one: it was named by a concurrent write while this batch ran.",
                    "id")
                : refusal;
        }

        for (var i = 0; i < statements.Count; i++)
        {
            if (statements[i].RequiredRows is { } required && result.RowsAffected[i] != required)
            {
                return statements[i].Write is UpdateRow or TouchRow
                    ? ItemError.Of(ErrorCodes.Conflict, "The row changed or was deleted by another write.", "version")
                    : ItemError.Of(ErrorCodes.NotFound, "The row was deleted by another write.", "id");
            }
        }

        return null;
    }

    /// <summary>
    /// The plan's rows as statements, in an order the database accepts whatever the items: deletes (children first,
    /// each table's references to its rows cleared before they go), then updates, then inserts (parents first).
    /// Within each, the rows of one table stand together and in the items' order, so that a provider can write them
    /// as one statement.
    /// </summary>
    private List<RowStatement> Statements(IReadOnlyList<PlannedItem> items)
    {
        var model = db.Model;
        var rows = items.SelectMany(item => item.Rows)
            .Select(row => new RowStatement(row, TableMap.For(model, row.Row.GetType())))
            .ToList();
        var deletes = rows.Where(r => r.Write is DeleteRow)
            .GroupBy(r => r.Map)
            .OrderByDescending(table => table.Key.Rank).ThenBy(table => table.Key.Table, StringComparer.Ordinal)
            .SelectMany(table => table.Key.Detaches
                .SelectMany(detach => table.Select(r => r with { Detach = detach }))
                .Concat(table));
        var updates = rows.Where(r => r.Write is UpdateRow or TouchRow)
            .OrderBy(r => r.Write is TouchRow).ThenBy(r => r.Map.Table, StringComparer.Ordinal);
        var inserts = rows.Where(r => r.Write is InsertRow)
            .OrderBy(r => r.Map.Rank).ThenBy(r => r.Map.Table, StringComparer.Ordinal);
        return [.. deletes.Concat(updates).Concat(inserts)];
    }
}
