using Catalog.Application.Variants;

namespace Catalog.Application.Products.Commands.BatchProducts;

/// <summary>
/// Turns a product batch's upserts into creates and updates, in one query for the whole batch. A product is matched by
/// its variants' SKUs (its handle is often generated, and a SKU is what a SKU-keyed integration knows): no SKU known,
/// an insert; the known SKUs all of one product, an update of it that makes it look like the item (its variants
/// matched by SKU keep their ids, the others are created, the product's variants not named are removed); SKUs of
/// two or more products, a CONFLICT; no SKU at all, VALIDATION_FAILED.
/// </summary>
public sealed class ProductUpserts(IProductStore products)
{
    public async Task<UpsertResolution<BatchProducts>> ResolveAsync(
        BatchProducts command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.Upsert.Count == 0)
        {
            return new(command, UpsertPlan.None(command.Create.Count, command.Update.Count));
        }

        if (command.Resolve is not null)
        {
            throw new InvalidOperationException("Updates resolved from their rows do not go with upserts.");
        }

        var skus = command.Upsert.SelectMany(SkusOf).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var owners = skus.Count == 0
            ? new Dictionary<string, SkuOwner>()
            : await products.FindSkusAsync(skus, cancellationToken);
        var builder = new UpsertPlan.Builder<ProductCreate, ProductUpdate>(
            command.Create, command.Update, new ProductUpdate());
        foreach (var item in command.Upsert)
        {
            Resolve(item, owners, builder);
        }

        var resolved = command with { Create = builder.Creates, Update = builder.Updates, Upsert = [] };
        return new(resolved, builder.Build());
    }

    private static void Resolve(
        ProductCreate item,
        IReadOnlyDictionary<string, SkuOwner> owners,
        UpsertPlan.Builder<ProductCreate, ProductUpdate> builder)
    {
        var skus = SkusOf(item);
        if (skus.All(s => s is null))
        {
            builder.Refuse(ItemError.Of(ErrorCodes.ValidationFailed,
                "An upsert finds its product by its variants' SKUs: at least one variant needs a sku.", "variants"));
            return;
        }

        var productIds = skus.OfType<string>()
            .Select(s => owners.GetValueOrDefault(s)?.ProductId)
            .OfType<long>()
            .Distinct()
            .Order()
            .ToList();
        UpsertProcess? process = productIds.Count switch
        {
            0 => UpsertProcess.Insert,
            1 => UpsertProcess.Update,
            _ => null,
        };
        var variants = VariantsOf(item);
        var named = variants.Select((v, i) => (v, i)).Where(p => p.v?.Id is not null).Select(p => p.i).ToList();
        if (named.Count > 0)
        {
            const string Message = "An upsert names its variants by sku, not by id.";
            var details = named.Select(i => new FieldError($"variants[{i}].id", Message)).ToList();
            builder.Refuse(new ItemError(ErrorCodes.ValidationFailed, Message, details), process);
        }
        else if (productIds.Count > 1)
        {
            builder.Refuse(ItemError.Of(
                ErrorCodes.Conflict,
                $"The variants' SKUs belong to {productIds.Count} products ({string.Join(", ", productIds)}): "
                + "an upsert updates one product.",
                "variants"));
        }
        else if (productIds.Count == 0)
        {
            builder.Insert(item);
        }
        else
        {
            var id = productIds[0];
            // The item is the whole product: its lists replace the stored ones rather than merge into them.
            List<ProductVariantWrite> matched = [.. variants.Select(v => v is not null
                && VariantPlanner.SkuOf(v) is { } sku && owners.TryGetValue(sku, out var owner) && owner.ProductId == id
                    ? v with { Id = owner.VariantId, ReplacePrices = v.Prices.HasValue ? true : null }
                    : v!)];
            builder.Update(new ProductUpdate(item)
            {
                Id = id,
                Variants = new Optional<IReadOnlyList<ProductVariantWrite>?>(matched),
                ReplaceVariants = true,
            });
        }
    }

    private static IReadOnlyList<ProductVariantWrite?> VariantsOf(ProductCreate item) =>
        item.Variants is { HasValue: true, Value: { } variants } ? variants : [];

    /// <summary>Each variant's SKU, by place (null where a variant sends none).</summary>
    private static List<string?> SkusOf(ProductCreate item) =>
        [.. VariantsOf(item).Select(v => v is null ? null : VariantPlanner.SkuOf(v))];
}
