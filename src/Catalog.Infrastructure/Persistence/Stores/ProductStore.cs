using System.Linq.Expressions;
using Catalog.Application.Common.Models;
using Catalog.Application.Products;
using Catalog.Application.Products.Queries;
using Catalog.Domain.Wholesale;

namespace Catalog.Infrastructure.Persistence.Stores;

internal sealed class ProductStore(CatalogDbContext db, DatabaseProvider provider) : IProductStore
{
    public async Task<IReadOnlyList<Product>> GetManyAsync(
        IReadOnlyCollection<long> ids, CancellationToken cancellationToken) =>
        await WithChildrenAsync(db.Products.Where(p => ids.Contains(p.Id)), cancellationToken);

    public async Task<IReadOnlyDictionary<string, SkuOwner>> FindSkusAsync(
        IReadOnlyCollection<string> skus, CancellationToken cancellationToken) =>
        await db.Variants.AsNoTracking()
            .Where(v => v.Sku != null && skus.Contains(v.Sku))
            .Select(v => new { Sku = v.Sku!, v.ProductId, v.Id })
            .ToDictionaryAsync(
                v => v.Sku, v => new SkuOwner(v.ProductId, v.Id), StringComparer.Ordinal, cancellationToken);

    public async Task<IReadOnlyDictionary<long, int>> CountVariantsAsync(
        IReadOnlyCollection<long> productIds, CancellationToken cancellationToken) =>
        await db.Variants.AsNoTracking()
            .Where(v => productIds.Contains(v.ProductId))
            .GroupBy(v => v.ProductId)
            .Select(g => new { ProductId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.ProductId, g => g.Count, cancellationToken);

    public async Task<IReadOnlyDictionary<string, long>> FindHandlesAsync(
        IReadOnlyCollection<string> handles, CancellationToken cancellationToken) =>
        await db.Products.AsNoTracking()
            .Where(p => handles.Contains(p.Handle))
            .Select(p => new { p.Handle, p.Id })
            .ToDictionaryAsync(p => p.Handle, p => p.Id, StringComparer.Ordinal, cancellationToken);

    public async Task<Page<Product>> ListAsync(
        ProductFilter filter, int limit, int offset, CancellationToken cancellationToken)
    {
        var query = (filter.Extension is { } extension ? WithExtension(extension) : db.Products).AsNoTracking();
        query = filter.Status is { } status ? query.Where(p => p.Status == status) : query;
        query = filter.Statuses is { } statuses ? query.Where(p => statuses.Contains(p.Status)) : query;
        query = filter.Sku is { } sku ? query.Where(p => p.Variants.Any(v => v.Sku == sku)) : query;
        query = filter.CategoryId is { } categoryId
            ? query.Where(p => p.Categories.Any(c => c.CategoryId == categoryId))
            : query;
        if (filter.Search is { Length: > 0 } search)
        {
            var text = search.ToLowerInvariant();
            // ToLower() is what both providers translate; the comparison overloads are not translated.
#pragma warning disable CA1862
            query = query.Where(p => p.Title.ToLower().Contains(text)
                || (p.Description != null && p.Description.ToLower().Contains(text)));
#pragma warning restore CA1862
        }

        query = Narrowed(query, filter.More);
        var total = await query.CountAsync(cancellationToken);
        var page = Ordered(query, filter.More.Order).Skip(offset).Take(limit);
        var items = await WithChildrenAsync(page, cancellationToken);
        return new Page<Product>(items, total, limit, offset);
    }

    public async Task<IReadOnlyList<Product>> GetTaggedAsync(
        IReadOnlyCollection<string> tags, CancellationToken cancellationToken) =>
        await TaggedRows(tags).AsNoTracking().ToListAsync(cancellationToken);

    /// <summary>One query: the tag lists of the products carrying any of the names, counted here (a lateral join
    /// over the JSON array is written differently by each provider; this is not).</summary>
    public async Task<IReadOnlyDictionary<string, int>> CountTaggedAsync(
        IReadOnlyCollection<string> tags, CancellationToken cancellationToken)
    {
        var lists = await TaggedRows(tags).AsNoTracking().Select(p => p.Tags).ToListAsync(cancellationToken);
        var wanted = tags.ToHashSet(StringComparer.Ordinal);
        return lists.SelectMany(list => list.Distinct(StringComparer.Ordinal)).Where(wanted.Contains)
            .GroupBy(name => name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
    }

    /// <summary>The ids of the products carrying any of these tags: tags are a JSON array, which EF cannot look into.
    /// </summary>
    private IQueryable<long> Tagged(IReadOnlyCollection<string> tags) => TaggedRows(tags).Select(p => p.Id);

    private IQueryable<Product> TaggedRows(IReadOnlyCollection<string> tags)
    {
        var elements = provider.JsonArrayElements(TableMap.Quote("tags"));
        var sql = $"SELECT * FROM {TableMap.Quote("products")} "
            + $"WHERE EXISTS (SELECT 1 FROM {elements} WHERE value IN ({Parameters(tags)}))";
        // The SQL is built from names of the code's own; the tags are parameters.
#pragma warning disable EF1002
        return db.Products.FromSqlRaw(sql, [.. tags]);
#pragma warning restore EF1002
    }

    private static string Parameters(IReadOnlyCollection<string> values) =>
        string.Join(", ", values.Select((_, i) => $"{{{i}}}"));

    private IQueryable<Product> Narrowed(IQueryable<Product> query, ProductListFilters filters)
    {
        query = filters.Ids is { Count: > 0 } ids ? query.Where(p => ids.Contains(p.Id)) : query;
        query = filters.Handles is { Count: > 0 } handles ? query.Where(p => handles.Contains(p.Handle)) : query;
        query = filters.Titles is { Count: > 0 } titles ? query.Where(p => titles.Contains(p.Title)) : query;
        query = filters.Skus is { Count: > 0 } skus
            ? query.Where(p => p.Variants.Any(v => v.Sku != null && skus.Contains(v.Sku)))
            : query;
        query = filters.CategoryIds is { Count: > 0 } categoryIds
            ? query.Where(p => p.Categories.Any(c => categoryIds.Contains(c.CategoryId)))
            : query;
        if (filters.Tags is { Count: > 0 } tags)
        {
            var tagged = Tagged(tags);
            query = query.Where(p => tagged.Contains(p.Id));
        }

        var moments = new ProductMoments(db, provider);
        return moments.Within(moments.Within(query, filters.CreatedAt, created: true), filters.UpdatedAt, false);
    }

    /// <summary>In the order asked, ties (and the default) by id.</summary>
    private IQueryable<Product> Ordered(IQueryable<Product> query, ProductOrder order)
    {
        var descending = order.Descending;
        var sorted = order.Field switch
        {
            ProductOrderField.Title => Sort(query, p => p.Title, descending),
            ProductOrderField.Handle => Sort(query, p => p.Handle, descending),
            ProductOrderField.CreatedAt => new ProductMoments(db, provider).Sort(query, created: true, descending),
            ProductOrderField.UpdatedAt => new ProductMoments(db, provider).Sort(query, created: false, descending),
            _ => null,
        };
        return sorted is null
            ? Sort(query, p => p.Id, descending)
            : descending ? sorted.ThenByDescending(p => p.Id) : sorted.ThenBy(p => p.Id);
    }

    private static IOrderedQueryable<Product> Sort<TKey>(
        IQueryable<Product> query, Expression<Func<Product, TKey>> key, bool descending) =>
        descending ? query.OrderByDescending(key) : query.OrderBy(key);

    public Task<Variant?> GetVariantAsync(long id, CancellationToken cancellationToken) =>
        db.Variants.AsNoTracking().AsSplitQuery()
            .Include(v => v.Prices)
            .Include(v => v.AttributeValues)
            .Include(v => v.WholesalePrices)
            .Include(v => v.WholesaleOrderQuantities)
            .Include(v => v.WholesaleVisibility)
            .Include(v => v.WholesaleDiscountRules)
            .FirstOrDefaultAsync(v => v.Id == id, cancellationToken);

    public async Task<IReadOnlyDictionary<long, long>> FindVariantProductsAsync(
        IReadOnlyCollection<long> variantIds, CancellationToken cancellationToken) =>
        await db.Variants.AsNoTracking()
            .Where(v => variantIds.Contains(v.Id))
            .Select(v => new { v.Id, v.ProductId })
            .ToDictionaryAsync(v => v.Id, v => v.ProductId, cancellationToken);

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
        // The JSON path comes from JsonText, which accepts only plain names; the value is a parameter.
#pragma warning disable EF1002
        return db.Products.FromSqlRaw($"SELECT * FROM {TableMap.Quote("products")} WHERE {match}", filter.Value);
#pragma warning restore EF1002
    }

    /// <summary>
    /// The products with everything they hold: one flat query per table, whatever the number of products, stitched
    /// together here. EF's split-query Include reads the same rows but costs three times as much to materialise
    /// (it joins every child query back to its parents and matches them up row by row); see docs/benchmarks.md.
    /// The products are read first and every query runs on this context's connection, so inside a snapshot
    /// (<see cref="SnapshotReads"/>) the children are those of the products' versions.
    /// </summary>
    private async Task<List<Product>> WithChildrenAsync(IQueryable<Product> roots, CancellationToken cancellationToken)
    {
        var products = await roots.AsNoTracking().ToListAsync(cancellationToken);
        if (products.Count == 0)
        {
            return products;
        }

        var productIds = products.Select(p => p.Id).ToList();
        var byProduct = products.ToDictionary(p => p.Id);
        var variants = await db.Variants.AsNoTracking()
            .Where(v => productIds.Contains(v.ProductId)).OrderBy(v => v.Id).ToListAsync(cancellationToken);
        Attach(byProduct, nameof(Product.Variants), variants, v => v.ProductId);
        var categories = await Rows<ProductCategory>(l => productIds.Contains(l.ProductId), cancellationToken);
        Attach(byProduct, nameof(Product.Categories), categories, l => l.ProductId);
        if (variants.Count == 0)
        {
            // As EF's split queries do: no variants, nothing to ask their tables.
            return products;
        }

        var ids = variants.Select(v => v.Id).ToList();
        var byVariant = variants.ToDictionary(v => v.Id);
        await AttachAsync<VariantPrice>(nameof(Variant.Prices), r => ids.Contains(r.VariantId), r => r.VariantId);
        await AttachAsync<VariantAttributeValue>(
            nameof(Variant.AttributeValues), r => ids.Contains(r.VariantId), r => r.VariantId);
        await AttachAsync<WholesalePrice>(
            nameof(Variant.WholesalePrices), r => ids.Contains(r.VariantId), r => r.VariantId);
        await AttachAsync<WholesaleOrderQuantity>(
            nameof(Variant.WholesaleOrderQuantities), r => ids.Contains(r.VariantId), r => r.VariantId);
        await AttachAsync<WholesaleVisibility>(
            nameof(Variant.WholesaleVisibility), r => ids.Contains(r.VariantId), r => r.VariantId);
        await AttachAsync<WholesaleDiscountRule>(
            nameof(Variant.WholesaleDiscountRules), r => ids.Contains(r.VariantId), r => r.VariantId);
        return products;

        async Task AttachAsync<TRow>(
            string navigation, Expression<Func<TRow, bool>> ofVariants, Func<TRow, long> variantId)
            where TRow : class =>
            Attach(byVariant, navigation, await Rows(ofVariants, cancellationToken), variantId);
    }

    /// <summary>One child table's rows for the loaded parents, in key order, so every load lists them alike.</summary>
    private Task<List<TRow>> Rows<TRow>(Expression<Func<TRow, bool>> ofParents, CancellationToken cancellationToken)
        where TRow : class
    {
        var key = db.Model.FindEntityType(typeof(TRow))!.FindPrimaryKey()!.Properties;
        var query = db.Set<TRow>().AsNoTracking().Where(ofParents);
        var ordered = query.OrderBy(r => EF.Property<object>(r, key[0].Name));
        foreach (var property in key.Skip(1))
        {
            ordered = ordered.ThenBy(r => EF.Property<object>(r, property.Name));
        }

        return ordered.ToListAsync(cancellationToken);
    }

    /// <summary>Adds each child to its parent's collection as EF does when it materialises one.</summary>
    private void Attach<TParent, TChild>(
        Dictionary<long, TParent> parents, string navigation, List<TChild> children, Func<TChild, long> parentId)
        where TParent : class
        where TChild : class
    {
        var collection = db.Model.FindEntityType(typeof(TParent))!.FindNavigation(navigation)!.GetCollectionAccessor()!;
        foreach (var child in children)
        {
            collection.Add(parents[parentId(child)], child, forMaterialization: true);
        }
    }
}
