using System.Data.Common;
using System.Globalization;
using Catalog.Testing.Postgres;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Catalog.Api.Tests.V1.Jobs.Durability;

/// <summary>
/// A database of its own for API processes to share, read by the test in plain SQL: what the processes committed,
/// whatever they answered before they were killed.
/// </summary>
public sealed class JobDatabase : IAsyncDisposable
{
    private JobDatabase(string provider, string connectionString)
    {
        Provider = provider;
        ConnectionString = connectionString;
    }

    /// <summary><c>Sqlite</c> or <c>Postgres</c>, as <c>Database:Provider</c> names it.</summary>
    public string Provider { get; }

    public string ConnectionString { get; }

    public static Task<JobDatabase> CreateSqliteAsync()
    {
        var file = Path.Combine(Path.GetTempPath(), $"catalog-durability-{Guid.NewGuid():N}.db");
        var connectionString = new SqliteConnectionStringBuilder { DataSource = file }.ToString();
        return Task.FromResult(new JobDatabase("Sqlite", connectionString));
    }

    public static async Task<JobDatabase> CreatePostgresAsync()
    {
        var server = await PostgresServer.SharedAsync();
        return new JobDatabase("Postgres", await server.CreateDatabaseAsync("durability"));
    }

    public async Task<long> CountAsync(string sql) =>
        Convert.ToInt64(await ScalarAsync(sql), CultureInfo.InvariantCulture);

    public async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var value = await command.ExecuteScalarAsync();
        return value is DBNull ? null : value;
    }

    /// <summary>Every row the query answers, each as its columns' values.</summary>
    public async Task<IReadOnlyList<object?[]>> RowsAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            reader.GetValues(row!);
            rows.Add([.. row.Select(v => v is DBNull ? null : v)]);
        }

        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        if (Provider == "Sqlite")
        {
            SqliteConnection.ClearAllPools();
            var file = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
            foreach (var path in new[] { file, file + "-wal", file + "-shm", file + ".hash-key" })
            {
                File.Delete(path);
            }

            return;
        }

        NpgsqlConnection.ClearAllPools();
        await (await PostgresServer.SharedAsync()).DropDatabaseAsync(ConnectionString);
    }

    private async Task<DbConnection> OpenAsync()
    {
        DbConnection connection = Provider == "Sqlite"
            ? new SqliteConnection(ConnectionString)
            : new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
