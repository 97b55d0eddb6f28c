using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Catalog.Infrastructure.Diagnostics;

/// <summary>
/// Counts the SQL this process sends: queries EF runs (through the interceptor) and the batch writer's statements,
/// the round trips they took and the rows they wrote. Tests use it to prove a batch's reads do not grow with its size;
/// the benchmark prints it.
/// </summary>
public sealed class SqlStatementCounter
{
    private long _reads;
    private long _writes;
    private long _writeTrips;
    private long _rowsWritten;

    public long Reads => Interlocked.Read(ref _reads);

    /// <summary>Write statements the database ran (one statement may write many rows).</summary>
    public long Writes => Interlocked.Read(ref _writes);

    /// <summary>Reads (one round trip each) and the round trips the writes took.</summary>
    public long RoundTrips => Reads + Interlocked.Read(ref _writeTrips);

    public long RowsWritten => Interlocked.Read(ref _rowsWritten);

    public void CountReads(int count) => Interlocked.Add(ref _reads, count);

    public void CountWrites(int statements, int roundTrips, long rows)
    {
        Interlocked.Add(ref _writes, statements);
        Interlocked.Add(ref _writeTrips, roundTrips);
        Interlocked.Add(ref _rowsWritten, rows);
    }

    public void Reset()
    {
        Interlocked.Exchange(ref _reads, 0);
        Interlocked.Exchange(ref _writes, 0);
        Interlocked.Exchange(ref _writeTrips, 0);
        Interlocked.Exchange(ref _rowsWritten, 0);
    }
}

internal sealed class CountingCommandInterceptor(SqlStatementCounter counter) : DbCommandInterceptor
{
    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command,
        CommandEventData eventData,
        InterceptionResult<DbDataReader> result,
        CancellationToken cancellationToken = default)
    {
        counter.CountReads(1);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        counter.CountReads(1);
        return base.ReaderExecuting(command, eventData, result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command,
        CommandEventData eventData,
        InterceptionResult<object> result,
        CancellationToken cancellationToken = default)
    {
        counter.CountReads(1);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command,
        CommandEventData eventData,
        InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        counter.CountWrites(1, 1, 0);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> NonQueryExecuting(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        counter.CountWrites(1, 1, 0);
        return base.NonQueryExecuting(command, eventData, result);
    }
}
