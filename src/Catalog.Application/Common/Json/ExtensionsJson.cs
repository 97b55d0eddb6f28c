using System.Text.RegularExpressions;

namespace Catalog.Application.Common.Json;

/// <summary>
/// <c>extensions</c>: a JSON object of objects keyed by dialect name, stored as compact JSON text. A write merges as a
/// JSON merge patch: a key sent as null goes, an object merges into the stored one, other keys stay.
/// </summary>
public static partial class ExtensionsJson
{
    private static readonly JsonElement Empty = JsonDocument.Parse("{}").RootElement.Clone();

    /// <summary>What the API answers: the stored object, or <c>{}</c> when there is none.</summary>
    public static JsonElement ToElement(string? text) => text is null ? Empty : MetadataJson.FromText(text) ?? Empty;

    /// <summary>
    /// The stored text after a write: <paramref name="sent"/> merged into <paramref name="current"/> as a JSON merge
    /// patch (RFC 7396): a dialect key sent as null goes, an object merges into that dialect's object key by key. A
    /// JSON null as the whole value clears every key. No key left means no extensions (null).
    /// </summary>
    public static string? Merge(string? current, JsonElement? sent) =>
        sent is { ValueKind: JsonValueKind.Object } changes
            && JsonMergePatch.Apply(current, changes) is { } merged && merged != "{}"
            ? merged
            : null;

    /// <summary>The length of the compact JSON text of a value, as it would be stored.</summary>
    public static int CompactLength(JsonElement element)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            element.WriteTo(writer);
        }

        return System.Text.Encoding.UTF8.GetCharCount(buffer.WrittenSpan);
    }

    /// <summary>What is wrong with sent <c>extensions</c>: an object of objects (or nulls) by dialect.</summary>
    public static IEnumerable<Problem> Problems(JsonElement? sent)
    {
        if (sent is null || sent.Value.ValueKind == JsonValueKind.Null)
        {
            yield break;
        }

        if (sent.Value.ValueKind != JsonValueKind.Object)
        {
            yield return ("extensions", "extensions must be a JSON object keyed by dialect name.");
            yield break;
        }

        const int MaxLength = ExtensionConstraints.MaxLength;
        foreach (var property in sent.Value.EnumerateObject())
        {
            var (name, field) = (property.Name, $"extensions.{property.Name}");
            if (name.Length > ExtensionConstraints.MaxKeyLength || !KeyFormat().IsMatch(name))
            {
                yield return (field, $"'{name}' is not a dialect name: use lower-case letters, digits, '-' and '_', "
                    + $"at most {ExtensionConstraints.MaxKeyLength} characters.");
            }
            else if (property.Value.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
            {
                yield return (field, $"{field} must be a JSON object (or null to remove it).");
            }
        }

        if (CompactLength(sent.Value) > MaxLength)
        {
            yield return ("extensions", $"extensions must be at most {MaxLength} characters of JSON.");
        }
    }

    /// <summary>The problem of a merge whose result would exceed the limit, if it would.</summary>
    public static IEnumerable<Problem> MergeProblems(string? current, JsonElement? sent, string field)
    {
        const int MaxLength = ExtensionConstraints.MaxLength;
        if (sent is { ValueKind: JsonValueKind.Object } && current is not null
            && Merge(current, sent) is { Length: > MaxLength })
        {
            yield return (
                field, $"extensions would grow beyond {MaxLength} characters of JSON with the keys it already has.");
        }
    }

    [GeneratedRegex(ExtensionConstraints.KeyPattern)]
    private static partial Regex KeyFormat();
}
