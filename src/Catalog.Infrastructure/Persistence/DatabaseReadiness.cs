namespace Catalog.Infrastructure.Persistence;

/// <summary>What <c>/health/ready</c> asks of the database: that it answers, with every migration applied.</summary>
public sealed class DatabaseReadiness(CatalogDbContext db)
{
    /// <summary>The migrations this build has and the database lacks; a database that does not answer throws.</summary>
    public async Task<IReadOnlyList<string>> PendingMigrationsAsync(CancellationToken cancellationToken) =>
        [.. await db.Database.GetPendingMigrationsAsync(cancellationToken)];
}
