using Catalog.Testing.Postgres;
using Microsoft.Data.Sqlite;

namespace Catalog.Benchmarks.Jobs;

/// <summary>
/// A fresh, empty database for one API process: a new SQLite file, or a new database on the benchmark's throwaway
/// PostgreSQL server (started as the tests start theirs: initdb and pg_ctl in a temp folder, fsync off).
/// </summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly PostgresServer? _server;

    private BenchDatabase(string name, string provider, string connectionString, PostgresServer? server)
    {
        Name = name;
        Provider = provider;
        ConnectionString = connectionString;
        _server = server;
    }

    public static string Folder =>
        Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "catalog-bench")).FullName;

    /// <summary>sqlite or postgres.</summary>
    public string Name { get; }

    /// <summary>The API's <c>Database:Provider</c>.</summary>
    public string Provider { get; }

    public string ConnectionString { get; }

    public static async Task<BenchDatabase> CreateAsync(
        string name, Func<Task<PostgresServer>> server, CancellationToken cancellationToken) => name switch
        {
            "sqlite" => new BenchDatabase(
                name,
                "Sqlite",
                new SqliteConnectionStringBuilder { DataSource = Path.Combine(Folder, $"{Guid.NewGuid():N}.db") }
                    .ToString(),
                null),
            "postgres" => await OnPostgresAsync(await server(), cancellationToken),
            _ => throw new ArgumentException($"'{name}' is not a database: use sqlite or postgres."),
        };

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DropDatabaseAsync(ConnectionString);
            return;
        }

        SqliteConnection.ClearAllPools();
        var file = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm", ".hash-key" })
        {
            File.Delete(file + suffix);
        }
    }

    private static async Task<BenchDatabase> OnPostgresAsync(PostgresServer server, CancellationToken cancellationToken)
    {
        var connectionString = await server.CreateDatabaseAsync("bench", cancellationToken);
        return new BenchDatabase("postgres", "Postgres", connectionString, server);
    }
}
