using System.Text.Json.Nodes;
using Catalog.Application.Common.Json;

namespace Catalog.Api.Dialects.Medusa;

/// <summary>
/// The Medusa fields of a product without a canonical home, kept in its <c>extensions.medusa</c> when sent; one left
/// out reads as Medusa's default.
/// </summary>
internal sealed record MedusaProductExtension
{
    /// <summary>Nothing kept: every field reads as Medusa's default.</summary>
    public static MedusaProductExtension None { get; } = new();

    public bool? IsGiftcard { get; init; }
    public bool? Discountable { get; init; }
    public string? TypeId { get; init; }
    public string? CollectionId { get; init; }
    public string? ShippingProfileId { get; init; }
    public string? HsCode { get; init; }
    public string? MidCode { get; init; }
    public string? OriginCountry { get; init; }
    public string? Material { get; init; }
    public IReadOnlyList<MedusaIdRef>? SalesChannels { get; init; }
}

/// <summary>The Medusa fields of a variant without a canonical home, kept in its <c>extensions.medusa</c>.</summary>
internal sealed record MedusaVariantExtension
{
    /// <summary>Nothing kept: every field reads as Medusa's default.</summary>
    public static MedusaVariantExtension None { get; } = new();

    public string? HsCode { get; init; }
    public string? MidCode { get; init; }
    public string? OriginCountry { get; init; }
    public string? Material { get; init; }
    public decimal? Weight { get; init; }
    public decimal? Length { get; init; }
    public decimal? Height { get; init; }
    public decimal? Width { get; init; }
    public IReadOnlyList<MedusaInventoryItemInput>? InventoryItems { get; init; }

    /// <summary>The rules of the prices that have any, by price (currency and quantity range).</summary>
    public IReadOnlyList<MedusaPriceRules>? PriceRules { get; init; }
}

/// <summary>
/// A price's rules by its currency and quantity range. <paramref name="ZeroMin"/> and <paramref name="ZeroMax"/>
/// remember a bound sent as <c>0</c> (Medusa's placeholder), which Catalog keeps as no bound and answers as <c>0</c>.
/// </summary>
internal sealed record MedusaPriceRules(string CurrencyCode, long? MinQuantity, long? MaxQuantity,
    IReadOnlyDictionary<string, string> Rules, bool ZeroMin = false, bool ZeroMax = false)
{
    public bool IsFor(string currencyCode, long? minQuantity, long? maxQuantity) =>
        string.Equals(CurrencyCode, currencyCode, StringComparison.OrdinalIgnoreCase)
        && MinQuantity == minQuantity && MaxQuantity == maxQuantity;
}

/// <summary>Reads and writes the <c>medusa</c> key of a canonical <c>extensions</c> object.</summary>
internal static class MedusaExtensions
{
    public const string Key = "medusa";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>
    /// The <c>medusa</c> object of <paramref name="extensions"/>, or <paramref name="none"/>: what another client wrote
    /// there that cannot be read is read as absent.
    /// </summary>
    public static T Read<T>(JsonElement extensions, T none)
    {
        try
        {
            return extensions.ValueKind == JsonValueKind.Object && extensions.TryGetProperty(Key, out var medusa)
                && medusa.ValueKind == JsonValueKind.Object
                ? medusa.Deserialize<T>(Options) ?? none
                : none;
        }
        catch (JsonException)
        {
            return none;
        }
    }

    /// <summary><c>{"medusa": value}</c>, or <c>{"medusa": null}</c> (removing the key) when it is empty.</summary>
    public static JsonElement Write<T>(T value, JsonElement? stored = null)
    {
        var node = JsonSerializer.SerializeToNode(value, Options)!.AsObject();
        var desired = node.Count > 0 ? node : null;
        return JsonSerializer.SerializeToElement(
            new JsonObject { [Key] = JsonMergePatch.ReplacingKey(stored, Key, desired) });
    }
}
