using System.Collections.Concurrent;
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
    private readonly IReadOnlyList<Column> _touched = [];

    private TableMap(IEntityType entityType, int rank)
    {
        Table = entityType.GetTableName()!;
        Rank = rank;
        _columns = [.. entityType.GetProperties().Select((p, i) => new Column(p, $"@p{i}"))];
        _key = [.. entityType.FindPrimaryKey()!.Properties.Select(p => _columns.First(c => c.Property == p))];
        _version = _columns.FirstOrDefault(c => c.Property.IsConcurrencyToken);
        var updatedAt = _columns.FirstOrDefault(c => c.Property.Name == "UpdatedAt");

        var table = Quote(Table);
        InsertInto = $"INSERT INTO {table} ({string.Join(", ", _columns.Select(c => c.Quoted))})";
        InsertSql = $"{InsertInto} VALUES ({string.Join(", ", _columns.Select(c => c.ParameterName))})";
        var keyMatch = string.Join(" AND ", _key.Select(k => k.Assignment));
        var sets = string.Join(", ", _columns.Except(_key).Select(c => c.Assignment));
        var versionMatch = _version is null ? string.Empty : $" AND {_version.Quoted} = @expected";
        UpdateSql = $"UPDATE {table} SET {sets} WHERE {keyMatch}{versionMatch}";
        DeleteSql = $"DELETE FROM {table} WHERE {keyMatch}";
        Detaches = [.. entityType.GetReferencingForeignKeys()
            .Where(fk => fk.DeleteBehavior == DeleteBehavior.ClientSetNull)
            .Select(fk => new Detachment(
                Quote(fk.DeclaringEntityType.GetTableName()!),
                [.. fk.Properties.Select(p => Quote(p.GetColumnName()))],
                _key))];
        if (_version is not null && updatedAt is not null)
        {
            _touched = [updatedAt, .. _key];
            var version = _version.Quoted;
            TouchSql = $"UPDATE {table} SET {version} = {version} + 1, {updatedAt.Assignment} WHERE {keyMatch}";
        }
    }

    public string Table { get; }

    /// <summary>Depth in the foreign-key graph: parents insert before children and delete after them.</summary>
    public int Rank { get; }

    public string InsertSql { get; }

    /// <summary>An insert up to its <c>VALUES</c>, for a provider that writes several rows at once.</summary>
    public string InsertInto { get; }

    public int ColumnCount => _columns.Count;
    public string UpdateSql { get; }
    public string DeleteSql { get; }

    /// <summary>
    /// Run before a delete: clear the references to the row that the database is not asked to clear (a category's
    /// children; SQL Server refuses <c>ON DELETE SET NULL</c> on a table that refers to itself), as EF's ClientSetNull.
    /// </summary>
    public IReadOnlyList<Detachment> Detaches { get; }

    public IEnumerable<string> DetachSql => Detaches.Select(d => d.Sql);

    /// <summary>Every column, in the order <see cref="InsertInto"/> names them.</summary>
    public IReadOnlyList<Column> Columns => _columns;

    public IReadOnlyList<Column> Key => _key;

    /// <summary>The concurrency token, if the table has one.</summary>
    public Column? Version => _version;

    /// <summary>What a touch binds: updated_at, then the key.</summary>
    public IReadOnlyList<Column> Touched => _touched;

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
    /// Adds a row's parameters to a fresh command: every column for an insert or update (then, for a versioned update,
    /// the expected version), the key for a delete; each made by its column's own type mapping, as EF makes it.
    /// </summary>
    public void Bind(DbParameterCollection parameters, DbCommand factory, RowWrite write)
    {
        foreach (var column in ColumnsOf(write))
        {
            parameters.Add(column.Parameter(factory, write.Row));
        }

        if (ExpectedVersionOf(write) is { } version)
        {
            parameters.Add(_version!.Mapping.CreateParameter(factory, "@expected", version, nullable: false));
        }
    }

    /// <summary>
    /// A write's parameters in the order its statement binds them, each value as the database stores it (converters
    /// applied): the same columns as <see cref="Bind"/>.
    /// </summary>
    public IEnumerable<(string Name, object? Value)> Parameters(RowWrite write)
    {
        foreach (var column in ColumnsOf(write))
        {
            yield return (column.ParameterName, column.ProviderValue(write.Row));
        }

        if (ExpectedVersionOf(write) is { } expected)
        {
            yield return ("@expected", expected);
        }
    }

    private IReadOnlyList<Column> ColumnsOf(RowWrite write) => write switch
    {
        DeleteRow => _key,
        TouchRow => _touched,
        _ => _columns,
    };

    private long? ExpectedVersionOf(RowWrite write) =>
        write is UpdateRow update && _version is not null ? update.ExpectedVersion : null;

    private static int RankOf(IEntityType entityType) =>
        entityType.GetForeignKeys()
            .Where(fk => fk.PrincipalEntityType != entityType)
            .Select(fk => RankOf(fk.PrincipalEntityType) + 1)
            .DefaultIfEmpty(0)
            .Max();

    public sealed class Column(IProperty property, string parameterName)
    {
        private readonly IClrPropertyGetter _getter = property.GetGetter();

        public IProperty Property { get; } = property;
        public string ParameterName { get; } = parameterName;
        public string Quoted { get; } = Quote(property.GetColumnName());
        public string Assignment => $"{Quoted} = {ParameterName}";
        public RelationalTypeMapping Mapping { get; } = (RelationalTypeMapping)property.GetRelationalTypeMapping();

        /// <summary>The CLR type of <see cref="ProviderValue"/> (nullable where the column is).</summary>
        public Type ProviderClrType =>
            (Mapping.Converter?.ProviderClrType ?? Mapping.ClrType) is var type
            && type.IsValueType && Property.IsNullable && Nullable.GetUnderlyingType(type) is null
                ? typeof(Nullable<>).MakeGenericType(type)
                : type;

        public DbParameter Parameter(DbCommand factory, object row) =>
            Mapping.CreateParameter(factory, ParameterName, _getter.GetClrValue(row), Property.IsNullable);

        /// <summary>The value as the database stores it: through the column's converter if it has one.</summary>
        public object? ProviderValue(object row)
        {
            var value = _getter.GetClrValue(row);
            return value is not null && Mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value;
        }
    }
}

/// <summary>
/// The references in <paramref name="Table"/> (its <paramref name="Columns"/>, quoted) to a row about to be deleted,
/// cleared by the row's <paramref name="Key"/>.
/// </summary>
internal sealed record Detachment(string Table, IReadOnlyList<string> Columns, IReadOnlyList<TableMap.Column> Key)
{
    public string Sql { get; } = $"UPDATE {Table} SET {string.Join(", ", Columns.Select(c => $"{c} = NULL"))} WHERE "
        + string.Join(" AND ", Columns.Zip(Key, (c, k) => $"{c} = {k.ParameterName}"));
}

/// <summary>One SQL statement of a write plan, with the row count it must affect.</summary>
internal sealed record RowStatement(RowWrite Write, TableMap Map, Detachment? Detach = null)
{
    /// <summary>Clears the references to a deleted row (<see cref="TableMap.Detaches"/>), not the row's own.</summary>
    public bool Detaches => Detach is not null;

    public string Sql => Detach?.Sql ?? Write switch
    {
        InsertRow => Map.InsertSql,
        UpdateRow => Map.UpdateSql,
        TouchRow => Map.TouchSql ?? throw new InvalidOperationException($"{Map.Table} has no version to move."),
        _ => Map.DeleteSql,
    };

    /// <summary>1 when the statement must touch exactly one row (versioned update, named delete); else null.</summary>
    public int? RequiredRows => Detaches ? null : Write switch
    {
        UpdateRow or TouchRow => 1,
        DeleteRow { MustExist: true } => 1,
        _ => null,
    };
}

/// <summary>
/// What running the statements gave: the rows each affected, or the statement refused and why; and what it took: the
/// statements the database ran (a provider may write many rows with one) and the round trips to it.
/// </summary>
internal sealed record ExecutionResult(int[] RowsAffected, int? FailedAt, DbException? Error)
{
    public int Sent { get; init; }

    public int RoundTrips { get; init; }
}
