using System.Diagnostics.CodeAnalysis;
using System.Text;
using Microsoft.Extensions.Primitives;

namespace Catalog.Api.Idempotency;

/// <summary>
/// The <c>Idempotency-Key</c> request header (IETF httpapi draft): a structured-field string, <c>"abc"</c>, or, as
/// many clients send it, the bare token, such as a UUID. At most 255 characters of printable ASCII.
/// </summary>
public static class IdempotencyKeyHeader
{
    public const string Name = "Idempotency-Key";
    public const int MaxLength = 255;

    public static bool TryParse(StringValues values, [NotNullWhen(true)] out string? key)
    {
        key = null;
        if (values.Count != 1 || values[0] is not { } raw)
        {
            return false;
        }

        var text = raw.Trim(' ');
        key = text.StartsWith('"') ? Unquote(text) : Token(text);
        return key is { Length: > 0 and <= MaxLength };
    }

    /// <summary>An sf-string: printable ASCII between quotes, with <c>\"</c> and <c>\\</c> as the only escapes.
    /// </summary>
    private static string? Unquote(string text)
    {
        if (text.Length < 2 || text[^1] != '"')
        {
            return null;
        }

        var value = new StringBuilder(text.Length);
        for (var i = 1; i < text.Length - 1; i++)
        {
            var c = text[i];
            if (c == '\\')
            {
                if (++i == text.Length - 1 || text[i] is not ('"' or '\\'))
                {
                    return null;
                }

                c = text[i];
            }
            else if (c is < ' ' or > '~' || c == '"')
            {
                return null;
            }

            value.Append(c);
        }

        return value.ToString();
    }

    /// <summary>A bare key: visible ASCII without quotes, backslashes, commas or semicolons.</summary>
    private static string? Token(string text) =>
        text.All(c => c is > ' ' and <= '~' and not ('"' or '\\' or ',' or ';')) ? text : null;
}
