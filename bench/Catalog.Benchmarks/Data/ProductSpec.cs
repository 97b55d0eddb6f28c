using System.Globalization;

namespace Catalog.Benchmarks.Data;

/// <summary>
/// The shape every path writes: a published product with one option (Size S/M) and two variants, each with a USD and
/// a EUR price. Handles and SKUs carry the index and a prefix, so they are unique within a run and across warm-up rows.
/// </summary>
internal sealed record ProductSpec(int Index, string Prefix)
{
    public static readonly string[] Sizes = ["S", "M"];

    public string Handle => $"{Prefix}-{Index.ToString(CultureInfo.InvariantCulture)}";

    public string Title => $"Bench product {Index.ToString(CultureInfo.InvariantCulture)}";

    public string UpdatedTitle => $"Bench product {Index.ToString(CultureInfo.InvariantCulture)} (updated)";

    public string Sku(string size) =>
        $"{Prefix.ToUpperInvariant()}-{Index.ToString(CultureInfo.InvariantCulture)}-{size}";

    public static decimal Price(string currency, int index) => (currency == "usd" ? 10.5m : 9.5m) + (index % 100);

    public static decimal UpdatedPrice(string currency, int index) => Price(currency, index) + 1.25m;

    public static readonly string[] Currencies = ["usd", "eur"];

    public static IReadOnlyList<ProductSpec> Many(int count, string prefix) => Range(0, count, prefix);

    public static IReadOnlyList<ProductSpec> Range(int start, int count, string prefix) =>
        [.. Enumerable.Range(start, count).Select(i => new ProductSpec(i, prefix))];
}

/// <summary>A product as the API stored it: the ids an update or a delete must name.</summary>
internal sealed record SeededProduct(ProductSpec Spec, long Id, IReadOnlyList<long> VariantIds);
