using System.Net.Http.Headers;
using Catalog.Infrastructure.Auth;
using Catalog.Infrastructure.Diagnostics;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Catalog.Benchmarks.Hosting;

/// <summary>
/// One started API on a fresh SQLite file, with an HTTP client that carries the bootstrap key. Each operation, path
/// and size gets its own, so no measurement sees another's rows, and each host stays warm across its runs as a
/// long-running API would.
/// </summary>
internal sealed class CatalogHost : IAsyncDisposable
{
    private readonly CatalogApiFactory _factory;
    private readonly string _databaseFile;

    private CatalogHost(CatalogApiFactory factory, string databaseFile, string connectionString, HttpClient client)
    {
        _factory = factory;
        _databaseFile = databaseFile;
        ConnectionString = connectionString;
        Client = client;
    }

    public HttpClient Client { get; }

    public string ConnectionString { get; }

    public IServiceProvider Services => _factory.Services;

    public SqlStatementCounter Counter => Services.GetRequiredService<SqlStatementCounter>();

    public static CatalogHost Start()
    {
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "catalog-bench")).FullName;
        var databaseFile = Path.Combine(folder, $"{Guid.NewGuid():N}.db");
        var connectionString = new SqliteConnectionStringBuilder { DataSource = databaseFile }.ToString();
        var apiKey = ApiKeyService.NewKey();
        var factory = new CatalogApiFactory(connectionString, apiKey);
        // Starting runs the API's Program: migrations, PRAGMA journal_mode=WAL and the bootstrap key, all untimed.
        factory.StartServer();
        var server = factory.Services.GetRequiredService<IServer>();
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel reported no address.");
        // A plain HttpClient on the socket address, not the factory's in-memory handler: requests go through real HTTP.
        var client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        return new CatalogHost(factory, databaseFile, connectionString, client);
    }

    /// <summary>Untimed, before every run: no products (variants and prices go by cascade) and an empty WAL.</summary>
    public void DeleteAllProducts()
    {
        var withForeignKeys = new SqliteConnectionStringBuilder(ConnectionString) { ForeignKeys = true };
        using var connection = new SqliteConnection(withForeignKeys.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM products; PRAGMA wal_checkpoint(TRUNCATE);";
        command.ExecuteNonQuery();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
        // Pooled connections keep the file open; release them so the file can go.
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(_databaseFile + suffix);
        }
    }
}
