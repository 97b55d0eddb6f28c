using Catalog.Application.Attributes;
using Catalog.Application.Common.Models;
using Catalog.Domain.Attributes;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Infrastructure.Persistence.Stores;

internal sealed class AttributeStore(CatalogDbContext db) : IAttributeStore
{
    public async Task<IReadOnlyList<ProductAttribute>> GetManyAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken) =>
        await db.Attributes.AsNoTracking().AsSplitQuery().Include(a => a.Values).Where(a => ids.Contains(a.Id)).ToListAsync(cancellationToken);

    public async Task<IReadOnlyDictionary<string, long>> FindSlugsAsync(IReadOnlyCollection<string> slugs, CancellationToken cancellationToken) =>
        await db.Attributes.AsNoTracking().Where(a => slugs.Contains(a.Slug))
            .ToDictionaryAsync(a => a.Slug, a => a.Id, StringComparer.Ordinal, cancellationToken);

    public async Task<IReadOnlySet<long>> FindExistingValuesAsync(IReadOnlyCollection<long> valueIds, CancellationToken cancellationToken) =>
        (await db.AttributeValues.AsNoTracking().Where(v => valueIds.Contains(v.Id)).Select(v => v.Id).ToListAsync(cancellationToken)).ToHashSet();

    /// <summary>One statement (a UNION ALL), so that options naming attributes cost a product batch no extra round trip.</summary>
    public async Task<AttributeReferences> FindReferencesAsync(IReadOnlyCollection<long> attributeIds, IReadOnlyCollection<long> valueIds, CancellationToken cancellationToken)
    {
        var found = await db.Attributes.AsNoTracking().Where(a => attributeIds.Contains(a.Id)).Select(a => new { IsValue = false, a.Id })
            .Concat(db.AttributeValues.AsNoTracking().Where(v => valueIds.Contains(v.Id)).Select(v => new { IsValue = true, v.Id }))
            .ToListAsync(cancellationToken);
        return new AttributeReferences(
            found.Where(f => !f.IsValue).Select(f => f.Id).ToHashSet(),
            found.Where(f => f.IsValue).Select(f => f.Id).ToHashSet());
    }

    public async Task<Page<ProductAttribute>> ListAsync(int limit, int offset, CancellationToken cancellationToken)
    {
        var total = await db.Attributes.CountAsync(cancellationToken);
        var items = await db.Attributes.AsNoTracking().AsSplitQuery().Include(a => a.Values)
            .OrderBy(a => a.Id).Skip(offset).Take(limit).ToListAsync(cancellationToken);
        return new Page<ProductAttribute>(items, total, limit, offset);
    }
}
