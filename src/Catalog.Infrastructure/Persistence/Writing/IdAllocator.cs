using Catalog.Infrastructure.Diagnostics;

namespace Catalog.Infrastructure.Persistence.Writing;

/// <summary>
/// Reserves ids, so a batch can link new rows before it writes them: each table's from its own sequence, except the
/// tables of <see cref="SharedIdSpaces"/>, which draw from one.
/// </summary>
internal sealed class IdAllocator(CatalogDbContext db, DatabaseProvider provider, SqlStatementCounter counter)
    : IIdAllocator
{
    /// <summary>
    /// Products and variants never share an id: WooCommerce keeps both as posts in one table, and integrations key
    /// their maps by id across both (product 6 and variation 6 would collide). Variants take theirs from the
    /// products' sequence (migration <c>SharedProductAndVariantIds</c> moved it past both tables' ids).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> SharedIdSpaces =
        new Dictionary<string, string> { ["variants"] = "products" };

    public async Task<IdPool> AllocateAsync(IReadOnlyDictionary<Type, int> counts, CancellationToken cancellationToken)
    {
        var requests = counts.Where(c => c.Value > 0)
            .Select(c => (Type: c.Key, Source: SourceOf(TableMap.For(db.Model, c.Key).Table), Count: c.Value))
            .ToList();
        if (requests.Count == 0)
        {
            return new IdPool(new Dictionary<Type, Queue<long>>());
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var sources = requests.GroupBy(r => r.Source).Select(g => (Table: g.Key, Count: g.Sum(r => r.Count)))
                .ToList();
            var reserved = await provider.ReserveIdsAsync(db.Database.GetDbConnection(), sources, cancellationToken);
            counter.CountReads(1);
            var taken = sources.ToDictionary(s => s.Table, _ => 0);
            return new IdPool(requests.ToDictionary(r => r.Type, r =>
            {
                var ids = new Queue<long>(reserved[r.Source].Skip(taken[r.Source]).Take(r.Count));
                taken[r.Source] += r.Count;
                return ids;
            }));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static string SourceOf(string table) => SharedIdSpaces.GetValueOrDefault(table, table);
}
