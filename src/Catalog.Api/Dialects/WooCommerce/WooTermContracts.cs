namespace Catalog.Api.Dialects.WooCommerce;

/// <summary>A product category as a client writes it; a field sent as null counts as not sent.</summary>
public sealed record WooCategoryInput : WooInput
{
    public long? Id { get; init; }
    public string? Name { get; init; }
    public string? Slug { get; init; }

    /// <summary>The parent category; 0 for none.</summary>
    public long? Parent { get; init; }
    public string? Description { get; init; }
    public int? MenuOrder { get; init; }
}

/// <summary>
/// A product category as WooCommerce answers it. <c>display</c> and <c>image</c> are not kept (a canonical category
/// has no extensions), and <c>count</c> is not counted: they answer WooCommerce's defaults.
/// </summary>
public sealed record WooCategory(
    long Id,
    string Name,
    string Slug,
    long Parent,
    string Description,
    string Display,
    JsonElement Image,
    int MenuOrder,
    int Count);

/// <summary>A global attribute as a client writes it.</summary>
public sealed record WooGlobalAttributeInput : WooInput
{
    public long? Id { get; init; }
    public string? Name { get; init; }

    /// <summary>With or without WooCommerce's <c>pa_</c> taxonomy prefix.</summary>
    public string? Slug { get; init; }
    public string? Type { get; init; }
    public string? OrderBy { get; init; }
    public bool? HasArchives { get; init; }
}

/// <summary>A global attribute as WooCommerce answers it: its slug is the taxonomy's name, <c>pa_</c> first.</summary>
public sealed record WooGlobalAttribute(
    long Id, string Name, string Slug, string Type, string OrderBy, bool HasArchives);

/// <summary>A term of a global attribute as a client writes it.</summary>
public sealed record WooAttributeTermInput : WooInput
{
    public long? Id { get; init; }
    public string? Name { get; init; }
    public string? Slug { get; init; }
    public string? Description { get; init; }
    public int? MenuOrder { get; init; }
}

/// <summary>A term of a global attribute as WooCommerce answers it; <c>count</c> is not counted.</summary>
public sealed record WooAttributeTerm(long Id, string Name, string Slug, string Description, int MenuOrder, int Count);

/// <summary>A product tag as a client writes it; a field sent as null counts as not sent.</summary>
public sealed record WooTagInput : WooInput
{
    public long? Id { get; init; }
    public string? Name { get; init; }
    public string? Slug { get; init; }
    public string? Description { get; init; }
}

/// <summary>A product tag as WooCommerce answers it; <c>count</c> is the number of products carrying it.</summary>
public sealed record WooTag(long Id, string Name, string Slug, string Description, int Count);
