using Catalog.Application.Attributes;
using Catalog.Application.Categories;
using Catalog.Application.Common;
using Catalog.Application.Jobs;
using Catalog.Application.Products;
using Catalog.Application.WholesaleRoles;
using Catalog.Infrastructure.Auth;
using Catalog.Infrastructure.Diagnostics;
using Catalog.Infrastructure.Jobs;
using Catalog.Infrastructure.Persistence;
using Catalog.Infrastructure.Persistence.Stores;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Catalog.Infrastructure;

public static class DependencyInjection
{
    public const string ConnectionStringName = "Catalog";

    /// <summary>Where the SQLite database file goes when no connection string is given.</summary>
    public const string DataDirectorySetting = "Catalog:DataDirectory";

    /// <summary>
    /// The one place that chooses the database (<c>Database:Provider</c>, its connection string). The SQLite file
    /// goes in <c>Catalog:DataDirectory</c>, else in <paramref name="defaultDataDirectory"/>.
    /// </summary>
    public static IServiceCollection AddInfrastructure(
        this IServiceCollection services, IConfiguration configuration, string defaultDataDirectory)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var name = configuration[$"{DatabaseOptions.Section}:{nameof(DatabaseOptions.Provider)}"];
        var provider = DatabaseProvider.Named(name);
        if (provider is null)
        {
            // Reported when the host starts, as every other start-up failure is (one log line, exit code 1); until
            // then the container must still build, so whatever needs the database gets this failure instead.
            var failure = new StartupFailureException(
                $"Database:Provider is '{name}', which Catalog does not know: set Database__Provider to Sqlite, "
                + "Postgres or SqlServer.");
            services.AddSingleton<DatabaseProvider>(_ => throw failure);
            services.AddScoped<CatalogDbContext>(_ => throw failure);
            AddServices(services, configuration, new DatabaseInitializerService.Target(null, string.Empty));
            return services;
        }

        var dataDirectory = configuration[DataDirectorySetting] is { Length: > 0 } configuredFolder
            ? configuredFolder
            : defaultDataDirectory;
        var connectionString = configuration.GetConnectionString(ConnectionStringName) is { Length: > 0 } configured
            ? configured
            : provider.DefaultConnectionString(dataDirectory);

        services.AddSingleton(provider);
        services.AddSingleton<IDatabaseFaults>(provider);
        provider.AddContext(services, (serviceProvider, db) =>
        {
            provider.Configure(db, connectionString);
            db.AddInterceptors(serviceProvider.GetRequiredService<CountingCommandInterceptor>());
        });
        AddServices(services, configuration, new DatabaseInitializerService.Target(provider, connectionString));
        return services;
    }

    private static void AddServices(
        IServiceCollection services, IConfiguration configuration, DatabaseInitializerService.Target database)
    {
        services.AddSingleton<SqlStatementCounter>();
        services.AddSingleton<CountingCommandInterceptor>();
        services.AddScoped<DatabaseReadiness>();
        services.AddScoped<IProductStore, ProductStore>();
        services.AddScoped<ICategoryStore, CategoryStore>();
        services.AddScoped<Application.Tags.ITagStore, TagStore>();
        services.AddScoped<IAttributeStore, AttributeStore>();
        services.AddScoped<IWholesaleRoleStore, WholesaleRoleStore>();
        services.AddScoped<IIdAllocator, IdAllocator>();
        services.AddScoped<IBatchWriter, SqlBatchWriter>();
        services.AddScoped<CommitGate>();
        services.AddScoped<Application.Common.Idempotency.IIdempotencyStore, Idempotency.IdempotencyStore>();
        services.AddSingleton<Idempotency.IdempotencyLocks>();
        services.AddScoped<ISnapshotReads, SnapshotReads>();
        services.AddSingleton(_ => ApiKeyHashKey.Resolve(
            configuration[ApiKeyHashKey.Setting], database.Provider, database.ConnectionString));
        services.AddScoped<ApiKeyService>();
        services.AddScoped<Application.ApiKeys.IApiKeyRegistry, ApiKeyRegistry>();
        services.AddScoped<OAuthNonces>();
        services.AddSingleton<ApiKeySecrets>();
        var dataProtection = services.AddDataProtection().SetApplicationName("Catalog");
        if (!DatabaseInitializerService.IsDocumentGeneration)
        {
            // The key ring lives with the keys it seals (ADR 14); the document build has no database to keep it in.
            dataProtection.PersistKeysToDbContext<CatalogDbContext>();

            // ... and is encrypted there under the API-key hash secret, which the database does not hold (ADR 20).
            services.AddOptions<KeyManagementOptions>().Configure<IServiceProvider>((options, provider) =>
                options.XmlEncryptor = new KeyRingEncryptor(provider.GetRequiredService<ApiKeyHasher>));
        }
        services.AddScoped<IJobStore, JobStore>();
        services.AddSingleton<JobMetrics>();
        services.AddSingleton<JobWorkerHeartbeat>();
        // A start that fails is reported once: by Catalog.Startup in one sentence (an expected cause), or by the
        // runtime (an unexpected exception, with its stack trace). The host would first log the same exception in full.
        services.Configure<LoggerFilterOptions>(
            logging => logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical));
        services.AddHostedService(serviceProvider => new DatabaseInitializerService(
            serviceProvider,
            database,
            serviceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Catalog.Startup")));

        // After the initializer: the worker claims jobs from a migrated database (none when the build runs the app to
        // write the OpenAPI document).
        if (configuration.GetSection(JobOptions.Section).GetValue(nameof(JobOptions.RunWorker), true)
            && !DatabaseInitializerService.IsDocumentGeneration)
        {
            services.AddHostedService<JobWorker>();
        }
    }
}
