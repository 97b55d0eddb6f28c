namespace Catalog.Application.Common.Json;

/// <summary>
/// The limits of JSON, the same on every route and in every dialect: how deep a request or answer document may nest,
/// and how deep and how large one free JSON value (metadata, extensions, a dialect's meta data) may be.
/// </summary>
/// <remarks>
/// A free value's depth is counted from the value itself, on the way in and on the way out alike. An answer puts a
/// value at most 12 levels down (a WooCommerce meta data value in a variant's extensions in a batch result), so a
/// value within <see cref="MaxValueDepth"/> always fits in <see cref="MaxDocumentDepth"/>: what is stored can be
/// answered.
/// </remarks>
public sealed class JsonLimits
{
    public const string Section = "Catalog:Limits";

    /// <summary>The deepest a request body or answer may nest: the binders, Medusa's parser, the writer.</summary>
    public const int MaxDocumentDepth = 64;

    /// <summary>The deepest one free JSON value may nest (<c>{}</c> is 1, <c>{"a": []}</c> 2).</summary>
    public const int MaxValueDepth = 32;

    public static JsonLimits Default { get; } = new();

    /// <summary>How many bytes of UTF-8 JSON a free value may take (<c>Catalog:Limits:MaxJsonValueBytes</c>).</summary>
    public int MaxJsonValueBytes { get; set; } = 65_536;
}
