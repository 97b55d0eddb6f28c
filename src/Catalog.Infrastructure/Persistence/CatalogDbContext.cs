using Catalog.Application.Jobs;
using Catalog.Domain.Attributes;
using Catalog.Domain.Categories;
using Catalog.Infrastructure.Auth;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Catalog.Infrastructure.Persistence;

/// <summary>
/// The EF Core model of the catalog. It serves reads and migrations, and it is the one description of tables and
/// columns that the batch writer reads, so that a row is written exactly as EF would write it. Each provider has a
/// context type of its own (below), which is how EF Core keeps one set of migrations and one snapshot per provider.
/// </summary>
public abstract class CatalogDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<Product> Products => Set<Product>();
    public DbSet<Variant> Variants => Set<Variant>();
    public DbSet<VariantPrice> VariantPrices => Set<VariantPrice>();
    public DbSet<ProductCategory> ProductCategories => Set<ProductCategory>();
    public DbSet<VariantAttributeValue> VariantAttributeValues => Set<VariantAttributeValue>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<Domain.Tags.Tag> Tags => Set<Domain.Tags.Tag>();
    public DbSet<ProductAttribute> Attributes => Set<ProductAttribute>();
    public DbSet<AttributeValue> AttributeValues => Set<AttributeValue>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<OAuthNonce> OAuthNonces => Set<OAuthNonce>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Job> Jobs => Set<Job>();
    public DbSet<JobChunk> JobChunks => Set<JobChunk>();
    public DbSet<JobResult> JobResults => Set<JobResult>();
    public DbSet<Idempotency.IdempotencyRecord> IdempotencyRecords => Set<Idempotency.IdempotencyRecord>();

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

/// <summary>
/// SQL Server gives each table's ids from a sequence of its own (<c>products_id_seq</c>, ...), so that a batch can
/// reserve a range of them in one call (<c>sp_sequence_get_range</c>) and insert them explicitly, as on the other
/// providers. IDENTITY columns would refuse explicit ids without <c>IDENTITY_INSERT</c>, one table at a time.
/// </summary>
public sealed class SqlServerCatalogDbContext(DbContextOptions<SqlServerCatalogDbContext> options)
    : CatalogDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        foreach (var entity in modelBuilder.Model.GetEntityTypes().ToList())
        {
            if (entity.FindPrimaryKey() is { Properties: [{ ValueGenerated: ValueGenerated.OnAdd } id] }
                && id.ClrType == typeof(long))
            {
                SqlServerPropertyBuilderExtensions.UseSequence(
                    modelBuilder.Entity(entity.ClrType).Property(id.Name),
                    SqlServerProvider.SequenceOf(entity.GetTableName()!));
            }
        }
    }
}

/// <summary>snake_case columns, keys and indexes on every provider: SQL reads alike on SQLite and PostgreSQL.</summary>
internal static class SnakeCaseNames
{
    public static void Apply(ModelBuilder modelBuilder)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(ToSnake(property.Name));
            }

            foreach (var key in entity.GetKeys())
            {
                key.SetName(key.IsPrimaryKey()
                    ? $"pk_{entity.GetTableName()}"
                    : $"ak_{entity.GetTableName()}_{Columns(key.Properties)}");
            }

            foreach (var foreignKey in entity.GetForeignKeys())
            {
                foreignKey.SetConstraintName($"fk_{entity.GetTableName()}_{Columns(foreignKey.Properties)}");
            }

            foreach (var index in entity.GetIndexes())
            {
                index.SetDatabaseName($"ix_{entity.GetTableName()}_{Columns(index.Properties)}");
            }
        }
    }

    private static string Columns(IEnumerable<IReadOnlyProperty> properties) =>
        string.Join("_", properties.Select(p => ToSnake(p.Name)));

    public static string ToSnake(string name) => string.Concat(
        name.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "_" : string.Empty) + char.ToLowerInvariant(c) : $"{c}"));
}
