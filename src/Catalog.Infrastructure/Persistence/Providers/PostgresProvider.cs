using System.Data;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Catalog.Infrastructure.Persistence.Providers;

/// <summary>
/// PostgreSQL is across a network: a plan's statements go out as one batch (one round trip, pipelined by Npgsql),
/// and ids come from the identity sequences in one query.
/// </summary>
internal sealed class PostgresProvider : DatabaseProvider
{
    public override DatabaseProviderKind Kind => DatabaseProviderKind.Postgres;

    public override string DefaultConnectionString(string dataDirectory) =>
        "Host=localhost;Database=catalog;Username=postgres";

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
        await using var command = connection.CreateCommand();
        command.CommandText = string.Join(
            " UNION ALL ",
            requests.Select((r, i) =>
                $"SELECT {i} AS request, nextval(pg_get_serial_sequence(@t{i}, 'id')) AS id "
                + $"FROM generate_series(1, @n{i})"));
        for (var i = 0; i < requests.Count; i++)
        {
            command.Parameters.Add(new NpgsqlParameter($"t{i}", requests[i].Table));
            command.Parameters.Add(new NpgsqlParameter($"n{i}", requests[i].Count));
        }

        var ids = requests.Select(_ => new List<long>()).ToList();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                ids[reader.GetInt32(0)].Add(reader.GetInt64(1));
            }
        }

        return requests.Select((r, i) => (r.Table, Ids: ids[i].Order().ToArray()))
            .ToDictionary(x => x.Table, x => x.Ids);
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
