namespace Catalog.Api.Dialects.WooCommerce;

/// <summary>
/// A product as WooCommerce answers it; <see cref="Other"/> carries the kept fields a client sent and WooCommerce's
/// defaults for the common ones it never got.
/// </summary>
public record WooProduct
{
    public long Id { get; init; }
    public required string Name { get; init; }
    public required string Slug { get; init; }
    public required string DateCreated { get; init; }
    public required string DateCreatedGmt { get; init; }
    public required string DateModified { get; init; }
    public required string DateModifiedGmt { get; init; }
    public required string Type { get; init; }
    public required string Status { get; init; }
    public required string Description { get; init; }
    public required string ShortDescription { get; init; }
    public required string Sku { get; init; }
    public required string Price { get; init; }
    public required string RegularPrice { get; init; }
    public required string SalePrice { get; init; }
    public bool OnSale { get; init; }
    public bool Purchasable { get; init; }
    public bool ManageStock { get; init; }
    public int? StockQuantity { get; init; }
    public required string StockStatus { get; init; }
    public required string Backorders { get; init; }
    public bool BackordersAllowed { get; init; }
    public bool Backordered { get; init; }
    public required string Weight { get; init; }
    public required WooDimensions Dimensions { get; init; }
    public IReadOnlyList<WooTerm> Categories { get; init; } = [];
    public IReadOnlyList<WooTerm> Tags { get; init; } = [];
    public IReadOnlyList<WooImage> Images { get; init; } = [];
    public IReadOnlyList<WooAttribute> Attributes { get; init; } = [];
    public JsonElement DefaultAttributes { get; init; }
    public IReadOnlyList<long> Variations { get; init; } = [];
    public IReadOnlyList<WooMeta> MetaData { get; init; } = [];

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Other { get; init; }
}

/// <summary>A variation as WooCommerce answers it; <see cref="Other"/> as for products.</summary>
public record WooVariation
{
    public long Id { get; init; }
    public required string DateCreated { get; init; }
    public required string DateCreatedGmt { get; init; }
    public required string DateModified { get; init; }
    public required string DateModifiedGmt { get; init; }
    public required string Description { get; init; }
    public required string Sku { get; init; }
    public required string Price { get; init; }
    public required string RegularPrice { get; init; }
    public required string SalePrice { get; init; }
    public bool OnSale { get; init; }
    public required string Status { get; init; }
    public bool Purchasable { get; init; }

    /// <summary><c>true</c>, <c>false</c> or <c>"parent"</c>.</summary>
    public JsonElement ManageStock { get; init; }
    public int? StockQuantity { get; init; }
    public required string StockStatus { get; init; }
    public required string Backorders { get; init; }
    public bool BackordersAllowed { get; init; }
    public bool Backordered { get; init; }
    public required string Weight { get; init; }
    public required WooDimensions Dimensions { get; init; }
    public JsonElement Image { get; init; }
    public IReadOnlyList<WooVariationAttribute> Attributes { get; init; } = [];
    public int MenuOrder { get; init; }
    public IReadOnlyList<WooMeta> MetaData { get; init; } = [];

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Other { get; init; }
}

public sealed record WooTerm(long Id, string Name, string Slug);

public sealed record WooImage(
    long Id,
    string DateCreated,
    string DateCreatedGmt,
    string DateModified,
    string DateModifiedGmt,
    string Src,
    string Name,
    string Alt,
    int Position);

public sealed record WooAttribute(
    long Id, string Name, int Position, bool Visible, bool Variation, IReadOnlyList<string> Options);

public sealed record WooVariationAttribute(long Id, string Name, string Option);

public sealed record WooMeta(long Id, string Key, JsonElement Value);

public sealed record WooDimensions(string Length, string Width, string Height);

/// <summary>The answer to a batch: a list per operation sent, in the order sent, of resources or failures.</summary>
public sealed record WooBatchResponse<TResource>
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<WooBatchEntry<TResource>>? Create { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<WooBatchEntry<TResource>>? Update { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<WooBatchEntry<TResource>>? Delete { get; init; }
}

/// <summary>One entry of a batch answer: the resource itself, or <c>{id, error}</c> where the item failed.</summary>
[JsonConverter(typeof(WooBatchEntryConverterFactory))]
public sealed record WooBatchEntry<TResource>(TResource? Resource, WooItemFailure? Failure);

/// <summary><c>{id, error: {code, message, data: {status}}}</c>: a failed item in its place.</summary>
public sealed record WooItemFailure(long Id, WooError Error);

/// <summary>WooCommerce's (WordPress's) error: <c>{code, message, data: {status, params?}}</c>.</summary>
public sealed record WooError(string Code, string Message, WooErrorData Data);

public sealed record WooErrorData(int Status)
{
    /// <summary>The parameters at fault and what is wrong with each (WordPress's <c>rest_invalid_param</c>).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, string>? Params { get; init; }

    /// <summary>The resource that already holds what a create claimed (WordPress's <c>term_exists</c>).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? ResourceId { get; init; }

    /// <summary>A SKU no product or variation holds, offered for one that is taken (WooCommerce's own).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? UniqueSku { get; init; }
}

internal sealed class WooBatchEntryConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(WooBatchEntry<>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(
            typeof(EntryConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;

    private sealed class EntryConverter<TResource> : JsonConverter<WooBatchEntry<TResource>>
    {
        public override WooBatchEntry<TResource> Read(
            ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("Batch answers are written, never read.");

        public override void Write(
            Utf8JsonWriter writer, WooBatchEntry<TResource> value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value.Failure ?? (object?)value.Resource, options);
    }
}
