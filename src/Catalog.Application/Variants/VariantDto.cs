using System.Text.Json.Serialization;
using Catalog.Application.Variants.Wholesale;

namespace Catalog.Application.Variants;

public sealed record VariantDto
{
    /// <summary>Assigned by the database: null in a dry run's answer for a row the batch would insert.</summary>
    [JsonConverter(typeof(AssignedIdConverter))]
    public long Id { get; init; }
    /// <summary>Null in a dry run's answer for a variant of a product the batch would create.</summary>
    [JsonConverter(typeof(AssignedIdConverter))]
    public long ProductId { get; init; }
    public required string Title { get; init; }
    public string? Sku { get; init; }
    public string? Barcode { get; init; }
    public string? Ean { get; init; }
    public string? Upc { get; init; }
    public int? StockQuantity { get; init; }
    public bool ManageInventory { get; init; }
    public bool AllowBackorder { get; init; }
    public IReadOnlyDictionary<string, string> Options { get; init; } = new Dictionary<string, string>();
    public IReadOnlyList<PriceDto> Prices { get; init; } = [];
    public IReadOnlyList<long> AttributeValueIds { get; init; } = [];
    public WholesaleDto Wholesale { get; init; } = new();
    public int Rank { get; init; }
    public JsonElement? Metadata { get; init; }

    /// <summary>Each dialect's fields without a canonical home, by dialect; <c>{}</c> when there are none.</summary>
    public JsonElement Extensions { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public long Version { get; init; }
}

public sealed record PriceDto
{
    /// <summary>Assigned by the database: null in a dry run's answer for a row the batch would insert.</summary>
    [JsonConverter(typeof(AssignedIdConverter))]
    public long Id { get; init; }
    public required string CurrencyCode { get; init; }
    public decimal Amount { get; init; }
    public long? MinQuantity { get; init; }
    public long? MaxQuantity { get; init; }
    public decimal? SaleAmount { get; init; }
}
