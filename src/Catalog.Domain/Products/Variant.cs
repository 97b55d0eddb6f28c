using Catalog.Domain.Common;

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

    /// <summary>A JSON object of objects keyed by dialect name: each system's fields that have no canonical home.</summary>
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

    /// <summary>Replaces every price; answers the removed rows so that a writer can delete them.</summary>
    internal IReadOnlyList<VariantPrice> ReplacePrices(IEnumerable<VariantPrice> prices)
    {
        var next = prices.ToList();
        if (next.Any(p => p.VariantId != Id))
        {
            throw new DomainRuleException("A price belongs to the variant it is set on.");
        }

        if (ProductRules.PricesOverlap(next, p => p.CurrencyCode, p => p.MinQuantity, p => p.MaxQuantity))
        {
            throw new DomainRuleException(ProductRules.OverlappingPrices, "prices");
        }

        var removed = _prices.ToList();
        _prices.Clear();
        _prices.AddRange(next);
        return removed;
    }

    internal (IReadOnlyList<VariantAttributeValue> Removed, IReadOnlyList<VariantAttributeValue> Added) SetAttributeValues(
        IEnumerable<long> valueIds)
    {
        var wanted = valueIds.Distinct().ToList();
        var removed = _attributeValues.Where(link => !wanted.Contains(link.AttributeValueId)).ToList();
        var added = wanted.Where(id => _attributeValues.All(link => link.AttributeValueId != id))
            .Select(id => new VariantAttributeValue(Id, id))
            .ToList();
        _attributeValues.RemoveAll(removed.Contains);
        _attributeValues.AddRange(added);
        return (removed, added);
    }

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

    public VariantPrice(long id, long variantId, string currencyCode, decimal amount, long? minQuantity, long? maxQuantity, decimal? saleAmount = null)
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

    /// <summary>The price while the variant is on sale, when it is (WooCommerce's sale price); the amount is the regular price.</summary>
    public decimal? SaleAmount { get; private set; }
}

/// <summary>The link between a variant and a value of a global attribute (WooCommerce-style attribute terms).</summary>
public sealed record VariantAttributeValue(long VariantId, long AttributeValueId);
