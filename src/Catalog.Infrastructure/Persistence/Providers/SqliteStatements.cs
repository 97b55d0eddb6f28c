using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Catalog.Infrastructure.Persistence.Providers;

/// <summary>
/// Runs a write plan's statements on SQLite's own API: each distinct statement prepared once, its parameters bound by
/// position, stepped and reset for every row. Microsoft.Data.Sqlite would look every parameter up by name and build a
/// data reader for every row; at 7,000 rows that was two thirds of the write.
/// Values are stored exactly as Microsoft.Data.Sqlite stores them (see <see cref="SqliteValue"/>), so EF reads back
/// what EF would have written; a test compares the two row by row.
/// </summary>
internal sealed class SqliteStatements : IDisposable
{
    private readonly sqlite3 _database;
    private readonly Dictionary<string, (sqlite3_stmt Statement, int[] Positions)> _prepared =
        new(StringComparer.Ordinal);
    private readonly Dictionary<(TableMap Table, int Rows), sqlite3_stmt> _groupInserts = [];

    public SqliteStatements(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _database = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
    }

    /// <summary>Runs one statement for one row and answers the rows it changed; a refusal throws.</summary>
    public int Execute(RowStatement statement, SqliteValue[] values)
    {
        ArgumentNullException.ThrowIfNull(statement);
        ArgumentNullException.ThrowIfNull(values);
        var (prepared, positions) = Prepare(statement);
        for (var i = 0; i < values.Length; i++)
        {
            Check(values[i].BindTo(prepared, positions[i]));
        }

        return Step(prepared);
    }

    /// <summary>
    /// Inserts <paramref name="count"/> rows of one table, from <paramref name="start"/>, with one statement of
    /// <c>VALUES</c> tuples: the work SQLite does per statement (binding, stepping, resetting) is paid once per group.
    /// </summary>
    public void Insert(IReadOnlyList<RowStatement> statements, SqliteValue[][] values, int start, int count)
    {
        ArgumentNullException.ThrowIfNull(statements);
        ArgumentNullException.ThrowIfNull(values);
        var map = statements[start].Map;
        if (!_groupInserts.TryGetValue((map, count), out var prepared))
        {
            var row = $"({string.Join(", ", Enumerable.Repeat("?", map.ColumnCount))})";
            var rows = string.Join(", ", Enumerable.Repeat(row, count));
            Check(raw.sqlite3_prepare_v2(_database, $"{map.InsertInto} VALUES {rows}", out prepared));
            _groupInserts[(map, count)] = prepared;
        }

        // Positional parameters are numbered in the order they stand: row by row, column by column.
        var position = 1;
        for (var row = start; row < start + count; row++)
        {
            foreach (var value in values[row])
            {
                Check(value.BindTo(prepared, position++));
            }
        }

        Step(prepared);
    }

    public void Dispose()
    {
        foreach (var statement in _prepared.Values.Select(p => p.Statement).Concat(_groupInserts.Values))
        {
            statement.Dispose();
        }

        _prepared.Clear();
        _groupInserts.Clear();
    }

    /// <summary>Runs a bound statement and makes it ready for the next row; answers the rows it changed.</summary>
    private int Step(sqlite3_stmt statement)
    {
        var result = raw.sqlite3_step(statement);
        // Read the error before resetting: the reset answers it again but may leave a different message behind.
        var error = result is raw.SQLITE_DONE or raw.SQLITE_ROW ? null : Error(result);
        raw.sqlite3_reset(statement);
        return error is null ? raw.sqlite3_changes(_database) : throw error;
    }

    private (sqlite3_stmt Statement, int[] Positions) Prepare(RowStatement statement)
    {
        if (!_prepared.TryGetValue(statement.Sql, out var prepared))
        {
            Check(raw.sqlite3_prepare_v2(_database, statement.Sql, out var handle));
            var positions = statement.Map.Parameters(statement.Write)
                .Select(p => raw.sqlite3_bind_parameter_index(handle, p.Name)).ToArray();
            prepared = (handle, positions);
            _prepared[statement.Sql] = prepared;
        }

        return prepared;
    }

    private void Check(int result)
    {
        if (result != raw.SQLITE_OK)
        {
            throw Error(result);
        }
    }

    /// <summary>The exception Microsoft.Data.Sqlite would throw: the primary code, and the extended one.</summary>
    private SqliteException Error(int result) =>
        new(
            $"SQLite Error {result & 0xFF}: '{raw.sqlite3_errmsg(_database).utf8_to_string()}'.",
            result & 0xFF,
            raw.sqlite3_extended_errcode(_database));
}
