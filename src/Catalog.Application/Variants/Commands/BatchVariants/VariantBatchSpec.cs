using Catalog.Application.Attributes;
using Catalog.Application.Common.Exceptions;
using Catalog.Application.Products;
using Catalog.Application.Variants.Wholesale;
using Catalog.Application.WholesaleRoles;

namespace Catalog.Application.Variants.Commands.BatchVariants;

/// <summary>What a variant batch found: the product (the aggregate), its variants, the SKUs and references.</summary>
public sealed record VariantBatchState(
    Product Product,
    IReadOnlyDictionary<long, Variant> Variants,
    IReadOnlyDictionary<string, SkuOwner> Skus,
    IReadOnlySet<long> AttributeValueIds,
    IReadOnlySet<string> RoleKeys);

/// <summary>
/// The variants of one product. Every item changes the product through its methods and moves the product's stored
/// version (a <see cref="TouchRow"/>), so a client holding the product's old version, and so its old variant list,
/// gets a CONFLICT, not a deletion. A variant of another product is, seen from this one, a variant that does not exist.
/// </summary>
internal sealed class VariantBatchSpec(
    IProductStore products,
    IAttributeStore attributes,
    IWholesaleRoleStore roles,
    IValidator<VariantCreate> createValidator,
    IValidator<VariantUpdate> updateValidator)
    : BatchSpec<VariantWrite, VariantCreate, VariantUpdate, Variant, VariantBatchState>(
        "Variant", createValidator, updateValidator)
{
    public override IEnumerable<Claim> ClaimsOf(VariantWrite item, BatchOperation operation)
    {
        return VariantPlanner.SkuOf(item) is { } sku ? [new Claim("SKU", sku, "sku")] : [];
    }

    public override async Task<VariantBatchState> LoadAsync(
        Batch<VariantWrite, VariantCreate, VariantUpdate, Variant> batch, CancellationToken cancellationToken)
    {
        var productId = ((BatchVariants)batch.Command).ProductId;
        var writes = batch.OpenWrites.Select(w => w.Item).ToList();
        var skus = writes.Select(VariantPlanner.SkuOf).OfType<string>().ToHashSet();
        var valueIds = writes.SelectMany(VariantPlanner.AttributeValueIdsOf).ToHashSet();
        var roleKeys = writes.SelectMany(w => WholesaleMerge.RolesOf(w).Select(r => r.Role)).ToHashSet();

        var found = await products.GetManyAsync([productId], cancellationToken);
        var product = NotFoundException.The(found, "Product", productId);
        return new VariantBatchState(
            product,
            product.Variants.ToDictionary(v => v.Id),
            await FindAsync(skus, products.FindSkusAsync, cancellationToken) ?? new Dictionary<string, SkuOwner>(),
            await FindAsync(valueIds, attributes.FindExistingValuesAsync, cancellationToken) ?? new HashSet<long>(),
            (await FindAsync(roleKeys, roles.FindKeysAsync, cancellationToken))?.Keys.ToHashSet() ?? []);
    }

    public override IReadOnlyDictionary<long, Variant> TargetsOf(VariantBatchState state) => state.Variants;

    public override void Check(
        Batch<VariantWrite, VariantCreate, VariantUpdate, Variant> batch, VariantBatchState state)
    {
        foreach (var (entry, item) in batch.OpenWrites.ToList())
        {
            var stored = entry.Operation == BatchOperation.Update ? state.Variants[entry.Id!.Value] : null;
            var sku = VariantPlanner.SkuOf(item);
            if (sku is not null && state.Skus.TryGetValue(sku, out var owner) && owner.VariantId != stored?.Id)
            {
                entry.Fail(ErrorCodes.DuplicateSku, owner.Taken(sku), "sku");
            }

            entry.Fail(ErrorCodes.ReferenceNotFound, [
                .. VariantPlanner.CheckAttributeValues(item, state.AttributeValueIds, string.Empty),
                .. WholesaleMerge.CheckRoles(item, state.RoleKeys, string.Empty)]);
            entry.Fail(ErrorCodes.ValidationFailed, [
                .. VariantPlanner.CheckOptions(item, state.Product.Options, string.Empty),
                .. WholesaleMerge.Check(item, stored?.Wholesale ?? WholesaleTerms.None, string.Empty),
                .. stored is null ? [] : VariantPlanner.CheckExtensions(item, stored.Extensions, string.Empty)]);
        }
    }

    public override IReadOnlyDictionary<Type, int> InsertCounts(
        Batch<VariantWrite, VariantCreate, VariantUpdate, Variant> batch, VariantBatchState state) =>
        new Dictionary<Type, int>
        {
            [typeof(Variant)] = batch.OpenCreates.Count(),
            [typeof(VariantPrice)] = batch.OpenWrites.Sum(w => VariantPlanner.PricesToInsert(w.Item)),
        };

    /// <summary>The product's variant limit counts what the deletes free: the engine plans them first.</summary>
    public override RuleViolation? PlanCreate(
        LedgerEntry<Variant> entry, VariantCreate item, VariantBatchState state, PlanContext context)
    {
        var created = VariantPlanner.Create(state.Product, item, context, entry.Rows);
        entry.Id = created.Value?.Id;
        entry.Entity = created.Value;
        entry.Rows.Add(new TouchRow(state.Product));
        return created.Violation;
    }

    public override RuleViolation? PlanUpdate(
        LedgerEntry<Variant> entry, VariantUpdate item, Variant target, VariantBatchState state, PlanContext context)
    {
        entry.Entity = target;
        var violation = VariantPlanner.Update(state.Product, target, item, context, entry.Rows);
        entry.Rows.Add(new TouchRow(state.Product));
        return violation;
    }

    public override RuleViolation? PlanDelete(
        LedgerEntry<Variant> entry, Variant target, VariantBatchState state, PlanContext context)
    {
        state.Product.RemoveVariant(target, context.Now);
        var violation = base.PlanDelete(entry, target, state, context);
        entry.Rows.Add(new TouchRow(state.Product));
        return violation;
    }
}
