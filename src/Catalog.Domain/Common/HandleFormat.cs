using System.Text;

namespace Catalog.Domain.Common;

/// <summary>URL-safe handles (slugs): lower-case letters, digits and single dashes.</summary>
public static class HandleFormat
{
    public const string Pattern = "^[a-z0-9]+(?:-[a-z0-9]+)*$";

    public static string FromText(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                builder.Append(c);
            }
            else if (char.IsWhiteSpace(c) || c is '-' or '_' or '.' or '/')
            {
                if (builder.Length > 0 && builder[^1] != '-')
                {
                    builder.Append('-');
                }
            }
        }

        var handle = builder.ToString().Trim('-');
        return handle.Length == 0 ? "item" : handle;
    }
}
