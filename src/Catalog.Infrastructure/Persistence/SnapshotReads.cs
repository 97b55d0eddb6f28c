namespace Catalog.Infrastructure.Persistence;

/// <summary>
/// Puts the request's context into a read-only snapshot transaction (REPEATABLE READ on PostgreSQL, a deferred
/// transaction on SQLite), so every store's query until the scope ends sees the same state of the database.
/// </summary>
internal sealed class SnapshotReads(CatalogDbContext db, DatabaseProvider provider) : ISnapshotReads
{
    public async Task<IAsyncDisposable> BeginAsync(CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return Scope.AlreadyInside;
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        var transaction = await provider.BeginSnapshotAsync(db.Database.GetDbConnection(), cancellationToken);
        await db.Database.UseTransactionAsync(transaction, cancellationToken);
        return new Scope(async () =>
        {
            await db.Database.UseTransactionAsync(null, CancellationToken.None);
            await transaction.DisposeAsync(); // nothing was written: ending it is all a read transaction needs
            await db.Database.CloseConnectionAsync();
        });
    }

    private sealed class Scope(Func<Task> end) : IAsyncDisposable
    {
        public static readonly Scope AlreadyInside = new(() => Task.CompletedTask);

        public async ValueTask DisposeAsync() => await end();
    }
}
