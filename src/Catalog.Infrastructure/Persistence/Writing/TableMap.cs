using System.Collections.Concurrent;
using System.Data.Common;
using Catalog.Application.Common.Batches;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Catalog.Infrastructure.Persistence.Writing;

/// <summary>
/// How one entity type is written, read off the EF Core model: table, columns, key, version, and each column's type
/// mapping (converters included), so a row goes in exactly as EF itself would write it.
/// </summary>
internal sealed class TableMap
{
    private static readonly ConcurrentDictionary<(IModel Model, Type Type), TableMap> Cache = new();

    private readonly IReadOnlyList<Column> _columns;
    private readonly IReadOnlyList<Column> _key;
    private readonly Column? _version;
    private readonly Column? _updatedAt;
    private readonly IReadOnlyList<Column> _touched = [];

    private TableMap(IEntityType entityType, int rank)
    {
        Table = entityType.GetTableName()!;
        Rank = rank;
        _columns = [.. entityType.GetProperties().Select(p => new Column(p))];
        _key = [.. entityType.FindPrimaryKey()!.Properties.Select(p => _columns.First(c => c.Property == p))];
        _version = _columns.FirstOrDefault(c => c.Property.IsConcurrencyToken);
        _updatedAt = _columns.FirstOrDefault(c => c.Property.Name == "UpdatedAt");

        var names = string.Join(", ", _columns.Select(c => Quote(c.Name)));
        var values = string.Join(", ", _columns.Select((_, i) => $"@p{i}"));
        InsertInto = $"INSERT INTO {Quote(Table)} ({names})";
        InsertSql = $"{InsertInto} VALUES ({values})";
        var keyMatch = string.Join(" AND ", _key.Select(k => $"{Quote(k.Name)} = @p{IndexOf(k)}"));
        var sets = string.Join(", ", _columns.Except(_key).Select(c => $"{Quote(c.Name)} = @p{IndexOf(c)}"));
        var versionMatch = _version is null ? string.Empty : $" AND {Quote(_version.Name)} = @expected";
        UpdateSql = $"UPDATE {Quote(Table)} SET {sets} WHERE {keyMatch}{versionMatch}";
        DeleteSql = $"DELETE FROM {Quote(Table)} WHERE {keyMatch}";
        DetachSql = [.. entityType.GetReferencingForeignKeys()
            .Where(fk => fk.DeleteBehavior == DeleteBehavior.ClientSetNull)
            .Select(fk => $"UPDATE {Quote(fk.DeclaringEntityType.GetTableName()!)} SET "
                + string.Join(", ", fk.Properties.Select(p => $"{Quote(p.GetColumnName())} = NULL"))
                + " WHERE " + string.Join(" AND ", fk.Properties.Zip(_key, (p, k) =>
                    $"{Quote(p.GetColumnName())} = @p{IndexOf(k)}")))];
        if (_version is not null && _updatedAt is not null)
        {
            var version = Quote(_version.Name);
            _touched = [_updatedAt, .. _key];
            TouchSql = $"UPDATE {Quote(Table)} SET {version} = {version} + 1, "
                + $"{Quote(_updatedAt.Name)} = @p{IndexOf(_updatedAt)} "
                + $"WHERE {keyMatch}";
        }
    }

    public string Table { get; }

    /// <summary>Depth in the foreign-key graph: parents insert before children and delete after them.</summary>
    public int Rank { get; }

    public string InsertSql { get; }

    /// <summary>An insert up to its <c>VALUES</c>, for a provider that writes several rows at once.</summary>
    public string InsertInto { get; }

    /// <summary>How many values an insert binds: one per column.</summary>
    public int ColumnCount => _columns.Count;
    public string UpdateSql { get; }
    public string DeleteSql { get; }

    /// <summary>
    /// Run before a delete: clear the references to the row that the database is not asked to clear (a category's
    /// children; SQL Server refuses <c>ON DELETE SET NULL</c> on a table that refers to itself), as EF's ClientSetNull.
    /// </summary>
    public IReadOnlyList<string> DetachSql { get; }

    /// <summary>Moves a versioned row's version one step and sets its updated_at; null without both.</summary>
    public string? TouchSql { get; }

    public static TableMap For(IModel model, Type type) =>
        Cache.GetOrAdd((model, type), key =>
        {
            var entityType = key.Model.FindEntityType(key.Type)
                ?? throw new InvalidOperationException($"{key.Type.Name} is not part of the model.");
            return new TableMap(entityType, RankOf(entityType));
        });

    public static string Quote(string identifier) => $"\"{identifier}\"";

    /// <summary>
    /// Binds a row: every column for an insert or update (then, for a versioned update, the expected version), the key
    /// for a delete. Parameters are made by each column's own type mapping the first time, then only values change.
    /// </summary>
    public void Bind(DbParameterCollection parameters, DbCommand factory, RowWrite write)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(write);
        var columns = ColumnsOf(write);
        var expected = ExpectedVersionOf(write);
        if (parameters.Count == 0)
        {
            foreach (var column in columns)
            {
                parameters.Add(column.Parameter(factory, $"@p{IndexOf(column)}", write.Row));
            }

            if (expected is { } version)
            {
                parameters.Add(_version!.Mapping.CreateParameter(factory, "@expected", version, nullable: false));
            }

            return;
        }

        for (var i = 0; i < columns.Count; i++)
        {
            parameters[i].Value = columns[i].ProviderValue(write.Row) ?? DBNull.Value;
        }

        if (expected is { } expectedVersion)
        {
            parameters[columns.Count].Value = expectedVersion;
        }
    }

    /// <summary>The parameter names a write's statement uses, in the order <see cref="ProviderValues"/> uses.</summary>
    public IReadOnlyList<string> ParameterNames(RowWrite write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var names = ColumnsOf(write).Select(c => $"@p{IndexOf(c)}").ToList();
        if (ExpectedVersionOf(write) is not null)
        {
            names.Add("@expected");
        }

        return names;
    }

    /// <summary>A write's parameter values as the database stores them (converters applied; null if missing).</summary>
    public void ProviderValues(RowWrite write, List<object?> values)
    {
        ArgumentNullException.ThrowIfNull(write);
        ArgumentNullException.ThrowIfNull(values);
        foreach (var column in ColumnsOf(write))
        {
            values.Add(column.ProviderValue(write.Row));
        }

        if (ExpectedVersionOf(write) is { } expected)
        {
            values.Add(expected);
        }
    }

    /// <summary>Every column for an insert or update, the key for a delete, updated_at and key for a touch.</summary>
    private IReadOnlyList<Column> ColumnsOf(RowWrite write) => write switch
    {
        DeleteRow => _key,
        TouchRow => _touched,
        _ => _columns,
    };

    /// <summary>The version a versioned update expects to find, bound after the columns; else null.</summary>
    private long? ExpectedVersionOf(RowWrite write) =>
        write is UpdateRow update && _version is not null ? update.ExpectedVersion : null;

    private int IndexOf(Column column)
    {
        for (var i = 0; i < _columns.Count; i++)
        {
            if (ReferenceEquals(_columns[i], column))
            {
                return i;
            }
        }

        return -1;
    }

    private static int RankOf(IEntityType entityType) =>
        entityType.GetForeignKeys()
            .Where(fk => fk.PrincipalEntityType != entityType)
            .Select(fk => RankOf(fk.PrincipalEntityType) + 1)
            .DefaultIfEmpty(0)
            .Max();

    private sealed class Column(IProperty property)
    {
        private readonly IClrPropertyGetter _getter = property.GetGetter();

        public IProperty Property { get; } = property;
        public string Name { get; } = property.GetColumnName();
        public RelationalTypeMapping Mapping { get; } = (RelationalTypeMapping)property.GetRelationalTypeMapping();

        public DbParameter Parameter(DbCommand factory, string name, object row) =>
            Mapping.CreateParameter(factory, name, _getter.GetClrValue(row), Property.IsNullable);

        /// <summary>The value as the database stores it: through the column's converter if it has one.</summary>
        public object? ProviderValue(object row)
        {
            var value = _getter.GetClrValue(row);
            return value is not null && Mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value;
        }
    }
}
