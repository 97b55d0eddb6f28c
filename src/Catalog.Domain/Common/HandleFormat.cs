using System.Text;

namespace Catalog.Domain.Common;

/// <summary>URL-safe handles (slugs): lower-case letters, digits and single dashes.</summary>
public static class HandleFormat
{
    public const string Pattern = @"^[a-z0-9]+(?:-[a-z0-9]+)*\z";

    /// <summary>
    /// Latin letters with diacritics and their plain forms. A table rather than Unicode normalization, because the app
    /// runs with invariant globalization (no ICU), where normalization does not decompose letters.
    /// </summary>
    private static readonly (string Accented, char Plain)[] Folds =
    [
        ("àáâãäåāăą", 'a'), ("çćĉċč", 'c'), ("ďđ", 'd'), ("èéêëēĕėęě", 'e'), ("ĝğġģ", 'g'),
        ("ĥħ", 'h'), ("ìíîïĩīĭįı", 'i'), ("ĵ", 'j'), ("ķ", 'k'), ("ĺļľŀł", 'l'), ("ñńņňŉ", 'n'),
        ("òóôõöøōŏő", 'o'), ("ŕŗř", 'r'), ("śŝşšß", 's'), ("ţťŧ", 't'),
        ("ùúûüũūŭůűų", 'u'), ("ŵ", 'w'), ("ýÿŷ", 'y'), ("źżž", 'z'),
    ];

    public static string FromText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            var plain = Fold(c);
            if (plain is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                builder.Append(plain);
            }
            else if (builder.Length > 0 && builder[^1] != '-' && IsSeparator(c))
            {
                builder.Append('-');
            }
        }

        var handle = builder.ToString().Trim('-');
        return handle.Length == 0 ? "item" : handle;
    }

    private static bool IsSeparator(char c) => char.IsWhiteSpace(c) || char.IsPunctuation(c) || char.IsSymbol(c);

    private static char Fold(char c) => c < 128
        ? c
        : Folds.Where(f => f.Accented.Contains(c, StringComparison.Ordinal)).Select(f => f.Plain).FirstOrDefault(c);
}
