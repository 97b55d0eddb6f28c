using Catalog.Infrastructure.Persistence;
using Catalog.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Catalog.Infrastructure.Tests.Persistence;

/// <summary>
/// Migrations are written by hand, so this is what keeps them honest: a freshly migrated database has exactly the
/// tables, columns (type and nullability), keys, indexes and foreign keys that the EF model describes.
/// </summary>
public abstract class MigrationSchemaTests(CatalogApiFactory factory)
{
    [Fact]
    public async Task Migrate_FreshDatabase_MatchesTheModel()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();

        var actual = factory.Provider == "Postgres"
            ? await DatabaseSchema.FromPostgresAsync(connection)
            : await DatabaseSchema.FromSqliteAsync(connection);
        var expected = DatabaseSchema.FromModel(db.Model);

        actual.Select(t => t.Name).Should().Equal(expected.Select(t => t.Name));
        foreach (var (table, model) in actual.Zip(expected))
        {
            table.Should()
                .BeEquivalentTo(model, o => o.WithStrictOrdering(), $"table {table.Name} must match the model");
        }
    }

    [Fact]
    public async Task Migrate_FreshDatabase_HasNoPendingMigrations()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();

        (await db.Database.GetPendingMigrationsAsync()).Should().BeEmpty();
        (await db.Database.GetAppliedMigrationsAsync()).Should().NotBeEmpty();
    }
}

public sealed class MigrationSchemaTestsOnSqlite(SqliteApiFactory factory)
    : MigrationSchemaTests(factory), IClassFixture<SqliteApiFactory>;

public sealed class MigrationSchemaTestsOnPostgres(PostgresApiFactory factory)
    : MigrationSchemaTests(factory), IClassFixture<PostgresApiFactory>;
