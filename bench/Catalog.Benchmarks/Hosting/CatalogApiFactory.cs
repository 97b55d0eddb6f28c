using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Catalog.Benchmarks.Hosting;

/// <summary>
/// The real API (its own Program) on a real loopback Kestrel port, pointed at one database (a SQLite file or a
/// PostgreSQL database).
/// </summary>
internal sealed class CatalogApiFactory : WebApplicationFactory<Program>
{
    private readonly string _provider;
    private readonly string _connectionString;
    private readonly string _apiKey;

    public CatalogApiFactory(string provider, string connectionString, string apiKey)
    {
        _provider = provider;
        _connectionString = connectionString;
        _apiKey = apiKey;
        // Port 0: the OS picks a free port, so hosts never collide; the client reads the address back.
        UseKestrel(0);
    }

    /// <summary>
    /// The factory looks for its content-root manifest in the working directory, which under
    /// <c>dotnet run --project</c> is the repository root; the build output has the API's appsettings.json, so it
    /// serves as the content root.
    /// </summary>
    protected override IHost CreateHost(IHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseContentRoot(AppContext.BaseDirectory);
        return base.CreateHost(builder);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // Production: what a deployed API runs; there is no Development-only behaviour to measure.
        builder.UseEnvironment("Production");
        builder.UseSetting("Database:Provider", _provider);
        builder.UseSetting("ConnectionStrings:Catalog", _connectionString);
        builder.UseSetting("Catalog:Auth:BootstrapKey", _apiKey);
        foreach (var (variable, value) in Catalog.Testing.CatalogApiFactory.ProviderEnvironment(_provider))
        {
            builder.UseSetting(variable.Replace("__", ":", StringComparison.Ordinal), value);
        }

        // Information-level request logs on the console would be timed with the batch; a deployed API logs warnings.
        // These settings outrank appsettings.json, whose Default level is Information.
        builder.UseSetting("Logging:LogLevel:Default", nameof(LogLevel.Warning));
        // AutoMapper warns about its licence on every start; one host per run would repeat it dozens of times.
        builder.UseSetting("Logging:LogLevel:LuckyPennySoftware", nameof(LogLevel.Error));
        // Data Protection's start-up messages about its key ring (one ring per host here) would repeat on every host.
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.DataProtection", nameof(LogLevel.Error));
        // The API's idle collection watches its process's allocations: here that is the benchmark's too, and it would
        // collect the whole process while the benchmark waits for the JIT before a timed run. The API-process and
        // load modes run the API as deployed, with it (ADR 22). An older commit ignores the setting.
        builder.UseSetting("Catalog:Memory:IdleCollection", "false");
    }
}
