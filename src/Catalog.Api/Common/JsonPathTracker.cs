using System.Text;

namespace Catalog.Api.Common;

/// <summary>
/// The path of the token a reader is on (<c>create[0].title</c>), to name a field before anything binds, and the first
/// name repeated in one object.
/// </summary>
/// <remarks>
/// A batch body repeats the same few names thousands of times, so each is made a string once per body
/// (<see cref="_known"/>) and compared by reference after that: a string per name and a set per object cost the
/// canonical and Medusa routes about 4 KB a product (docs/benchmarks.md, eighth session).
/// </remarks>
internal sealed class JsonPathTracker
{
    // An object's names are compared one by one up to this many; a larger object (a map, say) gets a set.
    private const int NamesComparedInTurn = 16;

    // Names longer than this are made a string each time, as before: they are rarely repeated.
    private const int LongestKnownName = 128;

    private static readonly IEqualityComparer<string> ByReference = ReferenceEqualityComparer.Instance;

    private readonly List<Level> _levels = [];

    // The names of every open object so far, innermost object's last; each level knows where its own begin.
    private readonly List<string> _names = [];

    private readonly HashSet<string> _known = new(StringComparer.Ordinal);

    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _knownBySpan;

    public JsonPathTracker() => _knownBySpan = _known.GetAlternateLookup<ReadOnlySpan<char>>();

    public string? Repeated { get; private set; }

    public string Current => _levels.Count == 0 ? "$" : string.Concat(_levels.Select((level, i) => level.IsArray
        ? $"[{Math.Max(level.Index, 0).ToString(CultureInfo.InvariantCulture)}]"
        : (i == 0 ? string.Empty : ".") + level.Property)).TrimStart('.');

    public void Track(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.PropertyName when _levels.Count > 0:
                var name = NameOf(ref reader) ?? "?"; // an undecodable name is the fault being named
                var level = _levels[^1] with { Property = name };
                var first = Add(ref level, name);
                _levels[^1] = level;
                if (!first)
                {
                    Repeated ??= Current;
                }

                return;
            case JsonTokenType.EndObject or JsonTokenType.EndArray when _levels.Count > 0:
                _names.RemoveRange(_levels[^1].NamesFrom, _names.Count - _levels[^1].NamesFrom);
                _levels.RemoveAt(_levels.Count - 1);
                return;
        }

        // A value inside an array moves its index on; a container then opens a level of its own.
        if (_levels.Count > 0 && _levels[^1].IsArray
            && reader.TokenType is not (JsonTokenType.EndArray or JsonTokenType.EndObject))
        {
            _levels[^1] = _levels[^1] with { Index = _levels[^1].Index + 1 };
        }

        if (reader.TokenType is JsonTokenType.StartArray or JsonTokenType.StartObject)
        {
            _levels.Add(new Level(reader.TokenType == JsonTokenType.StartArray, -1, null, _names.Count, null));
        }
    }

    /// <summary>A string or name as text, or null when it cannot be decoded (a lone surrogate escape).</summary>
    public static string? TextOf(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>Adds <paramref name="name"/> to its object's names; false when the object already has it.</summary>
    private bool Add(ref Level level, string name)
    {
        var count = _names.Count - level.NamesFrom;
        if (level.Names is null && count >= NamesComparedInTurn)
        {
            level = level with { Names = new HashSet<string>(_names.Skip(level.NamesFrom), ByReference) };
        }

        if (level.Names is { } names)
        {
            return names.Add(name);
        }

        for (var i = level.NamesFrom; i < _names.Count; i++)
        {
            if (ReferenceEquals(_names[i], name))
            {
                return false;
            }
        }

        _names.Add(name);
        return true;
    }

    /// <summary>The name as the one string this body has for it (so equal names are the same object).</summary>
    private string? NameOf(ref Utf8JsonReader reader)
    {
        string? name;
        if (!reader.ValueIsEscaped && !reader.HasValueSequence && reader.ValueSpan.Length <= LongestKnownName)
        {
            Span<char> text = stackalloc char[LongestKnownName];
            var length = Encoding.UTF8.GetChars(reader.ValueSpan, text);
            if (_knownBySpan.TryGetValue(text[..length], out var known))
            {
                return known;
            }

            name = text[..length].ToString();
        }
        else
        {
            name = TextOf(ref reader);
            if (name is null)
            {
                return null;
            }

            if (_known.TryGetValue(name, out var known))
            {
                return known;
            }
        }

        _known.Add(name);
        return name;
    }

    private readonly record struct Level(
        bool IsArray, int Index, string? Property, int NamesFrom, HashSet<string>? Names);
}
