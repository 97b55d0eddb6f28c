using Microsoft.Data.Sqlite;
using Npgsql;

namespace Catalog.Benchmarks.Data;

/// <summary>
/// Hand-assigned ids for the paths that bypass the API: the first free id of each table, then a fixed layout per
/// product (2 variants, up to 4 prices), so rows link up without asking the database for ids item by item.
/// </summary>
internal sealed record IdBase(long Product, long Variant, long Price)
{
    public long ProductId(ProductSpec spec) => Product + spec.Index;

    public long VariantId(ProductSpec spec, int variant) => Variant + (spec.Index * 2L) + variant;

    public long PriceId(ProductSpec spec, int variant, int price) => Price + (spec.Index * 4L) + (variant * 2L) + price;

    /// <summary>Read before the clock starts: one past the highest id in each table.</summary>
    public static IdBase NextFree(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        return new IdBase(
            Next(connection, "products"), Next(connection, "variants"), Next(connection, "variant_prices"));
    }

    /// <summary>The same on PostgreSQL.</summary>
    public static async Task<IdBase> NextFreeOnPostgresAsync(
        string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            """
            SELECT (SELECT COALESCE(MAX(id), 0) + 1 FROM products),
                   (SELECT COALESCE(MAX(id), 0) + 1 FROM variants),
                   (SELECT COALESCE(MAX(id), 0) + 1 FROM variant_prices)
            """;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new IdBase(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    private static long Next(SqliteConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COALESCE(MAX(id), 0) + 1 FROM {table}";
        return (long)command.ExecuteScalar()!;
    }
}
