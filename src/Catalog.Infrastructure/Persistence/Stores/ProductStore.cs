using Catalog.Application.Common.Models;
using Catalog.Application.Products;
using Catalog.Domain.Products;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Infrastructure.Persistence.Stores;

internal sealed class ProductStore(CatalogDbContext db) : IProductStore
{
    public async Task<IReadOnlyList<Product>> GetManyAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken) =>
        await WithChildren(db.Products).Where(p => ids.Contains(p.Id)).ToListAsync(cancellationToken);

    public async Task<IReadOnlyDictionary<string, SkuOwner>> FindSkusAsync(IReadOnlyCollection<string> skus, CancellationToken cancellationToken) =>
        await db.Variants.AsNoTracking()
            .Where(v => v.Sku != null && skus.Contains(v.Sku))
            .Select(v => new { Sku = v.Sku!, v.ProductId, v.Id })
            .ToDictionaryAsync(v => v.Sku, v => new SkuOwner(v.ProductId, v.Id), StringComparer.Ordinal, cancellationToken);

    public async Task<IReadOnlyDictionary<string, long>> FindHandlesAsync(IReadOnlyCollection<string> handles, CancellationToken cancellationToken) =>
        await db.Products.AsNoTracking()
            .Where(p => handles.Contains(p.Handle))
            .Select(p => new { p.Handle, p.Id })
            .ToDictionaryAsync(p => p.Handle, p => p.Id, StringComparer.Ordinal, cancellationToken);

    public async Task<Page<Product>> ListAsync(ProductFilter filter, int limit, int offset, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = db.Products.AsNoTracking();
        if (filter.Status is { } status)
        {
            query = query.Where(p => p.Status == status);
        }

        if (filter.Sku is { } sku)
        {
            query = query.Where(p => p.Variants.Any(v => v.Sku == sku));
        }

        if (filter.CategoryId is { } categoryId)
        {
            query = query.Where(p => p.Categories.Any(c => c.CategoryId == categoryId));
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await WithChildren(query.OrderBy(p => p.Id).Skip(offset).Take(limit)).ToListAsync(cancellationToken);
        return new Page<Product>(items, total, limit, offset);
    }

    public Task<Variant?> GetVariantAsync(long id, CancellationToken cancellationToken) =>
        db.Variants.AsNoTracking().AsSplitQuery()
            .Include(v => v.Prices)
            .Include(v => v.AttributeValues)
            .Include(v => v.WholesalePrices)
            .Include(v => v.WholesaleOrderQuantities)
            .Include(v => v.WholesaleVisibility)
            .Include(v => v.WholesaleDiscountRules)
            .FirstOrDefaultAsync(v => v.Id == id, cancellationToken);

    /// <summary>One query per level, whatever the number of products: the batch path's reads stay constant.</summary>
    private static IQueryable<Product> WithChildren(IQueryable<Product> products) =>
        products.AsNoTracking().AsSplitQuery()
            .Include(p => p.Categories)
            .Include(p => p.Variants).ThenInclude(v => v.Prices)
            .Include(p => p.Variants).ThenInclude(v => v.AttributeValues)
            .Include(p => p.Variants).ThenInclude(v => v.WholesalePrices)
            .Include(p => p.Variants).ThenInclude(v => v.WholesaleOrderQuantities)
            .Include(p => p.Variants).ThenInclude(v => v.WholesaleVisibility)
            .Include(p => p.Variants).ThenInclude(v => v.WholesaleDiscountRules);
}
