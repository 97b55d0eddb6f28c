using Catalog.Application.Common;
using Microsoft.Extensions.DependencyInjection;

namespace Catalog.Infrastructure.Persistence.Providers;

public enum DatabaseProviderKind
{
    Sqlite,
    Postgres,
    SqlServer,
}

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProviderKind Provider { get; set; } = DatabaseProviderKind.Sqlite;
}

/// <summary>
/// Everything that differs between database engines, in one place: how EF connects, how ids are reserved, how a
/// plan's statements run, and how a refused statement is classified. Adding SQL Server means one more subclass.
/// </summary>
internal abstract class DatabaseProvider : IDatabaseFaults
{
    public abstract DatabaseProviderKind Kind { get; }

    /// <summary>The provider a <c>Database:Provider</c> value names (any case; none means SQLite), or null.</summary>
    public static DatabaseProvider? Named(string? name) =>
        name is null or "" ? new SqliteProvider()
        : Enum.TryParse<DatabaseProviderKind>(name, ignoreCase: true, out var kind) && Enum.IsDefined(kind)
            && !char.IsAsciiDigit(name[0])
            ? kind switch
            {
                DatabaseProviderKind.Postgres => new PostgresProvider(),
                DatabaseProviderKind.SqlServer => new SqlServerProvider(),
                _ => new SqliteProvider(),
            }
            : null;

    /// <summary>
    /// One sentence for an operator when migrating on start failed for a cause of theirs to fix (the database out of
    /// reach, a login refused, a file that cannot be written), saying what to do; null for anything else. Never the
    /// connection string itself, which may hold a password.
    /// </summary>
    public abstract string? ExplainStartFailure(Exception exception, string connectionString);

    public abstract string DefaultConnectionString(string dataDirectory);

    /// <summary>
    /// Whether several instances of the API may share this database (behind a load balancer): they then need one
    /// API-key hash secret, given to each by configuration (ADR 20).
    /// </summary>
    public virtual bool SharedByInstances => true;

    /// <summary>
    /// The database's own file, where the database is one file on this machine (SQLite, not in memory); else null.
    /// </summary>
    public virtual string? DatabaseFile(string connectionString) => null;

    public abstract void Configure(DbContextOptionsBuilder options, string connectionString);

    /// <summary>Registers <see cref="CatalogDbContext"/> as the provider's own context type (its migrations).</summary>
    public abstract void AddContext(
        IServiceCollection services, Action<IServiceProvider, DbContextOptionsBuilder> configure);

    /// <summary>Reserves <c>count</c> new ids in each table, in one round trip where the engine allows.</summary>
    public abstract Task<IReadOnlyDictionary<string, long[]>> ReserveIdsAsync(
        DbConnection connection,
        IReadOnlyList<(string Table, int Count)> requests,
        CancellationToken cancellationToken);

    /// <summary>
    /// Takes a lock named <paramref name="lockId"/> for the connection's session, without waiting: false when another
    /// session holds it. It ends with <see cref="UnlockAsync"/> or the session. By default there is nothing to take:
    /// an embedded database has one process, whose own lock is enough (see IdempotencyLocks).
    /// </summary>
    public virtual Task<bool> TryLockAsync(DbConnection connection, long lockId, CancellationToken cancellationToken) =>
        Task.FromResult(true);

    public virtual Task UnlockAsync(DbConnection connection, long lockId) => Task.CompletedTask;

    /// <summary>A read-only transaction: every query sees one state of the database; no writer waits on it.</summary>
    public abstract Task<DbTransaction> BeginSnapshotAsync(
        DbConnection connection, CancellationToken cancellationToken);

    /// <summary>
    /// Runs the statements in order in the transaction, stopping at the first the database refuses. By default all of
    /// them go as one <see cref="DbBatch"/>, one round trip (PostgreSQL, SQL Server). A refusal the provider
    /// classifies is answered with the failed statement when the driver names it; the writer finds it otherwise.
    /// </summary>
    public virtual async Task<ExecutionResult> ExecuteAsync(
        DbConnection connection,
        DbTransaction transaction,
        IReadOnlyList<RowStatement> statements,
        CancellationToken cancellationToken)
    {
        await using var factory = connection.CreateCommand();
        await using var batch = connection.CreateBatch();
        batch.Transaction = transaction;
        foreach (var statement in statements)
        {
            var command = batch.CreateBatchCommand();
            command.CommandText = statement.Sql;
            statement.Map.Bind(command.Parameters, factory, statement.Write);
            batch.BatchCommands.Add(command);
        }

        try
        {
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (DbException error) when (Classify(error) is not null)
        {
            var failedAt = error.BatchCommand is { } failed ? batch.BatchCommands.IndexOf(failed) : -1;
            return new ExecutionResult(new int[statements.Count], failedAt >= 0 ? failedAt : null, error)
            {
                Sent = failedAt >= 0 ? failedAt + 1 : statements.Count,
                RoundTrips = 1,
            };
        }

        return new ExecutionResult([.. batch.BatchCommands.Select(c => c.RecordsAffected)], null, null)
        {
            Sent = statements.Count,
            RoundTrips = 1,
        };
    }

    public bool IsUnavailable(Exception exception)
    {
        for (var inner = exception; inner is not null; inner = inner.InnerException)
        {
            if (inner is DbException failure && IsUnavailable(failure))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The database could not serve (see <see cref="IDatabaseFaults"/>); by default, what the driver calls transient.
    /// </summary>
    protected virtual bool IsUnavailable(DbException exception) => exception.IsTransient;

    /// <summary>
    /// The database rolled this transaction back to break a deadlock (or a serialization failure): running it again
    /// is safe, as nothing of it stands. SQLite has one writer at a time, so it never answers this.
    /// </summary>
    public virtual bool IsDeadlock(DbException exception) => false;

    /// <summary>
    /// The next job a worker may claim (unfinished, its lease free or expired; <c>@now</c>), read inside the claiming
    /// transaction. Where several instances share the database, the row stays locked until that transaction ends and
    /// other claimers skip it (PostgreSQL's <c>SKIP LOCKED</c>, SQL Server's <c>READPAST</c>); SQLite has one writer.
    /// </summary>
    public virtual string NextJobSql => $"SELECT id FROM jobs WHERE {ClaimableJobs} ORDER BY id LIMIT 1";

    /// <summary>The oldest job past retention (finished before <c>@cutoff</c>) or abandoned while received.</summary>
    public virtual string ExpiredJobSql => $"SELECT id FROM jobs WHERE {ExpiredJobs} ORDER BY id LIMIT 1";

    protected const string ClaimableJobs =
        "status IN ('Queued', 'Running') AND (lease_until IS NULL OR lease_until < @now)";

    protected const string ExpiredJobs =
        "(finished_at IS NOT NULL AND finished_at < @cutoff) OR (status = 'Receiving' AND created_at < @abandoned)";

    /// <summary>The item error for a refused statement; null if it is not the item's fault (it is rethrown).</summary>
    public abstract ItemError? Classify(DbException exception);

    /// <summary>
    /// SQL for the text at <paramref name="path"/> inside the JSON object stored as text in <paramref name="column"/>
    /// (null when absent). Path steps must be plain names (letters, digits, '_', '-'), as they become part of the SQL.
    /// </summary>
    public string JsonText(string column, IReadOnlyList<string> path)
    {
        if (path.Count == 0 || !path.All(IsPlainName))
        {
            throw new ArgumentException("A JSON path step must be a plain name.", nameof(path));
        }

        return JsonTextSql(column, path);

        static bool IsPlainName(string step) =>
            step.Length > 0 && step.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');
    }

    protected abstract string JsonTextSql(string column, IReadOnlyList<string> path);

    /// <summary>
    /// SQL for a table of the strings in the JSON array stored as text in <paramref name="column"/>, one row each in
    /// a column named <c>value</c>.
    /// </summary>
    public abstract string JsonArrayElements(string column);

    protected static ItemError UniqueViolation(string? constraintOrMessage) =>
        constraintOrMessage switch
        {
            { } s when Names(s, "sku") => ItemError.Of(
                ErrorCodes.DuplicateSku,
                "The SKU is already in use when written: another request took it while this batch ran, "
                + "or this item swaps SKUs between variants (do that in two steps).",
                "sku"),
            { } s when Names(s, "wholesale_roles") => ItemError.Of(
                ErrorCodes.DuplicateHandle,
                "The key is already in use when written: another request created a role with it while this batch ran.",
                "key"),
            // ix_tags_name (PostgreSQL, SQL Server) or tags.name (SQLite); likewise the slug.
            { } s when Names(s, "tags") && (Names(s, "name") || Names(s, "slug")) => ItemError.Of(
                ErrorCodes.DuplicateHandle,
                "The tag's name or slug is already in use when written: another request took it while this batch ran.",
                Names(s, "slug") ? "slug" : "name"),
            { } s when Names(s, "handle") || Names(s, "slug") => ItemError.Of(
                ErrorCodes.DuplicateHandle,
                "The handle is already in use when written: another request took it while this batch ran, "
                + "or this item swaps handles (do that in two steps).",
                "handle"),
            _ => ItemError.Of(ErrorCodes.Conflict, "Another write changed the same rows while this batch ran."),
        };

    protected static ItemError ReferenceGone() =>
        ItemError.Of(ErrorCodes.ReferenceNotFound, "A row this item refers to was deleted while this batch ran.");

    private static bool Names(string constraintOrMessage, string name) =>
        constraintOrMessage.Contains(name, StringComparison.OrdinalIgnoreCase);
}
