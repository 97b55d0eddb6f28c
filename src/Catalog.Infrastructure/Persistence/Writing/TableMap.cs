using System.Collections.Concurrent;
using System.Data.Common;
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

    private TableMap(IEntityType entityType, int rank)
    {
        Table = entityType.GetTableName()!;
        Rank = rank;
        _columns = [.. entityType.GetProperties().Select(p => new Column(p))];
        _key = [.. entityType.FindPrimaryKey()!.Properties.Select(p => _columns.First(c => c.Property == p))];
        _version = _columns.FirstOrDefault(c => c.Property.IsConcurrencyToken);

        var names = string.Join(", ", _columns.Select(c => Quote(c.Name)));
        var values = string.Join(", ", _columns.Select((_, i) => $"@p{i}"));
        InsertSql = $"INSERT INTO {Quote(Table)} ({names}) VALUES ({values})";
        var keyMatch = string.Join(" AND ", _key.Select(k => $"{Quote(k.Name)} = @p{IndexOf(k)}"));
        var sets = string.Join(", ", _columns.Where(c => !_key.Contains(c)).Select(c => $"{Quote(c.Name)} = @p{IndexOf(c)}"));
        UpdateSql = $"UPDATE {Quote(Table)} SET {sets} WHERE {keyMatch}" + (_version is null ? string.Empty : $" AND {Quote(_version.Name)} = @expected");
        DeleteSql = $"DELETE FROM {Quote(Table)} WHERE {keyMatch}";
    }

    public string Table { get; }

    /// <summary>Depth in the foreign-key graph: parents insert before children and delete after them.</summary>
    public int Rank { get; }

    public string InsertSql { get; }
    public string UpdateSql { get; }
    public string DeleteSql { get; }

    public static TableMap For(IModel model, Type type) =>
        Cache.GetOrAdd((model, type), key =>
        {
            var entityType = key.Model.FindEntityType(key.Type) ?? throw new InvalidOperationException($"{key.Type.Name} is not part of the model.");
            return new TableMap(entityType, RankOf(entityType));
        });

    public static string Quote(string identifier) => $"\"{identifier}\"";

    /// <summary>The parameters of an insert or update: every column, then (for an update of a versioned row) the expected version.</summary>
    public List<DbParameter> Parameters(DbCommand factory, object row, long? expectedVersion = null, bool keyOnly = false)
    {
        var parameters = new List<DbParameter>(_columns.Count + 1);
        for (var i = 0; i < _columns.Count; i++)
        {
            if (!keyOnly || _key.Contains(_columns[i]))
            {
                parameters.Add(_columns[i].Parameter(factory, $"@p{i}", row));
            }
        }

        if (expectedVersion is { } expected && _version is not null)
        {
            parameters.Add(_version.Mapping.CreateParameter(factory, "@expected", expected, nullable: false));
        }

        return parameters;
    }

    private int IndexOf(Column column) => _columns.ToList().IndexOf(column);

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
    }
}
