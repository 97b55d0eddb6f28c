using Catalog.Application.Common;
using Catalog.Application.Variants;

namespace Catalog.Api.Dialects.Medusa;

/// <summary>
/// A Medusa variant as a canonical variant write. Canonical fields map one to one (<c>variant_rank</c> is <c>rank</c>);
/// <c>hs_code</c>, <c>mid_code</c>, <c>origin_country</c>, <c>material</c>, the dimensions, <c>inventory_items</c> and
/// the prices' <c>rules</c> go to <c>extensions.medusa</c>. On update that key is rebuilt from the variant as it was read
/// before the batch, and the variant's <c>version</c> is sent with it, so a concurrent change fails the batch instead
/// of being overwritten.
/// </summary>
internal static class MedusaVariantTranslation
{
    /// <summary>A new variant: Medusa's defaults apply (<c>manage_inventory</c> true, <c>allow_backorder</c> false).</summary>
    public static T Create<T>(T seed, MedusaVariantCreate item)
        where T : VariantWrite
    {
        var prices = item.Prices.Select(Price).ToList();
        var extension = Extension(item, new MedusaVariantExtension()) with { PriceRules = RulesOf(prices) };
        var write = Common(seed, item) with
        {
            Title = item.Title,
            ManageInventory = item.ManageInventory.HasValue ? item.ManageInventory.Value : true,
            Prices = new Optional<IReadOnlyList<PriceInput>?>([.. prices.Select(p => p.Input)]),
        };
        return (T)(HasAny(extension) ? write with { Extensions = MedusaExtensions.Write(extension) } : write);
    }

    /// <summary>
    /// A change to an existing variant (or, inside a product update, a new one when it has no id). <paramref name="current"/>
    /// is the variant as read before the batch, when it exists.
    /// </summary>
    public static T Update<T>(T seed, MedusaVariantWrite item, Optional<string> title, Optional<IReadOnlyList<MedusaPriceUpdate>> sentPrices,
        VariantDto? current, string path, List<MedusaIssue> issues)
        where T : VariantWrite
    {
        var kept = current is null ? new MedusaVariantExtension() : MedusaExtensions.Read<MedusaVariantExtension>(current.Extensions);
        var extension = Extension(item, kept);
        var write = Common(seed, item);
        if (title.HasValue)
        {
            write = write with { Title = title.Value };
        }

        if (sentPrices.HasValue)
        {
            var prices = sentPrices.Value.Select((p, i) => Price(p, current, kept, $"{path}.prices[{i}]", issues)).ToList();
            write = write with { Prices = new Optional<IReadOnlyList<PriceInput>?>([.. prices.Select(p => p.Input)]) };
            extension = extension with { PriceRules = RulesOf(prices) };
        }

        if (extension != kept || (current is null && HasAny(extension)))
        {
            write = write with { Extensions = MedusaExtensions.Write(extension) };
        }

        return (T)write;
    }

    /// <summary>The version to send with an update that rewrites <c>extensions.medusa</c>, so that the read it was built on still holds.</summary>
    public static long? VersionFor(VariantWrite write, VariantDto? current) => write.Extensions.HasValue ? current?.Version : null;

    private static VariantWrite Common(VariantWrite seed, MedusaVariantWrite item) => seed with
    {
        Sku = item.Sku,
        Ean = item.Ean,
        Upc = item.Upc,
        Barcode = item.Barcode,
        AllowBackorder = item.AllowBackorder.HasValue ? item.AllowBackorder.Value : default(Optional<bool?>),
        ManageInventory = item.ManageInventory.HasValue ? item.ManageInventory.Value : default(Optional<bool?>),
        Rank = item.VariantRank.HasValue ? item.VariantRank.Value : default(Optional<int?>),
        Metadata = item.Metadata,
        Options = item.Options.HasValue ? new Optional<IReadOnlyDictionary<string, string>?>(item.Options.Value) : default,
    };

    private static MedusaVariantExtension Extension(MedusaVariantWrite item, MedusaVariantExtension kept) => kept with
    {
        HsCode = item.HsCode.HasValue ? item.HsCode.Value : kept.HsCode,
        MidCode = item.MidCode.HasValue ? item.MidCode.Value : kept.MidCode,
        OriginCountry = item.OriginCountry.HasValue ? item.OriginCountry.Value : kept.OriginCountry,
        Material = item.Material.HasValue ? item.Material.Value : kept.Material,
        Weight = item.Weight.HasValue ? item.Weight.Value : kept.Weight,
        Length = item.Length.HasValue ? item.Length.Value : kept.Length,
        Height = item.Height.HasValue ? item.Height.Value : kept.Height,
        Width = item.Width.HasValue ? item.Width.Value : kept.Width,
        InventoryItems = item.InventoryItems.HasValue ? item.InventoryItems.Value : kept.InventoryItems,
    };

    private static bool HasAny(MedusaVariantExtension extension) => extension != new MedusaVariantExtension();

    private static TranslatedPrice Price(MedusaPriceCreate price) =>
        new(
            new PriceInput
            {
                CurrencyCode = price.CurrencyCode,
                Amount = price.Amount,
                MinQuantity = NoZero(price.MinQuantity.Or(null)),
                MaxQuantity = NoZero(price.MaxQuantity.Or(null)),
            },
            price.Rules.HasValue ? price.Rules.Value : null,
            price.MinQuantity.Or(null) == 0,
            price.MaxQuantity.Or(null) == 0);

    private static long? NoZero(long? bound) => bound == 0 ? null : bound;

    /// <summary>A price of an update: with an <c>id</c>, the fields left out keep that price's values (its rules and sale amount too).</summary>
    private static TranslatedPrice Price(MedusaPriceUpdate price, VariantDto? current, MedusaVariantExtension kept, string path, List<MedusaIssue> issues)
    {
        PriceDto? existing = null;
        if (price.Id.HasValue)
        {
            var id = MedusaIds.Parse(MedusaIds.Price, price.Id.Value);
            existing = id is null ? null : current?.Prices.FirstOrDefault(p => p.Id == id);
            if (id is null)
            {
                issues.Add(new($"{path}.id", $"Invalid id: expected {MedusaIds.Example(MedusaIds.Price)}, received '{price.Id.Value}'"));
            }
            else if (existing is null)
            {
                issues.Add(new($"{path}.id", $"Price {price.Id.Value} is not a price of this variant"));
            }
        }

        if (existing is null && !price.Id.HasValue)
        {
            if (!price.CurrencyCode.HasValue)
            {
                issues.Add(new($"{path}.currency_code", "Required"));
            }

            if (!price.Amount.HasValue)
            {
                issues.Add(new($"{path}.amount", "Required"));
            }
        }

        var currency = price.CurrencyCode.HasValue ? price.CurrencyCode.Value : existing?.CurrencyCode;
        var keptRules = existing is null ? null : kept.PriceRules?.FirstOrDefault(r => r.IsFor(existing.CurrencyCode, existing.MinQuantity, existing.MaxQuantity));
        var min = price.MinQuantity.HasValue ? NoZero(price.MinQuantity.Value) : existing?.MinQuantity;
        var max = price.MaxQuantity.HasValue ? NoZero(price.MaxQuantity.Value) : existing?.MaxQuantity;
        var zeroMin = price.MinQuantity.HasValue ? price.MinQuantity.Value == 0 : keptRules?.ZeroMin ?? false;
        var zeroMax = price.MaxQuantity.HasValue ? price.MaxQuantity.Value == 0 : keptRules?.ZeroMax ?? false;
        var rules = price.Rules.HasValue ? price.Rules.Value : keptRules?.Rules;
        return new(
            new PriceInput
            {
                CurrencyCode = currency,
                Amount = price.Amount.HasValue ? price.Amount.Value : existing?.Amount,
                MinQuantity = min,
                MaxQuantity = max,

                // Medusa has no sale price; one set through another API stays on the price a Medusa client names by id.
                SaleAmount = existing?.SaleAmount,
            },
            rules,
            zeroMin,
            zeroMax);
    }

    private static List<MedusaPriceRules>? RulesOf(IEnumerable<TranslatedPrice> prices)
    {
        var rules = prices.Where(p => (p.Rules is { Count: > 0 } || p.ZeroMin || p.ZeroMax) && p.Input.CurrencyCode is not null)
            .Select(p => new MedusaPriceRules(
                p.Input.CurrencyCode!.ToLowerInvariant(), p.Input.MinQuantity, p.Input.MaxQuantity, p.Rules ?? new Dictionary<string, string>(), p.ZeroMin, p.ZeroMax))
            .ToList();
        return rules.Count == 0 ? null : rules;
    }

    private sealed record TranslatedPrice(PriceInput Input, IReadOnlyDictionary<string, string>? Rules, bool ZeroMin = false, bool ZeroMax = false);
}
