using Catalog.Application.Products;

namespace Catalog.Application.Variants.Commands.BatchVariants;

/// <summary>
/// Turns a variant batch's upserts into creates and updates, in one query for the whole batch. A variant is matched by
/// its SKU, which an upsert must send: a SKU of a variant of this product, an update of that variant (only the fields
/// sent change); an unknown SKU, a create; a SKU of another product's variant, DUPLICATE_SKU.
/// </summary>
public sealed class VariantUpserts(IProductStore products)
{
    public async Task<UpsertResolution<BatchVariants>> ResolveAsync(
        BatchVariants command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.Upsert.Count == 0)
        {
            return new(command, UpsertPlan.None(command.Create.Count, command.Update.Count));
        }

        if (command.ResolveAgainst is not null)
        {
            throw new InvalidOperationException("Items resolved against their product do not go with upserts.");
        }

        var skus = command.Upsert.Select(VariantPlanner.SkuOf).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var owners = skus.Count == 0
            ? new Dictionary<string, SkuOwner>()
            : await products.FindSkusAsync(skus, cancellationToken);
        var builder = new UpsertPlan.Builder<VariantCreate, VariantUpdate>(
            command.Create, command.Update, new VariantUpdate());
        foreach (var item in command.Upsert)
        {
            if (VariantPlanner.SkuOf(item) is not { } sku)
            {
                builder.Refuse(ItemError.Of(
                    ErrorCodes.ValidationFailed, "sku is required: an upsert finds its variant by sku.", "sku"));
            }
            else if (!owners.TryGetValue(sku, out var owner))
            {
                builder.Insert(item);
            }
            else if (command.ProductId is null || owner.ProductId == command.ProductId)
            {
                // The upsert's prices are the variant's whole list, as they would be for a new one.
                builder.Update(new VariantUpdate(item)
                {
                    Id = owner.VariantId,
                    ReplacePrices = item.Prices.HasValue ? true : null,
                });
            }
            else
            {
                builder.Refuse(ItemError.Of(ErrorCodes.DuplicateSku, owner.Taken(sku), "sku"));
            }
        }

        var resolved = command with { Create = builder.Creates, Update = builder.Updates, Upsert = [] };
        return new(resolved, builder.Build());
    }
}
