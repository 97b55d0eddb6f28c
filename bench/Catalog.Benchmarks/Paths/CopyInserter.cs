using System.Text.Json;
using Catalog.Benchmarks.Data;
using Npgsql;
using NpgsqlTypes;

namespace Catalog.Benchmarks.Paths;

/// <summary>
/// The PostgreSQL floor: the rows of N Medusa-shaped products (N products, 2N variants, 2N usd prices) with Npgsql's
/// binary <c>COPY</c>, one per table, in one transaction. Nothing checks, maps or answers anything.
/// </summary>
internal static class CopyInserter
{
    private const string Currency = "usd";

    private const string ProductCopy =
        """
        COPY products (id, version, created_at, updated_at, handle, title, status, images, tags, options)
        FROM STDIN (FORMAT BINARY)
        """;

    private const string VariantCopy =
        """
        COPY variants (
            id, version, created_at, updated_at, product_id, title, sku,
            manage_inventory, allow_backorder, options, rank)
        FROM STDIN (FORMAT BINARY)
        """;

    private const string PriceCopy =
        "COPY variant_prices (id, variant_id, currency_code, amount) FROM STDIN (FORMAT BINARY)";

    private static readonly string ProductOptions =
        JsonSerializer.Serialize(new[] { new { title = "Size", values = ProductSpec.Sizes } });

    /// <summary>Inserts the products and answers the number of statements it ran (one COPY a table).</summary>
    public static async Task<long> InsertAsync(
        string connectionString, IReadOnlyList<ProductSpec> specs, IdBase ids, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var now = DateTime.UtcNow;
        await CopyAsync(connection, ProductCopy, specs, async (row, spec) =>
        {
            await row.WriteAsync(ids.ProductId(spec), NpgsqlDbType.Bigint, cancellationToken);
            await row.WriteAsync(1L, NpgsqlDbType.Bigint, cancellationToken);
            await row.WriteAsync(now, NpgsqlDbType.TimestampTz, cancellationToken);
            await row.WriteAsync(now, NpgsqlDbType.TimestampTz, cancellationToken);
            await row.WriteAsync(spec.Handle, NpgsqlDbType.Varchar, cancellationToken);
            await row.WriteAsync(spec.Title, NpgsqlDbType.Varchar, cancellationToken);
            await row.WriteAsync("Published", NpgsqlDbType.Varchar, cancellationToken);
            await row.WriteAsync("[]", NpgsqlDbType.Text, cancellationToken);
            await row.WriteAsync("[]", NpgsqlDbType.Text, cancellationToken);
            await row.WriteAsync(ProductOptions, NpgsqlDbType.Text, cancellationToken);
        }, cancellationToken);
        var variants = specs.SelectMany(spec => ProductSpec.Sizes.Select((size, v) => (spec, size, v))).ToList();
        await CopyAsync(connection, VariantCopy, variants, async (row, variant) =>
        {
            var (spec, size, v) = variant;
            await row.WriteAsync(ids.VariantId(spec, v), NpgsqlDbType.Bigint, cancellationToken);
            await row.WriteAsync(1L, NpgsqlDbType.Bigint, cancellationToken);
            await row.WriteAsync(now, NpgsqlDbType.TimestampTz, cancellationToken);
            await row.WriteAsync(now, NpgsqlDbType.TimestampTz, cancellationToken);
            await row.WriteAsync(ids.ProductId(spec), NpgsqlDbType.Bigint, cancellationToken);
            await row.WriteAsync(size, NpgsqlDbType.Varchar, cancellationToken);
            await row.WriteAsync(spec.Sku(size), NpgsqlDbType.Varchar, cancellationToken);
            await row.WriteAsync(false, NpgsqlDbType.Boolean, cancellationToken);
            await row.WriteAsync(false, NpgsqlDbType.Boolean, cancellationToken);
            await row.WriteAsync($$"""{"Size":"{{size}}"}""", NpgsqlDbType.Text, cancellationToken);
            await row.WriteAsync(0, NpgsqlDbType.Integer, cancellationToken);
        }, cancellationToken);
        await CopyAsync(connection, PriceCopy, variants, async (row, variant) =>
        {
            var (spec, _, v) = variant;
            await row.WriteAsync(ids.PriceId(spec, v, 0), NpgsqlDbType.Bigint, cancellationToken);
            await row.WriteAsync(ids.VariantId(spec, v), NpgsqlDbType.Bigint, cancellationToken);
            await row.WriteAsync(Currency, NpgsqlDbType.Varchar, cancellationToken);
            await row.WriteAsync(ProductSpec.Price(Currency, spec.Index), NpgsqlDbType.Numeric, cancellationToken);
        }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return 3;
    }

    private static async Task CopyAsync<T>(
        NpgsqlConnection connection, string copy, IEnumerable<T> rows, Func<NpgsqlBinaryImporter, T, Task> write,
        CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync(copy, cancellationToken);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(cancellationToken);
            await write(importer, row);
        }

        await importer.CompleteAsync(cancellationToken);
    }
}
