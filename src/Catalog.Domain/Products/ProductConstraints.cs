namespace Catalog.Domain.Products;

/// <summary>Limits shared by the validators and the database schema.</summary>
public static class ProductConstraints
{
    public const int MaxTitleLength = 255;
    public const int MaxHandleLength = 255;
    public const int MaxSubtitleLength = 255;
    public const int MaxDescriptionLength = 65_535;
    public const int MaxUrlLength = 2_048;
    public const int MaxTagLength = 100;
    public const int MaxExternalIdLength = 255;
    public const int MaxOptionTitleLength = 100;
    public const int MaxOptionValueLength = 100;
    public const int MaxVariantsPerProduct = 100;
    public const int MaxImages = 50;
    public const int MaxTags = 50;
    public const int MaxOptions = 10;
    public const int DimensionPrecision = 18;
    public const int DimensionScale = 4;
}

public static class VariantConstraints
{
    public const int MaxTitleLength = 255;
    public const int MaxSkuLength = 100;
    public const int MaxCodeLength = 64;
    public const int CurrencyCodeLength = 3;

    /// <summary>Three letters, nothing after them: <c>\z</c>, as <c>$</c> would let <c>"usd\n"</c> through.</summary>
    public const string CurrencyCodePattern = @"^[A-Za-z]{3}\z";
    public const int MaxPrices = 50;
    public const int MaxAttributeValues = 50;
    public const int AmountPrecision = 18;
    public const int AmountScale = 4;
}

/// <summary>
/// Limits of <c>extensions</c>: a JSON object keyed by dialect name ("woocommerce", "medusa", ...) holding each
/// system's fields that have no canonical home. Shared by the validators, the domain and the database column.
/// </summary>
public static class ExtensionConstraints
{
    /// <summary>The most characters the stored JSON text of one product's or variant's extensions may have.</summary>
    public const int MaxLength = 65_536;

    public const int MaxKeyLength = 64;

    /// <summary>A dialect name: lower-case letters, digits, dashes and underscores.</summary>
    public const string KeyPattern = @"^[a-z0-9][a-z0-9_-]*\z";
}
