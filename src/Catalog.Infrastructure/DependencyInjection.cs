using Catalog.Application.Attributes;
using Catalog.Application.Categories;
using Catalog.Application.Jobs;
using Catalog.Application.Products;
using Catalog.Application.WholesaleRoles;
using Catalog.Infrastructure.Auth;
using Catalog.Infrastructure.Diagnostics;
using Catalog.Infrastructure.Jobs;
using Catalog.Infrastructure.Persistence;
using Catalog.Infrastructure.Persistence.Stores;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Catalog.Infrastructure;

public static class DependencyInjection
{
    public const string ConnectionStringName = "Catalog";

    /// <summary>The one place that chooses the database (<c>Database:Provider</c>, its connection string).</summary>
    public static IServiceCollection AddInfrastructure(
        this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        DatabaseProvider provider = options.Provider switch
        {
            DatabaseProviderKind.Sqlite => new SqliteProvider(),
            DatabaseProviderKind.Postgres => new PostgresProvider(),
            DatabaseProviderKind.SqlServer => new SqlServerProvider(),
            _ => throw new InvalidOperationException(
                $"Unknown Database:Provider '{options.Provider}'. Use Sqlite, Postgres or SqlServer."),
        };
        var connectionString = configuration.GetConnectionString(ConnectionStringName) is { Length: > 0 } configured
            ? configured
            : provider.DefaultConnectionString(dataDirectory);

        services.AddSingleton(provider);
        services.AddSingleton<SqlStatementCounter>();
        services.AddSingleton<CountingCommandInterceptor>();
        provider.AddContext(services, (serviceProvider, db) =>
        {
            provider.Configure(db, connectionString);
            db.AddInterceptors(serviceProvider.GetRequiredService<CountingCommandInterceptor>());
        });
        services.AddScoped<IProductStore, ProductStore>();
        services.AddScoped<ICategoryStore, CategoryStore>();
        services.AddScoped<Application.Tags.ITagStore, TagStore>();
        services.AddScoped<IAttributeStore, AttributeStore>();
        services.AddScoped<IWholesaleRoleStore, WholesaleRoleStore>();
        services.AddScoped<IIdAllocator, IdAllocator>();
        services.AddScoped<IBatchWriter, SqlBatchWriter>();
        services.AddScoped<ISnapshotReads, SnapshotReads>();
        services.AddScoped<ApiKeyService>();
        services.AddScoped<Application.ApiKeys.IApiKeyRegistry, ApiKeyRegistry>();
        services.AddScoped<OAuthNonces>();
        services.AddSingleton<ApiKeySecrets>();
        var dataProtection = services.AddDataProtection().SetApplicationName("Catalog");
        if (!DatabaseInitializerService.IsDocumentGeneration)
        {
            // The key ring lives with the keys it seals (ADR 14); the document build has no database to keep it in.
            dataProtection.PersistKeysToDbContext<CatalogDbContext>();
        }
        services.AddScoped<IJobStore, JobStore>();
        services.AddSingleton<JobMetrics>();
        services.AddHostedService<DatabaseInitializerService>();

        // After the initializer: the worker claims jobs from a migrated database (none when the build runs the app to
        // write the OpenAPI document).
        if (configuration.GetSection(JobOptions.Section).GetValue(nameof(JobOptions.RunWorker), true)
            && !DatabaseInitializerService.IsDocumentGeneration)
        {
            services.AddHostedService<JobWorker>();
        }
        return services;
    }
}
