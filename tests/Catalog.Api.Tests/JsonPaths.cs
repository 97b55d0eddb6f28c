using System.Globalization;
using System.Text.Json.Nodes;

namespace Catalog.Api.Tests;

/// <summary>Reads a response by path (<c>create[0].product.variants[1].sku</c>), so assertions stay short.</summary>
public static class JsonPaths
{
    public static JsonNode? At(this JsonNode? node, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var current = node;
        foreach (var part in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            var name = bracket < 0 ? part : part[..bracket];
            if (name.Length > 0)
            {
                current = current is JsonObject obj && obj.TryGetPropertyValue(name, out var child) ? child : null;
            }

            while (bracket >= 0 && current is not null)
            {
                var close = part.IndexOf(']', bracket);
                var index = int.Parse(part[(bracket + 1)..close], CultureInfo.InvariantCulture);
                current = current is JsonArray array && index < array.Count ? array[index] : null;
                bracket = part.IndexOf('[', close);
            }
        }

        return current;
    }

    public static string? Str(this JsonNode? node, string path) => node.At(path)?.GetValue<string>();

    public static long Num(this JsonNode? node, string path) =>
        node.At(path)?.GetValue<long>() ?? throw Missing("number", node, path);

    public static decimal Dec(this JsonNode? node, string path) =>
        node.At(path)?.GetValue<decimal>() ?? throw Missing("number", node, path);

    public static JsonArray Arr(this JsonNode? node, string path) =>
        node.At(path) as JsonArray ?? throw Missing("array", node, path);

    private static InvalidOperationException Missing(string what, JsonNode? node, string path) =>
        new($"No {what} at '{path}' in {node?.ToJsonString()}");

    /// <summary>The <c>field</c> of every detail of an item error or every error of a problem (none if none).</summary>

    public static IReadOnlyList<string?> Fields(this JsonNode? node, string path) =>
        node.At(path) is JsonArray details ? [.. details.Select(d => d.Str("field"))] : [];

    public static string Text(this JsonNode? node) => node?.ToJsonString() ?? "(no body)";
}
