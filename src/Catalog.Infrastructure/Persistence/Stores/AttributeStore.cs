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

    public async Task<Page<ProductAttribute>> ListAsync(int limit, int offset, CancellationToken cancellationToken)
    {
        var total = await db.Attributes.CountAsync(cancellationToken);
        var items = await db.Attributes.AsNoTracking().AsSplitQuery().Include(a => a.Values)
            .OrderBy(a => a.Id).Skip(offset).Take(limit).ToListAsync(cancellationToken);
        return new Page<ProductAttribute>(items, total, limit, offset);
    }
}
