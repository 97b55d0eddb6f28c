using System.Text.Json.Nodes;
using Catalog.Application.Products.Commands.BatchProducts;
using Catalog.Domain.Products;

namespace Catalog.Api.Dialects.Trade;

/// <summary>
/// A trade product and a canonical product, both ways: <c>name</c> is the title, <c>isActive</c> <c>published</c>; the
/// pricing fields and <c>faqs</c> live in <c>extensions.trade</c> under their trade names, exactly as sent.
/// </summary>
internal static class TradeTranslation
{
    public const string ExtensionKey = "trade";

    // The keys of extensions.trade: the trade API's own field names.
    private const string PricingTypeKey = "pricingType";
    private const string PriceKey = "price";
    private const string MaxPriceKey = "maxPrice";
    private const string IsDisclosePriceKey = "isDisclosePrice";
    private const string FaqsKey = "faqs";

    /// <summary>The update made against the product as it stands (at its <c>version</c>), or why it cannot.</summary>
    public static (ProductUpdate? Update, string? Problem) ToUpdate(TradeChanges changes, ProductDto current)
    {
        var stored = StoredFields(current);
        if (RangeProblem(changes, stored) is { } problem)
        {
            return (null, problem);
        }

        var fields = changes.Fields;
        var category = fields.TradeCategoryId.Or(null);
        var status = fields.IsActive.Or(null) is { } active ? StatusFor(active, current.Status) : null;
        var extension = ExtensionChanges(fields);
        return (new ProductUpdate
        {
            Id = current.Id,
            Version = current.Version,
            Title = fields.Name,
            Description = fields.Description,
            CategoryIds = category is { } id && id != CategoryOf(current) ? new([id]) : default,
            Status = status is { } changed ? new(changed) : default,
            Extensions = extension is { } merged ? new(merged) : default,
        }, null);
    }

    public static TradeProduct ToTrade(ProductDto product)
    {
        var stored = StoredFields(product);
        return new TradeProduct
        {
            Id = product.Id,
            Name = product.Title,
            Description = product.Description,
            TradeCategoryId = CategoryOf(product),
            PricingType = StringOf(stored.GetValueOrDefault(PricingTypeKey)),
            Price = NumberOf(stored.GetValueOrDefault(PriceKey)),
            MaxPrice = NumberOf(stored.GetValueOrDefault(MaxPriceKey)),
            IsDisclosePrice = stored.GetValueOrDefault(IsDisclosePriceKey) is { ValueKind: JsonValueKind.True },
            Faqs = stored.GetValueOrDefault(FaqsKey) is { ValueKind: JsonValueKind.Array } faqs
                ? [.. faqs.EnumerateArray()]
                : [],
            IsActive = product.Status == ProductStatus.Published,
            CreatedAt = Timestamp(product.CreatedAt),
            UpdatedAt = Timestamp(product.UpdatedAt),
        };
    }

    /// <summary>The trade API's timestamps: UTC with milliseconds, <c>2023-01-20T14:00:00.000Z</c>.</summary>
    public static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>A trade product has one category: the product's (the lowest, if the canonical API gave more).</summary>
    private static long? CategoryOf(ProductDto product) =>
        product.CategoryIds.Count > 0 ? product.CategoryIds.Min() : null;

    /// <summary>
    /// <c>isActive: true</c> publishes; <c>false</c> makes a published product a draft and leaves any other status,
    /// none of which is active either. Null when the status need not change.
    /// </summary>
    private static ProductStatus? StatusFor(bool active, ProductStatus current) => (active, current) switch
    {
        (true, not ProductStatus.Published) => ProductStatus.Published,
        (false, ProductStatus.Published) => ProductStatus.Draft,
        _ => null,
    };

    /// <summary>A RANGE price runs from <c>price</c> up to <c>maxPrice</c> (checked when pricing is sent).</summary>
    private static string? RangeProblem(TradeChanges changes, Dictionary<string, JsonElement> stored)
    {
        if (!changes.ChangesPricing)
        {
            return null;
        }

        var type = changes.Fields.PricingType.Or(StringOf(stored.GetValueOrDefault(PricingTypeKey)));
        var price = changes.Fields.Price.Or(NumberOf(stored.GetValueOrDefault(PriceKey)));
        var maxPrice = changes.Fields.MaxPrice.Or(NumberOf(stored.GetValueOrDefault(MaxPriceKey)));
        return type == "RANGE" && price is { } low && maxPrice is { } high && high < low
            ? "maxPrice must be at least price for RANGE pricing."
            : null;
    }

    /// <summary>
    /// <c>{"trade": {...}}</c> with the sent fields (the canonical update merges them into the stored ones, RFC 7396;
    /// a null removes a field, as absent as one never sent), or null when none is sent.
    /// </summary>
    private static JsonElement? ExtensionChanges(TradeProductUpdate changes)
    {
        (string Name, IOptional Field)[] fields =
        [
            (PricingTypeKey, changes.PricingType), (PriceKey, changes.Price), (MaxPriceKey, changes.MaxPrice),
            (IsDisclosePriceKey, changes.IsDisclosePrice), (FaqsKey, changes.Faqs),
        ];
        var sent = fields.Where(f => f.Field.HasValue).ToList();
        if (sent.Count == 0)
        {
            return null;
        }

        var patch = new JsonObject();
        foreach (var (name, field) in sent)
        {
            patch[name] = JsonSerializer.SerializeToNode(field.BoxedValue);
        }

        return JsonSerializer.SerializeToElement(new JsonObject { [ExtensionKey] = patch });
    }

    /// <summary>The stored <c>extensions.trade</c> by key without its nulls, unknown keys kept.</summary>
    private static Dictionary<string, JsonElement> StoredFields(ProductDto product)
    {
        var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (product.Extensions is { ValueKind: JsonValueKind.Object } extensions
            && extensions.TryGetProperty(ExtensionKey, out var trade) && trade.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in trade.EnumerateObject().Where(p => p.Value.ValueKind != JsonValueKind.Null))
            {
                fields[property.Name] = property.Value.Clone();
            }
        }

        return fields;
    }

    private static decimal? NumberOf(JsonElement? value) =>
        value is { ValueKind: JsonValueKind.Number } number && number.TryGetDecimal(out var d) ? d : null;

    private static string? StringOf(JsonElement? value) =>
        value is { ValueKind: JsonValueKind.String } text ? text.GetString() : null;
}
