using Catalog.Benchmarks.Data;
using Catalog.Domain.Products;
using Catalog.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Catalog.Benchmarks.Paths;

/// <summary>
/// The way one would write it without a batch engine: per item a fresh DbContext (as a per-item request would get)
/// and one SaveChanges, through the domain model and the API's own EF mapping.
/// </summary>
internal static class NaiveEf
{
    public static async Task CreateAsync(
        IServiceProvider services, ProductSpec spec, IdBase ids, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();
        var now = TimeProvider.System.GetUtcNow();
        var details = new ProductDetails
        {
            Handle = spec.Handle,
            Title = spec.Title,
            Status = ProductStatus.Published,
            Options = [new ProductOption("Size", ProductSpec.Sizes)],
        };
        var product = Product.Create(ids.ProductId(spec), details, now).Value;
        for (var v = 0; v < ProductSpec.Sizes.Length; v++)
        {
            var size = ProductSpec.Sizes[v];
            var variantDetails = new VariantDetails
            {
                Title = size,
                Sku = spec.Sku(size),
                Options = new Dictionary<string, string> { ["Size"] = size },
            };
            var variant = Variant.Create(ids.VariantId(spec, v), product.Id, variantDetails, now);
            product.AddVariant(variant, now);
            var prices = ProductSpec.Currencies.Select((currency, p) => new VariantPrice(
                ids.PriceId(spec, v, p), variant.Id, currency, ProductSpec.Price(currency, spec.Index), null, null));
            product.ReplaceVariantPrices(variant, prices, now);
        }

        db.Products.Add(product);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Loads the product with its variants and prices (tracked), renames it and replaces the first variant's prices.
    /// </summary>
    public static async Task UpdateAsync(
        IServiceProvider services, SeededProduct seeded, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();
        var now = TimeProvider.System.GetUtcNow();
        // One query with joins (EF's default, stated so EF does not warn): two variants with two prices each is 4 rows.
        var product = await db.Products.Include(p => p.Variants).ThenInclude(v => v.Prices).AsSingleQuery()
            .SingleAsync(p => p.Id == seeded.Id, cancellationToken);
        product.Update(product.Details with { Title = seeded.Spec.UpdatedTitle }, now);
        var first = product.Variants.MinBy(v => v.Id)!;
        // Id 0: the database assigns it, as EF does for any new row of an identity table.
        var prices = ProductSpec.Currencies.Select(currency => new VariantPrice(
            0, first.Id, currency, ProductSpec.UpdatedPrice(currency, seeded.Spec.Index), null, null));
        product.ReplaceVariantPrices(first, prices, now);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Finds and removes the product; its variants and prices go by the schema's ON DELETE CASCADE.</summary>
    public static async Task DeleteAsync(IServiceProvider services, long id, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();
        var product = await db.Products.FindAsync([id], cancellationToken)
            ?? throw new InvalidOperationException($"Product {id} is missing.");
        db.Products.Remove(product);
        await db.SaveChangesAsync(cancellationToken);
    }
}
