using System.Text.Json.Nodes;
using Catalog.Application.Common.Json;
using Catalog.Application.Products.Commands.BatchProducts;
using Catalog.Domain.Common;
using Catalog.Domain.Products;

namespace Catalog.Api.Dialects.WooCommerce;

/// <summary>
/// WooCommerce products to canonical items: a simple product has one variant with its SKU, prices and stock. An update
/// is applied onto the product as stored, which the engine hands over once it has read it (the command's
/// <see cref="BatchProducts.Resolve"/>), because what a field means depends on it: a simple product's price is its one
/// variant's. An attribute with an id becomes an option named after that global attribute by the engine.
/// </summary>
internal sealed class ProductTranslator(WooCommerceOptions options)
{
    public Translated<ProductCreate> Create(WooProductInput input)
    {
        if (input.Id is > 0)
        {
            return Translated<ProductCreate>.Failed(WooErrors.Exists(WooErrors.Product));
        }

        var problems = new TranslationProblems();
        if (string.IsNullOrWhiteSpace(input.Name))
        {
            problems.Fail("rest_missing_callback_param", "Missing parameter(s): name");
        }

        var type = input.Type ?? WooType.Simple;
        var fields = WooFields.Empty();
        var create = new ProductCreate { Title = input.Name, Status = ProductStatus.Published };
        var item = Write(create, input, type, null, fields, problems);
        return Translated<ProductCreate>.Of(
            item with
            {
                Extensions = fields.AsExtensions(),
                Variants = type == WooType.Simple
                    ? One(SimpleVariant(input, input.Name, null, problems))
                    : default(Optional<IReadOnlyList<ProductVariantWrite>?>),
            },
            problems);
    }

    /// <summary>The update as it applies to <paramref name="product"/>, the product its id names as stored.</summary>
    public Translated<ProductUpdate> Update(WooProductInput input, ProductDto product)
    {
        var problems = new TranslationProblems();
        var before = WooFields.Of(product.Extensions);
        var fields = WooFields.Of(product.Extensions);
        var type = input.Type ?? WooType.Of(product, before);
        var update = new ProductUpdate { Id = product.Id, Title = Optional(input.Name) };
        var item = Write(update, input, type, product, fields, problems);
        return Translated<ProductUpdate>.Of(
            item with
            {
                Extensions = fields.SameAs(before)
                    ? default(Optional<JsonElement?>)
                    : fields.AsPatchOf(product.Extensions),
                Variants = type == WooType.Simple
                    ? SimpleVariants(input, product, input.Name ?? product.Title, problems)
                    : default,
            },
            problems);
    }

    /// <summary>The fields both operations share; WooCommerce-only values go to <paramref name="fields"/>.</summary>
    private static T Write<T>(
        T item, WooProductInput input, string type, ProductDto? product, WooFields fields, TranslationProblems problems)
        where T : ProductWrite
    {
        if (type is not (WooType.Simple or WooType.Variable))
        {
            problems.Invalid(
                "type",
                $"type is not one of {WooType.Simple} and {WooType.Variable}: "
                + "Catalog's WooCommerce dialect serves simple and variable products.");
        }

        fields.Keep(input.Other, WooFieldNames.ProductReadOnly);
        fields["type"] = type;
        var status = item.Status;
        if (input.Status is not null)
        {
            if (WooStatus.Writable.TryGetValue(input.Status, out var parsed))
            {
                status = parsed;
            }
            else
            {
                problems.Invalid("status", $"status is not one of {string.Join(", ", WooStatus.Writable.Keys)}.");
            }
        }

        WooStock.Check(input.Backorders, input.StockStatus, problems);
        string[] stock = ["sku", "manage_stock", "stock_quantity", "stock_status", "backorders"];
        if (type == WooType.Variable)
        {
            // A variable product's own SKU and stock have no canonical home (its variations have theirs); its prices
            // WooCommerce itself clears, as they come from the variations.
            object?[] sent = [input.Sku, input.ManageStock, input.StockQuantity, input.StockStatus, input.Backorders];
            foreach (var (name, value) in stock.Zip(sent).Where(s => s.Second is not null))
            {
                fields[name] = JsonSerializer.SerializeToNode(value);
            }
        }
        else
        {
            if (product is not null && WooType.Of(product, WooFields.Of(product.Extensions)) == WooType.Variable)
            {
                Array.ForEach(stock, fields.Remove);
            }

            WooStock.Keep(input.Backorders, input.StockStatus, fields);
            WooPriceText.Keep(fields, input.RegularPrice, input.SalePrice);
        }

        return (T)((ProductWrite)item with
        {
            Handle = string.IsNullOrEmpty(input.Slug) ? default(Optional<string?>) : input.Slug,
            Status = status,
            Description = Optional(input.Description),
            Images = Images(input.Images, product, fields, problems),
            Tags = Tags(input.Tags, fields, problems),
            TagIds = input.Tags?.Any(t => t?.Id is > 0) == true
                ? input.Tags.Where(t => t?.Id is > 0).Select(t => t.Id!.Value).ToList()
                : default(Optional<IReadOnlyList<long>?>),
            Options = Options(input.Attributes, fields, problems),
            CategoryIds = input.Categories is null
                ? default(Optional<IReadOnlyList<long>?>)
                : input.Categories.Where(c => c?.Id is > 0).Select(c => c.Id!.Value).ToList(),
            Weight = Dimension(input.Weight, "weight", problems),
            Length = Dimension(input.Dimensions?.Length, "dimensions.length", problems),
            Width = Dimension(input.Dimensions?.Width, "dimensions.width", problems),
            Height = Dimension(input.Dimensions?.Height, "dimensions.height", problems),
            Metadata = JsonMergePatch.Replacing(
                product?.Metadata, WooMetaData.Merge(product?.Metadata, input.MetaData, problems)),
        });
    }

    private ProductVariantWrite SimpleVariant(
        WooProductInput input, string? name, VariantDto? variant, TranslationProblems problems) => new()
        {
            Id = variant?.Id,
            Title = variant is null || name != variant.Title ? name : default(Optional<string?>),
            Sku = input.Sku is null ? default(Optional<string?>) : string.IsNullOrEmpty(input.Sku) ? null : input.Sku,
            Prices = WooStock.Prices(
            variant?.Prices ?? [], input.RegularPrice, input.SalePrice, options.Currency, problems),
            ManageInventory = input.ManageStock is { } manage ? manage : default(Optional<bool?>),
            StockQuantity = input.StockQuantity is { } quantity ? quantity : default(Optional<int?>),
            AllowBackorder = input.Backorders is { } backorders ? backorders != "no" : default(Optional<bool?>),
        };

    /// <summary>A simple product's whole variant list (its one variant); none when no variant field changes.</summary>
    private Optional<IReadOnlyList<ProductVariantWrite>?> SimpleVariants(
        WooProductInput input, ProductDto product, string name, TranslationProblems problems)
    {
        var touches = input.Sku is not null || input.RegularPrice is not null || input.SalePrice is not null
            || input.ManageStock is not null || input.StockQuantity is not null || input.Backorders is not null
            || (input.Name is not null && product.Variants.Count == 1);
        if (!touches)
        {
            return default;
        }

        if (product.Variants.Count > 1)
        {
            NotSimple(product, problems);
            return default;
        }

        return One(SimpleVariant(input, name, product.Variants is [var only] ? only : null, problems));
    }

    /// <summary>A product with more variants than one, written as a simple product.</summary>
    public static void NotSimple(ProductDto product, TranslationProblems problems) =>
        problems.Invalid(
            "type", $"Product {product.Id} has {product.Variants.Count} variations, so it cannot be a simple product.");

    public static List<ProductVariantWrite> One(ProductVariantWrite variant) => [variant];

    /// <summary>
    /// Images by <c>src</c>, or by <c>id</c> alone for the src it had; ids, names and alt texts are kept beside them.
    /// </summary>
    private static Optional<IReadOnlyList<ImageInput>?> Images(
        IReadOnlyList<WooImageInput>? images, ProductDto? product, WooFields fields, TranslationProblems problems)
    {
        if (images is null)
        {
            return default;
        }

        var known = ImageMeta(product is null ? null : fields["images"], product?.Images.Count ?? 0)
            .Select((meta, i) => (meta.Id, Src: product!.Images[i].Url))
            .Where(k => k.Id > 0)
            .ToList();
        var urls = new List<ImageInput>();
        var kept = new List<(long Id, string Name, string Alt)>();
        for (var i = 0; i < images.Count; i++)
        {
            var image = images[i];
            var src = string.IsNullOrEmpty(image?.Src) ? known.FirstOrDefault(k => k.Id == image?.Id).Src : image.Src;
            if (src is null)
            {
                problems.Fail("woocommerce_product_invalid_image_id", $"#{image?.Id ?? 0} is an invalid image ID.");
                continue;
            }

            urls.Add(new ImageInput { Url = src });
            kept.Add((image?.Id ?? 0, image?.Name ?? string.Empty, image?.Alt ?? string.Empty));
        }

        fields.Set("images", kept.All(k => k == (0, string.Empty, string.Empty))
            ? null
            : new JsonArray(
                [.. kept.Select(k => (JsonNode)new JsonObject { ["id"] = k.Id, ["name"] = k.Name, ["alt"] = k.Alt })]));

        return urls;
    }

    /// <summary>The kept id, name and alt of each image, when they still line up with the product's images.</summary>
    public static IReadOnlyList<(long Id, string Name, string Alt)> ImageMeta(JsonNode? kept, int count)
    {
        var list = kept as JsonArray;
        return [.. Enumerable.Range(0, count).Select(i => list?.Count == count && list[i] is JsonObject meta
            ? (meta["id"]?.GetValue<long>() ?? 0, Text(meta["name"]), Text(meta["alt"]))
            : (0L, string.Empty, string.Empty))];

        static string Text(JsonNode? node) => node?.GetValue<string>() ?? string.Empty;
    }

    /// <summary>
    /// The tags sent by name alone (Catalog's extension: WooCommerce takes ids only); those with an id are the
    /// canonical <c>tag_ids</c>, whose names the engine gives them. The ids kept beside names before tags had a
    /// registry go once tags are sent again.
    /// </summary>
    private static Optional<IReadOnlyList<string>?> Tags(
        IReadOnlyList<WooTermInput>? tags, WooFields fields, TranslationProblems problems)
    {
        if (tags is null)
        {
            return default;
        }

        var names = new List<string>();
        for (var i = 0; i < tags.Count; i++)
        {
            if (tags[i]?.Id is > 0)
            {
                continue;
            }

            if (string.IsNullOrWhiteSpace(tags[i]?.Name))
            {
                problems.Invalid($"tags[{i}]", "Send the tag's id (or, in Catalog, its name).");
                continue;
            }

            names.Add(tags[i].Name!);
        }

        fields.Set("tags", null);
        return names;
    }

    /// <summary>The tag ids a product's extensions kept by name before tags had a registry (read for stored data).
    /// </summary>
    public static IReadOnlyDictionary<string, long> TagIds(JsonNode? kept) =>
        kept is JsonObject ids
            ? ids.Where(p => p.Value is JsonValue)
                .ToDictionary(p => p.Key, p => p.Value!.GetValue<long>(), StringComparer.Ordinal)
            : new Dictionary<string, long>();

    /// <summary>
    /// Attributes in position order become options, named as the global attribute (by id, which the engine looks up)
    /// or their own name. As in WooCommerce, those without options are left out and flags default to false; positions
    /// other than 0, 1, 2, ... are kept beside them.
    /// </summary>
    private static Optional<IReadOnlyList<OptionInput>?> Options(
        IReadOnlyList<WooAttributeInput>? sent, WooFields fields, TranslationProblems problems)
    {
        if (sent is null)
        {
            return default;
        }

        var ordered = sent.Select((a, i) => (Attribute: a, Index: i))
            .Where(a => a.Attribute is { Options.Values.Count: > 0 }
                && (a.Attribute.Id is > 0 || !string.IsNullOrWhiteSpace(a.Attribute.Name)))
            .OrderBy(a => a.Attribute.Position ?? 0)
            .ToList();
        var options = new List<OptionInput>();
        foreach (var (attribute, index) in ordered)
        {
            var title = attribute.Id is > 0 ? null : attribute.Name!;
            if (title?.Length > ProductConstraints.MaxOptionTitleLength)
            {
                const int most = ProductConstraints.MaxOptionTitleLength;
                problems.Invalid($"attributes[{index}].name", $"name is longer than {most} characters.");
            }

            options.Add(new OptionInput
            {
                Title = title,
                Values = attribute.Options!.Values,
                AttributeId = attribute.Id is > 0 ? attribute.Id : null,
                Visible = attribute.Visible ?? false,
                Variation = attribute.Variation ?? false,
            });
        }

        var positions = ordered.Select(a => a.Attribute.Position ?? 0).ToList();
        fields.Set("attributes", positions.SequenceEqual(Enumerable.Range(0, positions.Count))
            ? null
            : new JsonArray([.. positions.Select(p => (JsonNode)new JsonObject { ["position"] = p })]));

        return options;
    }

    public static IReadOnlyList<int> Positions(JsonNode? kept, int count) =>
        kept is JsonArray list && list.Count == count
            ? [.. list.Select((p, i) => p?["position"]?.GetValue<int>() ?? i)]
            : [.. Enumerable.Range(0, count)];

    private static Optional<decimal?> Dimension(WooDecimal? sent, string field, TranslationProblems problems) =>
        sent is null ? default(Optional<decimal?>) : WooStock.ParseAmount(sent, field, problems);

    private static Optional<string?> Optional(string? value) => value is null ? default(Optional<string?>) : value;
}
