using System.Globalization;
using System.Text;
using SQLitePCL;

namespace Catalog.Infrastructure.Persistence.Providers;

/// <summary>
/// One parameter value as SQLite will store it: null, an integer, a real, UTF-8 text or a blob, converted the way
/// Microsoft.Data.Sqlite converts it (its documented text formats for decimals and dates).
/// </summary>
internal readonly struct SqliteValue
{
    private readonly Kind _kind;
    private readonly long _integer;
    private readonly double _real;
    private readonly byte[]? _bytes;

    private SqliteValue(Kind kind, long integer = 0, double real = 0, byte[]? bytes = null)
    {
        _kind = kind;
        _integer = integer;
        _real = real;
        _bytes = bytes;
    }

    private enum Kind
    {
        Null,
        Integer,
        Real,
        Text,
        Blob,
    }

    public int BindTo(sqlite3_stmt statement, int position) => _kind switch
    {
        Kind.Integer => raw.sqlite3_bind_int64(statement, position, _integer),
        Kind.Real => raw.sqlite3_bind_double(statement, position, _real),
        Kind.Text => raw.sqlite3_bind_text(statement, position, _bytes),
        Kind.Blob => raw.sqlite3_bind_blob(statement, position, _bytes),
        _ => raw.sqlite3_bind_null(statement, position),
    };

    /// <summary>
    /// Every statement's values. Converting (EF's getters and converters, decimal and date text, UTF-8) does not touch
    /// SQLite, so a large write converts on every core before its first statement; nothing changes the rows meanwhile.
    /// </summary>
    public static SqliteValue[][] OfAll(IReadOnlyList<RowStatement> statements)
    {
        const int ParallelFrom = 256;
        var values = new SqliteValue[statements.Count][];
        if (statements.Count < ParallelFrom)
        {
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = Of(statements[i]);
            }
        }
        else
        {
            Parallel.For(0, values.Length, i => values[i] = Of(statements[i]));
        }

        return values;
    }

    private static SqliteValue[] Of(RowStatement statement) =>
        [.. statement.Map.Parameters(statement.Write).Select(p => From(p.Value))];

    /// <summary>Microsoft.Data.Sqlite's conversions for the types a plan holds; others are refused.</summary>
    private static SqliteValue From(object? value) => value switch
    {
        null => new(Kind.Null),
        string text => Text(text),
        long number => new(Kind.Integer, integer: number),
        int number => new(Kind.Integer, integer: number),
        short number => new(Kind.Integer, integer: number),
        byte number => new(Kind.Integer, integer: number),
        bool flag => new(Kind.Integer, integer: flag ? 1 : 0),
        double real when !double.IsNaN(real) => new(Kind.Real, real: real),
        decimal amount => Text(amount.ToString("0.0###########################", CultureInfo.InvariantCulture)),
        DateTimeOffset moment =>
            Text(moment.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFFzzz", CultureInfo.InvariantCulture)),
        DateTime moment => Text(moment.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture)),
        byte[] bytes => new(Kind.Blob, bytes: bytes),
        _ => throw new NotSupportedException(
            $"The SQLite writer has no conversion for {value.GetType().Name} values; add one beside the others."),
    };

    private static SqliteValue Text(string text) => new(Kind.Text, bytes: Encoding.UTF8.GetBytes(text));
}
