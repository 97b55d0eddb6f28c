using System.Data.Common;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Catalog.Infrastructure.Persistence;
using Catalog.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Catalog.Api.Tests.Health;

public abstract class HealthEndpointsTests(CatalogApiFactory factory) : ApiTest(factory)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Live_NoKey_Answers200AndAsksNothing()
    {
        using var anonymous = Factory.CreateClientWithKey(null);

        var (status, body) = await GetAsync("/health/live", anonymous);

        status.Should().Be(200, body.Text());
        body.Str("status").Should().Be("healthy");
        body.At("checks")!.AsObject().Should().BeEmpty();
    }

    [Theory]
    [InlineData("/health/ready")]
    [InlineData("/health")]
    public async Task Ready_NoKey_Answers200NamingEachCheck(string url)
    {
        using var anonymous = Factory.CreateClientWithKey(null);

        var (status, body) = await GetAsync(url, anonymous);

        status.Should().Be(200, body.Text());
        body.Str("status").Should().Be("healthy");
        body.Str("checks.database.status").Should().Be("healthy");
        body.Str("checks.job_worker.status").Should().Be("healthy");
    }

    [Fact]
    public async Task Ready_MigrationNotApplied_Answers503NamingTheDatabaseAndHealthFollows()
    {
        var (migration, version) = await Factory.QueryAsync(async db =>
        {
            var last = (await db.Database.GetAppliedMigrationsAsync()).Last();
            var productVersion = await db.Database.SqlQuery<string>(
                $"""
                SELECT "ProductVersion" AS "Value" FROM "__EFMigrationsHistory" WHERE "MigrationId" = {last}
                """).SingleAsync();
            await db.Database.ExecuteSqlAsync(
                $"""DELETE FROM "__EFMigrationsHistory" WHERE "MigrationId" = {last}""");
            return (last, productVersion);
        });
        try
        {
            var (status, body) = await GetAsync("/health/ready");
            var (aliasStatus, _) = await GetAsync("/health");
            var (liveStatus, _) = await GetAsync("/health/live");

            status.Should().Be(503, body.Text());
            body.Str("status").Should().Be("unhealthy");
            body.Str("checks.database.status").Should().Be("unhealthy");
            body.Str("checks.database.description").Should().Contain(migration);
            body.Str("checks.job_worker.status").Should().Be("healthy");
            aliasStatus.Should().Be(503, "/health is ready's alias");
            liveStatus.Should().Be(200, "the process answers");
        }
        finally
        {
            await Factory.QueryAsync(db => db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion") VALUES ({migration}, {version})
                """));
        }
    }

    [Fact]
    public async Task Ready_InstanceRunsNoWorker_Answers200()
    {
        using var noWorker = Factory.WithWebHostBuilder(
            builder => builder.UseSetting("Catalog:Jobs:RunWorker", "false"));
        using var client = noWorker.CreateClient();

        var (status, body) = await GetAsync("/health/ready", client);

        status.Should().Be(200, body.Text());
        body.Str("checks.job_worker.status").Should().Be("healthy");
        body.Str("checks.job_worker.description").Should().Contain("runs no job worker");
    }

    [Fact]
    public async Task Ready_WorkerStuckOnALock_Answers503NamingTheWorkerUntilItGoesOn()
    {
        JsonNode? stalled;
        await using (await HoldJobsTableAsync())
        {
            stalled = await PollReadyAsync(503);
        }

        stalled.Str("checks.job_worker.status").Should().Be("unhealthy");
        stalled.Str("checks.job_worker.description").Should().Contain("stuck or gone");
        stalled.Str("checks.database.status").Should().Be("healthy");
        (await PollReadyAsync(200)).Str("checks.job_worker.status").Should().Be("healthy");
    }

    private async Task<JsonNode?> PollReadyAsync(int expected)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var (status, body) = await GetAsync("/health/ready");
            if (status == expected)
            {
                return body;
            }

            clock.Elapsed.Should().BeLessThan(Deadline, $"ready should answer {expected}; it answers {body.Text()}");
            await Task.Delay(200);
        }
    }

    /// <summary>
    /// Holds the lock the worker's claim waits for, as a long migration or a stuck session would: SQLite's one write
    /// lock (BEGIN IMMEDIATE), or PostgreSQL's EXCLUSIVE lock on <c>jobs</c>, which its <c>FOR UPDATE</c> waits on.
    /// </summary>
    private async Task<IAsyncDisposable> HoldJobsTableAsync()
    {
        var scope = Factory.Services.CreateAsyncScope();
        var connection = scope.ServiceProvider.GetRequiredService<CatalogDbContext>().Database.GetDbConnection();
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        if (connection is NpgsqlConnection)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "LOCK TABLE jobs IN EXCLUSIVE MODE";
            await command.ExecuteNonQueryAsync();
        }

        return new Held(scope, transaction);
    }

    private sealed class Held(AsyncServiceScope scope, DbTransaction transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await transaction.RollbackAsync();
            await transaction.DisposeAsync();
            await scope.DisposeAsync();
        }
    }
}

/// <summary>A worker that looks for work every 100 ms and counts as stalled after 3 s of silence.</summary>
public static class HealthSettings
{
    public static readonly IReadOnlyDictionary<string, string?> QuickWorker = new Dictionary<string, string?>
    {
        ["Catalog:Jobs:PollInterval"] = "00:00:00.100",
        ["Catalog:Jobs:StalledAfter"] = "00:00:03",
    };
}

public sealed class HealthSqliteFactory : SqliteApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => HealthSettings.QuickWorker;
}

public sealed class HealthPostgresFactory : PostgresApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => HealthSettings.QuickWorker;
}

public sealed class HealthEndpointsTestsOnSqlite(HealthSqliteFactory factory)
    : HealthEndpointsTests(factory), IClassFixture<HealthSqliteFactory>;

public sealed class HealthEndpointsTestsOnPostgres(HealthPostgresFactory factory)
    : HealthEndpointsTests(factory), IClassFixture<HealthPostgresFactory>;
