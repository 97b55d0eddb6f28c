using System.Text.Json.Nodes;

namespace Catalog.Application.Common.Json;

/// <summary>
/// JSON merge patch (RFC 7396), as updates apply <c>metadata</c> and <c>extensions</c>: an object patch merges into
/// the target key by key (a null removes the key, an object merges into an object, any other value replaces), and a
/// patch that is not an object replaces the target whole.
/// </summary>
public static class JsonMergePatch
{
    /// <summary>The stored JSON text after <paramref name="patch"/> (<c>{}</c> when every key went).</summary>
    public static string? Apply(string? target, JsonElement patch) =>
        Merge(target is null ? null : JsonNode.Parse(target), patch)?.ToJsonString();

    /// <summary>
    /// The patch that turns <paramref name="source"/> into <paramref name="target"/>, for a client that knows the whole
    /// value it wants (a dialect whose own API replaces it): removed keys are null, changed objects patched in turn.
    /// A null in <paramref name="target"/> has no patch of its own (RFC 7396 reads it as a removal), so it is one.
    /// </summary>
    public static JsonNode? Between(JsonNode? source, JsonNode? target)
    {
        if (source is not JsonObject from || target is not JsonObject to)
        {
            return target?.DeepClone();
        }

        var patch = new JsonObject();
        foreach (var (key, _) in from.Where(p => !to.ContainsKey(p.Key)))
        {
            patch[key] = null;
        }

        foreach (var (key, value) in to)
        {
            var before = from[key];
            if (!from.ContainsKey(key) || !JsonNode.DeepEquals(before, value))
            {
                patch[key] = before is JsonObject && value is JsonObject ? Between(before, value) : value?.DeepClone();
            }
        }

        return patch;
    }

    /// <summary>
    /// What an update sends to make stored metadata <paramref name="desired"/>, for a dialect whose own API replaces it
    /// whole: nothing when nothing was sent, null to clear it, else the merge patch between the two.
    /// </summary>
    public static Optional<JsonElement?> Replacing(JsonElement? stored, Optional<JsonElement?> desired)
    {
        if (!desired.HasValue || desired.Value is not { ValueKind: JsonValueKind.Object } wanted
            || stored is not { ValueKind: JsonValueKind.Object } current)
        {
            return desired;
        }

        var patch = Between(JsonNode.Parse(current.GetRawText()), JsonNode.Parse(wanted.GetRawText()));
        return JsonSerializer.SerializeToElement(patch);
    }

    /// <summary>
    /// The value of key <paramref name="key"/> in an <c>extensions</c> patch that makes the stored object under that
    /// key exactly <paramref name="desired"/> (null: none), for a dialect that writes its own object whole.
    /// </summary>
    public static JsonNode? ReplacingKey(JsonElement? storedExtensions, string key, JsonNode? desired) =>
        Between(
            storedExtensions is { ValueKind: JsonValueKind.Object } stored && stored.TryGetProperty(key, out var value)
                ? JsonNode.Parse(value.GetRawText())
                : null,
            desired);

    private static JsonNode? Merge(JsonNode? target, JsonElement patch)
    {
        if (patch.ValueKind != JsonValueKind.Object)
        {
            return JsonNode.Parse(patch.GetRawText());
        }

        var merged = target as JsonObject ?? new JsonObject();
        foreach (var property in patch.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Null)
            {
                merged.Remove(property.Name);
                continue;
            }

            if (merged[property.Name] is JsonObject current && property.Value.ValueKind == JsonValueKind.Object)
            {
                Merge(current, property.Value); // In place, keeping its place among the keys.
            }
            else
            {
                merged[property.Name] = Merge(null, property.Value);
            }
        }

        return merged;
    }
}
