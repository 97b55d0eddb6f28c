using System.Runtime.InteropServices;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Catalog.Application.Jobs;

/// <summary>One item of a job as stored in its chunk: the canonical item, or why it was refused on arrival.</summary>
/// <param name="Position">Its place in the whole submission, from 0.</param>
/// <param name="Index">Its place in its own list (<c>create</c>, <c>update</c>, ...).</param>
/// <param name="Body">The canonical item (a create, an update, an upsert) or, for a delete, the id.</param>
/// <param name="Refusal">Why the item cannot run at all (an unknown method, a missing key): it fails as it is.</param>
/// <param name="Echo">The item as its dialect sent it, kept for dialects whose results repeat it.</param>
public sealed record JobEntry(
    int Position,
    JobOperation Operation,
    int Index,
    JsonElement? Body,
    ItemError? Refusal = null,
    JsonElement? Echo = null);

/// <summary>
/// How a job's items are stored: canonical items as the canonical API writes them (snake_case, absent fields absent),
/// so that what runs later is exactly what was accepted.
/// </summary>
public static class JobPayload
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static string Write(IEnumerable<JobEntry> entries) => JsonSerializer.Serialize(entries, Options);

    public static IReadOnlyList<JobEntry> Read(string payload) =>
        JsonSerializer.Deserialize<List<JobEntry>>(payload, Options)
        ?? throw new InvalidOperationException("A job chunk holds no items.");

    public static JsonElement ToJson<T>(T item) => JsonSerializer.SerializeToElement(item, Options);

    /// <summary>An item's error as a result row stores it (<see cref="JobResult.Error"/>).</summary>
    public static string? WriteError(ItemError? error) =>
        error is null ? null : JsonSerializer.Serialize(error, Options);

    /// <summary>The error a result row stores, or null when the item did not fail.</summary>
    public static ItemError? ErrorOf(JobResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Error is null ? null : JsonSerializer.Deserialize<ItemError>(result.Error, Options);
    }

    public static T FromJson<T>(JsonElement json) =>
        json.Deserialize<T>(Options) ?? throw new InvalidOperationException($"A stored {typeof(T).Name} is null.");

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            MaxDepth = JsonLimits.MaxDocumentDepth + 4,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { OptionalJson.Modifier } },
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        options.Converters.Add(new VerbatimJson());
        return options;
    }

    /// <summary>
    /// Writes an element as the bytes it was parsed from (a copy), not token by token: an item sent in the canonical
    /// shape goes into its chunk as it came.
    /// </summary>
    private sealed class VerbatimJson : JsonConverter<JsonElement>
    {
        public override JsonElement Read(
            ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            JsonElement.ParseValue(ref reader);

        public override void Write(Utf8JsonWriter writer, JsonElement value, JsonSerializerOptions options) =>
            writer.WriteRawValue(JsonMarshal.GetRawUtf8Value(value), skipInputValidation: true);
    }
}
