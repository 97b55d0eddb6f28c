namespace Catalog.Application.Common.Json;

/// <summary>
/// Metadata is stored as JSON text: on create the object sent, so every value comes back exactly as it went in; on
/// update the stored object with the sent one applied as a JSON merge patch (RFC 7396: a key sent as null is removed,
/// an object merges into an object, other values replace), and a null instead of an object clears it all.
/// </summary>
public static class MetadataJson
{
    public static string? ToText(JsonElement? element) =>
        element is { ValueKind: JsonValueKind.Object } value ? value.GetRawText() : null;

    /// <summary>The stored text after an update sent <paramref name="patch"/>.</summary>
    public static string? Merge(string? current, JsonElement? patch) =>
        patch is { ValueKind: JsonValueKind.Object } changes ? JsonMergePatch.Apply(current, changes) : null;

    /// <summary>The problem of an update whose metadata, merged into what is stored, would exceed the limits.</summary>
    public static IEnumerable<Problem> MergeProblems(
        string? current, JsonElement? patch, string field, JsonLimits limits)
    {
        if (current is null || patch is not { ValueKind: JsonValueKind.Object }
            || FromText(Merge(current, patch)) is not { } merged
            || FreeJson.Problem(merged, limits) is not { } problem)
        {
            return [];
        }

        return [(field, $"metadata merged with the keys it already has {problem}")];
    }

    public static JsonElement? FromText(string? text)
    {
        if (text is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
