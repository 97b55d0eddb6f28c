using Microsoft.EntityFrameworkCore.Storage;

namespace Catalog.Infrastructure.Persistence.Writing;

/// <summary>
/// Where a request's writes commit. Normally each transaction commits when its writer is done. While an idempotent
/// request holds its writes (<see cref="Hold"/>), the first transaction to commit stays open instead, and the ones
/// after it run as savepoints inside it, until the request's answer is stored in it: the batch and its stored answer
/// commit together or not at all (<see cref="CommitHeldAsync"/>). One per request scope.
/// </summary>
internal sealed class CommitGate(CatalogDbContext db, RequestWrites writes)
{
    private bool holding;
    private GatedTransaction? held;

    /// <summary>The transaction held open for the request's answer, if a write happened.</summary>
    public DbTransaction? Held => held?.Inner;

    public void Hold() => holding = true;

    /// <summary>
    /// Begins a transaction on the context's open connection, or, while one is held, a savepoint in it. The context's
    /// queries run in it until it ends.
    /// </summary>
    public async Task<GatedTransaction> BeginAsync(CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        if (held is not null)
        {
            var savepoint = $"write_{Guid.NewGuid():N}";
            await held.Inner.SaveAsync(savepoint, cancellationToken);
            return new GatedTransaction(this, held.Inner, savepoint);
        }

        var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await db.Database.UseTransactionAsync(transaction, cancellationToken);
        return new GatedTransaction(this, transaction, null);
    }

    /// <summary>Commits the held transaction (with what the caller wrote into it last); the request's writes are in.
    /// </summary>
    public async Task CommitHeldAsync(CancellationToken cancellationToken)
    {
        if (held is { } transaction)
        {
            held = null;
            await transaction.Inner.CommitAsync(cancellationToken);
            writes.MarkCommitted();
            await EndAsync(transaction.Inner);
        }
    }

    /// <summary>Rolls the held transaction back, if any: nothing the request wrote is kept.</summary>
    public async Task RollBackHeldAsync()
    {
        if (held is { } transaction)
        {
            held = null;
            await transaction.Inner.RollbackAsync(CancellationToken.None);
            await EndAsync(transaction.Inner);
        }
    }

    internal async Task CommitAsync(GatedTransaction transaction, CancellationToken cancellationToken)
    {
        if (transaction.Savepoint is { } savepoint)
        {
            await transaction.Inner.ReleaseAsync(savepoint, cancellationToken);
        }
        else if (holding)
        {
            held = transaction;
            writes.MarkHeld();
        }
        else
        {
            await transaction.Inner.CommitAsync(cancellationToken);
            writes.MarkCommitted();
        }
    }

    internal async Task EndAsync(DbTransaction transaction)
    {
        if (ReferenceEquals(db.Database.CurrentTransaction?.GetDbTransaction(), transaction))
        {
            await db.Database.UseTransactionAsync(null, CancellationToken.None);
        }

        await transaction.DisposeAsync();
    }

    internal bool IsHeld(GatedTransaction transaction) => ReferenceEquals(held, transaction);
}

/// <summary>
/// A transaction begun through the <see cref="CommitGate"/>: committing it may hand it to the gate to hold, and
/// disposing it then leaves it open; otherwise disposing an uncommitted one rolls it back.
/// </summary>
internal sealed class GatedTransaction(CommitGate gate, DbTransaction inner, string? savepoint) : IAsyncDisposable
{
    private bool ended;

    public DbTransaction Inner => inner;

    /// <summary>Set when this is a savepoint in a held transaction rather than a transaction of its own.</summary>
    public string? Savepoint => savepoint;

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        await gate.CommitAsync(this, cancellationToken);
        ended = true;
    }

    public async Task RollbackAsync(CancellationToken cancellationToken)
    {
        if (savepoint is not null)
        {
            await inner.RollbackAsync(savepoint, cancellationToken);
        }
        else
        {
            await inner.RollbackAsync(cancellationToken);
            await gate.EndAsync(inner);
        }

        ended = true;
    }

    public Task SaveAsync(string name, CancellationToken cancellationToken) => inner.SaveAsync(name, cancellationToken);

    public Task RollbackToAsync(string name, CancellationToken cancellationToken) =>
        inner.RollbackAsync(name, cancellationToken);

    public Task ReleaseAsync(string name, CancellationToken cancellationToken) =>
        inner.ReleaseAsync(name, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (savepoint is not null)
        {
            if (!ended)
            {
                await inner.RollbackAsync(savepoint, CancellationToken.None);
            }

            return;
        }

        if (!gate.IsHeld(this))
        {
            await gate.EndAsync(inner);
        }
    }
}
