using Catalog.Application.Common;
using Catalog.Application.Common.Batches;
using Catalog.Infrastructure.Diagnostics;
using Catalog.Infrastructure.Persistence.Providers;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Infrastructure.Persistence.Writing;

/// <summary>
/// Applies a write plan in one transaction with the provider's fastest statement path: deletes (children first),
/// then updates, then inserts (parents first). When the database refuses an item (a unique index, a stale version,
/// a vanished row), the transaction rolls back; under partial policy the attempt is repeated without that item,
/// under atomic policy nothing is written. The happy path is one attempt, whatever the batch size.
/// </summary>
internal sealed class SqlBatchWriter(CatalogDbContext db, DatabaseProvider provider, SqlStatementCounter counter) : IBatchWriter
{
    public async Task<WriteOutcome> ApplyAsync(WritePlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var failures = new Dictionary<int, ItemError>();
        var remaining = plan.Items;
        while (remaining.Count > 0)
        {
            var refused = await TryApplyAsync(remaining, cancellationToken);
            if (refused.Count == 0)
            {
                break;
            }

            foreach (var (key, error) in refused)
            {
                failures[key] = error;
            }

            if (plan.Policy == BatchPolicy.Atomic)
            {
                break;
            }

            remaining = [.. remaining.Where(item => !failures.ContainsKey(item.Key))];
        }

        return new WriteOutcome(failures);
    }

    private async Task<Dictionary<int, ItemError>> TryApplyAsync(IReadOnlyList<PlannedItem> items, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = db.Database.GetDbConnection();
            await using var factory = connection.CreateCommand();
            var statements = Statements(items, factory);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var result = await provider.ExecuteAsync(connection, transaction, statements, cancellationToken);
            counter.CountWrites(result.FailedAt is { } stop ? stop + 1 : statements.Count);

            var refused = new Dictionary<int, ItemError>();
            if (result.Error is { } error)
            {
                var statement = statements[result.FailedAt!.Value];
                refused[statement.ItemKey] = provider.Classify(error) ?? throw error;
            }
            else
            {
                for (var i = 0; i < statements.Count; i++)
                {
                    if (statements[i].RequiredRows is { } required && result.RowsAffected[i] != required)
                    {
                        refused.TryAdd(statements[i].ItemKey, statements[i].Write is UpdateRow
                            ? ItemError.Of(ErrorCodes.Conflict, "The row changed or was deleted by another write while this batch ran.", "version")
                            : ItemError.Of(ErrorCodes.NotFound, "The row was deleted by another write while this batch ran.", "id"));
                    }
                }
            }

            if (refused.Count == 0)
            {
                await transaction.CommitAsync(cancellationToken);
            }
            else
            {
                await transaction.RollbackAsync(cancellationToken);
            }

            return refused;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private List<RowStatement> Statements(IReadOnlyList<PlannedItem> items, System.Data.Common.DbCommand factory)
    {
        var model = db.Model;
        var rows = items.SelectMany(item => item.Rows.Select(row => (item.Key, Row: row, Map: TableMap.For(model, row.Row.GetType())))).ToList();
        var deletes = rows.Where(r => r.Row is DeleteRow).OrderByDescending(r => r.Map.Rank)
            .Select(r => new RowStatement(r.Key, r.Row, r.Map.DeleteSql, r.Map.Parameters(factory, r.Row.Row, keyOnly: true)));
        var updates = rows.Where(r => r.Row is UpdateRow)
            .Select(r => new RowStatement(r.Key, r.Row, r.Map.UpdateSql, r.Map.Parameters(factory, r.Row.Row, ((UpdateRow)r.Row).ExpectedVersion)));
        var inserts = rows.Where(r => r.Row is InsertRow).OrderBy(r => r.Map.Rank)
            .Select(r => new RowStatement(r.Key, r.Row, r.Map.InsertSql, r.Map.Parameters(factory, r.Row.Row)));
        return [.. deletes, .. updates, .. inserts];
    }
}
