using Catalog.Application.Attributes;
using Catalog.Application.Categories;
using Catalog.Application.Common.Models;
using Catalog.Application.WholesaleRoles;
using Catalog.Domain.Attributes;
using Catalog.Domain.Categories;
using Catalog.Domain.Wholesale;

namespace Catalog.Infrastructure.Persistence.Stores;

internal sealed class CategoryStore(CatalogDbContext db) : ICategoryStore
{
    public async Task<IReadOnlyList<Category>> GetManyAsync(
        IReadOnlyCollection<long> ids, CancellationToken cancellationToken) =>
        await db.Categories.AsNoTracking().Where(c => ids.Contains(c.Id)).ToListAsync(cancellationToken);

    public async Task<IReadOnlyDictionary<string, long>> FindHandlesAsync(
        IReadOnlyCollection<string> handles, CancellationToken cancellationToken) =>
        await db.Categories.AsNoTracking().Where(c => handles.Contains(c.Handle))
            .ToDictionaryAsync(c => c.Handle, c => c.Id, StringComparer.Ordinal, cancellationToken);

    public async Task<IReadOnlyDictionary<long, long?>> GetParentsAsync(CancellationToken cancellationToken) =>
        await db.Categories.AsNoTracking().Select(c => new { c.Id, c.ParentId })
            .ToDictionaryAsync(c => c.Id, c => c.ParentId, cancellationToken);

    public async Task<Page<Category>> ListAsync(
        CategoryFilter filter, int limit, int offset, CancellationToken cancellationToken)
    {
        var query = db.Categories.AsNoTracking();
        if (filter.ParentId is { } parent)
        {
            query = query.Where(c => c.ParentId == parent);
        }

        if (filter.Handle is { } handle)
        {
            query = query.Where(c => c.Handle == handle);
        }

        if (filter.RootsOnly)
        {
            query = query.Where(c => c.ParentId == null);
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderBy(c => c.Id).Skip(offset).Take(limit).ToListAsync(cancellationToken);
        return new Page<Category>(items, total, limit, offset);
    }
}

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
            .Where(a => attributeIds.Contains(a.Id)).Select(a => new { IsValue = false, a.Id, a.Name })
            .Concat(ValueIds(valueIds).Select(id => new { IsValue = true, Id = id, Name = string.Empty }))
            .ToListAsync(cancellationToken);
        return new AttributeReferences(
            found.Where(f => !f.IsValue).ToDictionary(f => f.Id, f => f.Name),
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

internal sealed class WholesaleRoleStore(CatalogDbContext db) : IWholesaleRoleStore
{
    private IQueryable<WholesaleRole> Roles => db.Set<WholesaleRole>().AsNoTracking();

    public async Task<IReadOnlyList<WholesaleRole>> GetManyAsync(
        IReadOnlyCollection<long> ids, CancellationToken cancellationToken) =>
        await Roles.Where(r => ids.Contains(r.Id)).ToListAsync(cancellationToken);

    public async Task<IReadOnlyDictionary<string, long>> FindKeysAsync(
        IReadOnlyCollection<string> keys, CancellationToken cancellationToken) =>
        await Roles.Where(r => keys.Contains(r.Key))
            .ToDictionaryAsync(r => r.Key, r => r.Id, StringComparer.Ordinal, cancellationToken);

    /// <summary>One query: the four wholesale tables that name roles, united.</summary>
    public async Task<IReadOnlySet<string>> FindKeysInUseAsync(
        IReadOnlyCollection<string> keys, CancellationToken cancellationToken) =>
        (await db.Set<WholesalePrice>().Where(p => keys.Contains(p.Role)).Select(p => p.Role)
            .Union(db.Set<WholesaleOrderQuantity>().Where(q => keys.Contains(q.Role)).Select(q => q.Role))
            .Union(db.Set<WholesaleVisibility>().Where(v => keys.Contains(v.Role)).Select(v => v.Role))
            .Union(db.Set<WholesaleDiscountRule>().Where(r => keys.Contains(r.Role)).Select(r => r.Role))
            .ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);

    public async Task<Page<WholesaleRole>> ListAsync(int limit, int offset, CancellationToken cancellationToken)
    {
        var total = await Roles.CountAsync(cancellationToken);
        var items = await Roles.OrderBy(r => r.Id).Skip(offset).Take(limit).ToListAsync(cancellationToken);
        return new Page<WholesaleRole>(items, total, limit, offset);
    }
}
