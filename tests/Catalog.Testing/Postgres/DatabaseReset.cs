using System.Data;
using System.Data.Common;
using Npgsql;

namespace Catalog.Testing.Postgres;

/// <summary>Empties a test database between tests, far faster than dropping and migrating it again.</summary>
public static class DatabaseReset
{
    // Emptying it would make the next migration run try to apply every migration again.
    private const string MigrationsHistoryTable = "__EFMigrationsHistory";

    /// <summary>
    /// Truncates every table of the <c>public</c> schema except <paramref name="keepTables"/> (names compared
    /// case-insensitively) and <c>__EFMigrationsHistory</c>, in one statement, restarting identity columns.
    /// CASCADE also empties a kept table that has a foreign key to a truncated one.
    /// </summary>
    public static async Task ResetPostgresAsync(
        NpgsqlConnection connection,
        IEnumerable<string>? keepTables = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var keep = KeepSet(keepTables);
        var openedHere = await EnsureOpenAsync(connection, cancellationToken);
        try
        {
            const string Sql = "SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = 'public'";
            var allTables = await ReadStringsAsync(connection, Sql, cancellationToken);
            var tables = allTables
                .Where(table => !keep.Contains(table))
                .Select(table => "public." + PostgresServer.QuoteIdentifier(table))
                .ToList();

            if (tables.Count == 0)
            {
                return;
            }

            // One statement: TRUNCATE of several tables does not trip over the foreign keys between them.
            await using var truncate = new NpgsqlCommand(
                $"TRUNCATE TABLE {string.Join(", ", tables)} RESTART IDENTITY CASCADE", connection);
            await truncate.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            if (openedHere)
            {
                await connection.CloseAsync();
            }
        }
    }

    /// <summary>
    /// Deletes every row of every user table except <paramref name="keepTables"/> (case-insensitive) and
    /// <c>__EFMigrationsHistory</c>, in one transaction with foreign keys off, and resets their AUTOINCREMENT counters.
    /// </summary>
    public static async Task ResetSqliteAsync(
        DbConnection connection, IEnumerable<string>? keepTables = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var keep = KeepSet(keepTables);
        var openedHere = await EnsureOpenAsync(connection, cancellationToken);
        try
        {
            var allTables = await ReadStringsAsync(
                connection, "SELECT name FROM sqlite_master WHERE type = 'table'", cancellationToken);
            var hasSequenceTable = allTables.Contains("sqlite_sequence", StringComparer.OrdinalIgnoreCase);
            var tables = allTables
                .Where(table => !keep.Contains(table))
                .Where(table => !table.StartsWith("sqlite_", StringComparison.OrdinalIgnoreCase))
                .ToList();

            if (tables.Count == 0)
            {
                return;
            }

            // Rows would otherwise have to be deleted in dependency order. The pragma is a no-op inside
            // a transaction, so it is switched before and restored after.
            var foreignKeysWereOn = Convert.ToInt64(
                await ScalarAsync(connection, null, "PRAGMA foreign_keys", cancellationToken),
                System.Globalization.CultureInfo.InvariantCulture) != 0;
            await NonQueryAsync(connection, null, "PRAGMA foreign_keys = OFF", cancellationToken);
            try
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                foreach (var table in tables)
                {
                    await NonQueryAsync(
                        connection, transaction, $"DELETE FROM {QuoteSqlite(table)}", cancellationToken);
                }

                if (hasSequenceTable)
                {
                    await ResetSqliteSequencesAsync(connection, transaction, tables, cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
            }
            finally
            {
                if (foreignKeysWereOn)
                {
                    await NonQueryAsync(connection, null, "PRAGMA foreign_keys = ON", CancellationToken.None);
                }
            }
        }
        finally
        {
            if (openedHere)
            {
                await connection.CloseAsync();
            }
        }
    }

    private static async Task ResetSqliteSequencesAsync(
        DbConnection connection, DbTransaction transaction, List<string> tables, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var names = new List<string>();
        for (var i = 0; i < tables.Count; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"@t{i}";
            parameter.DbType = DbType.String;
            parameter.Value = tables[i];
            command.Parameters.Add(parameter);
            names.Add(parameter.ParameterName);
        }

        command.CommandText = $"DELETE FROM sqlite_sequence WHERE name IN ({string.Join(", ", names)})";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<List<string>> ReadStringsAsync(
        DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var values = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private static HashSet<string> KeepSet(IEnumerable<string>? keepTables) =>
        new(keepTables ?? [], StringComparer.OrdinalIgnoreCase) { MigrationsHistoryTable };

    private static async Task<bool> EnsureOpenAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        if (connection.State == ConnectionState.Open)
        {
            return false;
        }

        await connection.OpenAsync(cancellationToken);
        return true;
    }

    private static string QuoteSqlite(string name) =>
        "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static async Task<object?> ScalarAsync(
        DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    private static async Task NonQueryAsync(
        DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
