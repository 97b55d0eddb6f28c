using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;

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

    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

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
        Walk(item, string.Empty, found);
        return found;
    }

    private static void Walk(object? value, string path, List<(string, string)> found)
    {
        switch (value)
        {
            case null or JsonElement:
                return;
            case string text:
                if (Problem(text) is { } textProblem)
                {
                    found.Add((path, textProblem));
                }

                return;
            case IDictionary dictionary:
                foreach (DictionaryEntry entry in dictionary)
                {
                    var key = entry.Key as string ?? string.Empty;
                    var at = $"{path}[{Quote(key)}]";
                    if (Problem(key) is { } problem)
                    {
                        found.Add((at, problem));
                    }

                    Walk(entry.Value, at, found);
                }

                return;
            case IEnumerable items:
                var index = 0;
                foreach (var element in items)
                {
                    Walk(element, $"{path}[{index++}]", found);
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

        foreach (var property in Properties.GetOrAdd(type, Readable))
        {
            Walk(property.GetValue(value), path.Length == 0 ? property.Name : $"{path}.{property.Name}", found);
        }
    }

    private static PropertyInfo[] Readable(Type type) =>
        [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0)];

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
