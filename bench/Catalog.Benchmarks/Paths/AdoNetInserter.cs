using System.Text.Json;
using Catalog.Benchmarks.Data;
using Microsoft.Data.Sqlite;

namespace Catalog.Benchmarks.Paths;

/// <summary>
/// The floor: the same rows (N products, 2N variants, 4N prices) with three prepared commands reused for every row,
/// in one transaction. Nothing checks, maps or answers anything, so no path that does can be faster than this.
/// </summary>
internal static class AdoNetInserter
{
    private const string ProductSql =
        """
        INSERT INTO products (id, version, created_at, updated_at, handle, title, status, images, tags, options)
        VALUES ($id, 1, $now, $now, $handle, $title, 'Published', '[]', '[]', $options)
        """;

    private const string VariantSql =
        """
        INSERT INTO variants (
            id, version, created_at, updated_at, product_id, title, sku,
            manage_inventory, allow_backorder, options, rank)
        VALUES ($id, 1, $now, $now, $product_id, $title, $sku, 0, 0, $options, 0)
        """;

    private const string PriceSql =
        """
        INSERT INTO variant_prices (id, variant_id, currency_code, amount)
        VALUES ($id, $variant_id, $currency, $amount)
        """;

    private static readonly string ProductOptions =
        JsonSerializer.Serialize(new[] { new { title = "Size", values = ProductSpec.Sizes } });

    /// <summary>Inserts the products and answers the number of statements it ran.</summary>
    public static long Insert(string connectionString, IReadOnlyList<ProductSpec> specs, IdBase ids)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using var product = Prepare(
            connection, transaction, ProductSql, "$id", "$now", "$handle", "$title", "$options");
        using var variant = Prepare(
            connection, transaction, VariantSql, "$id", "$now", "$product_id", "$title", "$sku", "$options");
        using var price = Prepare(connection, transaction, PriceSql, "$id", "$variant_id", "$currency", "$amount");
        var now = DateTimeOffset.UtcNow;
        long statements = 0;
        foreach (var spec in specs)
        {
            Run(product, ids.ProductId(spec), now, spec.Handle, spec.Title, ProductOptions);
            statements++;
            for (var v = 0; v < ProductSpec.Sizes.Length; v++)
            {
                var size = ProductSpec.Sizes[v];
                var options = $$"""{"Size":"{{size}}"}""";
                Run(variant, ids.VariantId(spec, v), now, ids.ProductId(spec), size, spec.Sku(size), options);
                statements++;
                for (var p = 0; p < ProductSpec.Currencies.Length; p++)
                {
                    var currency = ProductSpec.Currencies[p];
                    var amount = ProductSpec.Price(currency, spec.Index);
                    Run(price, ids.PriceId(spec, v, p), ids.VariantId(spec, v), currency, amount);
                    statements++;
                }
            }
        }

        transaction.Commit();
        return statements;
    }

    private static SqliteCommand Prepare(
        SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in names)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        return command;
    }

    private static void Run(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }

        command.ExecuteNonQuery();
    }
}
