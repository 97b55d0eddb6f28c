using Catalog.Infrastructure.Persistence.Writing;

namespace Catalog.Infrastructure.Persistence.Providers;

/// <summary>
/// The statements' values, converted ahead of the statements that bind them. Converting (reading a row's columns,
/// running EF's converters, formatting decimals, dates and text as UTF-8) does not touch SQLite, so for a large write
/// it runs in chunks on other threads while SQLite works through the rows before them. A chunk no other thread has
/// taken when its rows come due is converted on the statements' own thread, so the feed never waits for a free thread.
/// </summary>
internal sealed class SqliteValueFeed : IDisposable
{
    private const int ChunkSize = 256;

    private readonly IReadOnlyList<RowStatement> _statements;
    private readonly SqliteValue[][] _values;
    private readonly Task[] _chunks;
    private volatile bool _stopped;

    public SqliteValueFeed(IReadOnlyList<RowStatement> statements)
    {
        ArgumentNullException.ThrowIfNull(statements);
        _statements = statements;
        _values = new SqliteValue[statements.Count][];
        var chunks = (statements.Count + ChunkSize - 1) / ChunkSize;
        // One chunk is converted where it is needed; more are queued in order, for idle threads to take ahead.
        _chunks = [.. Enumerable.Range(0, chunks).Select(chunk => chunks == 1 ? new Task(() => Convert(chunk)) : Task.Run(() => Convert(chunk)))];
    }

    /// <summary>The values of statement <paramref name="index"/>, converting its chunk here if no other thread has.</summary>
    public SqliteValue[] this[int index]
    {
        get
        {
            var chunk = _chunks[index / ChunkSize];
            if (chunk.Status == TaskStatus.Created)
            {
                chunk.RunSynchronously();
            }

            // Waiting on a queued chunk no thread has started runs it on this thread; a failed one throws its own exception.
            chunk.GetAwaiter().GetResult();
            return _values[index];
        }
    }

    /// <summary>Stops converting chunks no longer needed (the write stopped at a refused row).</summary>
    public void Dispose() => _stopped = true;

    private void Convert(int chunk)
    {
        if (_stopped)
        {
            return;
        }

        var end = Math.Min(_statements.Count, (chunk + 1) * ChunkSize);
        for (var i = chunk * ChunkSize; i < end; i++)
        {
            _values[i] = SqliteValue.Of(_statements[i]);
        }
    }
}
