using System.Data.Common;
using Catalog.Infrastructure.Persistence;
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
                Columns(t.Columns.Select(c => (c.Name, c.StoreType, c.IsNullable))),
                string.Join(",", t.PrimaryKey!.Columns.Select(c => c.Name)),
                Sorted(t.Indexes.Select(i => Index(i.Name, i.Columns.Select(c => c.Name), i.IsUnique))),
                Sorted(t.ForeignKeyConstraints.Select(f => ForeignKey(
                    f.Columns.Select(c => c.Name),
                    f.PrincipalTable.Name,
                    f.PrincipalColumns.Select(c => c.Name),
                    OnDelete(f.OnDeleteAction)))),
                t.Columns.Any(c => c.Name == "id"
                    && c.PropertyMappings.Any(m => m.Property.ValueGenerated == ValueGenerated.OnAdd))))];

    /// <summary>The schema of the database a context is connected to, read the way its provider lists it.</summary>
    public static async Task<List<TableShape>> FromDatabaseAsync(CatalogDbContext db)
    {
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        return db.Database.ProviderName switch
        {
            { } name when name.Contains("Npgsql", StringComparison.Ordinal) => await FromPostgresAsync(connection),
            { } name when name.Contains("SqlServer", StringComparison.Ordinal) => await FromSqlServerAsync(connection),
            _ => await FromSqliteAsync(connection),
        };
    }

    /// <summary>The tables as the migrated SQLite database has them.</summary>

    public static async Task<List<TableShape>> FromSqliteAsync(DbConnection connection)
    {
        var tables = await ListAsync(
            connection,
            """
            SELECT name, sql FROM sqlite_master
            WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND substr(name, 1, 4) <> '__EF' ORDER BY name
            """,
            r => (Name: r.GetString(0), Sql: r.GetString(1)));
        var shapes = new List<TableShape>();
        foreach (var (table, sql) in tables)
        {
            var columns = await ListAsync(
                connection,
                $"PRAGMA table_info('{table}')",
                r => (Name: r.GetString(1), Type: r.GetString(2), NotNull: r.GetInt64(3) == 1, Pk: r.GetInt64(5)));
            var indexes = new List<string>();
            var indexList = await ListAsync(
                connection, $"PRAGMA index_list('{table}')", r => (r.GetString(1), r.GetInt64(2) == 1, r.GetString(3)));
            foreach (var (name, unique, origin) in indexList)
            {
                if (origin == "pk")
                {
                    continue;
                }

                var indexColumns = await ListAsync(
                    connection, $"PRAGMA index_info('{name}')", r => (Seq: r.GetInt64(0), Name: r.GetString(2)));
                indexes.Add(Index(name, indexColumns.OrderBy(c => c.Seq).Select(c => c.Name), unique));
            }

            var keys = await ListAsync(
                connection,
                $"PRAGMA foreign_key_list('{table}')",
                r => (Id: r.GetInt64(0), Seq: r.GetInt64(1), Table: r.GetString(2), From: r.GetString(3),
                    To: r.GetString(4), OnDelete: r.GetString(6)));
            var foreignKeys = keys.GroupBy(k => k.Id).Select(g =>
            {
                var ordered = g.OrderBy(k => k.Seq).ToList();
                return ForeignKey(
                    ordered.Select(k => k.From),
                    ordered[0].Table,
                    ordered.Select(k => k.To),
                    ordered[0].OnDelete.ToUpperInvariant());
            });

            shapes.Add(new TableShape(
                table,
                Columns(columns.Select(c => (c.Name, c.Type, !c.NotNull))),
                string.Join(",", columns.Where(c => c.Pk > 0).OrderBy(c => c.Pk).Select(c => c.Name)),
                Sorted(indexes),
                Sorted(foreignKeys),
                sql.Contains("AUTOINCREMENT", StringComparison.OrdinalIgnoreCase)));
        }

        return shapes;
    }

    /// <summary>The tables as the migrated PostgreSQL database has them.</summary>
    public static async Task<List<TableShape>> FromPostgresAsync(DbConnection connection)
    {
        var tables = await ListAsync(
            connection,
            """
            SELECT table_name FROM information_schema.tables
            WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '__EFMigrationsHistory'
            ORDER BY table_name
            """,
            r => r.GetString(0));
        var shapes = new List<TableShape>();
        foreach (var table in tables)
        {
            var columns = await ListAsync(connection,
                $"""
                SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, a.attidentity
                FROM pg_attribute a
                WHERE a.attrelid = 'public."{table}"'::regclass AND a.attnum > 0 AND NOT a.attisdropped
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
                r => Index(r.GetString(0), [r.GetString(2)], r.GetBoolean(1)));
            var foreignKeys = await ListAsync(connection,
                $"""
                SELECT (SELECT string_agg(a.attname, ',' ORDER BY k.ord)
                        FROM unnest(c.conkey) WITH ORDINALITY k(attnum, ord)
                        JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum),
                       c.confrelid::regclass::text,
                       (SELECT string_agg(a.attname, ',' ORDER BY k.ord)
                        FROM unnest(c.confkey) WITH ORDINALITY k(attnum, ord)
                        JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum),
                       c.confdeltype
                FROM pg_constraint c WHERE c.conrelid = 'public."{table}"'::regclass AND c.contype = 'f'
                """,
                r => ForeignKey(
                    [r.GetString(0)], r.GetString(1).Trim('"'), [r.GetString(2)], PostgresOnDelete(r.GetChar(3))));

            shapes.Add(new TableShape(
                table,
                Columns(columns.Select(c => (c.Name, c.Type, !c.NotNull))),
                string.Join(",", primaryKey),
                Sorted(indexes),
                Sorted(foreignKeys),
                columns.Any(c => c.Name == "id" && c.Identity is 'd' or 'a')));
        }

        return shapes;
    }

    /// <summary>The tables as the migrated SQL Server database has them (ids come from sequences: a default).</summary>
    public static async Task<List<TableShape>> FromSqlServerAsync(DbConnection connection)
    {
        var tables = await ListAsync(
            connection,
            "SELECT name FROM sys.tables WHERE name <> '__EFMigrationsHistory' ORDER BY name",
            r => r.GetString(0));
        var shapes = new List<TableShape>();
        foreach (var table in tables)
        {
            var columns = await ListAsync(connection,
                $"""
                SELECT c.name, t.name, c.max_length, c.precision, c.scale, c.is_nullable,
                       CASE WHEN d.definition LIKE '%NEXT VALUE FOR%' THEN 1 ELSE 0 END
                FROM sys.columns c JOIN sys.types t ON t.user_type_id = c.user_type_id
                LEFT JOIN sys.default_constraints d
                    ON d.parent_object_id = c.object_id AND d.parent_column_id = c.column_id
                WHERE c.object_id = OBJECT_ID(N'[{table}]')
                """,
                r => (Name: r.GetString(0), Type: SqlServerType(r.GetString(1), r.GetInt16(2), r.GetByte(3),
                    r.GetByte(4)), Nullable: r.GetBoolean(5), FromSequence: r.GetInt32(6) == 1));
            var indexes = await ListAsync(connection,
                $"""
                SELECT i.name, i.is_unique, i.is_primary_key,
                       STRING_AGG(c.name, ',') WITHIN GROUP (ORDER BY ic.key_ordinal)
                FROM sys.indexes i
                JOIN sys.index_columns ic ON ic.object_id = i.object_id AND ic.index_id = i.index_id
                JOIN sys.columns c ON c.object_id = ic.object_id AND c.column_id = ic.column_id
                WHERE i.object_id = OBJECT_ID(N'[{table}]') AND i.is_unique_constraint = 0
                    AND ic.is_included_column = 0
                GROUP BY i.name, i.is_unique, i.is_primary_key
                """,
                r => (
                    Name: r.GetString(0), Unique: r.GetBoolean(1), Primary: r.GetBoolean(2), Columns: r.GetString(3)));
            var foreignKeys = await ListAsync(connection,
                $"""
                SELECT STRING_AGG(pc.name, ',') WITHIN GROUP (ORDER BY fc.constraint_column_id),
                       OBJECT_NAME(f.referenced_object_id),
                       STRING_AGG(rc.name, ',') WITHIN GROUP (ORDER BY fc.constraint_column_id),
                       f.delete_referential_action_desc
                FROM sys.foreign_keys f
                JOIN sys.foreign_key_columns fc ON fc.constraint_object_id = f.object_id
                JOIN sys.columns pc ON pc.object_id = fc.parent_object_id AND pc.column_id = fc.parent_column_id
                JOIN sys.columns rc ON rc.object_id = fc.referenced_object_id AND rc.column_id = fc.referenced_column_id
                WHERE f.parent_object_id = OBJECT_ID(N'[{table}]')
                GROUP BY f.name, f.referenced_object_id, f.delete_referential_action_desc
                """,
                r => ForeignKey(
                    [r.GetString(0)], r.GetString(1), [r.GetString(2)], r.GetString(3).Replace('_', ' ')));

            shapes.Add(new TableShape(
                table,
                Columns(columns.Select(c => (c.Name, c.Type, c.Nullable))),
                indexes.Single(i => i.Primary).Columns,
                Sorted(indexes.Where(i => !i.Primary).Select(i => Index(i.Name, [i.Columns], i.Unique))),
                Sorted(foreignKeys),
                columns.Any(c => c.Name == "id" && c.FromSequence)));
        }

        return shapes;
    }

    private static string SqlServerType(string name, short maxLength, byte precision, byte scale) => name switch
    {
        "nvarchar" or "nchar" => $"{name}({(maxLength == -1 ? "max" : maxLength / 2)})",
        "varchar" or "char" or "varbinary" => $"{name}({(maxLength == -1 ? "max" : maxLength)})",
        "decimal" or "numeric" => $"{name}({precision},{scale})",
        _ => name,
    };

    private static List<string> Columns(IEnumerable<(string Name, string Type, bool Nullable)> columns) =>
        [.. columns
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => $"{c.Name} {c.Type.ToUpperInvariant()} {(c.Nullable ? "null" : "not null")}")];

    private static string Index(string name, IEnumerable<string> columns, bool unique) =>
        $"{name} ({string.Join(",", columns)}){(unique ? " unique" : string.Empty)}";

    private static string ForeignKey(IEnumerable<string> from, string table, IEnumerable<string> to, string onDelete) =>
        $"({string.Join(",", from)}) -> {table}({string.Join(",", to)}) on delete {onDelete}";

    private static List<string> Sorted(IEnumerable<string> values) => [.. values.Order(StringComparer.Ordinal)];

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
