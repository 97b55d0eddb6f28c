using System.Globalization;

namespace Catalog.Api.Dialects.Medusa;

/// <summary>
/// Medusa-style string ids over Catalog's numeric ids: <c>prod_12</c> is product 12, <c>variant_7</c> variant 7,
/// <c>pcat_3</c> category 3, <c>price_40</c> price 40. Options, option values and images have no rows of their own in
/// Catalog, so their ids are derived from their product and position (<c>opt_12_0</c>, <c>optval_12_0_1</c>,
/// <c>img_12_0</c>). Parsing accepts only the canonical form: one prefix, then a positive number without sign or
/// leading zeros, so every id has exactly one spelling.
/// </summary>
public static class MedusaIds
{
    public const string Product = "prod";
    public const string Variant = "variant";
    public const string Category = "pcat";
    public const string Price = "price";
    public const string Option = "opt";
    public const string OptionValue = "optval";
    public const string Image = "img";

    public static string Of(string prefix, long id) => $"{prefix}_{id.ToString(CultureInfo.InvariantCulture)}";

    public static string OptionId(long productId, int position) => $"{Of(Option, productId)}_{position.ToString(CultureInfo.InvariantCulture)}";

    public static string OptionValueId(long productId, int position, int valueIndex) =>
        $"{Of(OptionValue, productId)}_{position.ToString(CultureInfo.InvariantCulture)}_{valueIndex.ToString(CultureInfo.InvariantCulture)}";

    public static string ImageId(long productId, int position) => $"{Of(Image, productId)}_{position.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The numeric id behind <paramref name="id"/> when it is a well-formed id of this kind, else null.</summary>
    public static long? Parse(string prefix, string? id)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (id is null || id.Length <= prefix.Length + 1 || !id.StartsWith(prefix, StringComparison.Ordinal) || id[prefix.Length] != '_')
        {
            return null;
        }

        var digits = id.AsSpan(prefix.Length + 1);
        if (digits[0] == '0' || !digits.ContainsOnlyAsciiDigits())
        {
            return null;
        }

        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    /// <summary>The product and position behind an option id (<c>opt_12_0</c>), else null.</summary>
    public static (long ProductId, int Position)? ParseOption(string? id)
    {
        if (id is null || !id.StartsWith(Option + "_", StringComparison.Ordinal))
        {
            return null;
        }

        var cut = id.LastIndexOf('_');
        var product = Parse(Option, id[..cut]);
        var position = id[(cut + 1)..];
        return product is { } p && IsPosition(position) ? (p, int.Parse(position, CultureInfo.InvariantCulture)) : null;
    }

    /// <summary>What a well-formed id of this kind looks like, for error messages.</summary>
    public static string Example(string prefix) => prefix switch
    {
        Option => "opt_<product number>_<position>",
        _ => $"{prefix}_<number>",
    };

    private static bool IsPosition(string text) =>
        text.Length is > 0 and <= 4 && text.AsSpan().ContainsOnlyAsciiDigits() && (text == "0" || text[0] != '0');
}

internal static class SpanDigits
{
    public static bool ContainsOnlyAsciiDigits(this ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return !text.IsEmpty;
    }
}
