using System.Data.Common;
using Catalog.Infrastructure.Persistence;
using Catalog.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Catalog.Api.Tests.V1.Products;

/// <summary>
/// A batch caught in a deadlock with another writer: the database rolls one transaction back to break it. When that
/// is the batch's, the batch runs its plan again and answers as if nothing had happened, never a 500.
/// </summary>
public abstract class DeadlockRetryTests(CatalogApiFactory factory) : CatalogApiTest(factory)
{
    /// <summary>SQL that answers how many sessions of this database wait on a lock.</summary>
    protected abstract string WaitingSessionsSql { get; }

    /// <summary>SQL that makes the test's own session the one the database keeps when it breaks a deadlock.</summary>
    protected virtual string? KeepThisSessionSql => null;

    [Fact]
    public async Task Batch_DeadlockedWithAnotherWriter_RunsAgainAndWritesEveryItem()
    {
        for (var round = 0; round < 2; round++)
        {
            var (first, second) = ($"deadlock-first-{round}", $"deadlock-second-{round}");
            using var scope = Factory.Services.CreateScope();
            var connection = scope.ServiceProvider.GetRequiredService<CatalogDbContext>().Database.GetDbConnection();
            await connection.OpenAsync();
            if (KeepThisSessionSql is { } keep)
            {
                await ExecuteAsync(connection, null, keep);
            }

            await using var other = await connection.BeginTransactionAsync();
            await InsertProductAsync(connection, other, second);

            // The batch inserts the first handle, then waits for the other writer's uncommitted second one.
            var batch = PostAsync(ProductsBatch, new
            {
                create = new[] { new { title = "First", handle = first }, new { title = "Second", handle = second } },
            });
            await WaitUntilAsync(async () => await CountAsync(WaitingSessionsSql) > 0);

            // The other writer now wants the batch's first handle: each waits on the other. The batch waited first,
            // so PostgreSQL's deadlock check runs in its session and rolls it back (SQL Server: by priority); this
            // insert then goes through, and the batch's second attempt waits until the other writer is done.
            await InsertProductAsync(connection, other, first);
            await other.RollbackAsync();
            var (status, body) = await batch;

            status.Should().Be(200, body?.ToJsonString());
            body!["summary"]!["succeeded"]!.GetValue<int>().Should().Be(2, body.ToJsonString());
            (await Factory.QueryAsync(db => db.Products.CountAsync(p => p.Handle == first || p.Handle == second)))
                .Should().Be(2);
        }
    }

    private static async Task InsertProductAsync(DbConnection connection, DbTransaction transaction, string handle)
    {
        await ExecuteAsync(connection, transaction, "INSERT INTO products (handle, title, status, images, tags, "
            + "options, version, created_at, updated_at) VALUES (@handle, 'Held', 'draft', '[]', '[]', '[]', 1, "
            + "@now, @now)", ("@handle", handle), ("@now", DateTimeOffset.UtcNow));
    }

    private static async Task ExecuteAsync(
        DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object Value)[] values)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in values)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        await command.ExecuteNonQueryAsync();
    }

    private async Task<long> CountAsync(string sql)
    {
        using var scope = Factory.Services.CreateScope();
        var connection = scope.ServiceProvider.GetRequiredService<CatalogDbContext>().Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var waited = 0; !await condition(); waited += 50)
        {
            waited.Should().BeLessThan(10_000, "the batch should have come to wait on the other writer's row");
            await Task.Delay(50);
        }
    }
}

public sealed class DeadlockRetryTestsOnPostgres(PostgresApiFactory factory)
    : DeadlockRetryTests(factory), IClassFixture<PostgresApiFactory>
{
    protected override string WaitingSessionsSql =>
        "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()";

    /// <summary>
    /// PostgreSQL rolls back the session whose deadlock check runs first, after its own deadlock_timeout (1 s): the
    /// batch waited first, but on a loaded machine only by milliseconds, so this session waits ten times as long.
    /// </summary>
    protected override string KeepThisSessionSql => "SET deadlock_timeout = '10s'";
}

public sealed class DeadlockRetryTestsOnSqlServer(SqlServerApiFactory factory)
    : DeadlockRetryTests(factory), IClassFixture<SqlServerApiFactory>
{
    protected override string WaitingSessionsSql =>
        "SELECT count(*) FROM sys.dm_exec_requests WHERE blocking_session_id <> 0 AND database_id = DB_ID()";

    protected override string KeepThisSessionSql => "SET DEADLOCK_PRIORITY HIGH";
}
