namespace Catalog.Benchmarks.Data;

/// <summary>
/// What each product carries besides its option Size [S, M] and two variants. Canonical: a usd and a eur price a
/// variant, and an update changes the title and the first variant's prices. Medusa (the shape of issue 15's
/// comparison with Medusa): one usd price a variant, and an update changes the title and every variant's price.
/// </summary>
internal enum ProductShape
{
    Canonical,
    Medusa,
}

internal static class ProductShapes
{
    private static readonly string[] CanonicalCurrencies = ["usd", "eur"];
    private static readonly string[] MedusaCurrencies = ["usd"];

    public static IReadOnlyList<string> Currencies(this ProductShape shape) =>
        shape == ProductShape.Canonical ? CanonicalCurrencies : MedusaCurrencies;

    /// <summary>Whether an update sends new prices for the variant at this position.</summary>
    public static bool UpdatesPricesOf(this ProductShape shape, int variant) =>
        shape == ProductShape.Medusa || variant == 0;
}
