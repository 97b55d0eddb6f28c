using System.Data.Common;
using Catalog.Application.Common.Batches;

namespace Catalog.Infrastructure.Persistence.Writing;

/// <summary>One SQL statement of a write plan, with the item it belongs to and the row count it must affect.</summary>
internal sealed record RowStatement(int ItemKey, RowWrite Write, string Sql, IReadOnlyList<DbParameter> Parameters)
{
    /// <summary>1 when the statement must touch exactly one row (a versioned update, a delete of a named row); null when any count will do.</summary>
    public int? RequiredRows => Write switch
    {
        UpdateRow => 1,
        DeleteRow { MustExist: true } => 1,
        _ => null,
    };
}

/// <summary>What running the statements gave: the rows each affected, or the statement the database refused and why.</summary>
internal sealed record ExecutionResult(int[] RowsAffected, int? FailedAt, DbException? Error);
