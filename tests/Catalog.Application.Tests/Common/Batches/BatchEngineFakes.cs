using Catalog.Application.Common.Batches;
using Microsoft.Extensions.Logging;

namespace Catalog.Application.Tests.Common.Batches;

/// <summary>Hands out ids from 1001 up, across types, and records every request.</summary>
public sealed class FakeIdAllocator : IIdAllocator
{
    private long _next = 1001;

    public List<IReadOnlyDictionary<Type, int>> Calls { get; } = [];

    public Task<IdPool> AllocateAsync(IReadOnlyDictionary<Type, int> counts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(counts);
        Calls.Add(new Dictionary<Type, int>(counts));
        var ids = counts.ToDictionary(
            c => c.Key, c => new Queue<long>(Enumerable.Range(0, c.Value).Select(_ => _next++)));
        return Task.FromResult(new IdPool(ids));
    }
}

/// <summary>Records each plan it is given and refuses the items that write a gadget with a refused handle.</summary>
public sealed class FakeBatchWriter(FakeSnapshotReads snapshots) : IBatchWriter
{
    private readonly Dictionary<string, ItemError> _refused = new(StringComparer.Ordinal);

    public List<WritePlan> Plans { get; } = [];

    /// <summary>Whether a snapshot scope was open during any write.</summary>
    public bool WroteInsideSnapshot { get; private set; }

    /// <summary>Every row of every plan, in the order given.</summary>
    public IEnumerable<RowWrite> Rows => Plans.SelectMany(p => p.Items).SelectMany(i => i.Rows);

    public void Refuse(string handle, ItemError error) => _refused[handle] = error;

    public Task<WriteOutcome> ApplyAsync(WritePlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        Plans.Add(plan);
        WroteInsideSnapshot |= snapshots.IsOpen;
        var failures = new Dictionary<int, ItemError>();
        foreach (var item in plan.Items)
        {
            var handle = item.Rows.Select(r => r.Row).OfType<Gadget>().Select(g => g.Handle).FirstOrDefault();
            if (handle is not null && _refused.TryGetValue(handle, out var error))
            {
                failures[item.Key] = error;
            }
        }

        return Task.FromResult(new WriteOutcome(failures));
    }
}

/// <summary>Counts the snapshot scopes begun and disposed.</summary>
public sealed class FakeSnapshotReads : ISnapshotReads
{
    public int Begun { get; private set; }

    public int Disposed { get; private set; }

    public bool IsOpen => Begun > Disposed;

    public Task<IAsyncDisposable> BeginAsync(CancellationToken cancellationToken)
    {
        Begun++;
        return Task.FromResult<IAsyncDisposable>(new Scope(this));
    }

    private sealed class Scope(FakeSnapshotReads owner) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            owner.Disposed++;
            return ValueTask.CompletedTask;
        }
    }
}

public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>Keeps the level, exception and message of every entry logged.</summary>
public sealed class RecordingLogger<T> : ILogger<T>
{
    public List<(LogLevel Level, Exception? Exception)> Entries { get; } = [];

    public List<string> Messages { get; } = [];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(
        LogLevel logLevel,
        EventId eventId,
        TState state,
        Exception? exception,
        Func<TState, Exception?, string> formatter)
    {
        Entries.Add((logLevel, exception));
        Messages.Add(formatter(state, exception));
    }
}
