using System.Text.Json;
using Catalog.Domain.Common;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Catalog.Infrastructure.Persistence.Configurations;

/// <summary>The shapes of column the configurations share.</summary>
internal static class Columns
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    /// <summary>A versioned row: its table, its identity key, and its version as the concurrency token.</summary>
    public static void IsVersionedRow<T>(this EntityTypeBuilder<T> builder, string table)
        where T : Versioned
    {
        builder.ToTable(table);
        builder.HasKey(row => row.Id);
        builder.Property(row => row.Id).UseIdentityKey();
        builder.Property(row => row.Version).IsConcurrencyToken();
    }

    /// <summary>
    /// A database-generated key that never reuses a deleted id: AUTOINCREMENT on SQLite, identity on PostgreSQL.
    /// Batches reserve ids from the same sequence up front (see IdAllocator) and insert them explicitly.
    /// </summary>
    public static PropertyBuilder<long> UseIdentityKey(this PropertyBuilder<long> property) =>
        property.ValueGeneratedOnAdd()
            .HasAnnotation("Sqlite:Autoincrement", true)
            .UseIdentityByDefaultColumn();

    public static PropertyBuilder<T> IsMoney<T>(this PropertyBuilder<T> property) =>
        property.HasPrecision(VariantConstraints.AmountPrecision, VariantConstraints.AmountScale);

    /// <summary>Small value collections (images, tags, options) in a JSON text column, read with their row.</summary>
    public static PropertyBuilder<T> HasJsonConversion<T>(this PropertyBuilder<T> property)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(property);
        return property.HasConversion(
                value => JsonSerializer.Serialize(value, Options),
                text => JsonSerializer.Deserialize<T>(text, Options)!,
                new ValueComparer<T>(
                    (a, b) => JsonSerializer.Serialize(a, Options) == JsonSerializer.Serialize(b, Options),
                    value => JsonSerializer.Serialize(value, Options).GetHashCode(StringComparison.Ordinal),
                    value => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value, Options), Options)!))
            .IsRequired();
    }
}
