using System.Data;
using System.Text.RegularExpressions;
using Microsoft.Data.SqlClient;
using Microsoft.Extensions.DependencyInjection;

namespace Catalog.Infrastructure.Persistence.Providers;

/// <summary>
/// SQL Server is across a network, like PostgreSQL: a plan's statements go out as one <see cref="SqlBatch"/> (one
/// round trip), ids come from each table's sequence in one call, and loads read a snapshot (snapshot isolation, which
/// the first migration turns on). XACT_ABORT stays off, so after a refused statement the transaction is still usable
/// for the writer to roll back, whole or to its savepoint.
/// </summary>
internal sealed partial class SqlServerProvider : DatabaseProvider
{
    private const int UniqueIndexViolation = 2601;
    private const int UniqueConstraintViolation = 2627;
    private const int ForeignKeyViolation = 547;
    private const int DeadlockVictim = 1205;

    public override DatabaseProviderKind Kind => DatabaseProviderKind.SqlServer;

    /// <summary>The sequence a table's ids come from (see <see cref="SqlServerCatalogDbContext"/>).</summary>
    public static string SequenceOf(string table) => $"{table}_id_seq";

    public override string DefaultConnectionString(string dataDirectory) =>
        "Server=localhost;Database=catalog;User Id=sa;TrustServerCertificate=True";

    public override void AddContext(
        IServiceCollection services, Action<IServiceProvider, DbContextOptionsBuilder> configure) =>
        services.AddDbContext<CatalogDbContext, SqlServerCatalogDbContext>(configure);

    public override void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlServer(
            connectionString, sql => sql.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter));

    public override string? ExplainStartFailure(Exception exception, string connectionString)
    {
        var server = new SqlConnectionStringBuilder(connectionString);
        return exception switch
        {
            SqlException { Number: 18456 } =>
                $"SQL Server at {server.DataSource} refused the login of '{server.UserID}' ({exception.Message}): "
                + "check the user and password in ConnectionStrings__Catalog.",
            // Network-level failures: the server does not run, is not listening, or is not reachable in time.
            SqlException { Number: -2 or -1 or 2 or 53 or 258 or 10060 or 10061 or 11001 } =>
                $"Catalog cannot reach its SQL Server database at {server.DataSource} ({exception.Message}): start "
                + "the server, or set ConnectionStrings__Catalog to one that answers.",
            _ => null,
        };
    }

    public override async Task<bool> TryLockAsync(
        DbConnection connection, long lockId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "DECLARE @r int; EXEC @r = sp_getapplock @Resource = @name, @LockMode = 'Exclusive', "
            + "@LockOwner = 'Session', @LockTimeout = 0; SELECT @r;";
        command.Parameters.Add(new SqlParameter("name", LockName(lockId)));
        return await command.ExecuteScalarAsync(cancellationToken) is int granted && granted >= 0;
    }

    public override async Task UnlockAsync(DbConnection connection, long lockId)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "EXEC sp_releaseapplock @Resource = @name, @LockOwner = 'Session';";
        command.Parameters.Add(new SqlParameter("name", LockName(lockId)));
        await command.ExecuteNonQueryAsync(CancellationToken.None);
    }

    private static string LockName(long lockId) =>
        "catalog:" + lockId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public override async Task<DbTransaction> BeginSnapshotAsync(
        DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(IsolationLevel.Snapshot, cancellationToken);

    /// <summary>One call for every table: <c>sp_sequence_get_range</c> hands out a range no one else gets.</summary>
    public static string ReserveIdsSql(int tables) => string.Concat(Enumerable.Range(0, tables).Select(i =>
        $"EXEC sys.sp_sequence_get_range @sequence_name = @s{i}, @range_size = @n{i}, "
        + $"@range_first_value = @f{i} OUTPUT;\n"));

    public override async Task<IReadOnlyDictionary<string, long[]>> ReserveIdsAsync(
        DbConnection connection, IReadOnlyList<(string Table, int Count)> requests, CancellationToken cancellationToken)
    {
        await using var command = (SqlCommand)connection.CreateCommand();
        command.CommandText = ReserveIdsSql(requests.Count);
        var firsts = new SqlParameter[requests.Count];
        for (var i = 0; i < requests.Count; i++)
        {
            command.Parameters.Add(new SqlParameter($"@s{i}", SqlDbType.NVarChar, 128)
            {
                Value = SequenceOf(requests[i].Table),
            });
            command.Parameters.Add(new SqlParameter($"@n{i}", SqlDbType.BigInt) { Value = (long)requests[i].Count });
            firsts[i] = command.Parameters.Add(
                new SqlParameter($"@f{i}", SqlDbType.Variant) { Direction = ParameterDirection.Output });
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
        return requests.Select((r, i) => (r.Table, r.Count, First: (long)firsts[i].Value))
            .ToDictionary(x => x.Table, x => Enumerable.Range(0, x.Count).Select(n => x.First + n).ToArray());
    }

    /// <summary>Stored as text: <c>JSON_VALUE("extensions", '$."woocommerce"."type"')</c>.</summary>
    public override string JsonArrayElements(string column) => $"OPENJSON({column})";

    protected override string JsonTextSql(string column, IReadOnlyList<string> path) =>
        $"JSON_VALUE({column}, '${string.Concat(path.Select(step => $".\"{step}\""))}')";

    public override ItemError? Classify(DbException exception) => exception switch
    {
        SqlException { Number: UniqueIndexViolation or UniqueConstraintViolation } unique =>
            UniqueViolation(ConstraintName(unique.Message)),
        SqlException { Number: ForeignKeyViolation } => ReferenceGone(),
        _ => null,
    };

    public override string NextJobSql =>
        $"SELECT TOP (1) id FROM jobs WITH (UPDLOCK, READPAST, ROWLOCK) WHERE {ClaimableJobs} ORDER BY id";

    public override string ExpiredJobSql => $"SELECT TOP (1) id FROM jobs WHERE {ExpiredJobs} ORDER BY id";

    public override bool IsDeadlock(DbException exception) => exception is SqlException { Number: DeadlockVictim };

    // What the client library calls transient, and the errors of a server that is unreachable, starting or full.
    protected override bool IsUnavailable(DbException exception) => exception.IsTransient || exception is SqlException
    {
        Number: -2 or 2 or 53 or 64 or 233 or 4060 or 10053 or 10054 or 10060 or 10928 or 10929 or 40197 or 40501
            or 40613 or 9002 or 1105,
    };

    /// <summary>
    /// The index or constraint a refusal names ("... with unique index 'ix_variants_sku'. The duplicate key value is
    /// (...)"), never the value, which a client wrote and may contain any word.
    /// </summary>
    public static string? ConstraintName(string message) =>
        ConstraintPattern().Match(message) is { Success: true } match ? match.Groups["name"].Value : null;

    [GeneratedRegex(@"(?:index|constraint) '(?<name>[^']+)'", RegexOptions.IgnoreCase)]
    private static partial Regex ConstraintPattern();
}
