using Catalog.Application.Variants.Wholesale;

namespace Catalog.Application.Variants;

/// <summary>The fields of a variant an item may send; attribute values replace the whole set, prices merge by id.
/// </summary>
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
    /// <summary>
    /// Merged by id on update: an entry with an id replaces that price (keeping the id) or, with <c>remove</c>, removes
    /// it; one without an id is added; prices not named stay. Null removes them all.
    /// </summary>
    public Optional<IReadOnlyList<PriceInput>?> Prices { get; init; }

    /// <summary>When true, <see cref="Prices"/> is the whole list: the stored prices it does not name go.</summary>
    public bool? ReplacePrices { get; init; }
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

/// <summary>
/// A variant inside a product item: with an id it updates that variant (or, with <see cref="Remove"/>, removes it),
/// without one it creates one.
/// </summary>
public sealed record ProductVariantWrite : VariantWrite
{
    public long? Id { get; init; }
    public long? Version { get; init; }

    /// <summary>Removes the variant <see cref="Id"/> names; such an entry sends nothing else but its version.</summary>
    public bool? Remove { get; init; }
}

/// <summary>A whole price; with an id, the stored price it replaces (or removes, with <see cref="Remove"/>).</summary>
public sealed record PriceInput
{
    public long? Id { get; init; }

    /// <summary>Removes the price <see cref="Id"/> names; such an entry sends nothing else.</summary>
    public bool? Remove { get; init; }

    public string? CurrencyCode { get; init; }
    public decimal? Amount { get; init; }
    public long? MinQuantity { get; init; }
    public long? MaxQuantity { get; init; }

    /// <summary>The price while on sale; <see cref="Amount"/> stays the regular price.</summary>
    public decimal? SaleAmount { get; init; }
}
