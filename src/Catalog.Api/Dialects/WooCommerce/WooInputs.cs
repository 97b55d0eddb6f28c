namespace Catalog.Api.Dialects.WooCommerce;

/// <summary>What WooCommerce sends: properties Catalog does not declare land in <see cref="Other"/>.</summary>
public abstract record WooInput
{
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Other { get; init; }
}

/// <summary><c>{create, update, delete}</c>; other properties are ignored, as WooCommerce ignores them.</summary>
public sealed record WooBatchRequest<TItem> : WooInput
{
    public IReadOnlyList<TItem>? Create { get; init; }
    public IReadOnlyList<TItem>? Update { get; init; }
    public IReadOnlyList<long>? Delete { get; init; }

    /// <summary>What WooCommerce counts against its limit: every entry of the three lists.</summary>
    [JsonIgnore]
    public int ItemCount => (Create?.Count ?? 0) + (Update?.Count ?? 0) + (Delete?.Count ?? 0);
}

/// <summary>
/// A WooCommerce product as a client writes it; a field sent as null counts as not sent. Every other property
/// (tax_status, a plugin's fields, ...) lands in <see cref="Other"/>, kept so that it comes back as it was sent.
/// </summary>
public record WooProductInput : WooInput
{
    public long? Id { get; init; }
    public string? Name { get; init; }
    public string? Slug { get; init; }

    /// <summary><c>simple</c> (the default) or <c>variable</c>.</summary>
    public string? Type { get; init; }

    /// <summary><c>draft</c>, <c>pending</c>, <c>private</c> or <c>publish</c> (the default).</summary>
    public string? Status { get; init; }
    public string? Description { get; init; }
    public string? Sku { get; init; }
    public WooDecimal? RegularPrice { get; init; }
    public WooDecimal? SalePrice { get; init; }
    public bool? ManageStock { get; init; }
    public int? StockQuantity { get; init; }
    public string? StockStatus { get; init; }
    public string? Backorders { get; init; }
    public IReadOnlyList<WooTermInput>? Categories { get; init; }
    public IReadOnlyList<WooTermInput>? Tags { get; init; }
    public IReadOnlyList<WooImageInput>? Images { get; init; }
    public IReadOnlyList<WooAttributeInput>? Attributes { get; init; }
    public IReadOnlyList<WooMetaInput>? MetaData { get; init; }
    public WooDecimal? Weight { get; init; }
    public WooDimensionsInput? Dimensions { get; init; }
}

/// <summary>A WooCommerce variation as a client writes it; undeclared properties are kept as for products.</summary>
public record WooVariationInput : WooInput
{
    public long? Id { get; init; }
    public string? Sku { get; init; }
    public WooDecimal? RegularPrice { get; init; }
    public WooDecimal? SalePrice { get; init; }

    /// <summary><c>true</c>, <c>false</c>, or <c>"parent"</c> (the parent product manages the stock).</summary>
    public JsonElement? ManageStock { get; init; }
    public int? StockQuantity { get; init; }
    public string? StockStatus { get; init; }
    public string? Backorders { get; init; }
    public IReadOnlyList<WooVariationAttributeInput>? Attributes { get; init; }
    public int? MenuOrder { get; init; }
    public IReadOnlyList<WooMetaInput>? MetaData { get; init; }
}

/// <summary>A category (by <c>id</c>) or tag (by <c>name</c>, an <c>id</c> kept beside it).</summary>
public sealed record WooTermInput : WooInput
{
    public long? Id { get; init; }
    public string? Name { get; init; }
    public string? Slug { get; init; }
}

public sealed record WooImageInput : WooInput
{
    public long? Id { get; init; }
    public string? Src { get; init; }
    public string? Name { get; init; }
    public string? Alt { get; init; }
}

/// <summary>A product attribute: a global one by <c>id</c>, a local one by <c>name</c>.</summary>
public sealed record WooAttributeInput : WooInput
{
    public long? Id { get; init; }
    public string? Name { get; init; }
    public int? Position { get; init; }
    public bool? Visible { get; init; }
    public bool? Variation { get; init; }
    public WooOptionList? Options { get; init; }
}

/// <summary>A variation's value of one of its product's attributes.</summary>
public sealed record WooVariationAttributeInput : WooInput
{
    public long? Id { get; init; }
    public string? Name { get; init; }
    public string? Option { get; init; }
}

public sealed record WooMetaInput : WooInput
{
    public long? Id { get; init; }
    public string? Key { get; init; }
    public JsonElement? Value { get; init; }
}

public sealed record WooDimensionsInput
{
    public WooDecimal? Length { get; init; }
    public WooDecimal? Width { get; init; }
    public WooDecimal? Height { get; init; }
}
