using System.Text.Json.Nodes;
using Catalog.Domain.Products;

namespace Catalog.Api.Dialects.WooCommerce;

/// <summary>What translating one WooCommerce item gives: the canonical item, or the error it fails with.</summary>
internal sealed record Translated<T>(T? Item, WooError? Error)
    where T : class
{
    /// <summary>Where the item's wholesale values came from, so that the engine's errors name them as sent.</summary>
    public WholesaleFieldMap Fields { get; init; } = new();

    public static Translated<T> Ok(T item) => new(item, null);

    public static Translated<T> Failed(WooError error) => new(null, error);

    /// <summary>The item, or the error its problems make.</summary>
    public static Translated<T> Of(T item, TranslationProblems problems) =>
        problems.ToError() is { } error ? Failed(error) : Ok(item);
}

/// <summary>The problems found while translating one item; none means the item can go to the engine.</summary>
internal sealed class TranslationProblems
{
    private readonly List<(string Field, string Message)> _invalid = [];

    public WooError? Error { get; private set; }

    public bool Any => Error is not null || _invalid.Count > 0;

    public void Invalid(string field, string message) => _invalid.Add((field, message));

    /// <summary>A problem WooCommerce has its own code for; the first one wins.</summary>
    public void Fail(string code, string message, int status = StatusCodes.Status400BadRequest) =>
        Error ??= new WooError(code, message, new WooErrorData(status));

    public WooError? ToError() => Error ?? (_invalid.Count == 0 ? null : WooErrors.InvalidParams(_invalid));
}

internal static class WooStatus
{
    public static readonly IReadOnlyDictionary<string, ProductStatus> Writable = new Dictionary<string, ProductStatus>
    {
        ["draft"] = ProductStatus.Draft,
        ["pending"] = ProductStatus.Proposed,
        ["private"] = ProductStatus.Private,
        ["publish"] = ProductStatus.Published,
    };

    /// <summary>Rejected reads as draft (not live, still editable), archived as private (kept, not sold).</summary>
    public static string Of(ProductStatus status) => status switch
    {
        ProductStatus.Proposed => "pending",
        ProductStatus.Published => "publish",
        ProductStatus.Private or ProductStatus.Archived => "private",
        _ => "draft",
    };

    /// <summary>The canonical statuses a WooCommerce status filter means; null for <c>any</c>.</summary>
    public static IReadOnlyCollection<ProductStatus>? Filter(string status) => status switch
    {
        "any" => null,
        "draft" => [ProductStatus.Draft, ProductStatus.Rejected],
        "pending" => [ProductStatus.Proposed],
        "private" => [ProductStatus.Private, ProductStatus.Archived],
        "publish" => [ProductStatus.Published],
        _ => [],
    };
}

internal static class WooType
{
    public const string Simple = "simple";
    public const string Variable = "variable";

    /// <summary>The type a client set, else what the product looks like: variable with more than one variant.</summary>
    public static string Of(ProductDto product, WooFields fields) =>
        fields.Text("type") is Simple or Variable ? fields.Text("type")!
            : product.Variants.Count > 1 ? Variable
            : Simple;
}

/// <summary>Stock and price fields, shared by simple products (on their variant) and variations.</summary>
internal static class WooStock
{
    private static readonly string[] BackorderValues = ["no", "notify", "yes"];
    private static readonly string[] StockStatuses = ["instock", "outofstock", "onbackorder"];

    public static void Check(string? backorders, string? stockStatus, TranslationProblems problems)
    {
        if (backorders is not null && !BackorderValues.Contains(backorders))
        {
            problems.Invalid("backorders", "backorders is not one of no, notify, and yes.");
        }

        if (stockStatus is not null && !StockStatuses.Contains(stockStatus))
        {
            problems.Invalid("stock_status", "stock_status is not one of instock, outofstock, and onbackorder.");
        }
    }

    /// <summary>Keeps what the canonical booleans cannot say: <c>notify</c> and a stock status set by hand.</summary>
    public static void Keep(string? backorders, string? stockStatus, WooFields fields)
    {
        if (backorders is not null)
        {
            fields.Set("backorders", backorders == "notify" ? "notify" : null);
        }

        if (stockStatus is not null)
        {
            fields["stock_status"] = stockStatus;
        }
    }

    public static string Backorders(bool allowed, WooFields fields) =>
        !allowed ? "no" : fields.Text("backorders") == "notify" ? "notify" : "yes";

    /// <summary>Managed stock decides the status, as in WooCommerce; else the status set by hand.</summary>
    public static string Status(bool managed, int? quantity, bool allowBackorder, WooFields fields) =>
        managed
            ? (quantity ?? 0) > 0 ? "instock" : allowBackorder ? "onbackorder" : "outofstock"
            : fields.Text("stock_status") ?? "instock";

    public static decimal? ParseAmount(WooDecimal? sent, string field, TranslationProblems problems)
    {
        if (sent is not { } text || text.IsEmpty)
        {
            return null;
        }

        if (!text.TryParse(out var value) || value < 0)
        {
            problems.Invalid(field, $"{field} must be a non-negative decimal number, such as \"19.99\".");
            return null;
        }

        return value;
    }

    /// <summary>
    /// The price changes of a write (none when neither price is sent): the regular and sale price are the plain price
    /// in the store currency, named by its id when the variant has one; other prices (other currencies, quantity tiers)
    /// are left as they are.
    /// </summary>
    public static Optional<IReadOnlyList<PriceInput>?> Prices(
        IReadOnlyList<PriceDto> current,
        WooDecimal? regular,
        WooDecimal? sale,
        string currency,
        TranslationProblems problems)
    {
        if (regular is null && sale is null)
        {
            return default;
        }

        var plain = current.FirstOrDefault(p => IsPlain(p, currency));
        var amount = regular is null ? plain?.Amount : ParseAmount(regular, "regular_price", problems);
        var saleAmount = sale is null ? plain?.SaleAmount : ParseAmount(sale, "sale_price", problems);
        if (amount is null && saleAmount is not null)
        {
            problems.Invalid(
                "sale_price", "sale_price needs a regular_price: Catalog keeps a sale price beside a regular price.");
        }

        // Only the price WooCommerce's fields name changes: the canonical update merges prices by id.
        IReadOnlyList<PriceInput> changes = amount is not null
            ? [new PriceInput { Id = plain?.Id, CurrencyCode = currency, Amount = amount, SaleAmount = saleAmount }]
            : plain is null ? [] : [new PriceInput { Id = plain.Id, Remove = true }];
        return new(changes);
    }

    public static PriceDto? PlainPrice(VariantDto? variant, string currency) =>
        variant?.Prices.FirstOrDefault(p => IsPlain(p, currency));

    private static bool IsPlain(PriceDto price, string currency) =>
        string.Equals(price.CurrencyCode, currency, StringComparison.OrdinalIgnoreCase)
        && price.MinQuantity is null
        && price.MaxQuantity is null;
}

/// <summary>
/// <c>meta_data</c> lives in canonical <c>metadata</c> (a JSON object, key to value). A meta entry's id is its position
/// in that object, counted from 1: stable, since WooCommerce's writes add or change entries but never remove them.
/// </summary>
internal static class WooMetaData
{
    /// <summary>Applies sent entries as WooCommerce does: by id, else by key (the first with it), else added.</summary>
    public static Optional<JsonElement?> Merge(
        JsonElement? current, IReadOnlyList<WooMetaInput>? sent, TranslationProblems problems)
    {
        if (sent is null)
        {
            return default;
        }

        var entries = Entries(current).Select(e => (e.Key, Value: JsonNode.Parse(e.Value.GetRawText()))).ToList();
        for (var i = 0; i < sent.Count; i++)
        {
            var meta = sent[i];
            if (meta is null || string.IsNullOrEmpty(meta.Key))
            {
                problems.Invalid($"meta_data[{i}].key", "meta_data entries need a key.");
                continue;
            }

            var value = meta.Value is { } element ? JsonNode.Parse(element.GetRawText()) : null;
            var at = meta.Id is { } id && id >= 1 && id <= entries.Count
                ? (int)id - 1
                : entries.FindIndex(e => e.Key == meta.Key);
            if (at < 0)
            {
                entries.Add((meta.Key, value));
                continue;
            }

            // An id that renames its entry to a key another entry has: the object keeps one entry per key.
            var clash = entries.FindIndex(e => e.Key == meta.Key);
            if (clash >= 0 && clash != at)
            {
                entries.RemoveAt(clash);
                at -= clash < at ? 1 : 0;
            }

            entries[at] = (meta.Key, value);
        }

        var merged = new JsonObject();
        foreach (var (key, value) in entries)
        {
            merged[key] = value;
        }

        return JsonSerializer.SerializeToElement(merged);
    }

    public static IReadOnlyList<WooMeta> Render(JsonElement? metadata) =>
        [.. Entries(metadata).Select((e, i) => new WooMeta(i + 1, e.Key, e.Value))];

    private static IEnumerable<(string Key, JsonElement Value)> Entries(JsonElement? metadata) =>
        metadata is { ValueKind: JsonValueKind.Object } value
            ? value.EnumerateObject().Select(p => (p.Name, p.Value))
            : [];
}
