using Catalog.Application.Common.Models;
using Catalog.Application.Products;
using Catalog.Domain.Products;
using Catalog.Infrastructure.Persistence.Providers;
using Catalog.Infrastructure.Persistence.Writing;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Infrastructure.Persistence.Stores;

internal sealed class ProductStore(CatalogDbContext db, DatabaseProvider provider) : IProductStore
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
        var query = (filter.Extension is { } extension ? WithExtension(extension) : db.Products).AsNoTracking();
        if (filter.Status is { } status)
        {
            query = query.Where(p => p.Status == status);
        }

        if (filter.Statuses is { } statuses)
        {
            query = query.Where(p => statuses.Contains(p.Status));
        }

        if (filter.Search is { Length: > 0 } search)
        {
            var text = search.ToLowerInvariant();
#pragma warning disable CA1862 // ToLower() is what both providers translate; the comparison overloads are not translated.
            query = query.Where(p => p.Title.ToLower().Contains(text) || (p.Description != null && p.Description.ToLower().Contains(text)));
#pragma warning restore CA1862
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

    /// <summary>
    /// The products whose extensions hold the value at the field: the one filter EF cannot express over a JSON text
    /// column, so the provider writes the JSON lookup and the rest of the query composes on it.
    /// </summary>
    private IQueryable<Product> WithExtension(ExtensionFilter filter)
    {
        // FromSqlRaw reads {0} as a parameter, so the braces of the JSON path (PostgreSQL's '{a,b}') are doubled.
        var field = provider.JsonText(TableMap.Quote("extensions"), [filter.Dialect, filter.Field])
            .Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal);
        var match = filter.OrMissing ? $"({field} = {{0}} OR {field} IS NULL)" : $"{field} = {{0}}";
#pragma warning disable EF1002 // The JSON path comes from JsonText, which accepts only plain names; the value is a parameter.
        return db.Products.FromSqlRaw($"SELECT * FROM {TableMap.Quote("products")} WHERE {match}", filter.Value);
#pragma warning restore EF1002
    }

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
