using Catalog.Application.Common.Json;
using Catalog.Application.Variants.Commands.BatchVariants;
using static Catalog.Api.Dialects.Medusa.MedusaTranslation;

namespace Catalog.Api.Dialects.Medusa;

/// <summary>
/// A Medusa variant as a canonical variant write; fields without a canonical home (and the prices' <c>rules</c>) go to
/// <c>extensions.medusa</c>. On update that key is rebuilt from the variant as the engine read it (ADR 15); a
/// concurrent change between that read and the write fails the batch instead of being overwritten.
/// </summary>
internal static class MedusaVariantTranslation
{
    /// <summary>
    /// The command, its updates translated once the engine has read the product (to merge <c>extensions.medusa</c> and
    /// fill prices named by id): what only the stored variants show is added to <paramref name="stored"/>, what the
    /// request alone shows is in <paramref name="issues"/> before anything is sent.
    /// </summary>
    public static BatchVariants ToCommand(
        long productId, MedusaVariantBatchRequest request, List<MedusaIssue> issues, List<MedusaIssue> stored)
    {
        var creates = request.Create.Select(c => Create(new VariantCreate(), c)).ToList();
        var updates = request.Update.Select((u, i) =>
            Update(new VariantUpdate { Id = Id(MedusaIds.Variant, u.Id, $"update[{i}].id", issues) }, u, null,
                $"update[{i}]", issues)).ToList();
        var deletes = request.Delete.Select((d, i) => Id(MedusaIds.Variant, d, $"delete[{i}]", issues)).ToList();
        ScopedItems<VariantCreate, VariantUpdate> Resolve(ProductDto product) => new(
            [.. creates.Select(Resolution<VariantCreate>.To)],
            [.. request.Update.Select((u, i) => ResolveUpdate(u, updates[i].Id, product, $"update[{i}]", stored))]);

        return new BatchVariants(
            productId, creates, [.. updates.Select(u => new VariantUpdate { Id = u.Id })], deletes, BatchPolicy.Atomic)
        {
            ResolveAgainst = Resolve,
        };
    }

    private static Resolution<VariantUpdate> ResolveUpdate(
        MedusaVariantBatchUpdate item, long? id, ProductDto product, string path, List<MedusaIssue> stored) =>
        Resolved(stored, () => Update(
            new VariantUpdate { Id = id }, item, product.Variants.FirstOrDefault(v => v.Id == id), path, stored));

    /// <summary>A new variant, with Medusa's defaults: <c>manage_inventory</c> true, no backorders.</summary>
    public static T Create<T>(T seed, MedusaVariantCreate item)
        where T : VariantWrite
    {
        var prices = item.Prices.Select(Price).ToList();
        var extension = Extension(item, MedusaVariantExtension.None) with { PriceRules = RulesOf(prices) };

        // One copy of the seed with everything (a write is a record of some 25 fields; a batch makes thousands).
        return (T)(Common(seed, item) with
        {
            Title = item.Title,
            ManageInventory = item.ManageInventory.Or(true),
            Prices = Inputs(prices),
            Extensions = HasAny(extension) ? MedusaExtensions.Write(extension) : seed.Extensions,
        });
    }

    /// <summary>A change to <paramref name="current"/> (in a product update, a new variant if it has no id).</summary>
    public static T Update<T, TItem>(T seed, TItem item, VariantDto? current, string path, List<MedusaIssue> issues)
        where T : VariantWrite
        where TItem : MedusaVariantWrite, IMedusaVariantUpdate
    {
        var kept = current is null
            ? MedusaVariantExtension.None
            : MedusaExtensions.Read(current.Extensions, MedusaVariantExtension.None);
        var extension = Extension(item, kept);
        var prices = item.Prices.HasValue
            ? item.Prices.Value.Select((p, i) => Price(p, current, kept, $"{path}.prices[{i}]", issues)).ToList()
            : null;
        if (prices is not null)
        {
            extension = extension with { PriceRules = RulesOf(prices) };
        }

        var changed = extension != kept || (current is null && HasAny(extension));
        return (T)(Common(seed, item) with
        {
            Title = item.Title.HasValue ? item.Title.Value : seed.Title,

            // Medusa replaces metadata; a canonical update merges it (RFC 7396), so the difference is sent.
            Metadata = item.Metadata.HasValue
                ? JsonMergePatch.Replacing(current?.Metadata, item.Metadata)
                : item.Metadata,

            // Medusa's prices are the variant's whole list: those left out go.
            Prices = prices is null ? seed.Prices : Inputs(prices),
            ReplacePrices = prices is null ? seed.ReplacePrices : true,
            Extensions = changed ? MedusaExtensions.Write(extension, current?.Extensions) : seed.Extensions,
        });
    }

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
        Options = item.Options.HasValue ? new(item.Options.Value) : default,
    };

    private static MedusaVariantExtension Extension(MedusaVariantWrite item, MedusaVariantExtension kept) => kept with
    {
        HsCode = item.HsCode.Or(kept.HsCode),
        MidCode = item.MidCode.Or(kept.MidCode),
        OriginCountry = item.OriginCountry.Or(kept.OriginCountry),
        Material = item.Material.Or(kept.Material),
        Weight = item.Weight.Or(kept.Weight),
        Length = item.Length.Or(kept.Length),
        Height = item.Height.Or(kept.Height),
        Width = item.Width.Or(kept.Width),
        InventoryItems = item.InventoryItems.HasValue ? item.InventoryItems.Value : kept.InventoryItems,
    };

    private static bool HasAny(MedusaVariantExtension extension) => extension != MedusaVariantExtension.None;

    private static Optional<IReadOnlyList<PriceInput>?> Inputs(List<TranslatedPrice> prices) =>
        new([.. prices.Select(p => p.Input)]);

    private static TranslatedPrice Price(MedusaPriceCreate price)
    {
        var (min, max) = (price.MinQuantity.Or(null), price.MaxQuantity.Or(null));
        var input = new PriceInput
        {
            CurrencyCode = price.CurrencyCode,
            Amount = price.Amount,
            MinQuantity = NoZero(min),
            MaxQuantity = NoZero(max),
        };
        return new(input, price.Rules.HasValue ? price.Rules.Value : null, min == 0, max == 0);
    }

    private static long? NoZero(long? bound) => bound == 0 ? null : bound;

    /// <summary>
    /// A price of an update: with an <c>id</c>, the fields left out keep that price's values. Without the variant as
    /// stored (its product not read yet, or no such variant) an id is not checked here.
    /// </summary>
    private static TranslatedPrice Price(MedusaPriceUpdate price, VariantDto? current, MedusaVariantExtension kept,
        string path, List<MedusaIssue> issues)
    {
        PriceDto? existing = null;
        if (price.Id.HasValue)
        {
            var id = Id(MedusaIds.Price, price.Id.Value, $"{path}.id", issues);
            existing = current?.Prices.FirstOrDefault(p => p.Id == id);
            if (id != 0 && existing is null && current is not null)
            {
                issues.Add(new($"{path}.id", $"Price {price.Id.Value} is not a price of this variant"));
            }
        }
        else
        {
            Require(path, issues, ("currency_code", price.CurrencyCode.HasValue), ("amount", price.Amount.HasValue));
        }

        var rules = existing is null ? null : kept.PriceRules?.FirstOrDefault(
            r => r.IsFor(existing.CurrencyCode, existing.MinQuantity, existing.MaxQuantity));
        var input = new PriceInput
        {
            Id = existing?.Id,
            CurrencyCode = price.CurrencyCode.HasValue ? price.CurrencyCode.Value : existing?.CurrencyCode,
            Amount = price.Amount.HasValue ? price.Amount.Value : existing?.Amount,
            MinQuantity = price.MinQuantity.HasValue ? NoZero(price.MinQuantity.Value) : existing?.MinQuantity,
            MaxQuantity = price.MaxQuantity.HasValue ? NoZero(price.MaxQuantity.Value) : existing?.MaxQuantity,

            // Medusa has no sale price; one set through another API stays on the price a Medusa client names by id.
            SaleAmount = existing?.SaleAmount,
        };
        return new(
            input,
            price.Rules.HasValue ? price.Rules.Value : rules?.Rules,
            price.MinQuantity.HasValue ? price.MinQuantity.Value == 0 : rules?.ZeroMin ?? false,
            price.MaxQuantity.HasValue ? price.MaxQuantity.Value == 0 : rules?.ZeroMax ?? false);
    }

    private static List<MedusaPriceRules>? RulesOf(List<TranslatedPrice> prices)
    {
        if (!prices.Exists(p => p.Rules is { Count: > 0 } || p.ZeroMin || p.ZeroMax))
        {
            return null;
        }

        var rules = prices
            .Where(p => (p.Rules is { Count: > 0 } || p.ZeroMin || p.ZeroMax) && p.Input.CurrencyCode is not null)
            .Select(p => new MedusaPriceRules(
                p.Input.CurrencyCode!.ToLowerInvariant(), p.Input.MinQuantity, p.Input.MaxQuantity,
                p.Rules ?? new Dictionary<string, string>(), p.ZeroMin, p.ZeroMax))
            .ToList();
        return rules.Count == 0 ? null : rules;
    }

    private sealed record TranslatedPrice(
        PriceInput Input, IReadOnlyDictionary<string, string>? Rules, bool ZeroMin = false, bool ZeroMax = false);
}
