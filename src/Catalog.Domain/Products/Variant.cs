using Catalog.Domain.Wholesale;

namespace Catalog.Domain.Products;

/// <summary>The scalar fields of a variant, replaced together by <see cref="Variant.Update"/>.</summary>
public sealed record VariantDetails
{
    public required string Title { get; init; }
    public string? Sku { get; init; }
    public string? Barcode { get; init; }
    public string? Ean { get; init; }
    public string? Upc { get; init; }
    public int? StockQuantity { get; init; }
    public bool ManageInventory { get; init; }
    public bool AllowBackorder { get; init; }
    public IReadOnlyDictionary<string, string> Options { get; init; } = new Dictionary<string, string>();
    public int Rank { get; init; }
    public string? Metadata { get; init; }
    public string? Extensions { get; init; }
}

/// <summary>A sellable variant of a product, with its prices and its links to global attribute values.</summary>
public sealed partial class Variant : Versioned
{
    private readonly List<VariantPrice> _prices = [];
    private readonly List<VariantAttributeValue> _attributeValues = [];

    private Variant()
    {
    }

    public long ProductId { get; private set; }
    public string Title { get; private set; } = string.Empty;
    public string? Sku { get; private set; }
    public string? Barcode { get; private set; }
    public string? Ean { get; private set; }
    public string? Upc { get; private set; }
    public int? StockQuantity { get; private set; }
    public bool ManageInventory { get; private set; }
    public bool AllowBackorder { get; private set; }
    public IReadOnlyDictionary<string, string> Options { get; private set; } = new Dictionary<string, string>();
    public int Rank { get; private set; }
    public string? Metadata { get; private set; }

    /// <summary>A JSON object of objects by dialect name: each system's fields that have no canonical home.</summary>
    public string? Extensions { get; private set; }

    public IReadOnlyList<VariantPrice> Prices => _prices;
    public IReadOnlyList<VariantAttributeValue> AttributeValues => _attributeValues;

    public VariantDetails Details => new()
    {
        Title = Title,
        Sku = Sku,
        Barcode = Barcode,
        Ean = Ean,
        Upc = Upc,
        StockQuantity = StockQuantity,
        ManageInventory = ManageInventory,
        AllowBackorder = AllowBackorder,
        Options = Options,
        Rank = Rank,
        Metadata = Metadata,
        Extensions = Extensions,
    };

    public static Variant Create(long id, long productId, VariantDetails details, DateTimeOffset now)
    {
        var variant = new Variant { ProductId = productId };
        variant.Created(id, now);
        variant.SetDetails(details);
        return variant;
    }

    // A variant changes only through its product (Product.UpdateVariant and its siblings), so that every change of a
    // variant also moves the product's version: a client holding the product's old version holds an old variant list.
    internal void Update(VariantDetails details, DateTimeOffset now)
    {
        SetDetails(details);
        Touched(now);
    }

    internal void Touch(DateTimeOffset now) => ChildrenChanged(now);

    internal RuleViolation? ReplacePrices(IReadOnlyList<VariantPrice> prices)
    {
        if (prices.Any(p => p.VariantId != Id))
        {
            throw new DomainRuleException("A price belongs to the variant it is set on.");
        }

        if (PricesOverlap(prices))
        {
            return new RuleViolation("Prices of one currency must not have overlapping quantity ranges.", "prices");
        }

        _prices.Clear();
        _prices.AddRange(prices);
        return null;
    }

    internal Changes<VariantAttributeValue> SetAttributeValues(IEnumerable<long> valueIds) =>
        Changes<VariantAttributeValue>.Relink(
            _attributeValues, valueIds, link => link.AttributeValueId, id => new(Id, id));

    /// <summary>
    /// Whether prices of one currency conflict: more than one plain price (no quantity range), or two ranges that
    /// share a quantity. A plain price is the default that tiers override.
    /// </summary>
    private static bool PricesOverlap(IEnumerable<VariantPrice> prices) =>
        prices.GroupBy(p => p.CurrencyCode, StringComparer.Ordinal).Any(group =>
        {
            var plain = group.Count(p => p.MinQuantity is null && p.MaxQuantity is null);
            var tiers = group.Where(p => p.MinQuantity is not null || p.MaxQuantity is not null)
                .Select(p => new QuantityRange(p.MinQuantity ?? 1, p.MaxQuantity))
                .OrderBy(range => range.Start)
                .ToList();
            return plain > 1 || tiers.Zip(tiers.Skip(1)).Any(pair => pair.First.Overlaps(pair.Second));
        });

    private void SetDetails(VariantDetails details)
    {
        Title = Guard.Text(details.Title, VariantConstraints.MaxTitleLength, "title");
        Sku = Guard.OptionalText(details.Sku, VariantConstraints.MaxSkuLength, "sku");
        Barcode = Guard.OptionalText(details.Barcode, VariantConstraints.MaxCodeLength, "barcode");
        Ean = Guard.OptionalText(details.Ean, VariantConstraints.MaxCodeLength, "ean");
        Upc = Guard.OptionalText(details.Upc, VariantConstraints.MaxCodeLength, "upc");
        StockQuantity = details.StockQuantity;
        ManageInventory = details.ManageInventory;
        AllowBackorder = details.AllowBackorder;
        Options = new Dictionary<string, string>(details.Options, StringComparer.Ordinal);
        Rank = details.Rank;
        Metadata = details.Metadata;
        Extensions = Guard.OptionalText(details.Extensions, ExtensionConstraints.MaxLength, "extensions");
    }
}

/// <summary>
/// A price of a variant in one currency, optionally for a quantity range (tiered prices).
/// Price rows are never updated in place: a change replaces the variant's whole set.
/// </summary>
public sealed class VariantPrice
{
    private VariantPrice()
    {
        CurrencyCode = string.Empty;
    }

    public VariantPrice(
        long id,
        long variantId,
        string currencyCode,
        decimal amount,
        long? minQuantity,
        long? maxQuantity,
        decimal? saleAmount = null)
    {
        if (amount < 0 || saleAmount < 0)
        {
            throw new DomainRuleException("A price must not be negative.");
        }

        if (minQuantity < 1 || maxQuantity < 1 || (minQuantity is not null && maxQuantity < minQuantity))
        {
            throw new DomainRuleException("A price's quantity range must be a range of positive quantities.");
        }

        Id = id;
        VariantId = variantId;
        CurrencyCode = currencyCode.ToLowerInvariant();
        Amount = amount;
        MinQuantity = minQuantity;
        MaxQuantity = maxQuantity;
        SaleAmount = saleAmount;
    }

    public long Id { get; private set; }
    public long VariantId { get; private set; }
    public string CurrencyCode { get; private set; }
    public decimal Amount { get; private set; }
    public long? MinQuantity { get; private set; }
    public long? MaxQuantity { get; private set; }

    /// <summary>The price while on sale (WooCommerce's sale price); the amount is the regular one.</summary>
    public decimal? SaleAmount { get; private set; }

    /// <summary>Whether <paramref name="other"/> states the same price, its id aside.</summary>
    public bool SameAs(VariantPrice other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return CurrencyCode == other.CurrencyCode && Amount == other.Amount && MinQuantity == other.MinQuantity
            && MaxQuantity == other.MaxQuantity && SaleAmount == other.SaleAmount;
    }
}

/// <summary>The link between a variant and a value of a global attribute (WooCommerce-style attribute terms).</summary>
public sealed record VariantAttributeValue(long VariantId, long AttributeValueId);

/// <summary>
/// A variant's option values: option titles match whatever their case, values exactly. Two variants of one product
/// must not have the same values; a variant with none names no combination and so repeats none.
/// </summary>
public static class VariantOptions
{
    public static bool Same(IReadOnlyDictionary<string, string> left, IReadOnlyDictionary<string, string> right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return left.Count == right.Count && left.All(pair => right.Any(other =>
            string.Equals(other.Key, pair.Key, StringComparison.OrdinalIgnoreCase)
            && string.Equals(other.Value, pair.Value, StringComparison.Ordinal)));
    }
}
