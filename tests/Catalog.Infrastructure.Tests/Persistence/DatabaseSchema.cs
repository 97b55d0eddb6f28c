using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Catalog.Infrastructure.Tests.Persistence;

/// <summary>A schema reduced to what must agree between model and database, comparable as plain records.</summary>
internal sealed record TableShape(
    string Name,
    IReadOnlyList<string> Columns,
    string PrimaryKey,
    IReadOnlyList<string> Indexes,
    IReadOnlyList<string> ForeignKeys,
    bool IdentityKey);

internal static class DatabaseSchema
{
    /// <summary>The tables as the EF model describes them.</summary>
    public static List<TableShape> FromModel(IModel model) =>
        [.. model.GetRelationalModel().Tables
            .Where(t => t.Name != "__EFMigrationsHistory")
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => new TableShape(
                t.Name,
                [.. t.Columns.OrderBy(c => c.Name, StringComparer.Ordinal).Select(c => $"{c.Name} {Normalize(c.StoreType)} {(c.IsNullable ? "null" : "not null")}")],
                string.Join(",", t.PrimaryKey!.Columns.Select(c => c.Name)),
                [.. t.Indexes.Select(i => $"{i.Name} ({string.Join(",", i.Columns.Select(c => c.Name))}){(i.IsUnique ? " unique" : string.Empty)}").Order(StringComparer.Ordinal)],
                [.. t.ForeignKeyConstraints.Select(f =>
                    $"({string.Join(",", f.Columns.Select(c => c.Name))}) -> {f.PrincipalTable.Name}({string.Join(",", f.PrincipalColumns.Select(c => c.Name))}) on delete {OnDelete(f.OnDeleteAction)}")
                    .Order(StringComparer.Ordinal)],
                t.Columns.Any(c => c.Name == "id" && c.PropertyMappings.Any(m => m.Property.ValueGenerated == ValueGenerated.OnAdd))))];

    /// <summary>The tables as the migrated SQLite database has them.</summary>
    public static async Task<List<TableShape>> FromSqliteAsync(DbConnection connection)
    {
        var tables = await ListAsync(connection, "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND substr(name, 1, 4) <> '__EF' ORDER BY name", r => (Name: r.GetString(0), Sql: r.GetString(1)));
        var shapes = new List<TableShape>();
        foreach (var (table, sql) in tables)
        {
            var columns = await ListAsync(connection, $"PRAGMA table_info('{table}')", r => (Name: r.GetString(1), Type: r.GetString(2), NotNull: r.GetInt64(3) == 1, Pk: r.GetInt64(5)));
            var indexes = new List<string>();
            foreach (var (name, unique, origin) in await ListAsync(connection, $"PRAGMA index_list('{table}')", r => (r.GetString(1), r.GetInt64(2) == 1, r.GetString(3))))
            {
                if (origin == "pk")
                {
                    continue;
                }

                var indexColumns = await ListAsync(connection, $"PRAGMA index_info('{name}')", r => (Seq: r.GetInt64(0), Name: r.GetString(2)));
                indexes.Add($"{name} ({string.Join(",", indexColumns.OrderBy(c => c.Seq).Select(c => c.Name))}){(unique ? " unique" : string.Empty)}");
            }

            var keys = await ListAsync(connection, $"PRAGMA foreign_key_list('{table}')", r => (Id: r.GetInt64(0), Seq: r.GetInt64(1), Table: r.GetString(2), From: r.GetString(3), To: r.GetString(4), OnDelete: r.GetString(6)));
            var foreignKeys = keys.GroupBy(k => k.Id).Select(g =>
            {
                var ordered = g.OrderBy(k => k.Seq).ToList();
                return $"({string.Join(",", ordered.Select(k => k.From))}) -> {ordered[0].Table}({string.Join(",", ordered.Select(k => k.To))}) on delete {ordered[0].OnDelete.ToUpperInvariant()}";
            });

            shapes.Add(new TableShape(
                table,
                [.. columns.OrderBy(c => c.Name, StringComparer.Ordinal).Select(c => $"{c.Name} {Normalize(c.Type)} {(c.NotNull ? "not null" : "null")}")],
                string.Join(",", columns.Where(c => c.Pk > 0).OrderBy(c => c.Pk).Select(c => c.Name)),
                [.. indexes.Order(StringComparer.Ordinal)],
                [.. foreignKeys.Order(StringComparer.Ordinal)],
                sql.Contains("AUTOINCREMENT", StringComparison.OrdinalIgnoreCase)));
        }

        return shapes;
    }

    /// <summary>The tables as the migrated PostgreSQL database has them.</summary>
    public static async Task<List<TableShape>> FromPostgresAsync(DbConnection connection)
    {
        var tables = await ListAsync(connection, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '__EFMigrationsHistory' ORDER BY table_name", r => r.GetString(0));
        var shapes = new List<TableShape>();
        foreach (var table in tables)
        {
            var columns = await ListAsync(connection,
                $"""
                SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, a.attidentity
                FROM pg_attribute a WHERE a.attrelid = 'public."{table}"'::regclass AND a.attnum > 0 AND NOT a.attisdropped
                """,
                r => (Name: r.GetString(0), Type: r.GetString(1), NotNull: r.GetBoolean(2), Identity: r.GetChar(3)));
            var primaryKey = await ListAsync(connection,
                $"""
                SELECT a.attname FROM pg_index i
                JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord) ON true
                JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
                WHERE i.indrelid = 'public."{table}"'::regclass AND i.indisprimary ORDER BY k.ord
                """,
                r => r.GetString(0));
            var indexes = await ListAsync(connection,
                $"""
                SELECT c.relname, i.indisunique, string_agg(a.attname, ',' ORDER BY k.ord)
                FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
                JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord) ON true
                JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
                WHERE i.indrelid = 'public."{table}"'::regclass AND NOT i.indisprimary
                GROUP BY c.relname, i.indisunique
                """,
                r => $"{r.GetString(0)} ({r.GetString(2)}){(r.GetBoolean(1) ? " unique" : string.Empty)}");
            var foreignKeys = await ListAsync(connection,
                $"""
                SELECT (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(c.conkey) WITH ORDINALITY k(attnum, ord) JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum),
                       c.confrelid::regclass::text,
                       (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(c.confkey) WITH ORDINALITY k(attnum, ord) JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum),
                       c.confdeltype
                FROM pg_constraint c WHERE c.conrelid = 'public."{table}"'::regclass AND c.contype = 'f'
                """,
                r => $"({r.GetString(0)}) -> {r.GetString(1).Trim('"')}({r.GetString(2)}) on delete {PostgresOnDelete(r.GetChar(3))}");

            shapes.Add(new TableShape(
                table,
                [.. columns.OrderBy(c => c.Name, StringComparer.Ordinal).Select(c => $"{c.Name} {Normalize(c.Type)} {(c.NotNull ? "not null" : "null")}")],
                string.Join(",", primaryKey),
                [.. indexes.Order(StringComparer.Ordinal)],
                [.. foreignKeys.Order(StringComparer.Ordinal)],
                columns.Any(c => c.Name == "id" && c.Identity is 'd' or 'a')));
        }

        return shapes;
    }

    private static string Normalize(string storeType) => storeType.ToUpperInvariant();

    private static string OnDelete(ReferentialAction action) => action switch
    {
        ReferentialAction.Cascade => "CASCADE",
        ReferentialAction.SetNull => "SET NULL",
        ReferentialAction.Restrict => "RESTRICT",
        ReferentialAction.SetDefault => "SET DEFAULT",
        _ => "NO ACTION",
    };

    private static string PostgresOnDelete(char code) => code switch
    {
        'c' => "CASCADE",
        'n' => "SET NULL",
        'r' => "RESTRICT",
        'd' => "SET DEFAULT",
        _ => "NO ACTION",
    };

    private static async Task<List<T>> ListAsync<T>(DbConnection connection, string sql, Func<DbDataReader, T> read)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
