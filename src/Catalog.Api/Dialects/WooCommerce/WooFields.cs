using System.Text.Json.Nodes;
using Catalog.Application.Common.Json;

namespace Catalog.Api.Dialects.WooCommerce;

/// <summary>Canonical <c>extensions.woocommerce</c>: WooCommerce fields and parts Catalog has no home for.</summary>
internal sealed class WooFields
{
    public const string Dialect = "woocommerce";

    private readonly JsonObject _fields;

    private WooFields(JsonObject fields) => _fields = fields;

    public static WooFields Empty() => new([]);

    /// <summary>The <c>woocommerce</c> key of canonical <c>extensions</c>, copied so that changes stay local.</summary>
    public static WooFields Of(JsonElement extensions) =>
        extensions.ValueKind == JsonValueKind.Object
        && extensions.TryGetProperty(Dialect, out var fields)
        && fields.ValueKind == JsonValueKind.Object
            ? new(JsonNode.Parse(fields.GetRawText())!.AsObject())
            : Empty();

    public JsonNode? this[string name]
    {
        get => _fields.TryGetPropertyValue(name, out var node) ? node : null;
        set => _fields[name] = value?.DeepClone();
    }

    public string? Text(string name) => TextOf(this[name]);

    /// <summary>A kept value as text: a string as it is, a number as its digits (WooCommerce takes either).</summary>
    public static string? TextOf(JsonNode? node) => node switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonValue value when value.GetValueKind() == JsonValueKind.Number => value.ToJsonString(),
        _ => null,
    };

    public long? Number(string name) =>
        this[name] is JsonValue value && value.TryGetValue<long>(out var number) ? number : null;

    public void Remove(string name) => _fields.Remove(name);

    /// <summary>Sets a field, or removes it when there is nothing to keep (null).</summary>
    public void Set(string name, JsonNode? value)
    {
        if (value is null)
        {
            Remove(name);
        }
        else
        {
            this[name] = value;
        }
    }

    /// <summary>Keeps every sent property except those WooCommerce computes and a client cannot set.</summary>
    public void Keep(IReadOnlyDictionary<string, JsonElement>? sent, IReadOnlySet<string> readOnly)
    {
        var kept = (sent ?? new Dictionary<string, JsonElement>()).Where(s => !readOnly.Contains(s.Key));
        foreach (var (name, value) in kept)
        {
            _fields[name] = JsonNode.Parse(value.GetRawText());
        }
    }

    public bool SameAs(WooFields other) => JsonNode.DeepEquals(_fields, other._fields);

    /// <summary>Canonical <c>extensions</c> setting this object (null when empty, to remove the key).</summary>
    public JsonElement AsExtensions()
    {
        var extensions = new JsonObject { [Dialect] = _fields.Count == 0 ? null : _fields.DeepClone() };
        return JsonSerializer.SerializeToElement(extensions);
    }

    /// <summary>
    /// Canonical <c>extensions</c> making the stored <c>woocommerce</c> object (in <paramref name="stored"/>) this one:
    /// a canonical update merges extensions (RFC 7396), so the difference is sent.
    /// </summary>
    public JsonElement AsPatchOf(JsonElement stored)
    {
        var desired = _fields.Count == 0 ? null : _fields.DeepClone();
        var extensions = new JsonObject { [Dialect] = JsonMergePatch.ReplacingKey(stored, Dialect, desired) };
        return JsonSerializer.SerializeToElement(extensions);
    }

    /// <summary>The kept fields to answer beside the typed ones: those the answer does not already have.</summary>
    public Dictionary<string, JsonElement> Echo(
        IReadOnlySet<string> answered, IReadOnlyDictionary<string, object?> defaults)
    {
        var echo = defaults.ToDictionary(
            d => d.Key, d => JsonSerializer.SerializeToElement(d.Value), StringComparer.Ordinal);
        foreach (var (name, value) in _fields.Where(f => !answered.Contains(f.Key)))
        {
            echo[name] = JsonSerializer.SerializeToElement(value);
        }

        return echo;
    }

    public static string Date(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
}

/// <summary>Which WooCommerce fields are computed (never kept when sent) and which the typed answers carry.</summary>
internal static class WooFieldNames
{
    /// <summary>Read-only in WooCommerce's schema: a client sending back what it read must not store them.</summary>
    public static readonly IReadOnlySet<string> ProductReadOnly = new HashSet<string>(StringComparer.Ordinal)
    {
        "id", "permalink", "date_modified", "date_modified_gmt", "price", "price_html", "on_sale", "purchasable",
        "total_sales", "backorders_allowed", "backordered", "shipping_required", "shipping_taxable",
        "shipping_class_id", "average_rating", "rating_count", "related_ids", "variations", "has_options", "_links",
        "in_stock", WooPriceText.Regular, WooPriceText.Sale,
    };

    public static readonly IReadOnlySet<string> VariationReadOnly = new HashSet<string>(StringComparer.Ordinal)
    {
        "id", "permalink", "date_created", "date_created_gmt", "date_modified", "date_modified_gmt", "price", "on_sale",
        "purchasable", "backorders_allowed", "backordered", "shipping_class_id", "visible", "in_stock", "_links",
        WooPriceText.Regular, WooPriceText.Sale,
    };

    /// <summary>The product fields the typed answer has; the rest of what is kept is echoed beside them.</summary>
    public static readonly IReadOnlySet<string> ProductAnswered = new HashSet<string>(StringComparer.Ordinal)
    {
        "id", "name", "slug", "date_created", "date_created_gmt", "date_modified", "date_modified_gmt", "type",
        "status", "description", "short_description", "sku", "price", "regular_price", "sale_price", "on_sale",
        "purchasable", "manage_stock", "stock_quantity", "stock_status", "backorders", "backorders_allowed",
        "backordered", "weight", "dimensions", "categories", "tags", "images", "attributes", "default_attributes",
        "variations", "meta_data", WooPriceText.Regular, WooPriceText.Sale,
    };

    public static readonly IReadOnlySet<string> VariationAnswered = new HashSet<string>(StringComparer.Ordinal)
    {
        "id", "date_created", "date_created_gmt", "date_modified", "date_modified_gmt", "description", "sku", "price",
        "regular_price", "sale_price", "on_sale", "status", "purchasable", "manage_stock", "stock_quantity",
        "stock_status", "backorders", "backorders_allowed", "backordered", "weight", "dimensions", "image",
        "attributes", "menu_order", "meta_data", WooPriceText.Regular, WooPriceText.Sale,
    };

    /// <summary>WooCommerce's defaults for common product fields Catalog keeps only when sent.</summary>
    public static readonly IReadOnlyDictionary<string, object?> ProductDefaults =
        new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["featured"] = false,
            ["catalog_visibility"] = "visible",
            ["virtual"] = false,
            ["downloadable"] = false,
            ["tax_status"] = "taxable",
            ["tax_class"] = string.Empty,
            ["shipping_class"] = string.Empty,
            ["reviews_allowed"] = true,
            ["sold_individually"] = false,
            ["low_stock_amount"] = null,
            ["menu_order"] = 0,
            ["date_on_sale_from"] = null,
            ["date_on_sale_from_gmt"] = null,
            ["date_on_sale_to"] = null,
            ["date_on_sale_to_gmt"] = null,
        };

    public static readonly IReadOnlyDictionary<string, object?> VariationDefaults = ProductDefaults
        .Where(d => d.Key is not ("featured" or "catalog_visibility" or "reviews_allowed" or "sold_individually"
            or "menu_order"))
        .ToDictionary(StringComparer.Ordinal);
}
