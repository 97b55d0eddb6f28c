using System.Data;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Catalog.Infrastructure.Persistence.Providers;

/// <summary>
/// PostgreSQL is across a network: a plan's statements go out as one batch (one round trip), the rows of each table
/// written set by set, and ids come from the identity sequences in one query.
/// </summary>
internal sealed class PostgresProvider : DatabaseProvider
{
    public override DatabaseProviderKind Kind => DatabaseProviderKind.Postgres;

    public override string DefaultConnectionString(string dataDirectory) =>
        "Host=localhost;Database=catalog;Username=postgres";

    public override string? ExplainStartFailure(Exception exception, string connectionString)
    {
        var server = new NpgsqlConnectionStringBuilder(connectionString);
        var address = $"{server.Host}:{server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        var cause = exception.GetBaseException() is var inner && inner != exception
            ? $"{exception.Message.TrimEnd('.')}: {inner.Message.TrimEnd('.')}"
            : exception.Message.TrimEnd('.');
        return exception switch
        {
            // 28P01: wrong password; 28000: no such role, or pg_hba.conf refuses the client.
            PostgresException { SqlState: "28P01" or "28000" } =>
                $"PostgreSQL at {address} refused the login of '{server.Username}' ({cause}): check the user and "
                + "password in ConnectionStrings__Catalog.",
            PostgresException => null,
            NpgsqlException or TimeoutException =>
                $"Catalog cannot reach its PostgreSQL database at {address} ({cause}): start the server, or set "
                + "ConnectionStrings__Catalog to one that answers.",
            _ => null,
        };
    }

    public override async Task<bool> TryLockAsync(
        DbConnection connection, long lockId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT pg_try_advisory_lock(@id)";
        command.Parameters.Add(new NpgsqlParameter("id", lockId));
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }

    public override async Task UnlockAsync(DbConnection connection, long lockId)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT pg_advisory_unlock(@id)";
        command.Parameters.Add(new NpgsqlParameter("id", lockId));
        await command.ExecuteScalarAsync(CancellationToken.None);
    }

    public override async Task<DbTransaction> BeginSnapshotAsync(
        DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);

    public override void AddContext(
        IServiceCollection services, Action<IServiceProvider, DbContextOptionsBuilder> configure) =>
        services.AddDbContext<CatalogDbContext, PostgresCatalogDbContext>(configure);

    public override void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(
            connectionString, npgsql => npgsql.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter));

    public override async Task<IReadOnlyDictionary<string, long[]>> ReserveIdsAsync(
        DbConnection connection, IReadOnlyList<(string Table, int Count)> requests, CancellationToken cancellationToken)
    {
        // One row per table, its ids as an array: 2,500 ids are one value to read rather than 2,500 rows. OFFSET 0
        // keeps the sequence's look-up a subquery of its own, run once: inlined, it ran for every id and took 5 of the
        // 6.5 ms that 2,500 ids cost (psql, docs/benchmarks.md, eighth session).
        await using var command = connection.CreateCommand();
        command.CommandText = string.Join(
            " UNION ALL ",
            requests.Select((r, i) =>
                $"SELECT {i} AS request, array_agg(nextval(s.sequence)) AS ids "
                + $"FROM (SELECT pg_get_serial_sequence(@t{i}, 'id')::regclass AS sequence OFFSET 0) AS s, "
                + $"generate_series(1, @n{i})"));
        for (var i = 0; i < requests.Count; i++)
        {
            command.Parameters.Add(new NpgsqlParameter($"t{i}", requests[i].Table));
            command.Parameters.Add(new NpgsqlParameter($"n{i}", requests[i].Count));
        }

        var ids = new long[requests.Count][];
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                ids[reader.GetInt32(0)] = reader.GetFieldValue<long[]>(1);
            }
        }

        return requests.Select((r, i) => (r.Table, Ids: ids[i].Order().ToArray()))
            .ToDictionary(x => x.Table, x => x.Ids);
    }

    /// <summary>
    /// All statements in one round trip, each run of rows alike as one set statement
    /// (<see cref="PostgresSetStatements"/>). A run either affects all its rows or reports none of them affected, so
    /// that the writer looks for the refused item row by row.
    /// </summary>
    public override async Task<ExecutionResult> ExecuteAsync(
        DbConnection connection,
        DbTransaction transaction,
        IReadOnlyList<RowStatement> statements,
        CancellationToken cancellationToken)
    {
        var runs = PostgresSetStatements.Plan(statements);
        await using var batch = new NpgsqlBatch((NpgsqlConnection)connection, (NpgsqlTransaction)transaction);
        foreach (var run in runs)
        {
            batch.BatchCommands.Add(run.Command);
        }

        var affected = new int[statements.Count];
        try
        {
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException error) when (Classify(error) is not null)
        {
            var failed = error.BatchCommand is { } command ? runs.FindIndex(r => r.Command == command) : -1;
            return new ExecutionResult(affected, failed >= 0 ? runs[failed].Start : null, error)
            {
                Sent = failed >= 0 ? failed + 1 : runs.Count,
                RoundTrips = 1,
            };
        }

        foreach (var run in runs)
        {
            var written = run.Command.RecordsAffected;
            var each = run.RequiredRows is not { } required ? 1 : written == required ? 1 : 0;
            Array.Fill(affected, each, run.Start, run.Count);
        }

        return new ExecutionResult(affected, null, null) { Sent = runs.Count, RoundTrips = 1 };
    }

    /// <summary>Stored as text, read as jsonb: <c>("extensions"::jsonb #>> '{woocommerce,type}')</c>.</summary>
    public override string JsonArrayElements(string column) =>
        $"jsonb_array_elements_text({column}::jsonb) AS elements(value)";

    protected override string JsonTextSql(string column, IReadOnlyList<string> path) =>
        $"({column}::jsonb #>> '{{{string.Join(',', path)}}}')";

    public override ItemError? Classify(DbException exception) => exception switch
    {
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique =>
            UniqueViolation(unique.ConstraintName),
        PostgresException { SqlState: PostgresErrorCodes.ForeignKeyViolation } => ReferenceGone(),
        _ => null,
    };

    public override string NextJobSql => base.NextJobSql + " FOR UPDATE SKIP LOCKED";

    public override bool IsDeadlock(DbException exception) =>
        exception is PostgresException
        {
            SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure,
        };
}
