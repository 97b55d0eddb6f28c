using Catalog.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
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
        await scope.ServiceProvider.MigrateDatabaseAsync(cancellationToken);
        var configuration = scope.ServiceProvider.GetRequiredService<IConfiguration>();
        var keys = scope.ServiceProvider.GetRequiredService<ApiKeyService>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Catalog.Startup");
        if (configuration[BootstrapKeySetting] is { Length: > 0 } bootstrap)
        {
            var stored = await keys.EnsureAsync("bootstrap", bootstrap, Scopes.All, cancellationToken);

            // The consumer key is a public identifier; the secret is the configured key itself, which is never printed.
            Console.WriteLine(
                $"""
                Catalog: WooCommerce clients (/wp-json/wc/v3) send the bootstrap key ({BootstrapKeySetting}) as
                    consumer key    {stored.ConsumerKey}
                    consumer secret cs_<the bootstrap key>
                """);
        }
        else if (!await keys.AnyAsync(cancellationToken))
        {
            var issued = await keys.CreateAsync("first-run", Scopes.All, cancellationToken);
            // Printed once, on the console rather than the log, so that it is not kept in log stores.
            Console.WriteLine(
                $"""

                ==== Catalog: first run ====
                No API key was configured and none exists, so one was created with the scopes {Scopes.All}:

                    {issued.Key}

                Send it as 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'.
                It is stored hashed and will not be shown again. It may also manage keys
                (/api/v1/api-keys, or 'keys create|list|rotate|revoke' on the command line).

                WooCommerce clients (/wp-json/wc/v3) send the same key as a consumer key and secret:

                    consumer key    {issued.Credentials.ConsumerKey}
                    consumer secret {issued.Credentials.ConsumerSecret}
                ============================

                """);
            FirstRunKeyCreated(logger);
        }
    }

    /// <summary>
    /// Brings the database to the current schema, and nothing more: what the <c>keys</c> command needs before it
    /// reads or writes keys, without the first-run key the web server would make.
    /// </summary>
    public static async Task MigrateDatabaseAsync(
        this IServiceProvider scopedServices, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scopedServices);
        var db = scopedServices.GetRequiredService<CatalogDbContext>();
        var provider = scopedServices.GetRequiredService<DatabaseProvider>();
        await AdoptHandWrittenSchemaAsync(db, cancellationToken);
        // Most starts find the schema current. Migrate would still take its lock and compare the snapshot's model with
        // the running one: code compiled for the start alone that stays resident, 6-12 MiB of the process's RSS.
        if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
        if (provider.Kind == DatabaseProviderKind.Sqlite)
        {
            // WAL lets readers go on while a batch writes; the setting is stored in the database file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        await UpgradeKeyHashesAsync(scopedServices, cancellationToken);
    }

    /// <summary>
    /// Keys of an earlier release were stored as a plain SHA-256, and Data Protection's key ring in clear: the hashes
    /// are rewritten in the keyed form and the ring encrypted (ADR 20) before any key is looked up or opened. A secret
    /// drawn only now cannot match keys stored under another, which is said once.
    /// </summary>
    private static async Task UpgradeKeyHashesAsync(
        IServiceProvider scopedServices, CancellationToken cancellationToken)
    {
        var hasher = scopedServices.GetRequiredService<ApiKeyHasher>();
        var keys = scopedServices.GetRequiredService<ApiKeyService>();
        var logger = scopedServices.GetRequiredService<ILoggerFactory>().CreateLogger("Catalog.Startup");
        if (hasher.CreatedNow && await keys.AnyKeyedAsync(cancellationToken))
        {
            HashKeyLost(logger);
        }

        if (await keys.UpgradeLegacyHashesAsync(cancellationToken) is > 0 and var upgraded)
        {
            KeyHashesUpgraded(logger, upgraded);
        }

        if (await keys.EncryptKeyRingAsync(cancellationToken) is > 0 and var encrypted)
        {
            KeyRingEncrypted(logger, encrypted);
        }
    }

    /// <summary>
    /// Until 2026-12-04 the migrations were written by hand (ADR 2, superseded by ADR 10). A database they made has
    /// exactly the schema of each provider's first generated migration, so that migration is recorded as applied
    /// instead of run, and the generated chain goes on from there.
    /// </summary>
    private static async Task AdoptHandWrittenSchemaAsync(CatalogDbContext db, CancellationToken cancellationToken)
    {
        string[] handWritten = ["20261123000000_Initial", "20261201100000_Wholesale", "20261201110000_DialectFields"];
        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToHashSet();
        var first = db.Database.GetMigrations().First();
        if (!handWritten.Any(applied.Contains) || applied.Contains(first))
        {
            return;
        }

        if (!handWritten.All(applied.Contains))
        {
            throw new InvalidOperationException(
                "This database was made by a development build older than 2026-12-01 (its migrations history lacks "
                + $"{handWritten[^1]}); it cannot be upgraded in place.");
        }

        var history = db.GetService<IHistoryRepository>();
        var row = new HistoryRow(first, ProductInfo.GetVersion());
        await db.Database.ExecuteSqlRawAsync(history.GetInsertScript(row), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Created a first-run API key (printed once to the console).")]
    private static partial void FirstRunKeyCreated(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message =
        "Stored {Count} API keys of an earlier release as keyed hashes (ADR 20); they work as before.")]
    private static partial void KeyHashesUpgraded(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message =
        "Encrypted {Count} Data Protection keys that an earlier release stored in clear (ADR 20).")]
    private static partial void KeyRingEncrypted(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A new API-key hash secret was drawn at this start, but the "
        + "database holds keys hashed under another, which are now refused: restore the secret (the file beside the "
        + "database, or Catalog:Auth:HashKey) from a backup, or issue new keys (keys create).")]
    private static partial void HashKeyLost(ILogger logger);
}

/// <summary>
/// Migrates before anything else starts (the web server included), so no request ever meets an old schema. A failure
/// the operator can fix is logged as one sentence and stops the start with <see cref="StartupFailureException"/>.
/// </summary>
internal sealed partial class DatabaseInitializerService(
    IServiceProvider services, DatabaseInitializerService.Target database, ILogger logger) : IHostedLifecycleService
{
    /// <summary>The build runs the app to write docs/openapi.json: that run must not create a database.</summary>
    public static readonly bool IsDocumentGeneration =
        System.Reflection.Assembly.GetEntryAssembly()?.GetName().Name == "GetDocument.Insider";

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        if (IsDocumentGeneration)
        {
            return;
        }

        try
        {
            await services.InitializeDatabaseAsync(cancellationToken);
        }
        catch (Exception exception) when (Explain(exception) is { } sentence)
        {
            StartFailed(logger, sentence);
            throw exception as StartupFailureException ?? new StartupFailureException(sentence, exception);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private string? Explain(Exception exception) =>
        exception is StartupFailureException failure
            ? failure.Message
            : database.Provider?.ExplainStartFailure(exception, database.ConnectionString);

    [LoggerMessage(EventId = 1, Level = LogLevel.Critical, Message = "{Sentence}")]
    private static partial void StartFailed(ILogger logger, string sentence);

    /// <summary>The database the start migrates; no provider when <c>Database:Provider</c> names none known.</summary>
    internal sealed record Target(DatabaseProvider? Provider, string ConnectionString);
}
