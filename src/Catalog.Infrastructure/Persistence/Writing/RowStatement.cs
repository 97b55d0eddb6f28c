using System.Data.Common;
using Catalog.Application.Common.Batches;

namespace Catalog.Infrastructure.Persistence.Writing;

/// <summary>One SQL statement of a write plan, with the item it belongs to and the row count it must affect.</summary>
internal sealed class RowStatement(int itemKey, RowWrite write, TableMap map, string? detachSql = null)
{
    public int ItemKey { get; } = itemKey;

    public TableMap Map { get; } = map;

    public RowWrite Write { get; } = write;

    /// <summary>A statement that clears references to a deleted row (<see cref="TableMap.DetachSql"/>).</summary>
    public bool Detaches => detachSql is not null;

    public string Sql { get; } = detachSql ?? write switch
    {
        InsertRow => map.InsertSql,
        UpdateRow => map.UpdateSql,
        TouchRow => map.TouchSql ?? throw new InvalidOperationException($"{map.Table} has no version to move."),
        _ => map.DeleteSql,
    };

    /// <summary>1 when the statement must touch exactly one row (versioned update, named delete); else null.</summary>
    public int? RequiredRows => Detaches ? null : Write switch
    {
        UpdateRow or TouchRow => 1,
        DeleteRow { MustExist: true } => 1,
        _ => null,
    };

    /// <summary>
    /// Puts this row's values into a command's parameters: creates them on a fresh command, and on a reused (prepared)
    /// one only sets their values, which is what makes a reused statement cheap.
    /// </summary>
    public void Bind(DbParameterCollection parameters, DbCommand factory) => Map.Bind(parameters, factory, Write);

    /// <summary>The statement's parameter names, in the order <see cref="AddValues"/> gives their values.</summary>
    public IReadOnlyList<string> ParameterNames() => Map.ParameterNames(Write);

    public void AddValues(List<object?> values) => Map.ProviderValues(Write, values);
}

/// <summary>What running the statements gave: the rows each affected, or the statement refused and why.</summary>
internal sealed record ExecutionResult(int[] RowsAffected, int? FailedAt, DbException? Error);
