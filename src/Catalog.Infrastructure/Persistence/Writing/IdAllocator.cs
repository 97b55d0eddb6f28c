using Catalog.Infrastructure.Diagnostics;

namespace Catalog.Infrastructure.Persistence.Writing;

/// <summary>Reserves ids from each table's own sequence, so a batch can link new rows before it writes them.</summary>
internal sealed class IdAllocator(CatalogDbContext db, DatabaseProvider provider, SqlStatementCounter counter)
    : IIdAllocator
{
    public async Task<IdPool> AllocateAsync(IReadOnlyDictionary<Type, int> counts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var requests = counts.Where(c => c.Value > 0)
            .Select(c => (Type: c.Key, Table: TableMap.For(db.Model, c.Key).Table, Count: c.Value))
            .ToList();
        if (requests.Count == 0)
        {
            return new IdPool(new Dictionary<Type, Queue<long>>());
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var tables = requests.Select(r => (r.Table, r.Count)).ToList();
            var reserved = await provider.ReserveIdsAsync(db.Database.GetDbConnection(), tables, cancellationToken);
            counter.CountReads(1);
            return new IdPool(requests.ToDictionary(r => r.Type, r => new Queue<long>(reserved[r.Table])));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
