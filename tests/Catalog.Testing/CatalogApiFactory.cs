using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Catalog.Infrastructure.Auth;
using Catalog.Infrastructure.Diagnostics;
using Catalog.Infrastructure.Persistence;
using Catalog.Testing.Logs;
using Catalog.Testing.Postgres;
using Catalog.Testing.SqlServer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Respawn;
using Xunit;

namespace Catalog.Testing;

/// <summary>
/// The real API over a real database of its own (one per test class), reset before each test. Derived classes choose
/// the provider; the same tests run on both.
/// </summary>
public abstract class CatalogApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>Provisioned through <c>Catalog:Auth:BootstrapKey</c>, with both scopes.</summary>
    public const string WriteKey = "test-key-read-write";

    /// <summary>
    /// <c>Catalog:Auth:HashKey</c> where a provider needs it set (PostgreSQL, SQL Server: ADR 20), for every host and
    /// process of the tests on one database; SQLite draws its own, into a file beside the database.
    /// </summary>
    public const string TestHashKey = "Y2F0YWxvZy10ZXN0LWhhc2gta2V5LW5vdC1hLXNlY3JldA==";

    /// <summary>The settings, as environment variables, that a provider needs besides its connection string.</summary>
    public static IReadOnlyDictionary<string, string> ProviderEnvironment(string provider) =>
        string.Equals(provider, "Sqlite", StringComparison.OrdinalIgnoreCase)
            ? new Dictionary<string, string>()
            : new Dictionary<string, string> { ["Catalog__Auth__HashKey"] = TestHashKey };

    /// <summary>SHA-256 of a key in hex: what releases before ADR 20 stored, and made consumer keys of.</summary>
    public static string LegacyHash(string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private string _connectionString = string.Empty;
    private Respawner? _respawner;

    public abstract string Provider { get; }

    public string ConnectionString => _connectionString;

    public SqlStatementCounter Statements => Services.GetRequiredService<SqlStatementCounter>();

    /// <summary>The host's API-key hasher: what it stores for a key is <c>Hasher.Hash(key)</c>.</summary>
    public ApiKeyHasher Hasher => Services.GetRequiredService<ApiKeyHasher>();

    public int MaxItems { get; init; } = 1000;

    /// <summary>
    /// When set, the API also listens on this loopback port, for clients outside the process (newman, say).
    /// </summary>
    public int? KestrelPort { get; init; }

    /// <summary>When set with <see cref="KestrelPort"/>, the API also listens on this port over HTTPS.</summary>
    public (int Port, X509Certificate2 Certificate)? KestrelHttps { get; init; }

    public async Task InitializeAsync()
    {
        if (!CanRun)
        {
            return;
        }

        LogCapture.RegisterKey(WriteKey);
        _connectionString = await CreateDatabaseAsync();
        if (KestrelPort is { } port)
        {
            UseKestrel(options =>
            {
                options.Listen(IPAddress.Loopback, port);
                if (KestrelHttps is var (httpsPort, certificate))
                {
                    options.Listen(IPAddress.Loopback, httpsPort, listen => listen.UseHttps(certificate));
                }
            });
            StartServer();
        }
        else
        {
            _ = Services; // starts the host, which migrates the database and provisions the key
        }
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (CanRun)
        {
            await DropDatabaseAsync(_connectionString);
        }
    }

    public HttpClient CreateClientWithKey(string? key = WriteKey)
    {
        var client = CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return client;
    }

    /// <summary>Creates a key with the given scopes and answers it in clear.</summary>
    public async Task<string> CreateKeyAsync(string scopes)
    {
        await using var scope = Services.CreateAsyncScope();
        var keys = scope.ServiceProvider.GetRequiredService<ApiKeyService>();
        var key = (await keys.CreateAsync("test", scopes, CancellationToken.None)).Key;
        LogCapture.RegisterKey(key);
        return key;
    }

    /// <summary>
    /// The WooCommerce consumer key and secret of a stored key: the consumer key is drawn at random when the key is
    /// issued (ADR 18), so it is read from the database.
    /// </summary>
    public ConsumerCredentials Credentials(string key)
    {
        using var scope = Services.CreateScope();
        var hash = scope.ServiceProvider.GetRequiredService<ApiKeyHasher>().Hash(key);
        var stored = scope.ServiceProvider.GetRequiredService<CatalogDbContext>().ApiKeys.AsNoTracking()
            .SingleOrDefault(k => k.Hash == hash);

        // A key nobody stored gets a consumer key that names nothing, for tests of refused credentials.
        return stored is null
            ? new ConsumerCredentials(ConsumerCredentials.NewConsumerKey(), ConsumerCredentials.SecretPrefix + key)
            : ConsumerCredentials.Of(stored, key);
    }

    /// <summary>
    /// Empties every catalog table and restarts ids, so each test starts from the same state. API keys, the
    /// key ring that seals them and the migrations history are kept. Respawn reads the tables and their foreign keys
    /// once, then runs one script.
    /// </summary>
    public async Task ResetAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            _respawner ??= await Respawner.CreateAsync(connection, new RespawnerOptions
            {
                DbAdapter = Provider switch
                {
                    "Postgres" => DbAdapter.Postgres,
                    "SqlServer" => DbAdapter.SqlServer,
                    _ => DbAdapter.Sqlite,
                },
                TablesToIgnore = ["api_keys", "data_protection_keys", "__EFMigrationsHistory"],
                WithReseed = true,
            });
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await _respawner.ResetAsync(connection);
                    break;
                }
                catch (PostgresException deadlock)
                    when (deadlock.SqlState == PostgresErrorCodes.DeadlockDetected && attempt < 3)
                {
                    // The host's job worker (a lease renewal, a purge) held a row lock on a table the reset empties
                    // and waited on another: PostgreSQL cancelled the reset, which holds nothing now. Run it again.
                }
            }

            if (Provider == "SqlServer")
            {
                await db.Database.ExecuteSqlRawAsync(SqlServerTestServer.RestartSequences);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        Statements.Reset();
    }

    /// <summary>Runs a query straight against the database, to check what a request really wrote.</summary>
    public async Task<T> QueryAsync<T>(Func<CatalogDbContext, Task<T>> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<CatalogDbContext>());
    }

    /// <summary>
    /// More configuration for a fixture of its own (a dialect's settings, say), applied after the defaults.
    /// </summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

    /// <summary>
    /// The least severe entries the host logs (Warning unless a fixture asks for more); every one of them goes to
    /// <see cref="LogCapture"/>, which the run checks for secrets.
    /// </summary>
    protected virtual LogLevel MinimumLogLevel => LogLevel.Warning;

    /// <summary>False where the database cannot be had here: the fixture then stays idle, its tests not run.</summary>
    protected virtual bool CanRun => true;

    protected abstract Task<string> CreateDatabaseAsync();

    protected abstract Task DropDatabaseAsync(string connectionString);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Provider);
        builder.UseSetting("ConnectionStrings:Catalog", _connectionString);
        builder.UseSetting("Catalog:Auth:BootstrapKey", WriteKey);
        foreach (var (variable, value) in ProviderEnvironment(Provider))
        {
            builder.UseSetting(variable.Replace("__", ":", StringComparison.Ordinal), value);
        }

        builder.UseSetting(
            "Catalog:Batch:MaxItems", MaxItems.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureLogging(logging => logging
            .SetMinimumLevel(MinimumLogLevel)
            .AddProvider(new CapturingLoggerProvider(GetType().Name)));
    }
}

public class SqliteApiFactory : CatalogApiFactory
{
    public override string Provider => "Sqlite";

    protected override Task<string> CreateDatabaseAsync()
    {
        var file = Path.Combine(Path.GetTempPath(), $"catalog-test-{Guid.NewGuid():N}.db");
        return Task.FromResult(new SqliteConnectionStringBuilder { DataSource = file }.ToString());
    }

    protected override Task DropDatabaseAsync(string connectionString)
    {
        SqliteConnection.ClearAllPools();
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        foreach (var path in new[] { file, file + "-wal", file + "-shm", file + ".hash-key" })
        {
            File.Delete(path);
        }

        return Task.CompletedTask;
    }
}

public class PostgresApiFactory : CatalogApiFactory
{
    public override string Provider => "Postgres";

    protected override async Task<string> CreateDatabaseAsync() =>
        await (await PostgresServer.SharedAsync()).CreateDatabaseAsync("catalog");

    protected override async Task DropDatabaseAsync(string connectionString)
    {
        NpgsqlConnection.ClearAllPools();
        await (await PostgresServer.SharedAsync()).DropDatabaseAsync(connectionString);
    }
}

/// <summary>Runs only with <c>CATALOG_TEST_SQLSERVER</c>; otherwise its tests are reported as not run.</summary>
public class SqlServerApiFactory : CatalogApiFactory
{
    public override string Provider => "SqlServer";

    protected override bool CanRun => SqlServerTestServer.IsConfigured;

    protected override Task<string> CreateDatabaseAsync() => SqlServerTestServer.CreateDatabaseAsync();

    protected override Task DropDatabaseAsync(string connectionString) =>
        SqlServerTestServer.DropDatabaseAsync(connectionString);
}
