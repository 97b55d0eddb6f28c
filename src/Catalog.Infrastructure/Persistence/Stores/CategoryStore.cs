using Catalog.Application.Categories;
using Catalog.Application.Common.Models;
using Catalog.Domain.Categories;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Infrastructure.Persistence.Stores;

internal sealed class CategoryStore(CatalogDbContext db) : ICategoryStore
{
    public async Task<IReadOnlyList<Category>> GetManyAsync(
        IReadOnlyCollection<long> ids, CancellationToken cancellationToken) =>
        await db.Categories.AsNoTracking().Where(c => ids.Contains(c.Id)).ToListAsync(cancellationToken);

    public async Task<IReadOnlySet<long>> FindExistingAsync(
        IReadOnlyCollection<long> ids, CancellationToken cancellationToken) =>
        (await db.Categories.Where(c => ids.Contains(c.Id)).Select(c => c.Id).ToListAsync(cancellationToken))
            .ToHashSet();

    public async Task<IReadOnlyDictionary<string, long>> FindHandlesAsync(
        IReadOnlyCollection<string> handles, CancellationToken cancellationToken) =>
        await db.Categories.AsNoTracking().Where(c => handles.Contains(c.Handle))
            .ToDictionaryAsync(c => c.Handle, c => c.Id, StringComparer.Ordinal, cancellationToken);

    public async Task<IReadOnlyDictionary<long, long?>> GetParentsAsync(CancellationToken cancellationToken) =>
        await db.Categories.AsNoTracking().Select(c => new { c.Id, c.ParentId })
            .ToDictionaryAsync(c => c.Id, c => c.ParentId, cancellationToken);

    public async Task<Page<Category>> ListAsync(
        long? parentId, int limit, int offset, CancellationToken cancellationToken)
    {
        var query = db.Categories.AsNoTracking();
        if (parentId is { } parent)
        {
            query = query.Where(c => c.ParentId == parent);
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderBy(c => c.Id).Skip(offset).Take(limit).ToListAsync(cancellationToken);
        return new Page<Category>(items, total, limit, offset);
    }
}
