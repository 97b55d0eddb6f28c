using Catalog.Application.Common.Json;
using Catalog.Application.Products.Commands.BatchProducts;
using Catalog.Domain.Products;
using static Catalog.Api.Dialects.Medusa.MedusaTranslation;

namespace Catalog.Api.Dialects.Medusa;

/// <summary>
/// A Medusa product batch as the canonical <see cref="BatchProducts"/> (atomic). <c>categories[].id</c> becomes
/// <c>category_ids</c>, <c>tags[].id</c> the tags; fields without a canonical home go to <c>extensions.medusa</c>.
/// An id that is not a Medusa id of the right kind is an issue, answered 400 before anything runs.
/// </summary>
internal static class MedusaProductTranslation
{
    /// <summary>
    /// The command, its updates translated once the engine has read their products (to merge <c>extensions.medusa</c>
    /// and fill prices named by id): what only the stored product shows is added to <paramref name="stored"/>. What
    /// the request alone shows is in <paramref name="issues"/> before anything is sent.
    /// </summary>
    public static BatchProducts ToCommand(
        MedusaProductBatchRequest request, List<MedusaIssue> issues, List<MedusaIssue> stored)
    {
        var creates = request.Create.Select((c, i) => Create(c, $"create[{i}]", issues)).ToList();
        var updates = request.Update.Select((u, i) => Update(u, null, $"update[{i}]", issues)).ToList();
        var deletes = request.Delete.Select((d, i) => Id(MedusaIds.Product, d, $"delete[{i}]", issues)).ToList();
        Resolution<ProductUpdate> Resolve(int i, ProductDto product) =>
            Resolved(stored, () => Update(request.Update[i], product, $"update[{i}]", stored));

        return new BatchProducts(
            creates, [.. updates.Select(u => new ProductUpdate { Id = u.Id })], deletes, BatchPolicy.Atomic)
        {
            Resolve = updates.Count == 0 ? null : Resolve,
        };
    }

    // Medusa's statuses are Catalog's by name.
    public static ProductStatus ToCanonical(MedusaProductStatus status) => Enum.Parse<ProductStatus>(status.ToString());

    /// <summary>Medusa has no private or archived product: both read as <c>draft</c>, not shown in the store.</summary>
    public static MedusaProductStatus FromCanonical(ProductStatus status) =>
        Enum.TryParse<MedusaProductStatus>(status.ToString(), out var medusa) ? medusa : MedusaProductStatus.Draft;

    private static ProductCreate Create(MedusaProductCreate item, string path, List<MedusaIssue> issues)
    {
        var shippingProfileId = item.ShippingProfileId.HasValue ? item.ShippingProfileId.Value : null;
        var extension = Extension(item, shippingProfileId, MedusaProductExtension.None);
        return (ProductCreate)Common(new ProductCreate(), item, path, issues) with
        {
            Title = item.Title,
            Handle = item.Handle.HasValue ? item.Handle.Value : default(Optional<string?>),
            Status = item.Status is { HasValue: true, Value: { } status }
                ? ToCanonical(status)
                : default(Optional<ProductStatus?>),
            Options = Each(item.Options, (o, _) => new OptionInput { Title = o.Title, Values = o.Values }),
            Variants = Each(item.Variants, (v, _) => MedusaVariantTranslation.Create(new ProductVariantWrite(), v)),
            Extensions = extension != MedusaProductExtension.None
                ? MedusaExtensions.Write(extension)
                : default(Optional<JsonElement?>),
        };
    }

    /// <summary>The update, applied to <paramref name="product"/> as stored (none: only to find its issues).</summary>
    private static ProductUpdate Update(
        MedusaProductUpdate item, ProductDto? product, string path, List<MedusaIssue> issues)
    {
        var id = product?.Id ?? Id(MedusaIds.Product, item.Id, $"{path}.id", issues);
        var kept = product is null
            ? MedusaProductExtension.None
            : MedusaExtensions.Read(product.Extensions, MedusaProductExtension.None);
        var extension = Extension(item, item.ShippingProfileId, kept);
        return (ProductUpdate)Common(new ProductUpdate { Id = id }, item, path, issues) with
        {
            Title = item.Title.HasValue ? item.Title.Value : default(Optional<string?>),
            Handle = item.Handle,
            Status = item.Status.HasValue ? ToCanonical(item.Status.Value) : default(Optional<ProductStatus?>),
            Options = Each(item.Options, (o, i) => Option(o, id, $"{path}.options[{i}]", issues)),
            Variants = Each(item.Variants, (v, i) => Variant(v, product, $"{path}.variants[{i}]", issues)),

            // Medusa's variants are the product's whole list: those left out go.
            ReplaceVariants = item.Variants.HasValue ? true : null,

            // Medusa replaces metadata; a canonical update merges it (RFC 7396), so the difference is sent.
            Metadata = item.Metadata.HasValue
                ? JsonMergePatch.Replacing(product?.Metadata, item.Metadata)
                : item.Metadata,
            Extensions = extension != kept || (product is null && extension != MedusaProductExtension.None)
                ? MedusaExtensions.Write(extension, product?.Extensions)
                : default(Optional<JsonElement?>),
        };
    }

    private static ProductWrite Common(
        ProductWrite seed, MedusaProductWrite item, string path, List<MedusaIssue> issues)
    {
        var categories = Each(
            item.Categories, (c, i) => Id(MedusaIds.Category, c.Id, $"{path}.categories[{i}].id", issues));
        return seed with
        {
            Subtitle = item.Subtitle,
            Description = item.Description,
            Thumbnail = item.Thumbnail,
            ExternalId = item.ExternalId,
            Images = Each(item.Images, (image, _) => new ImageInput { Url = image.Url }),
            Tags = Each(item.Tags, (tag, _) => tag.Id),
            CategoryIds = categories,
            Metadata = item.Metadata,
            Weight = item.Weight,
            Length = item.Length,
            Height = item.Height,
            Width = item.Width,
        };
    }

    private static MedusaProductExtension Extension(
        MedusaProductWrite item, Optional<string?> shippingProfileId, MedusaProductExtension kept) => kept with
        {
            IsGiftcard = item.IsGiftcard.HasValue ? item.IsGiftcard.Value : kept.IsGiftcard,
            Discountable = item.Discountable.HasValue ? item.Discountable.Value : kept.Discountable,
            TypeId = item.TypeId.Or(kept.TypeId),
            CollectionId = item.CollectionId.Or(kept.CollectionId),
            ShippingProfileId = shippingProfileId.Or(kept.ShippingProfileId),
            HsCode = item.HsCode.Or(kept.HsCode),
            MidCode = item.MidCode.Or(kept.MidCode),
            OriginCountry = item.OriginCountry.Or(kept.OriginCountry),
            Material = item.Material.Or(kept.Material),
            SalesChannels = item.SalesChannels.HasValue ? item.SalesChannels.Value : kept.SalesChannels,
        };

    /// <summary>An option of an update: Catalog replaces the list, so it needs each one's title and values.</summary>
    private static OptionInput Option(MedusaOptionUpdate option, long productId, string path, List<MedusaIssue> issues)
    {
        if (option.Id.HasValue)
        {
            var parsed = MedusaIds.ParseOption(option.Id.Value);
            if (parsed is null)
            {
                issues.Add(new($"{path}.id", InvalidId(MedusaIds.Option, option.Id.Value)));
            }
            else if (productId > 0 && parsed.Value.ProductId != productId)
            {
                var product = MedusaIds.Of(MedusaIds.Product, productId);
                issues.Add(new($"{path}.id", $"Option {option.Id.Value} is not an option of product {product}"));
            }
        }

        Require(path, issues, ("title", option.Title.HasValue), ("values", option.Values.HasValue));
        return new OptionInput { Title = option.Title.Or(string.Empty), Values = option.Values.Or([]) };
    }

    private static ProductVariantWrite Variant(
        MedusaVariantUpdate item, ProductDto? product, string path, List<MedusaIssue> issues)
    {
        long? id = item.Id.HasValue ? Id(MedusaIds.Variant, item.Id.Value, $"{path}.id", issues) : null;
        var current = id is null ? null : product?.Variants.FirstOrDefault(v => v.Id == id);
        if (product is not null && id is > 0 && current is null)
        {
            var unknown = MedusaErrors.NotFoundMessage(MedusaIds.Variant, item.Id.Value);
            issues.Add(new($"{path}.id", unknown, NotFound: true));
        }

        return MedusaVariantTranslation.Update(new ProductVariantWrite { Id = id }, item, current, path, issues);
    }
}

/// <summary>What the product and variant translations share.</summary>
internal static class MedusaTranslation
{
    /// <summary>
    /// The number behind a Medusa id of the given kind; else an issue, and 0, which no row has. Ids of rows are opaque
    /// to a client, so one Catalog did not issue is not malformed: it names no row, and is not found.
    /// </summary>
    public static long Id(string prefix, string id, string path, List<MedusaIssue> issues)
    {
        if (MedusaIds.Parse(prefix, id) is { } value)
        {
            return value;
        }

        issues.Add(new(path, MedusaErrors.NotFoundMessage(prefix, id), NotFound: true));
        return 0;
    }

    public static string InvalidId(string prefix, string id) =>
        $"Invalid id: expected {MedusaIds.Example(prefix)}, received '{id}'";

    /// <summary>
    /// What <paramref name="translate"/> makes of an update against its stored row, or, when it adds issues to
    /// <paramref name="stored"/>, the error that fails it (the route answers those issues).
    /// </summary>
    public static Resolution<T> Resolved<T>(List<MedusaIssue> stored, Func<T> translate)
    {
        var before = stored.Count;
        var update = translate();
        return stored.Count == before
            ? Resolution<T>.To(update)
            : Resolution<T>.Failed(ItemError.Of(ErrorCodes.ValidationFailed, stored[before].Message));
    }

    /// <summary>A "Required" issue for each of an item's fields that was not sent.</summary>
    public static void Require(string path, List<MedusaIssue> issues, params (string Name, bool Sent)[] fields) =>
        issues.AddRange(fields.Where(f => !f.Sent).Select(f => new MedusaIssue($"{path}.{f.Name}", "Required")));

    /// <summary>A list sent, each item translated (with its position); absent when it was not sent.</summary>
    public static Optional<IReadOnlyList<TOut>?> Each<TIn, TOut>(
        Optional<IReadOnlyList<TIn>> items, Func<TIn, int, TOut> translate) =>
        items.HasValue ? new([.. items.Value.Select(translate)]) : default;
}
