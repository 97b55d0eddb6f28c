using Catalog.Application.Attributes;
using Catalog.Application.Common.Models;
using Catalog.Domain.Attributes;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Infrastructure.Persistence.Stores;

internal sealed class AttributeStore(CatalogDbContext db) : IAttributeStore
{
    public async Task<IReadOnlyList<ProductAttribute>> GetManyAsync(
        IReadOnlyCollection<long> ids, CancellationToken cancellationToken) =>
        await WithValues().Where(a => ids.Contains(a.Id)).ToListAsync(cancellationToken);

    public async Task<IReadOnlyDictionary<string, long>> FindSlugsAsync(
        IReadOnlyCollection<string> slugs, CancellationToken cancellationToken) =>
        await db.Attributes.AsNoTracking().Where(a => slugs.Contains(a.Slug))
            .ToDictionaryAsync(a => a.Slug, a => a.Id, StringComparer.Ordinal, cancellationToken);

    public async Task<IReadOnlySet<long>> FindExistingValuesAsync(
        IReadOnlyCollection<long> valueIds, CancellationToken cancellationToken) =>
        (await ValueIds(valueIds).ToListAsync(cancellationToken)).ToHashSet();

    /// <summary>One statement (a UNION ALL): options naming attributes cost a batch no extra round trip.</summary>
    public async Task<AttributeReferences> FindReferencesAsync(
        IReadOnlyCollection<long> attributeIds, IReadOnlyCollection<long> valueIds, CancellationToken cancellationToken)
    {
        var found = await db.Attributes.AsNoTracking()
            .Where(a => attributeIds.Contains(a.Id)).Select(a => new { IsValue = false, a.Id })
            .Concat(ValueIds(valueIds).Select(id => new { IsValue = true, Id = id }))
            .ToListAsync(cancellationToken);
        return new AttributeReferences(
            found.Where(f => !f.IsValue).Select(f => f.Id).ToHashSet(),
            found.Where(f => f.IsValue).Select(f => f.Id).ToHashSet());
    }

    public async Task<Page<ProductAttribute>> ListAsync(int limit, int offset, CancellationToken cancellationToken)
    {
        var total = await db.Attributes.CountAsync(cancellationToken);
        var items = await WithValues().OrderBy(a => a.Id).Skip(offset).Take(limit).ToListAsync(cancellationToken);
        return new Page<ProductAttribute>(items, total, limit, offset);
    }

    private IQueryable<ProductAttribute> WithValues() =>
        db.Attributes.AsNoTracking().AsSplitQuery().Include(a => a.Values);

    private IQueryable<long> ValueIds(IReadOnlyCollection<long> ids) =>
        db.AttributeValues.AsNoTracking().Where(v => ids.Contains(v.Id)).Select(v => v.Id);
}
