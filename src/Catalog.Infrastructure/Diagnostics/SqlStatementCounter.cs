using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Catalog.Infrastructure.Diagnostics;

/// <summary>
/// Counts the SQL this process sends: queries EF runs (through the interceptor) and the batch writer's statements.
/// Tests use it to prove a batch's reads do not grow with its size; the benchmark prints it.
/// </summary>
public sealed class SqlStatementCounter
{
    private long _reads;
    private long _writes;

    public long Reads => Interlocked.Read(ref _reads);

    public long Writes => Interlocked.Read(ref _writes);

    public void CountReads(int count) => Interlocked.Add(ref _reads, count);

    public void CountWrites(int count) => Interlocked.Add(ref _writes, count);

    public void Reset()
    {
        Interlocked.Exchange(ref _reads, 0);
        Interlocked.Exchange(ref _writes, 0);
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
        counter.CountWrites(1);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> NonQueryExecuting(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        counter.CountWrites(1);
        return base.NonQueryExecuting(command, eventData, result);
    }
}
