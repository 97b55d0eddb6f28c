using Catalog.Application.Variants.Wholesale;

namespace Catalog.Application.Variants;

/// <summary>The fields of a variant an item may send; prices and attribute values replace the whole set.</summary>
public abstract record VariantWrite
{
    public Optional<string?> Title { get; init; }
    public Optional<string?> Sku { get; init; }
    public Optional<string?> Barcode { get; init; }
    public Optional<string?> Ean { get; init; }
    public Optional<string?> Upc { get; init; }
    public Optional<int?> StockQuantity { get; init; }
    public Optional<bool?> ManageInventory { get; init; }
    public Optional<bool?> AllowBackorder { get; init; }

    /// <summary>The variant's value of each product option, by option title: <c>{"Size": "M"}</c>.</summary>
    public Optional<IReadOnlyDictionary<string, string>?> Options { get; init; }
    public Optional<IReadOnlyList<PriceInput>?> Prices { get; init; }
    public Optional<IReadOnlyList<long>?> AttributeValueIds { get; init; }
    public Optional<int?> Rank { get; init; }
    /// <summary>Free JSON object; on update merged into the stored one (RFC 7396 merge patch: null removes a key).
    /// </summary>
    public Optional<JsonElement?> Metadata { get; init; }

    /// <summary>Each dialect's fields with no canonical home; merged by dialect (null removes one).</summary>
    public Optional<JsonElement?> Extensions { get; init; }
    /// <summary>Wholesale terms: each list sent replaces its list, the others stay; null clears them all.</summary>
    public Optional<WholesaleInput?> Wholesale { get; init; }
}

public sealed record VariantCreate : VariantWrite
{
    /// <summary>The product the variant is added to; required where the batch names none, else that one or absent.
    /// </summary>
    public long? ProductId { get; init; }
}

public sealed record VariantUpdate : VariantWrite, IBatchUpdate
{
    public VariantUpdate()
    {
    }

    /// <summary>An update that sends every field <paramref name="fields"/> sends: an upsert that found its variant.
    /// </summary>
    public VariantUpdate(VariantWrite fields)
        : base(fields)
    {
    }

    public long? Id { get; init; }
    public long? Version { get; init; }
}

/// <summary>A variant inside a product item: with an id it updates that variant, without one it creates one.</summary>
public sealed record ProductVariantWrite : VariantWrite
{
    public long? Id { get; init; }
    public long? Version { get; init; }
}

public sealed record PriceInput
{
    public string? CurrencyCode { get; init; }
    public decimal? Amount { get; init; }
    public long? MinQuantity { get; init; }
    public long? MaxQuantity { get; init; }

    /// <summary>The price while on sale; <see cref="Amount"/> stays the regular price.</summary>
    public decimal? SaleAmount { get; init; }
}
