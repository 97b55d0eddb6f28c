namespace Catalog.Application.Common.Json;

/// <summary>Metadata is stored as the JSON text sent, so every value comes back exactly as it went in.</summary>
public static class MetadataJson
{
    public static string? ToText(JsonElement? element) =>
        element is { ValueKind: JsonValueKind.Object } value ? value.GetRawText() : null;

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
