using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using static SQLitePCL.raw;

namespace Catalog.Infrastructure.Persistence.Providers;

/// <summary>
/// SQLite runs in-process, so a "round trip" is a function call: statements run one by one, each prepared once per
/// batch and reused for every row, which is what makes bulk inserts fast here.
/// </summary>
internal sealed class SqliteProvider : DatabaseProvider
{
    public override DatabaseProviderKind Kind => DatabaseProviderKind.Sqlite;

    public override string DefaultConnectionString(string dataDirectory) =>
        new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataDirectory, "catalog.db") }.ToString();

    public override bool SharedByInstances => false;

    public override string? DatabaseFile(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        return builder.DataSource is { Length: > 0 } file && file != ":memory:" && builder.Mode != SqliteOpenMode.Memory
            ? Path.GetFullPath(file)
            : null;
    }

    public override void AddContext(
        IServiceCollection services, Action<IServiceProvider, DbContextOptionsBuilder> configure) =>
        services.AddDbContext<CatalogDbContext, SqliteCatalogDbContext>(configure);

    public override void Configure(DbContextOptionsBuilder options, string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString)
        {
            ForeignKeys = true,
            Pooling = true,
            DefaultTimeout = 30,
        };
        if (builder.DataSource is { Length: > 0 } file && builder.Mode != SqliteOpenMode.Memory
            && Path.GetDirectoryName(Path.GetFullPath(file)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }

        options.UseSqlite(
            builder.ToString(), sqlite => sqlite.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter));
    }

    // Deferred: the snapshot starts with the first read (in WAL mode it never blocks a writer) and takes no write lock.
    public override Task<DbTransaction> BeginSnapshotAsync(
        DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: true));

    public override async Task<IReadOnlyDictionary<string, long[]>> ReserveIdsAsync(
        DbConnection connection, IReadOnlyList<(string Table, int Count)> requests, CancellationToken cancellationToken)
    {
        var reserved = new Dictionary<string, long[]>();
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var (table, count) in requests)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            // sqlite_sequence is AUTOINCREMENT's own counter: moving it forward reserves the ids for this batch alone.
            command.CommandText =
                $"""
                INSERT INTO sqlite_sequence (name, seq)
                SELECT @table, COALESCE((SELECT MAX(id) FROM {TableMap.Quote(table)}), 0)
                WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = @table);
                UPDATE sqlite_sequence SET seq = seq + @count WHERE name = @table RETURNING seq;
                """;
            command.Parameters.Add(new SqliteParameter("@table", table));
            command.Parameters.Add(new SqliteParameter("@count", count));
            var last = Convert.ToInt64(
                await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            reserved[table] = [.. Enumerable.Range(0, count).Select(i => last - count + 1 + i)];
        }

        await transaction.CommitAsync(cancellationToken);
        return reserved;
    }

    /// <summary>
    /// Inserts into one table go in groups of this many rows per statement: a fifth less time than one row per
    /// statement for 7,000 rows, where 64 rows per statement was slower again (SQLite looks up more than it saves).
    /// </summary>
    private const int RowsPerInsert = 16;

    /// <summary>How many inserts into one table stand in a row from <paramref name="start"/>, up to a group.</summary>
    private static int InsertsAlike(IReadOnlyList<RowStatement> statements, int start)
    {
        var count = 0;
        while (count < RowsPerInsert && start + count < statements.Count
            && statements[start + count].Write is InsertRow
            && ReferenceEquals(statements[start + count].Map, statements[start].Map))
        {
            count++;
        }

        return count;
    }

    public override Task<ExecutionResult> ExecuteAsync(
        DbConnection connection,
        DbTransaction transaction,
        IReadOnlyList<RowStatement> statements,
        CancellationToken cancellationToken)
    {
        var affected = new int[statements.Count];
        // SQLite runs in this process: there is no I/O to await, and an async wrapper would cost per row. The
        // statements join the transaction the writer opened, which SQLite keeps per connection.
        using var runner = new SqliteStatements((SqliteConnection)connection);
        var values = SqliteValue.OfAll(statements);
        var sent = 0;
        for (var i = 0; i < statements.Count;)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var rows = InsertsAlike(statements, i);
            sent++;
            try
            {
                if (rows == RowsPerInsert)
                {
                    runner.Insert(statements, values, i, rows);
                    Array.Fill(affected, 1, i, rows);
                }
                else
                {
                    rows = 1;
                    affected[i] = runner.Execute(statements[i], values[i]);
                }
            }
            catch (SqliteException error) when (error.SqliteErrorCode == SQLITE_CONSTRAINT)
            {
                // A group's refusal names its first row; the writer then finds the refused item on its own, row by row.
                return Task.FromResult(new ExecutionResult(affected, i, error) { Sent = sent, RoundTrips = sent });
            }

            i += rows;
        }

        return Task.FromResult(new ExecutionResult(affected, null, null) { Sent = sent, RoundTrips = sent });
    }

    /// <summary>SQLite's JSON functions read the text: <c>json_extract("ext", '$."woocommerce"."type"')</c>.</summary>
    public override string JsonArrayElements(string column) => $"json_each({column})";

    protected override string JsonTextSql(string column, IReadOnlyList<string> path) =>
        $"json_extract({column}, '${string.Concat(path.Select(step => $".\"{step}\""))}')";

    // A file that is locked past the busy timeout, unreadable, unwritable or on a full disk.
    protected override bool IsUnavailable(DbException exception) => exception is SqliteException
    {
        SqliteErrorCode: SQLITE_BUSY or SQLITE_LOCKED or SQLITE_IOERR or SQLITE_CANTOPEN or SQLITE_FULL
            or SQLITE_READONLY,
    };

    public override string? ExplainStartFailure(Exception exception, string connectionString)
    {
        // What the file system answers: a folder that cannot be made, read-only or without permission, full, failing.
        if (exception is not (SqliteException
            {
                SqliteErrorCode: SQLITE_CANTOPEN or SQLITE_READONLY or SQLITE_PERM or SQLITE_IOERR or SQLITE_FULL,
            } or UnauthorizedAccessException or IOException))
        {
            return null;
        }

        var file = Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource);
        return $"Catalog cannot write its SQLite database {file} ({exception.Message.TrimEnd('.')}): make the folder "
            + $"{Path.GetDirectoryName(file)} writable by the user running Catalog (with room to spare), or point "
            + "Catalog__DataDirectory (or ConnectionStrings__Catalog) at a folder it can write.";
    }

    public override ItemError? Classify(DbException exception) => exception switch
    {
        SqliteException { SqliteExtendedErrorCode: SQLITE_CONSTRAINT_UNIQUE or SQLITE_CONSTRAINT_PRIMARYKEY } unique =>
            UniqueViolation(unique.Message),
        SqliteException { SqliteExtendedErrorCode: SQLITE_CONSTRAINT_FOREIGNKEY } => ReferenceGone(),
        _ => null,
    };
}
