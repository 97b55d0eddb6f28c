namespace Catalog.Api.Dialects.Medusa;

// The request bodies of Medusa v2's admin batch endpoints, field for field. MedusaBodyCheck reads these types as the
// schema: `required` members must be sent, nullable ones may be null, and no other key is accepted.

public enum MedusaProductStatus
{
    Draft,
    Proposed,
    Published,
    Rejected,
}

/// <summary><c>POST /admin/products/batch</c>: <c>{create, update, delete}</c>, each optional.</summary>
public sealed record MedusaProductBatchRequest
{
    public IReadOnlyList<MedusaProductCreate> Create { get; init; } = [];
    public IReadOnlyList<MedusaProductUpdate> Update { get; init; } = [];
    public IReadOnlyList<string> Delete { get; init; } = [];
}

/// <summary><c>POST /admin/products/{id}/variants/batch</c>: <c>{create, update, delete}</c> of its variants.</summary>
public sealed record MedusaVariantBatchRequest
{
    public IReadOnlyList<MedusaVariantCreate> Create { get; init; } = [];
    public IReadOnlyList<MedusaVariantBatchUpdate> Update { get; init; } = [];
    public IReadOnlyList<string> Delete { get; init; } = [];
}

/// <summary>The product fields a create and an update share.</summary>
public abstract record MedusaProductWrite
{
    public Optional<string?> Subtitle { get; init; }
    public Optional<string?> Description { get; init; }
    public Optional<bool> IsGiftcard { get; init; }
    public Optional<bool> Discountable { get; init; }
    public Optional<IReadOnlyList<MedusaImageInput>> Images { get; init; }
    public Optional<string?> Thumbnail { get; init; }
    public Optional<string?> ExternalId { get; init; }
    public Optional<string?> TypeId { get; init; }
    public Optional<string?> CollectionId { get; init; }
    public Optional<IReadOnlyList<MedusaIdRef>> Categories { get; init; }
    public Optional<IReadOnlyList<MedusaIdRef>> Tags { get; init; }
    public Optional<IReadOnlyList<MedusaIdRef>> SalesChannels { get; init; }
    public Optional<decimal?> Weight { get; init; }
    public Optional<decimal?> Length { get; init; }
    public Optional<decimal?> Height { get; init; }
    public Optional<decimal?> Width { get; init; }
    public Optional<string?> HsCode { get; init; }
    public Optional<string?> MidCode { get; init; }
    public Optional<string?> OriginCountry { get; init; }
    public Optional<string?> Material { get; init; }
    public Optional<JsonElement?> Metadata { get; init; }
}

public sealed record MedusaProductCreate : MedusaProductWrite
{
    public required string Title { get; init; }
    public Optional<string> Handle { get; init; }
    public Optional<MedusaProductStatus?> Status { get; init; }
    public Optional<string> ShippingProfileId { get; init; }
    public Optional<IReadOnlyList<MedusaOptionCreate>> Options { get; init; }
    public Optional<IReadOnlyList<MedusaVariantCreate>> Variants { get; init; }
}

/// <summary><c>POST /admin/products/{id}</c>: an update without its id, which the path names.</summary>
public record MedusaProductChange : MedusaProductWrite
{
    public Optional<string> Title { get; init; }
    public Optional<string?> Handle { get; init; }
    public Optional<MedusaProductStatus> Status { get; init; }
    public Optional<string?> ShippingProfileId { get; init; }
    public Optional<IReadOnlyList<MedusaOptionUpdate>> Options { get; init; }

    /// <summary>The product's complete list of variants: an id updates that variant, none creates one.</summary>
    public Optional<IReadOnlyList<MedusaVariantUpdate>> Variants { get; init; }
}

/// <summary>A product in a batch's <c>update</c>: the same fields, and the <c>id</c> is required.</summary>
public sealed record MedusaProductUpdate : MedusaProductChange
{
    public required string Id { get; init; }
}

public sealed record MedusaImageInput
{
    public required string Url { get; init; }
}

public sealed record MedusaIdRef
{
    public required string Id { get; init; }
}

public sealed record MedusaOptionCreate
{
    public required string Title { get; init; }
    public required IReadOnlyList<string> Values { get; init; }
}

/// <summary>An option in a product update: Catalog replaces the list, so it needs title and values, no id.</summary>
public sealed record MedusaOptionUpdate
{
    public Optional<string> Id { get; init; }
    public Optional<string> Title { get; init; }
    public Optional<IReadOnlyList<string>> Values { get; init; }
}

/// <summary>The variant fields a create and an update share.</summary>
public abstract record MedusaVariantWrite
{
    public Optional<string?> Sku { get; init; }
    public Optional<string?> Ean { get; init; }
    public Optional<string?> Upc { get; init; }
    public Optional<string?> Barcode { get; init; }
    public Optional<string?> HsCode { get; init; }
    public Optional<string?> MidCode { get; init; }
    public Optional<bool> AllowBackorder { get; init; }
    public Optional<bool> ManageInventory { get; init; }
    public Optional<int> VariantRank { get; init; }
    public Optional<decimal?> Weight { get; init; }
    public Optional<decimal?> Length { get; init; }
    public Optional<decimal?> Height { get; init; }
    public Optional<decimal?> Width { get; init; }
    public Optional<string?> OriginCountry { get; init; }
    public Optional<string?> Material { get; init; }
    public Optional<JsonElement?> Metadata { get; init; }

    /// <summary>The variant's value of each product option, by option title: <c>{"Color": "Black"}</c>.</summary>
    public Optional<IReadOnlyDictionary<string, string>> Options { get; init; }
    public Optional<IReadOnlyList<MedusaInventoryItemInput>> InventoryItems { get; init; }
}

public sealed record MedusaVariantCreate : MedusaVariantWrite
{
    public required string Title { get; init; }
    public required IReadOnlyList<MedusaPriceCreate> Prices { get; init; }
}

/// <summary>The fields both kinds of variant update add to the shared ones.</summary>
internal interface IMedusaVariantUpdate
{
    Optional<string> Title { get; }
    Optional<IReadOnlyList<MedusaPriceUpdate>> Prices { get; }
}

/// <summary>A variant in a product update: with an <c>id</c> it changes that variant, without one it is new.</summary>
public sealed record MedusaVariantUpdate : MedusaVariantWrite, IMedusaVariantUpdate
{
    public Optional<string> Id { get; init; }
    public Optional<string> Title { get; init; }
    public Optional<IReadOnlyList<MedusaPriceUpdate>> Prices { get; init; }
}

/// <summary>A variant in a variant batch's <c>update</c>: the same fields, and the <c>id</c> is required.</summary>
public sealed record MedusaVariantBatchUpdate : MedusaVariantWrite, IMedusaVariantUpdate
{
    public required string Id { get; init; }
    public Optional<string> Title { get; init; }
    public Optional<IReadOnlyList<MedusaPriceUpdate>> Prices { get; init; }
}

public sealed record MedusaPriceCreate
{
    public required string CurrencyCode { get; init; }
    public required decimal Amount { get; init; }
    public Optional<long?> MinQuantity { get; init; }
    public Optional<long?> MaxQuantity { get; init; }
    public Optional<IReadOnlyDictionary<string, string>> Rules { get; init; }
}

/// <summary>A price in a variant update. With an <c>id</c>, the fields left out keep that price's values.</summary>
public sealed record MedusaPriceUpdate
{
    public Optional<string> Id { get; init; }
    public Optional<string> CurrencyCode { get; init; }
    public Optional<decimal> Amount { get; init; }
    public Optional<long?> MinQuantity { get; init; }
    public Optional<long?> MaxQuantity { get; init; }
    public Optional<IReadOnlyDictionary<string, string>> Rules { get; init; }
}

public sealed record MedusaInventoryItemInput
{
    public required string InventoryItemId { get; init; }
    public required decimal RequiredQuantity { get; init; }
}
