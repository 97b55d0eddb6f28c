using System.Text.Json.Nodes;
using Catalog.Application.Common.Json;

namespace Catalog.Api.Dialects.WooCommerce;

/// <summary>
/// Wholesale Suite answers amounts as the strings they were sent ("12.50"). Catalog keeps the amount in the terms and
/// the text, where it differs from the plain form, in <c>extensions.wholesale_suite</c> (rules by position); a text is
/// answered while it still states the amount.
/// </summary>
internal sealed record WholesaleTexts(
    Dictionary<string, string> Prices, Dictionary<string, string> SalePrices, List<string?> Rules)
{
    public const string Dialect = "wholesale_suite";
    private const string PricesKey = "wholesale_price";
    private const string SalePricesKey = "wholesale_sale_price";

    public static WholesaleTexts None() => new(new(StringComparer.Ordinal), new(StringComparer.Ordinal), []);

    public static WholesaleTexts Of(JsonElement extensions)
    {
        var texts = None();
        if (extensions.ValueKind != JsonValueKind.Object
            || !extensions.TryGetProperty(Dialect, out var kept)
            || kept.ValueKind != JsonValueKind.Object)
        {
            return texts;
        }

        Read(kept, PricesKey, texts.Prices);
        Read(kept, SalePricesKey, texts.SalePrices);
        if (kept.TryGetProperty("rules", out var rules) && rules.ValueKind == JsonValueKind.Array)
        {
            texts.Rules.AddRange(rules.EnumerateArray().Select(StringOrNull));
        }

        return texts;
    }

    /// <summary>The text worth keeping for a sent amount: one that states it otherwise than its plain form.</summary>
    public static string? Kept(string? sent, decimal amount) =>
        States(sent, amount) && sent!.Trim() != WholesaleValues.Format(amount) ? sent.Trim() : null;

    /// <summary>The amount as answered: its kept text while that still states it, else its plain form.</summary>
    public static string Show(string? text, decimal amount) =>
        States(text, amount) ? text! : WholesaleValues.Format(amount);

    /// <summary>The kept text of the rule at <paramref name="position"/>, if any.</summary>
    public string? Rule(int position) => position < Rules.Count ? Rules[position] : null;

    public bool SameAs(WholesaleTexts other) =>
        Same(Prices, other.Prices) && Same(SalePrices, other.SalePrices) && Rules.SequenceEqual(other.Rules);

    /// <summary>
    /// A write's <paramref name="extensions"/> with this object under its key (null when empty), as the patch from the
    /// <paramref name="stored"/> extensions (a canonical update merges them, RFC 7396).
    /// </summary>
    public JsonElement Into(Optional<JsonElement?> extensions, JsonElement stored)
    {
        var merged = extensions is { HasValue: true, Value: { ValueKind: JsonValueKind.Object } sent }
            ? JsonNode.Parse(sent.GetRawText())!.AsObject()
            : [];
        var empty = Prices.Count == 0 && SalePrices.Count == 0 && Rules.All(r => r is null);
        var desired = empty ? null : new JsonObject
        {
            [PricesKey] = Node(Prices),
            [SalePricesKey] = Node(SalePrices),
            ["rules"] = new JsonArray([.. Rules.Select(r => (JsonNode?)(r is null ? null : JsonValue.Create(r)))]),
        };
        merged[Dialect] = JsonMergePatch.ReplacingKey(stored, Dialect, desired);
        return JsonSerializer.SerializeToElement(merged);
    }

    private static JsonObject Node(Dictionary<string, string> map) =>
        new([.. map.Select(e => KeyValuePair.Create(e.Key, (JsonNode?)e.Value))]);

    private static bool States(string? text, decimal amount) =>
        text is not null && new WooDecimal(text).TryParse(out var value) && value == amount;

    private static string? StringOrNull(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static void Read(JsonElement kept, string name, Dictionary<string, string> into)
    {
        if (kept.TryGetProperty(name, out var map) && map.ValueKind == JsonValueKind.Object)
        {
            foreach (var entry in map.EnumerateObject().Where(e => e.Value.ValueKind == JsonValueKind.String))
            {
                into[entry.Name] = entry.Value.GetString()!;
            }
        }
    }

    private static bool Same(Dictionary<string, string> a, Dictionary<string, string> b) =>
        a.Count == b.Count && a.All(e => b.TryGetValue(e.Key, out var value) && value == e.Value);
}
