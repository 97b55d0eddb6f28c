using System.Net.Http.Headers;
using Catalog.Benchmarks.Jobs;
using Catalog.Infrastructure.Auth;
using Catalog.Infrastructure.Diagnostics;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Catalog.Benchmarks.Hosting;

/// <summary>
/// One started API on a fresh database (a SQLite file, or a database on the benchmark's PostgreSQL server), with an
/// HTTP client that carries the bootstrap key. Each database, operation, path and size gets its own, so no measurement
/// sees another's rows, and each host stays warm across its runs as a long-running API would.
/// </summary>
internal sealed class CatalogHost : IAsyncDisposable
{
    private readonly CatalogApiFactory _factory;
    private readonly BenchDatabase _database;

    private CatalogHost(CatalogApiFactory factory, BenchDatabase database, string apiKey, HttpClient client)
    {
        _factory = factory;
        _database = database;
        ApiKey = apiKey;
        Client = client;
    }

    /// <summary>Carries the key as a bearer token, as canonical clients send it.</summary>
    public HttpClient Client { get; }

    public string ApiKey { get; }

    /// <summary>sqlite or postgres.</summary>
    public string Database => _database.Name;

    public string ConnectionString => _database.ConnectionString;

    public IServiceProvider Services => _factory.Services;

    public SqlStatementCounter Counter => Services.GetRequiredService<SqlStatementCounter>();

    /// <summary>Starts the API on <paramref name="database"/>, which the host then owns (and drops).</summary>
    public static CatalogHost Start(BenchDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        var apiKey = ApiKeyService.NewKey();
        var factory = new CatalogApiFactory(database.Provider, database.ConnectionString, apiKey);
        // Starting runs the API's Program: migrations, SQLite's WAL and the bootstrap key, all untimed.
        factory.StartServer();
        var server = factory.Services.GetRequiredService<IServer>();
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel reported no address.");
        // A plain HttpClient on the socket address, not the factory's in-memory handler: requests go through real HTTP.
        var client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        return new CatalogHost(factory, database, apiKey, client);
    }

    /// <summary>
    /// Untimed, before every run: no products (variants and prices go by cascade); on SQLite an empty WAL, on
    /// PostgreSQL empty tables (TRUNCATE, so no dead rows of earlier runs stay behind to be scanned).
    /// </summary>
    public void DeleteAllProducts()
    {
        if (Database == "postgres")
        {
            using var postgres = new NpgsqlConnection(ConnectionString);
            postgres.Open();
            using var truncate = postgres.CreateCommand();
            truncate.CommandText = "TRUNCATE products CASCADE";
            truncate.ExecuteNonQuery();
            return;
        }

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
        await _database.DisposeAsync();
    }
}
