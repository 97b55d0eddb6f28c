namespace Catalog.Api.Dialects.Medusa;

/// <summary>
/// Medusa-style ids over Catalog's numeric ids (<c>prod_12</c> is product 12); options, option values and images have
/// no rows, so their ids come from their product and position (<c>opt_12_0</c>). An id has exactly one spelling.
/// </summary>
internal static class MedusaIds
{
    public const string Product = "prod";
    public const string Variant = "variant";
    public const string Category = "pcat";
    public const string Price = "price";
    public const string Option = "opt";
    public const string OptionValue = "optval";
    public const string Image = "img";

    // An answer spells about 17 ids a product: one interpolation each, without an array or a string per number.

    /// <summary><c>prod_12</c>.</summary>
    public static string Of(string prefix, long number) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}_{number}");

    /// <summary>A derived id such as <c>opt_12_0</c>.</summary>
    public static string Of(string prefix, long number, long position) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}_{number}_{position}");

    /// <summary>A derived id such as <c>optval_12_0_1</c>.</summary>
    public static string Of(string prefix, long number, long position, long index) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}_{number}_{position}_{index}");

    /// <summary>The number behind <paramref name="id"/> when it is a well-formed id of this kind, else null.</summary>
    public static long? Parse(string prefix, string? id)
    {
        var ours = id is not null && id.StartsWith(prefix + "_", StringComparison.Ordinal);
        return ours ? Number(id![(prefix.Length + 1)..], allowZero: false) : null;
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
        var number = position.Length <= 4 ? Number(position, allowZero: true) : null;
        return product is { } p && number is { } n ? (p, (int)n) : null;
    }

    /// <summary>What a well-formed id of this kind looks like, for error messages.</summary>
    public static string Example(string prefix) => prefix switch
    {
        Option => "opt_<product number>_<position>",
        _ => $"{prefix}_<number>",
    };

    /// <summary>ASCII digits without a leading zero (<c>0</c> itself where allowed), within a long's range.</summary>
    private static long? Number(string text, bool allowZero) =>
        text.Length > 0 && (text[0] != '0' || (allowZero && text.Length == 1))
        && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;
}
