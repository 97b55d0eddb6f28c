using Catalog.Domain.Attributes;
using Catalog.Domain.Categories;
using Catalog.Domain.Products;
using Catalog.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Infrastructure.Persistence;

/// <summary>
/// The EF Core model of the catalog. It serves reads and migrations, and it is the one description of tables and
/// columns that the batch writer reads, so that a row is written exactly as EF would write it. Each provider has a
/// context type of its own (below), which is how EF Core keeps one set of migrations and one snapshot per provider.
/// </summary>
public abstract class CatalogDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Product> Products => Set<Product>();
    public DbSet<Variant> Variants => Set<Variant>();
    public DbSet<VariantPrice> VariantPrices => Set<VariantPrice>();
    public DbSet<ProductCategory> ProductCategories => Set<ProductCategory>();
    public DbSet<VariantAttributeValue> VariantAttributeValues => Set<VariantAttributeValue>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<ProductAttribute> Attributes => Set<ProductAttribute>();
    public DbSet<AttributeValue> AttributeValues => Set<AttributeValue>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CatalogDbContext).Assembly);
        SnakeCaseNames.Apply(modelBuilder);
    }
}

public sealed class SqliteCatalogDbContext(DbContextOptions<SqliteCatalogDbContext> options)
    : CatalogDbContext(options);

public sealed class PostgresCatalogDbContext(DbContextOptions<PostgresCatalogDbContext> options)
    : CatalogDbContext(options);
