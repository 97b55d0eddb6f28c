using Catalog.Application.Common;
using Catalog.Application.Common.Batches;
using Catalog.Application.Variants.Wholesale;
using Catalog.Domain.Products;
using Catalog.Domain.Wholesale;

namespace Catalog.Application.Variants.Commands.BatchVariants;

/// <summary>The items of one variant batch beside their ledger entries: what they claim, what they refer to, and their plan.</summary>
internal sealed class VariantBatchItems(BatchLedger<Variant> ledger, BatchVariants request)
{
    private IEnumerable<(LedgerEntry<Variant> Entry, VariantWrite Item)> OpenWrites => ledger.OpenWrites<VariantWrite>(request.Create, request.Update);

    public void FailRepeatedClaims() =>
        ledger.FailRepeatedValues(OpenWrites.Select(w => (w.Entry, VariantPlanner.SkuOf(w.Item), "sku")), "SKU");

    public HashSet<string> ClaimedSkus() => [.. OpenWrites.Select(w => VariantPlanner.SkuOf(w.Item)).OfType<string>()];

    public HashSet<long> ReferencedAttributeValueIds() => [.. OpenWrites.SelectMany(w => VariantPlanner.AttributeValueIdsOf(w.Item))];

    public HashSet<string> ReferencedRoleKeys() => [.. OpenWrites.SelectMany(w => WholesaleMerge.RolesOf(w.Item).Select(r => r.Role))];

    /// <summary>Fails the items whose variants are not the product's, whose versions are stale, or whose claims or references the database contradicts.</summary>
    public void CheckAgainst(VariantBatchState state)
    {
        // A variant of another product is, seen from this product, a variant that does not exist.
        ledger.FailMissingOrStale(state.Variants, i => request.Update[i].Version, "Variant");

        foreach (var (entry, item) in OpenWrites.ToList())
        {
            var ownId = entry.Operation == BatchOperation.Update ? entry.Id : null;
            if (VariantPlanner.SkuOf(item) is { } sku && state.Skus.TryGetValue(sku, out var owner) && owner.VariantId != ownId)
            {
                entry.Fail(ErrorCodes.DuplicateSku, $"The SKU '{sku}' is taken by variant {owner.VariantId} of product {owner.ProductId}.", "sku");
            }

            entry.Fail(ErrorCodes.ReferenceNotFound, [
                .. VariantPlanner.CheckAttributeValues(item, state.AttributeValueIds, string.Empty),
                .. WholesaleMerge.CheckRoles(item, state.RoleKeys, string.Empty)]);
            var current = ownId is { } id ? state.Variants[id].Wholesale : WholesaleTerms.None;
            entry.Fail(ErrorCodes.ValidationFailed, [
                .. VariantPlanner.CheckOptions(item, state.Product.Options, string.Empty),
                .. WholesaleMerge.Check(item, current, string.Empty)]);
            if (ownId is { } existingId && state.Variants.TryGetValue(existingId, out var existing))
            {
                entry.Fail(ErrorCodes.ValidationFailed, [.. VariantPlanner.CheckExtensions(item, existing.Extensions, string.Empty)]);
            }
        }

        FailCreatesBeyondLimit(state.Product);
    }

    public Dictionary<Type, int> InsertCounts() => new()
    {
        [typeof(Variant)] = ledger.Creates.Count(e => e.IsOpen),
        [typeof(VariantPrice)] = OpenWrites.Sum(w => VariantPlanner.PricesToInsert(w.Item)),
    };

    /// <summary>
    /// Every item changes the product through its methods and moves the product's stored version (a <see cref="TouchRow"/>),
    /// so that a client holding the product's old version, and so its old variant list, gets a CONFLICT, not a deletion.
    /// </summary>
    public void Plan(VariantBatchState state, IdPool ids, DateTimeOffset now)
    {
        var product = state.Product;

        // Deletes leave the aggregate first so that its variant limit counts what the batch leaves behind (see FailCreatesBeyondLimit).
        foreach (var entry in ledger.Deletes.Where(e => e.IsOpen))
        {
            var variant = state.Variants[entry.Id!.Value];
            product.RemoveVariant(variant, now);
            entry.Entity = variant;
            entry.Rows.Add(new DeleteRow(variant, MustExist: true));
            entry.Rows.Add(new TouchRow(product));
        }

        foreach (var entry in ledger.Creates.Where(e => e.IsOpen))
        {
            var variant = VariantPlanner.Create(product, request.Create[entry.Index], ids, now, entry.Rows);
            entry.Id = variant.Id;
            entry.Entity = variant;
            entry.Rows.Add(new TouchRow(product));
        }

        foreach (var entry in ledger.Updates.Where(e => e.IsOpen))
        {
            var variant = state.Variants[entry.Id!.Value];
            VariantPlanner.Update(product, variant, request.Update[entry.Index], ids, now, entry.Rows);
            entry.Entity = variant;
            entry.Rows.Add(new TouchRow(product));
        }
    }

    /// <summary>
    /// Fails the creates, in the order sent, from the first that no longer fits under the product's variant limit. The batch
    /// is written in one transaction, so the count that matters is the one it leaves: the deletes still open free their places.
    /// </summary>
    private void FailCreatesBeyondLimit(Product product)
    {
        var remaining = product.Variants.Count - ledger.Deletes.Count(e => e.IsOpen);
        var room = Math.Max(ProductConstraints.MaxVariantsPerProduct - remaining, 0);
        foreach (var entry in ledger.Creates.Where(e => e.IsOpen).Skip(room))
        {
            entry.Fail(
                ErrorCodes.ValidationFailed,
                $"Product {product.Id} has room for {room} more variants in this batch (at most {ProductConstraints.MaxVariantsPerProduct}); this one would exceed it.");
        }
    }
}
