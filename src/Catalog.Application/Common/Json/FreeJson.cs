using System.Runtime.InteropServices;
using Catalog.Application.Common.Validation;

namespace Catalog.Application.Common.Json;

/// <summary>
/// The one check of a free JSON value (metadata, extensions): it nests at most <see cref="JsonLimits.MaxValueDepth"/>
/// levels, takes at most <see cref="JsonLimits.MaxJsonValueBytes"/> bytes, and its strings and keys are text
/// (<see cref="TextRule"/>), so that whatever is accepted can be stored on every provider and answered.
/// </summary>
public static class FreeJson
{
    public static string? Problem(JsonElement element, JsonLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var raw = JsonMarshal.GetRawUtf8Value(element);
        if (raw.Length > limits.MaxJsonValueBytes)
        {
            return $"must be at most {limits.MaxJsonValueBytes} bytes of JSON.";
        }

        if (DepthOf(element, 0) > JsonLimits.MaxValueDepth)
        {
            return $"must not nest deeper than {JsonLimits.MaxValueDepth} levels.";
        }

        // Only an escape can put NUL or a lone surrogate in a JSON string: without one, no string needs decoding.
        return raw.IndexOf("\\u"u8) < 0 ? null : TextProblem(element);
    }

    private static int DepthOf(JsonElement element, int depth)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var deepest = depth + 1;
                foreach (var property in element.EnumerateObject())
                {
                    deepest = Math.Max(deepest, DepthOf(property.Value, depth + 1));
                }

                return deepest;
            case JsonValueKind.Array:
                var deepestItem = depth + 1;
                foreach (var item in element.EnumerateArray())
                {
                    deepestItem = Math.Max(deepestItem, DepthOf(item, depth + 1));
                }

                return deepestItem;
            default:
                return depth;
        }
    }

    private static string? TextProblem(JsonElement element)
    {
        try
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    return TextRule.Problem(element.GetString());
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        if ((TextRule.Problem(property.Name) ?? TextProblem(property.Value)) is { } problem)
                        {
                            return problem;
                        }
                    }

                    return null;
                case JsonValueKind.Array:
                    foreach (var item in element.EnumerateArray())
                    {
                        if (TextProblem(item) is { } problem)
                        {
                            return problem;
                        }
                    }

                    return null;
                default:
                    return null;
            }
        }
        catch (InvalidOperationException)
        {
            // The reader refuses to decode a lone surrogate escape.
            return TextRule.InvalidUnicode;
        }
    }
}
