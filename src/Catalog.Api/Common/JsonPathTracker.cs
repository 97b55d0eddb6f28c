using System.Globalization;
using System.Text.Json;

namespace Catalog.Api.Common;

/// <summary>
/// The path of the token a reader is on (<c>create[0].title</c>), to name a field before anything binds, and the first
/// name repeated in one object.
/// </summary>
internal sealed class JsonPathTracker
{
    private readonly List<(bool IsArray, int Index, string? Property)> _levels = [];

    // The names seen in each open object, made when an object has a second name: most objects have few.
    private readonly List<HashSet<string>?> _names = [];

    public string? Repeated { get; private set; }

    public string Current => _levels.Count == 0 ? "$" : string.Concat(_levels.Select((level, i) => level.IsArray
        ? $"[{Math.Max(level.Index, 0).ToString(CultureInfo.InvariantCulture)}]"
        : (i == 0 ? string.Empty : ".") + level.Property)).TrimStart('.');

    public void Track(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.PropertyName when _levels.Count > 0:
                var name = TextOf(ref reader) ?? "?"; // an undecodable name is the fault being named
                if (_levels[^1].Property is { } previous)
                {
                    _names[^1] ??= new HashSet<string>(StringComparer.Ordinal) { previous };
                    if (!_names[^1]!.Add(name))
                    {
                        Repeated ??= Current[..^previous.Length] + name;
                    }
                }

                _levels[^1] = (false, 0, name);
                return;
            case JsonTokenType.EndObject or JsonTokenType.EndArray when _levels.Count > 0:
                _levels.RemoveAt(_levels.Count - 1);
                _names.RemoveAt(_names.Count - 1);
                return;
        }

        // A value inside an array moves its index on; a container then opens a level of its own.
        if (_levels.Count > 0 && _levels[^1].IsArray
            && reader.TokenType is not (JsonTokenType.EndArray or JsonTokenType.EndObject))
        {
            _levels[^1] = (true, _levels[^1].Index + 1, null);
        }

        if (reader.TokenType == JsonTokenType.StartArray)
        {
            _levels.Add((true, -1, null));
            _names.Add(null);
        }
        else if (reader.TokenType == JsonTokenType.StartObject)
        {
            _levels.Add((false, 0, null));
            _names.Add(null);
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
}
