using Catalog.Infrastructure.Persistence.Providers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Catalog.Infrastructure.Persistence.Migrations;

/// <summary>
/// How <c>dotnet ef</c> builds each provider's context to generate its migrations (see docs/migrations.md): the
/// model only, configured as the app configures it; no database is opened.
/// </summary>
internal sealed class SqliteDesignTimeContext : IDesignTimeDbContextFactory<SqliteCatalogDbContext>
{
    public SqliteCatalogDbContext CreateDbContext(string[] args) =>
        new(DesignTime.Options<SqliteCatalogDbContext>(new SqliteProvider()));
}

internal sealed class PostgresDesignTimeContext : IDesignTimeDbContextFactory<PostgresCatalogDbContext>
{
    public PostgresCatalogDbContext CreateDbContext(string[] args) =>
        new(DesignTime.Options<PostgresCatalogDbContext>(new PostgresProvider()));
}

internal sealed class SqlServerDesignTimeContext : IDesignTimeDbContextFactory<SqlServerCatalogDbContext>
{
    public SqlServerCatalogDbContext CreateDbContext(string[] args) =>
        new(DesignTime.Options<SqlServerCatalogDbContext>(new SqlServerProvider()));
}

internal static class DesignTime
{
    public static DbContextOptions<T> Options<T>(DatabaseProvider provider)
        where T : DbContext
    {
        var options = new DbContextOptionsBuilder<T>();
        provider.Configure(options, provider.DefaultConnectionString(Path.GetTempPath()));
        return options.Options;
    }
}
