using Catalog.Application.Categories;
using Catalog.Application.Tags;
using Catalog.Domain.Common;

namespace Catalog.Api.Dialects.WooCommerce;

/// <summary>
/// Canonical products and variants as WooCommerce answers them, in the store currency. A product's tag shows its
/// registry tag's id and slug (<paramref name="tags"/>, by name); a name the registry lacks shows the id a client sent
/// beside it before tags had a registry (kept in the extensions), else 0.
/// </summary>
internal sealed class WooRenderer(
    WooCommerceOptions options,
    IReadOnlyDictionary<long, CategoryDto> categories,
    IEnumerable<TagDto>? tags = null)
{
    private readonly Dictionary<string, TagDto> _tags =
        (tags ?? []).ToDictionary(t => t.Name, StringComparer.Ordinal);

    private static readonly JsonElement EmptyList = JsonSerializer.SerializeToElement(Array.Empty<object>());
    private static readonly JsonElement Null = JsonSerializer.SerializeToElement<object?>(null);

    public WooProduct Product(ProductDto product)
    {
        var fields = WooFields.Of(product.Extensions);
        var type = WooType.Of(product, fields);
        var simple = type == WooType.Simple;
        var variant = simple && product.Variants.Count > 0 ? product.Variants[0] : null;
        var price = WooStock.PlainPrice(variant, options.Currency);
        var onSale = OnSale(price);
        var regular = simple ? WooPriceText.Render(fields, WooPriceText.Regular, price?.Amount) : string.Empty;
        var salePrice = simple ? WooPriceText.Render(fields, WooPriceText.Sale, price?.SaleAmount) : string.Empty;
        var current = simple ? onSale ? salePrice : regular : LowestPrice(product);
        var manage = simple
            ? variant?.ManageInventory ?? false
            : fields["manage_stock"] is { } m && m.GetValueKind() == JsonValueKind.True;
        var quantity = simple ? variant?.StockQuantity : (int?)fields.Number("stock_quantity");
        var backorder = simple ? variant?.AllowBackorder ?? false : fields.Text("backorders") is "yes" or "notify";
        var status = WooStatus.Of(product.Status);
        var imageMeta = ProductTranslator.ImageMeta(fields["images"], product.Images.Count);
        var positions = ProductTranslator.Positions(fields["attributes"], product.Options.Count);
        var tagIds = ProductTranslator.TagIds(fields["tags"]);
        var created = fields.Text("date_created") ?? WooFields.Date(product.CreatedAt);
        var updated = WooFields.Date(product.UpdatedAt);
        return new WooProduct
        {
            Id = product.Id,
            Name = product.Title,
            Slug = product.Handle,
            DateCreated = created,
            DateCreatedGmt = fields.Text("date_created_gmt") ?? created,
            DateModified = updated,
            DateModifiedGmt = updated,
            Type = type,
            Status = status,
            Description = product.Description ?? string.Empty,
            ShortDescription = fields.Text("short_description") ?? string.Empty,
            Sku = simple ? variant?.Sku ?? string.Empty : fields.Text("sku") ?? string.Empty,
            Price = current,
            RegularPrice = regular,
            SalePrice = salePrice,
            OnSale = simple
                ? onSale
                : product.Variants.Any(v => OnSale(WooStock.PlainPrice(v, options.Currency))),
            Purchasable = current.Length > 0 && status == "publish",
            ManageStock = manage,
            StockQuantity = quantity,
            StockStatus = simple
                ? WooStock.Status(manage, quantity, backorder, fields)
                : fields.Text("stock_status") ?? "instock",
            Backorders = simple ? WooStock.Backorders(backorder, fields) : fields.Text("backorders") ?? "no",
            BackordersAllowed = backorder,
            Backordered = manage && (quantity ?? 0) <= 0 && backorder,
            Weight = WooDecimal.Format(product.Weight),
            Dimensions = new WooDimensions(
                WooDecimal.Format(product.Length), WooDecimal.Format(product.Width), WooDecimal.Format(product.Height)),
            Categories = [.. product.CategoryIds.Where(categories.ContainsKey)
                .Select(id => new WooTerm(id, categories[id].Name, categories[id].Handle))],
            Tags = [.. product.Tags.Select(t => _tags.TryGetValue(t, out var tag)
                ? new WooTerm(tag.Id, t, tag.Slug)
                : new WooTerm(tagIds.GetValueOrDefault(t), t, HandleFormat.FromText(t)))],
            Images = [.. product.Images.Select((image, i) => new WooImage(
                imageMeta[i].Id, created, created, updated, updated,
                image.Url, imageMeta[i].Name, imageMeta[i].Alt, i))],
            Attributes = [.. product.Options.Select((o, i) =>
                new WooAttribute(o.AttributeId ?? 0, o.Title, positions[i], o.Visible, o.Variation, o.Values))],
            DefaultAttributes = fields["default_attributes"] is { } defaults
                ? JsonSerializer.SerializeToElement(defaults)
                : EmptyList,
            Variations = simple ? [] : [.. product.Variants.Select(v => v.Id)],
            MetaData = WholesaleMeta.Append(
                WooMetaData.Render(product.Metadata), WholesaleView.OfProduct(product, options.Currency)),
            Other = fields.Echo(WooFieldNames.ProductAnswered, WooFieldNames.ProductDefaults),
        };
    }

    public WooVariation Variation(VariantDto variant, ProductDto parent)
    {
        var fields = WooFields.Of(variant.Extensions);
        var price = WooStock.PlainPrice(variant, options.Currency);
        var onSale = OnSale(price);
        var regular = WooPriceText.Render(fields, WooPriceText.Regular, price?.Amount);
        var salePrice = WooPriceText.Render(fields, WooPriceText.Sale, price?.SaleAmount);
        var current = onSale ? salePrice : regular;
        var status = fields.Text("status") ?? "publish";
        var (created, updated) = (WooFields.Date(variant.CreatedAt), WooFields.Date(variant.UpdatedAt));
        // A row stored before dimensions were checked may hold something else: it renders as no dimensions.
        var dimensions = fields["dimensions"] as System.Text.Json.Nodes.JsonObject;
        return new WooVariation
        {
            Id = variant.Id,
            DateCreated = created,
            DateCreatedGmt = created,
            DateModified = updated,
            DateModifiedGmt = updated,
            Description = fields.Text("description") ?? string.Empty,
            Sku = variant.Sku ?? string.Empty,
            Price = current,
            RegularPrice = regular,
            SalePrice = salePrice,
            OnSale = onSale,
            Status = status,
            Purchasable = current.Length > 0 && status == "publish",
            ManageStock = fields.Text("manage_stock") == "parent" && !variant.ManageInventory
                ? JsonSerializer.SerializeToElement("parent")
                : JsonSerializer.SerializeToElement(variant.ManageInventory),
            StockQuantity = variant.StockQuantity,
            StockStatus =
                WooStock.Status(variant.ManageInventory, variant.StockQuantity, variant.AllowBackorder, fields),
            Backorders = WooStock.Backorders(variant.AllowBackorder, fields),
            BackordersAllowed = variant.AllowBackorder,
            Backordered = variant.ManageInventory && (variant.StockQuantity ?? 0) <= 0 && variant.AllowBackorder,
            Weight = fields.Text("weight") ?? string.Empty,
            Dimensions = new WooDimensions(
                WooFields.TextOf(dimensions?["length"]) ?? string.Empty,
                WooFields.TextOf(dimensions?["width"]) ?? string.Empty,
                WooFields.TextOf(dimensions?["height"]) ?? string.Empty),
            Image = fields["image"] is { } image ? JsonSerializer.SerializeToElement(image) : Null,
            Attributes = [.. parent.Options.Where(o => variant.Options.ContainsKey(o.Title))
                .Select(o => new WooVariationAttribute(o.AttributeId ?? 0, o.Title, variant.Options[o.Title]))],
            MenuOrder = variant.Rank,
            MetaData = WholesaleMeta.Append(
                WooMetaData.Render(variant.Metadata), WholesaleView.Of(variant, options.Currency)),
            Other = fields.Echo(WooFieldNames.VariationAnswered, WooFieldNames.VariationDefaults),
        };
    }

    private static bool OnSale(PriceDto? price) => price is { SaleAmount: { } sale } && sale < price.Amount;

    /// <summary>A variable product's price as WooCommerce shows it: its variations' lowest current price.</summary>
    private string LowestPrice(ProductDto product)
    {
        var prices = product.Variants
            .Select(v => WooStock.PlainPrice(v, options.Currency))
            .OfType<PriceDto>()
            .Select(p => p.SaleAmount is { } sale && sale < p.Amount ? sale : p.Amount)
            .ToList();
        return prices.Count == 0 ? string.Empty : WooDecimal.Format(prices.Min());
    }
}
