namespace Catalog.Api.Dialects.Medusa;

// Medusa's admin product and variant as Catalog renders them, with every relation filled in; the `fields` parameter
// then picks what an answer shows (MedusaFields). Property order is the order of the answer.

public sealed record MedusaProduct
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public string? Subtitle { get; init; }
    public MedusaProductStatus Status { get; init; }
    public string? ExternalId { get; init; }
    public string? Description { get; init; }
    public required string Handle { get; init; }
    public bool IsGiftcard { get; init; }
    public bool Discountable { get; init; }
    public string? Thumbnail { get; init; }
    public string? CollectionId { get; init; }
    public string? TypeId { get; init; }
    public string? ShippingProfileId { get; init; }
    public decimal? Weight { get; init; }
    public decimal? Length { get; init; }
    public decimal? Height { get; init; }
    public decimal? Width { get; init; }
    public string? HsCode { get; init; }
    public string? OriginCountry { get; init; }
    public string? MidCode { get; init; }
    public string? Material { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public DateTimeOffset? DeletedAt { get; init; }
    public JsonElement? Metadata { get; init; }

    /// <summary>Catalog keeps no product types: the id sent as <c>type_id</c>, or null.</summary>
    public MedusaRef? Type { get; init; }

    /// <summary>Catalog keeps no collections: the id sent as <c>collection_id</c>, or null.</summary>
    public MedusaRef? Collection { get; init; }
    public IReadOnlyList<MedusaOption> Options { get; init; } = [];
    public IReadOnlyList<MedusaTag> Tags { get; init; } = [];
    public IReadOnlyList<MedusaImage> Images { get; init; } = [];
    public IReadOnlyList<MedusaVariant> Variants { get; init; } = [];
    public IReadOnlyList<MedusaRef> SalesChannels { get; init; } = [];
    public IReadOnlyList<MedusaCategory> Categories { get; init; } = [];
}

public sealed record MedusaVariant
{
    public required string Id { get; init; }
    public required string ProductId { get; init; }
    public required string Title { get; init; }
    public string? Sku { get; init; }
    public string? Barcode { get; init; }
    public string? Ean { get; init; }
    public string? Upc { get; init; }
    public bool AllowBackorder { get; init; }
    public bool ManageInventory { get; init; }

    /// <summary>Catalog's stock quantity of the variant (not a default field: ask for it with <c>fields</c>).</summary>
    public int? InventoryQuantity { get; init; }
    public string? HsCode { get; init; }
    public string? OriginCountry { get; init; }
    public string? MidCode { get; init; }
    public string? Material { get; init; }
    public decimal? Weight { get; init; }
    public decimal? Length { get; init; }
    public decimal? Height { get; init; }
    public decimal? Width { get; init; }
    public int VariantRank { get; init; }
    public JsonElement? Metadata { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public DateTimeOffset? DeletedAt { get; init; }
    public IReadOnlyList<MedusaPrice> Prices { get; init; } = [];
    public IReadOnlyList<MedusaVariantOption> Options { get; init; } = [];
    public IReadOnlyList<MedusaInventoryItem> InventoryItems { get; init; } = [];
}

public sealed record MedusaPrice
{
    public required string Id { get; init; }
    public required string CurrencyCode { get; init; }
    public decimal Amount { get; init; }
    public long? MinQuantity { get; init; }
    public long? MaxQuantity { get; init; }
    public required string VariantId { get; init; }

    /// <summary>The price's rules (<c>{"region_id": "reg_1"}</c>) as sent; <c>{}</c> when it has none.</summary>
    public IReadOnlyDictionary<string, string> Rules { get; init; } = new Dictionary<string, string>();
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}

public sealed record MedusaOption
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required string ProductId { get; init; }
    public IReadOnlyList<MedusaOptionValue> Values { get; init; } = [];
}

public sealed record MedusaOptionValue(string Id, string Value, string OptionId);

/// <summary>A variant's value of one option, with the option it belongs to.</summary>
public sealed record MedusaVariantOption(string Id, string Value, string? OptionId, MedusaOptionRef? Option);

public sealed record MedusaOptionRef(string Id, string Title);

public sealed record MedusaImage(string Id, string Url, int Rank);

/// <summary>A tag: Catalog keeps the tag id sent (<c>tags: [{id}]</c>) as the tag, so its value is that id.</summary>
public sealed record MedusaTag(string Id, string Value);

public sealed record MedusaRef(string Id);

public sealed record MedusaInventoryItem(string VariantId, string InventoryItemId, decimal RequiredQuantity);

/// <summary>A product category: its id, and its other fields when asked for (<c>*categories</c>).</summary>
public sealed record MedusaCategory
{
    public required string Id { get; init; }
    public string? Name { get; init; }
    public string? Description { get; init; }
    public string? Handle { get; init; }
    public bool? IsActive { get; init; }
    public bool? IsInternal { get; init; }
    public int? Rank { get; init; }
    public string? ParentCategoryId { get; init; }
    public JsonElement? Metadata { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
    public DateTimeOffset? UpdatedAt { get; init; }
    public DateTimeOffset? DeletedAt { get; init; }
}

/// <summary>The <c>deleted</c> part of a batch answer: <c>{ids, object, deleted: true}</c>.</summary>
public sealed record MedusaDeleted(
    IReadOnlyList<string> Ids, [property: JsonPropertyName("object")] string Kind, bool Deleted = true);

public sealed record MedusaProductBatchResponse(
    IReadOnlyList<MedusaProduct> Created, IReadOnlyList<MedusaProduct> Updated, MedusaDeleted Deleted);

public sealed record MedusaVariantBatchResponse(
    IReadOnlyList<MedusaVariant> Created, IReadOnlyList<MedusaVariant> Updated, MedusaDeleted Deleted);

public sealed record MedusaProductListResponse(IReadOnlyList<MedusaProduct> Products, int Count, int Offset, int Limit);

public sealed record MedusaProductResponse(MedusaProduct Product);

public sealed record MedusaVariantResponse(MedusaVariant Variant);

public sealed record MedusaVariantListResponse(IReadOnlyList<MedusaVariant> Variants, int Count, int Offset, int Limit);

/// <summary>A deleted product's answer: <c>{id, object, deleted: true}</c>.</summary>
public sealed record MedusaDeleteResponse(
    string Id, [property: JsonPropertyName("object")] string Kind, bool Deleted = true);

/// <summary>A deleted variant's answer: <c>{id, object, deleted: true, parent}</c>, the parent its product now.
/// </summary>
public sealed record MedusaVariantDeleteResponse(
    string Id, [property: JsonPropertyName("object")] string Kind, MedusaProduct Parent, bool Deleted = true);

/// <summary>Medusa's error body: <c>{type, message}</c>, with <c>code</c> where Medusa sends one.</summary>
public sealed record MedusaError(
    string Type,
    string Message,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Code = null);
