using System.Collections.ObjectModel;
using Catalog.Application.Categories;

namespace Catalog.Api.Dialects.Medusa;

/// <summary>Canonical products and variants in Medusa's shape, every relation filled in.</summary>
internal static class MedusaRendering
{
    /// <param name="categories">The categories whose fields the answer shows, by id; others show their id only.</param>
    public static MedusaProduct Product(ProductDto product, IReadOnlyDictionary<long, CategoryDto> categories)
    {
        var extension = MedusaExtensions.Read(product.Extensions, MedusaProductExtension.None);
        return new MedusaProduct
        {
            Id = MedusaIds.Of(MedusaIds.Product, product.Id),
            Title = product.Title,
            Subtitle = product.Subtitle,
            Status = MedusaProductTranslation.FromCanonical(product.Status),
            ExternalId = product.ExternalId,
            Description = product.Description,
            Handle = product.Handle,
            IsGiftcard = extension.IsGiftcard ?? false,
            Discountable = extension.Discountable ?? true,
            Thumbnail = product.Thumbnail,
            CollectionId = extension.CollectionId,
            TypeId = extension.TypeId,
            ShippingProfileId = extension.ShippingProfileId,
            Weight = product.Weight,
            Length = product.Length,
            Height = product.Height,
            Width = product.Width,
            HsCode = extension.HsCode,
            OriginCountry = extension.OriginCountry,
            MidCode = extension.MidCode,
            Material = extension.Material,
            CreatedAt = product.CreatedAt,
            UpdatedAt = product.UpdatedAt,
            Metadata = product.Metadata,
            Type = extension.TypeId is { } typeId ? new MedusaRef(typeId) : null,
            Collection = extension.CollectionId is { } collectionId ? new MedusaRef(collectionId) : null,
            Options = Each(product.Options, (o, i) => Option(product.Id, o, i)),
            Tags = Each(product.Tags, (t, _) => new MedusaTag(t, t)),
            Images = Each(product.Images, (image, i) =>
                new MedusaImage(MedusaIds.Of(MedusaIds.Image, product.Id, i), image.Url, i)),
            Variants = Each(product.Variants, (v, _) => Variant(v, product.Options)),
            SalesChannels = Each(extension.SalesChannels ?? [], (c, _) => new MedusaRef(c.Id)),
            Categories = Each(product.CategoryIds, (c, _) => Category(c, categories.GetValueOrDefault(c))),
        };
    }

    /// <param name="options">The options of the variant's product, which give its option values their ids.</param>
    public static MedusaVariant Variant(VariantDto variant, IReadOnlyList<OptionDto> options)
    {
        var extension = MedusaExtensions.Read(variant.Extensions, MedusaVariantExtension.None);
        var id = MedusaIds.Of(MedusaIds.Variant, variant.Id);
        return new MedusaVariant
        {
            Id = id,
            ProductId = MedusaIds.Of(MedusaIds.Product, variant.ProductId),
            Title = variant.Title,
            Sku = variant.Sku,
            Barcode = variant.Barcode,
            Ean = variant.Ean,
            Upc = variant.Upc,
            AllowBackorder = variant.AllowBackorder,
            ManageInventory = variant.ManageInventory,
            InventoryQuantity = variant.StockQuantity,
            HsCode = extension.HsCode,
            OriginCountry = extension.OriginCountry,
            MidCode = extension.MidCode,
            Material = extension.Material,
            Weight = extension.Weight,
            Length = extension.Length,
            Height = extension.Height,
            Width = extension.Width,
            VariantRank = variant.Rank,
            Metadata = variant.Metadata,
            CreatedAt = variant.CreatedAt,
            UpdatedAt = variant.UpdatedAt,
            Prices = Each(variant.Prices, (p, _) => Price(variant, p, extension)),
            Options = VariantOptions(variant, options),
            InventoryItems = Each(extension.InventoryItems ?? [],
                (i, _) => new MedusaInventoryItem(id, i.InventoryItemId, i.RequiredQuantity)),
        };
    }

    private static MedusaOption Option(long productId, OptionDto option, int position)
    {
        var optionId = MedusaIds.Of(MedusaIds.Option, productId, position);
        return new MedusaOption
        {
            Id = optionId,
            Title = option.Title,
            ProductId = MedusaIds.Of(MedusaIds.Product, productId),
            Values = Each(option.Values, (value, i) =>
                new MedusaOptionValue(MedusaIds.Of(MedusaIds.OptionValue, productId, position, i), value, optionId)),
        };
    }

    private static List<MedusaVariantOption> VariantOptions(VariantDto variant, IReadOnlyList<OptionDto> options)
    {
        var chosenOptions = new List<MedusaVariantOption>(options.Count);
        for (var position = 0; position < options.Count; position++)
        {
            var option = options[position];
            var chosen = variant.Options
                .FirstOrDefault(o => string.Equals(o.Key, option.Title, StringComparison.OrdinalIgnoreCase));
            var valueIndex = chosen.Key is null ? -1 : IndexOf(option.Values, chosen.Value);
            if (valueIndex >= 0)
            {
                var optionId = MedusaIds.Of(MedusaIds.Option, variant.ProductId, position);
                var valueId = MedusaIds.Of(MedusaIds.OptionValue, variant.ProductId, position, valueIndex);
                chosenOptions.Add(new MedusaVariantOption(
                    valueId, chosen.Value, optionId, new MedusaOptionRef(optionId, option.Title)));
            }
        }

        return chosenOptions;
    }

    /// <summary>Each item rendered, with its position, into an array of the list's length.</summary>
    private static TOut[] Each<TIn, TOut>(IReadOnlyList<TIn> items, Func<TIn, int, TOut> render)
    {
        if (items.Count == 0)
        {
            return [];
        }

        var rendered = new TOut[items.Count];
        for (var i = 0; i < rendered.Length; i++)
        {
            rendered[i] = render(items[i], i);
        }

        return rendered;
    }

    private static int IndexOf(IReadOnlyList<string> values, string value)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] == value)
            {
                return i;
            }
        }

        return -1;
    }

    private static MedusaPrice Price(VariantDto variant, PriceDto price, MedusaVariantExtension extension)
    {
        var kept = extension.PriceRules?.FirstOrDefault(
            r => r.IsFor(price.CurrencyCode, price.MinQuantity, price.MaxQuantity));
        return new()
        {
            Id = MedusaIds.Of(MedusaIds.Price, price.Id),
            CurrencyCode = price.CurrencyCode,
            Amount = price.Amount,
            MinQuantity = price.MinQuantity ?? (kept is { ZeroMin: true } ? 0 : null),
            MaxQuantity = price.MaxQuantity ?? (kept is { ZeroMax: true } ? 0 : null),
            VariantId = MedusaIds.Of(MedusaIds.Variant, variant.Id),
            Rules = kept?.Rules ?? ReadOnlyDictionary<string, string>.Empty,

            // Price rows are replaced whenever a variant's prices change, so they date from the variant's last change.
            CreatedAt = variant.UpdatedAt,
            UpdatedAt = variant.UpdatedAt,
        };
    }

    private static MedusaCategory Category(long id, CategoryDto? category) => category is null
        ? new MedusaCategory { Id = MedusaIds.Of(MedusaIds.Category, id) }
        : Category(id, null) with
        {
            Name = category.Name,
            Description = category.Description,
            Handle = category.Handle,
            IsActive = true,
            IsInternal = false,
            Rank = category.Rank,
            ParentCategoryId = category.ParentId is { } parent ? MedusaIds.Of(MedusaIds.Category, parent) : null,
            Metadata = category.Metadata,
            CreatedAt = category.CreatedAt,
            UpdatedAt = category.UpdatedAt,
        };
}
