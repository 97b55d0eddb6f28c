using Npgsql;

namespace Catalog.Infrastructure.Persistence.Providers;

/// <summary>
/// Writes a plan's statements on PostgreSQL set by set: each run of statements of one kind on one table becomes one
/// statement over arrays of their values (<c>INSERT ... SELECT FROM unnest(...)</c>, <c>UPDATE ... FROM unnest(...)</c>
/// with each row's version check, <c>DELETE ... USING unnest(...)</c>), so a batch of 1,000 products writes with a
/// handful of statements, in one round trip, instead of one statement per row.
/// A run whose rows must each be found (versioned updates, named deletes) answers whether all were: if one was not, the
/// writer learns it and finds the item by running the plan again item by item.
/// </summary>
internal static class PostgresSetStatements
{
    /// <summary><see cref="Count"/> statements from <see cref="Start"/>, written as one.</summary>
    public sealed record Run(int Start, int Count, int? RequiredRows, NpgsqlBatchCommand Command);

    public static List<Run> Plan(IReadOnlyList<RowStatement> statements)
    {
        var runs = new List<Run>();
        for (var start = 0; start < statements.Count;)
        {
            var count = Alike(statements, start);
            var rows = statements.Skip(start).Take(count).ToList();
            var (command, required) = Command(rows);
            runs.Add(new Run(start, count, required, command));
            start += count;
        }

        return runs;
    }

    /// <summary>
    /// How many statements from <paramref name="start"/> can go as one: the same table, kind and check, and (but for
    /// touches, which add up) no row twice, as one set statement changes a row once.
    /// </summary>
    private static int Alike(IReadOnlyList<RowStatement> statements, int start)
    {
        var first = statements[start];
        var rows = new HashSet<object>(ReferenceEqualityComparer.Instance) { first.Write.Row };
        var count = 1;
        while (start + count < statements.Count
            && statements[start + count] is var next
            && ReferenceEquals(next.Map, first.Map)
            && next.Write.GetType() == first.Write.GetType()
            && next.Detach == first.Detach
            && next.RequiredRows == first.RequiredRows
            && (rows.Add(next.Write.Row) || next.Write is TouchRow))
        {
            count++;
        }

        return count;
    }

    /// <summary>One statement for rows alike, and how many rows it must affect (null: not checked).</summary>
    private static (NpgsqlBatchCommand Command, int? Required) Command(List<RowStatement> rows)
    {
        var first = rows[0];
        var map = first.Map;
        var table = $"{TableMap.Quote(map.Table)} AS t";
        if (first.Detach is { } detach)
        {
            var (values, names) = Unnest(rows, detach.Key, []);
            var match = string.Join(" AND ", detach.Columns.Select((c, i) => $"t.{c} = v.{names[i]}"));
            var sets = string.Join(", ", detach.Columns.Select(c => $"{c} = NULL"));
            return (Sql($"UPDATE {detach.Table} AS t SET {sets} FROM {values} WHERE {match}", rows, detach.Key, []),
                null);
        }

        switch (first.Write)
        {
            case InsertRow:
                {
                    var (values, _) = Unnest(rows, map.Columns, []);
                    return (Sql($"{map.InsertInto} SELECT * FROM {values}", rows, map.Columns, []), null);
                }

            case UpdateRow:
                {
                    var version = map.Version;
                    var extra = version is null ? Array.Empty<Extra>() : [ExpectedVersions(rows)];
                    var (values, names) = Unnest(rows, map.Columns, extra);
                    var sets = string.Join(", ", map.Columns.Except(map.Key)
                        .Select(c => $"{c.Quoted} = v.{names[IndexOf(map.Columns, c)]}"));
                    var match = KeyMatch(map.Key, map.Columns, names)
                        + (version is null ? string.Empty : $" AND t.{version.Quoted} = v.expected");
                    return (Sql($"UPDATE {table} SET {sets} FROM {values} WHERE {match}", rows, map.Columns, extra),
                        first.RequiredRows is null ? null : rows.Count);
                }

            case TouchRow:
                {
                    // A row touched n times in the run moves n versions, as n statements would have moved it.
                    var touched = rows.GroupBy(r => r.Write.Row, ReferenceEqualityComparer.Instance)
                        .Select(g => (Statement: g.First(), Steps: g.Count()))
                        .ToList();
                    var distinct = touched.ConvertAll(t => t.Statement);
                    Extra[] extra = [new("steps", "integer", touched.Select(t => t.Steps).ToArray())];
                    var (values, names) = Unnest(distinct, map.Touched, extra);
                    var version = map.Version!.Quoted;
                    var match = KeyMatch(map.Key, map.Touched, names);
                    var sets = $"{version} = t.{version} + v.steps, {map.Touched[0].Quoted} = v.{names[0]}";
                    return (Sql($"UPDATE {table} SET {sets} FROM {values} WHERE {match}", distinct, map.Touched, extra),
                        first.RequiredRows is null ? null : distinct.Count);
                }

            default:
                {
                    var (values, names) = Unnest(rows, map.Key, []);
                    var match = KeyMatch(map.Key, map.Key, names);
                    return (Sql($"DELETE FROM {table} USING {values} WHERE {match}", rows, map.Key, []),
                        first.RequiredRows is null ? null : rows.Count);
                }
        }
    }

    /// <summary>A column of values that is not the row's own (the expected version, a touch's steps).</summary>
    private sealed record Extra(string Name, string StoreType, Array Values);

    private static Extra ExpectedVersions(List<RowStatement> rows) =>
        new("expected", "bigint", rows.Select(r => ((UpdateRow)r.Write).ExpectedVersion).ToArray());

    /// <summary><c>unnest(@a0::bigint[], ...) AS v(c0, ...)</c> and the names of its columns.</summary>
    private static (string Sql, string[] Names) Unnest(
        List<RowStatement> rows, IReadOnlyList<TableMap.Column> columns, IReadOnlyList<Extra> extra)
    {
        var names = columns.Select((_, i) => $"c{i}").Concat(extra.Select(e => e.Name)).ToArray();
        var arrays = columns.Select((c, i) => $"@a{i}::{BaseType(c.Mapping.StoreType)}[]")
            .Concat(extra.Select((e, i) => $"@a{columns.Count + i}::{e.StoreType}[]"));
        return ($"unnest({string.Join(", ", arrays)}) AS v({string.Join(", ", names)})", names);
    }

    /// <summary>
    /// The type without its modifiers: <c>character varying(255)</c> casts as <c>character varying</c>, because a cast
    /// to the sized type would cut a longer value where the column refuses it.
    /// </summary>
    private static string BaseType(string storeType) =>
        storeType.IndexOf('(', StringComparison.Ordinal) is var open and >= 0 ? storeType[..open].TrimEnd() : storeType;

    private static string KeyMatch(
        IReadOnlyList<TableMap.Column> key, IReadOnlyList<TableMap.Column> bound, string[] names) =>
        string.Join(" AND ", key.Select(k => $"t.{k.Quoted} = v.{names[IndexOf(bound, k)]}"));

    private static int IndexOf(IReadOnlyList<TableMap.Column> columns, TableMap.Column column)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (ReferenceEquals(columns[i], column))
            {
                return i;
            }
        }

        throw new InvalidOperationException($"{column.Quoted} is not bound.");
    }

    /// <summary>The command, with one array parameter per column (values as the database stores them).</summary>
    private static NpgsqlBatchCommand Sql(
        string sql, List<RowStatement> rows, IReadOnlyList<TableMap.Column> columns, IReadOnlyList<Extra> extra)
    {
        var command = new NpgsqlBatchCommand(sql);
        for (var i = 0; i < columns.Count; i++)
        {
            var values = Array.CreateInstance(columns[i].ProviderClrType, rows.Count);
            for (var r = 0; r < rows.Count; r++)
            {
                values.SetValue(columns[i].ProviderValue(rows[r].Write.Row), r);
            }

            command.Parameters.Add(new NpgsqlParameter($"a{i}", values));
        }

        for (var i = 0; i < extra.Count; i++)
        {
            command.Parameters.Add(new NpgsqlParameter($"a{columns.Count + i}", extra[i].Values));
        }

        return command;
    }
}
