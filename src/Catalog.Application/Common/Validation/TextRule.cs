using System.Collections;
using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;

namespace Catalog.Application.Common.Validation;

/// <summary>
/// The one rule for text, on every route and provider: a string is valid Unicode (no lone surrogate) without NUL.
/// PostgreSQL refuses NUL in text where SQLite stores it, and a lone surrogate cannot be written as JSON; either
/// would be accepted and then fail, so both fail the item instead, naming the field.
/// </summary>
public static class TextRule
{
    public const string HasNul = "must not contain the NUL character (\\u0000).";
    public const string InvalidUnicode = "must be valid Unicode text (no lone surrogates).";

    private static readonly ConcurrentDictionary<Type, (string Name, Func<object, object?> Read)[]> Properties = new();

    public static string? Problem(string? text) => text switch
    {
        null => null,
        _ when text.Contains('\0', StringComparison.Ordinal) => HasNul,
        _ when !IsValidUnicode(text) => InvalidUnicode,
        _ => null,
    };

    /// <summary>
    /// Every string in <paramref name="item"/> (a command's item: its fields, nested records, lists and dictionaries)
    /// that breaks the rule, by property path (<c>Variants[0].Title</c>). Free JSON is <see cref="Json.FreeJson"/>'s.
    /// </summary>
    public static IEnumerable<(string Path, string Message)> Problems(object item)
    {
        var found = new List<(string, string)>();
        Walk(item, [], found);
        return found;
    }

    // The path is kept as segments and written out only for a problem: a valid item (nearly all of them) costs no text.
    private static void Walk(object? value, List<object> path, List<(string, string)> found)
    {
        switch (value)
        {
            case null or JsonElement:
                return;
            case string text:
                if (Problem(text) is { } textProblem)
                {
                    found.Add((PathOf(path), textProblem));
                }

                return;
            case IDictionary dictionary:
                foreach (DictionaryEntry entry in dictionary)
                {
                    var key = entry.Key as string ?? string.Empty;
                    path.Add(new Key(key));
                    if (Problem(key) is { } problem)
                    {
                        found.Add((PathOf(path), problem));
                    }

                    Walk(entry.Value, path, found);
                    path.RemoveAt(path.Count - 1);
                }

                return;
            case IEnumerable items:
                var index = 0;
                foreach (var element in items)
                {
                    path.Add(index++);
                    Walk(element, path, found);
                    path.RemoveAt(path.Count - 1);
                }

                return;
        }

        var type = value.GetType();
        if (type.IsPrimitive || type.IsEnum || type.Namespace?.StartsWith("Catalog.", StringComparison.Ordinal) != true)
        {
            return;
        }

        if (value is IOptional optional)
        {
            if (optional.HasValue)
            {
                Walk(optional.BoxedValue, path, found);
            }

            return;
        }

        foreach (var (name, read) in Properties.GetOrAdd(type, Readable))
        {
            path.Add(name);
            Walk(read(value), path, found);
            path.RemoveAt(path.Count - 1);
        }
    }

    private static string PathOf(List<object> path) => string.Concat(path.Select((segment, i) => segment switch
    {
        int index => $"[{index}]",
        Key key => $"[{Quote(key.Name)}]",
        _ => i == 0 ? (string)segment : $".{segment}",
    }));

    /// <summary>Each readable property's name and compiled getter: reflection's GetValue costs more per call.</summary>
    private static (string Name, Func<object, object?> Read)[] Readable(Type type) =>
        [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0)
            .Select(p => (p.Name, Getter(type, p)))];

    private static Func<object, object?> Getter(Type type, PropertyInfo property)
    {
        var instance = Expression.Parameter(typeof(object));
        var read = Expression.Property(Expression.Convert(instance, type), property);
        return Expression.Lambda<Func<object, object?>>(Expression.Convert(read, typeof(object)), instance).Compile();
    }

    private sealed record Key(string Name);

    private static string Quote(string key) => key.Length <= 64 && Problem(key) is null ? key : "?";

    private static bool IsValidUnicode(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }
}
