using Catalog.Application.Common.Models;
using Catalog.Application.WholesaleRoles;
using Catalog.Domain.Wholesale;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Infrastructure.Persistence.Stores;

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
