using Catalog.Infrastructure.Auth;
using Catalog.Infrastructure.Persistence.Providers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Catalog.Infrastructure.Persistence;

/// <summary>Brings the database to the current schema on start and makes sure someone can call the API.</summary>
public static partial class DatabaseInitializer
{
    public const string BootstrapKeySetting = "Catalog:Auth:BootstrapKey";

    public static async Task InitializeDatabaseAsync(
        this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();
        var provider = scope.ServiceProvider.GetRequiredService<DatabaseProvider>();
        await db.Database.MigrateAsync(cancellationToken);
        if (provider.Kind == DatabaseProviderKind.Sqlite)
        {
            // WAL lets readers go on while a batch writes; the setting is stored in the database file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        var configuration = scope.ServiceProvider.GetRequiredService<IConfiguration>();
        var keys = scope.ServiceProvider.GetRequiredService<ApiKeyService>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Catalog.Startup");
        if (configuration[BootstrapKeySetting] is { Length: > 0 } bootstrap)
        {
            await keys.EnsureAsync("bootstrap", bootstrap, Scopes.All, cancellationToken);

            // The consumer key is a public identifier; the secret is the configured key itself, which is never printed.
            Console.WriteLine(
                $"""
                Catalog: WooCommerce clients (/wp-json/wc/v3) send the bootstrap key ({BootstrapKeySetting}) as
                    consumer key    {ConsumerCredentials.For(bootstrap).ConsumerKey}
                    consumer secret cs_<the bootstrap key>
                """);
        }
        else if (!await keys.AnyAsync(cancellationToken))
        {
            var key = await keys.CreateAsync("first-run", Scopes.All, cancellationToken);
            // Printed once, on the console rather than the log, so that it is not kept in log stores.
            Console.WriteLine(
                $"""

                ==== Catalog: first run ====
                No API key was configured and none exists, so one was created with the scopes {Scopes.All}:

                    {key}

                Send it as 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'.
                It is stored hashed and will not be shown again.

                WooCommerce clients (/wp-json/wc/v3) send the same key as a consumer key and secret:

                    consumer key    {ConsumerCredentials.For(key).ConsumerKey}
                    consumer secret {ConsumerCredentials.For(key).ConsumerSecret}
                ============================

                """);
            FirstRunKeyCreated(logger);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Created a first-run API key (printed once to the console).")]
    private static partial void FirstRunKeyCreated(ILogger logger);
}

/// <summary>
/// Migrates before anything else starts (the web server included), so no request ever meets an old schema.
/// </summary>
internal sealed class DatabaseInitializerService(IServiceProvider services) : IHostedLifecycleService
{
    /// <summary>The build runs the app to write docs/openapi.json: that run must not create a database.</summary>
    private static readonly bool IsDocumentGeneration =
        System.Reflection.Assembly.GetEntryAssembly()?.GetName().Name == "GetDocument.Insider";

    public Task StartingAsync(CancellationToken cancellationToken) =>
        IsDocumentGeneration ? Task.CompletedTask : services.InitializeDatabaseAsync(cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
