using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Npgsql;

namespace Catalog.Testing.Postgres;

/// <summary>
/// A throwaway PostgreSQL server for tests: started on first use from the local install
/// (or taken from <c>CATALOG_TEST_POSTGRES</c>), with one fresh database per test class or test.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    /// <summary>An Npgsql connection string to an existing server whose user may CREATE DATABASE.</summary>
    public const string ExternalServerVariable = "CATALOG_TEST_POSTGRES";

    /// <summary>A folder holding initdb and pg_ctl, when they are neither on PATH nor in /usr/lib/postgresql.</summary>
    public const string BinFolderVariable = PostgresBinaries.BinFolderVariable;

    private const int MaxIdentifierLength = 63;
    private const int MaxPrefixLength = 40;

    private static readonly Lazy<Task<PostgresServer>> Shared =
        new(() => StartCoreAsync(isShared: true, CancellationToken.None), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly LocalCluster? _cluster;
    private readonly bool _isShared;

    // Databases made on someone else's server are ours to remove; a local server's vanish with its folder.
    private readonly ConcurrentDictionary<string, byte> _externalDatabases = new(StringComparer.Ordinal);
    private int _disposed;

    private PostgresServer(string adminConnectionString, LocalCluster? cluster, bool isShared, TimeSpan startupTime)
    {
        AdminConnectionString = adminConnectionString;
        _cluster = cluster;
        _isShared = isShared;
        StartupTime = startupTime;
        if (cluster is null)
        {
            AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
        }
    }

    /// <summary>Superuser connection string to the <c>postgres</c> database.</summary>
    public string AdminConnectionString { get; }

    /// <summary>How long finding or starting the server took.</summary>
    public TimeSpan StartupTime { get; }

    /// <summary>True when the server comes from <c>CATALOG_TEST_POSTGRES</c> rather than being started here.</summary>
    public bool IsExternal => _cluster is null;

    /// <summary>
    /// The one server of this test process, started on first call. It is stopped and its folder
    /// deleted when the process exits; disposing it does nothing, since other tests share it.
    /// A failed start is not retried: every caller gets the same exception, with the tools' output.
    /// </summary>
    public static Task<PostgresServer> SharedAsync() => Shared.Value;

    /// <summary>A server of the caller's own, stopped when disposed (or at process exit at the latest).</summary>
    public static Task<PostgresServer> StartAsync(CancellationToken cancellationToken = default) =>
        StartCoreAsync(isShared: false, cancellationToken);

    /// <summary>
    /// Stops a server of the caller's own (<see cref="StartAsync"/>) as a crash would, keeping its data: a test of
    /// what clients see while the database is away. <see cref="ResumeAsync"/> starts it again on the same port.
    /// </summary>
    /// <remarks>
    /// The test clusters commit asynchronously (<c>synchronous_commit = off</c>), so a crash loses the commits of its
    /// last moments, which a production server, committing synchronously, keeps. A checkpoint first writes them out:
    /// without it, a batch answered 200 just before the halt was sometimes gone after the resume.
    /// </remarks>
    public async Task HaltAsync(CancellationToken cancellationToken = default)
    {
        var cluster = OwnCluster();
        // Unpooled: a pooled connection would outlive the server it was opened to.
        var unpooled = new NpgsqlConnectionStringBuilder(AdminConnectionString) { Pooling = false }.ConnectionString;
        await using (var connection = new NpgsqlConnection(unpooled))
        {
            await connection.OpenAsync(cancellationToken);
            await ExecuteAsync(connection, "CHECKPOINT", cancellationToken);
        }

        await cluster.HaltAsync(cancellationToken);
    }

    public Task ResumeAsync(CancellationToken cancellationToken = default) =>
        OwnCluster().ResumeAsync(cancellationToken);

    /// <summary>Creates an empty database with a unique name and returns a connection string to it.</summary>
    public async Task<string> CreateDatabaseAsync(string? prefix = null, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var name = NewDatabaseName(prefix);
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, $"CREATE DATABASE {QuoteIdentifier(name)}", cancellationToken);

        if (IsExternal)
        {
            _externalDatabases.TryAdd(name, 0);
        }

        return ConnectionStringFor(name);
    }

    /// <summary>
    /// Drops a database made by <see cref="CreateDatabaseAsync"/>, closing any connections still open to it.
    /// </summary>
    public async Task DropDatabaseAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var name = DatabaseToDrop(connectionString);

        // Pooled idle connections would otherwise fail later on the terminated sessions.
        using (var pooled = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, DropDatabaseSql(name), cancellationToken);

        _externalDatabases.TryRemove(name, out _);
    }

    private LocalCluster OwnCluster() => _isShared || _cluster is null
        ? throw new InvalidOperationException("Only a server started for one caller (StartAsync) can be halted.")
        : _cluster;

    public async ValueTask DisposeAsync()
    {
        if (_isShared || Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        if (_cluster is not null)
        {
            await _cluster.StopAsync();
            return;
        }

        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        foreach (var name in _externalDatabases.Keys)
        {
            await DropDatabaseAsync(ConnectionStringFor(name));
        }
    }

    /// <summary>Double-quotes a PostgreSQL identifier.</summary>
    internal static string QuoteIdentifier(string name) =>
        "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string DropDatabaseSql(string name) =>
        $"DROP DATABASE IF EXISTS {QuoteIdentifier(name)} WITH (FORCE)";

    private static async Task<PostgresServer> StartCoreAsync(bool isShared, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var external = Environment.GetEnvironmentVariable(ExternalServerVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            var builder = new NpgsqlConnectionStringBuilder(external) { IncludeErrorDetail = true };
            await CheckReachableAsync(builder, cancellationToken);
            return new PostgresServer(builder.ConnectionString, cluster: null, isShared, stopwatch.Elapsed);
        }

        var cluster = await LocalCluster.StartAsync(cancellationToken);
        var admin = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = cluster.Port,
            Username = LocalCluster.SuperUser,
            Database = "postgres",
            IncludeErrorDetail = true,
        };
        return new PostgresServer(admin.ConnectionString, cluster, isShared, stopwatch.Elapsed);
    }

    private static async Task CheckReachableAsync(
        NpgsqlConnectionStringBuilder builder, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            // The connection string may hold a password, so only its address goes into the message.
            throw new InvalidOperationException(
                $"{ExternalServerVariable} is set, but connecting to "
                + $"{builder.Host}:{builder.Port.ToString(CultureInfo.InvariantCulture)} as '{builder.Username}' "
                + $"failed: {ex.Message}. Fix or unset it (unset, a local server is started).",
                ex);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string NewDatabaseName(string? prefix)
    {
        var cleaned = new StringBuilder();
        foreach (var c in (prefix ?? "test").ToLowerInvariant())
        {
            cleaned.Append(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' ? c : '_');
            if (cleaned.Length == MaxPrefixLength)
            {
                break;
            }
        }

        if (cleaned.Length == 0 || char.IsAsciiDigit(cleaned[0]))
        {
            cleaned.Insert(0, "db_");
        }

        // 16 hex digits keep names unique across parallel test processes sharing an external server.
        var name = $"{cleaned}_{Guid.NewGuid():N}"[..(cleaned.Length + 17)];
        Debug.Assert(name.Length <= MaxIdentifierLength, "PostgreSQL truncates longer identifiers.");
        return name;
    }

    private string DatabaseToDrop(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        var adminDatabase = new NpgsqlConnectionStringBuilder(AdminConnectionString).Database;
        return string.IsNullOrEmpty(name) || name is "postgres" or "template0" or "template1" || name == adminDatabase
            ? throw new ArgumentException(
                $"Refusing to drop database '{name}': only databases made by CreateDatabaseAsync may be dropped.",
                nameof(connectionString))
            : name;
    }

    private string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(AdminConnectionString)
        {
            Database = database,
            IncludeErrorDetail = true,
            Pooling = true,
        }.ConnectionString;

    // ProcessExit handlers are synchronous, so the clean-up of an external server is too.
    private void OnProcessExit(object? sender, EventArgs e)
    {
        if (_externalDatabases.IsEmpty)
        {
            return;
        }

        try
        {
            NpgsqlConnection.ClearAllPools();
            using var connection = new NpgsqlConnection(AdminConnectionString);
            connection.Open();
            foreach (var name in _externalDatabases.Keys)
            {
                using var command = new NpgsqlCommand(DropDatabaseSql(name), connection);
                command.ExecuteNonQuery();
            }
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            // Leftover databases on a shared server are untidy, not worth failing the run at exit.
        }
    }
}
