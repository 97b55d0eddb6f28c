using System.Text.Json;
using System.Text.Json.Nodes;

namespace Catalog.Api.Tests.Dialects.Medusa;

/// <summary>
/// "Every value sent comes back": each property of <c>expected</c> must be in <c>actual</c> with the same value
/// (objects recursively, arrays element by element and of the same length, numbers by value). Extra properties in
/// <c>actual</c> are fine. Answers every difference with its path, none when it holds.
/// </summary>
public static class JsonSubset
{
    public static IReadOnlyList<string> Differences(JsonNode? expected, JsonNode? actual, string path = "$")
    {
        var differences = new List<string>();
        Compare(expected, actual, path, differences);
        return differences;
    }

    private static void Compare(JsonNode? expected, JsonNode? actual, string path, List<string> differences)
    {
        switch (expected)
        {
            case null:
                if (actual is not null)
                {
                    differences.Add($"{path}: expected null, got {actual.ToJsonString()}");
                }

                break;
            case JsonObject obj when actual is JsonObject got:
                foreach (var (name, value) in obj)
                {
                    if (!got.TryGetPropertyValue(name, out var gotValue))
                    {
                        differences.Add($"{path}.{name}: missing");
                    }
                    else
                    {
                        Compare(value, gotValue, $"{path}.{name}", differences);
                    }
                }

                break;
            case JsonArray array when actual is JsonArray got:
                if (array.Count != got.Count)
                {
                    differences.Add($"{path}: expected {array.Count} items, got {got.Count}: {got.ToJsonString()}");
                    break;
                }

                for (var i = 0; i < array.Count; i++)
                {
                    Compare(array[i], got[i], $"{path}[{i}]", differences);
                }

                break;
            case JsonValue value when actual is JsonValue got:
                if (!SameValue(value, got))
                {
                    differences.Add($"{path}: expected {value.ToJsonString()}, got {got.ToJsonString()}");
                }

                break;
            default:
                var actualText = actual?.ToJsonString() ?? "nothing";
                differences.Add($"{path}: expected {expected.ToJsonString()}, got {actualText}");
                break;
        }
    }

    private static bool SameValue(JsonValue expected, JsonValue actual)
    {
        using var left = JsonDocument.Parse(expected.ToJsonString());
        using var right = JsonDocument.Parse(actual.ToJsonString());
        return left.RootElement.ValueKind == JsonValueKind.Number && right.RootElement.ValueKind == JsonValueKind.Number
            ? left.RootElement.GetDecimal() == right.RootElement.GetDecimal()
            : JsonElement.DeepEquals(left.RootElement, right.RootElement);
    }
}
