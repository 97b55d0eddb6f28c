using Catalog.Application.Attributes;
using Catalog.Application.Common.Exceptions;
using Catalog.Application.Products;
using Catalog.Application.Variants.Wholesale;
using Catalog.Application.WholesaleRoles;
using Microsoft.Extensions.Options;

namespace Catalog.Application.Variants.Commands.BatchVariants;

/// <summary>
/// What a variant batch found: the products (the aggregates) it changes, their variants, the SKUs and references.
/// <paramref name="Scope"/> is the product a batch of one product names.
/// </summary>
public sealed record VariantBatchState(
    long? Scope,
    IReadOnlyDictionary<long, Product> Products,
    IReadOnlyDictionary<long, Variant> Variants,
    SkuLookup Skus,
    IReadOnlySet<long> AttributeValueIds,
    IReadOnlySet<string> RoleKeys)
{
    /// <summary>The product a create adds to; only for a create whose product was checked.</summary>
    public Product ProductOf(VariantCreate item) => Products[Scope ?? item.ProductId!.Value];

    public Product ProductOf(Variant variant) => Products[variant.ProductId];
}

/// <summary>
/// Variants of one product, or of many (each create naming its product, each update and delete found by the variant's
/// id; one more query finds their products, whatever their number). Every item changes the product through its methods
/// and moves the product's stored version (a <see cref="TouchRow"/>), so a client holding the product's old version,
/// and so its old variant list, gets a CONFLICT, not a deletion. In a batch of one product, a variant of another
/// product is a variant that does not exist.
/// </summary>
internal sealed class VariantBatchSpec(
    IProductStore products,
    IAttributeStore attributes,
    IWholesaleRoleStore roles,
    IValidator<VariantCreate> createValidator,
    IValidator<VariantUpdate> updateValidator,
    IMapper mapper,
    IOptions<JsonLimits> limits)
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
        var command = (BatchVariants)batch.Command;
        var scope = command.ProductId;

        // Without a product named by the batch, the products are those the creates name and those that own the
        // variants updated or deleted: one query finds the owners, however many products there are.
        var owners = scope is null
            ? await FindAsync(batch.OpenTargetIds(), products.FindVariantProductsAsync, cancellationToken)
            : null;
        HashSet<long> productIds = scope is { } id ? [id] : [
            .. batch.OpenCreates.Select(c => c.Item.ProductId).OfType<long>(),
            .. owners?.Values ?? []];
        var found = productIds.Count == 0 ? [] : await products.GetManyAsync(productIds, cancellationToken);
        if (scope is { } named)
        {
            NotFoundException.The(found, "Product", named);
        }

        if (command.ResolveAgainst is { } resolve)
        {
            batch.Restate(resolve(mapper.Map<ProductDto>(found.Single(p => p.Id == scope))));
        }

        var writes = batch.OpenWrites.Select(w => w.Item).ToList();
        var skus = writes.Select(VariantPlanner.SkuOf).OfType<string>().ToHashSet();
        var repeated = writes.Select(VariantPlanner.SkuOf).OfType<string>()
            .GroupBy(sku => sku, StringComparer.Ordinal).Where(g => g.Skip(1).Any()).Select(g => g.Key);
        var valueIds = writes.SelectMany(VariantPlanner.AttributeValueIdsOf).ToHashSet();
        var roleKeys = writes.SelectMany(w => WholesaleMerge.RolesOf(w).Select(r => r.Role)).ToHashSet();
        return new VariantBatchState(
            scope,
            found.ToDictionary(p => p.Id),
            found.SelectMany(p => p.Variants).ToDictionary(v => v.Id),
            await TakenSkus.FindAsync(products, skus, owners => TakenIn(batch, owners), repeated, cancellationToken),
            await FindAsync(valueIds, attributes.FindExistingValuesAsync, cancellationToken) ?? new HashSet<long>(),
            (await FindAsync(roleKeys, roles.FindKeysAsync, cancellationToken))?.Keys.ToHashSet() ?? []);
    }

    public override IReadOnlyDictionary<long, Variant> TargetsOf(VariantBatchState state) => state.Variants;

    /// <summary>A batch of one product answers that product too, as the batch left it.</summary>
    public override BatchReferences ReferencesOf(VariantBatchState state) =>
        state.Scope is { } id && state.Products.TryGetValue(id, out var product)
            ? BatchReferences.None with { Product = mapper.Map<ProductDto>(product) }
            : BatchReferences.None;

    public override void Check(
        Batch<VariantWrite, VariantCreate, VariantUpdate, Variant> batch, VariantBatchState state)
    {
        foreach (var (entry, item) in batch.OpenCreates.ToList())
        {
            CheckProduct(entry, item, state);
        }

        foreach (var (entry, item) in batch.OpenWrites.ToList())
        {
            var stored = entry.Operation == BatchOperation.Update ? state.Variants[entry.Id!.Value] : null;
            var product = stored is null ? state.ProductOf((VariantCreate)item) : state.ProductOf(stored);
            if (TakenBy(item, stored?.Id, state.Skus.Owners) is { } owner)
            {
                entry.Fail(owner.Refusal(VariantPlanner.SkuOf(item)!, "sku"));
            }

            entry.Fail(ErrorCodes.ReferenceNotFound, [
                .. VariantPlanner.CheckAttributeValues(item, state.AttributeValueIds, string.Empty),
                .. WholesaleMerge.CheckRoles(item, state.RoleKeys, string.Empty)]);
            entry.Fail(ErrorCodes.ValidationFailed, [
                .. VariantPlanner.CheckOptions(item, product.Options, string.Empty),
                .. WholesaleMerge.Check(item, stored?.Wholesale ?? WholesaleTerms.None, string.Empty),
                .. stored is null ? [] : VariantPlanner.CheckMerges(item, stored, string.Empty, limits.Value)]);
        }
    }

    /// <summary>
    /// A later claim of a SKU names the variant the earlier item gave it, as WooCommerce would; as a variant of its
    /// own, whatever the product's count (a variant batch is WooCommerce's variations route, not a simple product).
    /// </summary>
    public override ItemError ClaimedEarlier(
        ItemError error, LedgerEntry<Variant> owner, Claim claim, VariantBatchState state) =>
        owner.Entity is { } holder && holder.Sku == claim.Value
            ? error with
            {
                SkuHolder = new SkuHolder(
                    claim.Value, holder.ProductId, holder.Id, OnlyVariant: false, state.Skus.FreeFor(claim.Value)),
            }
            : error;

    /// <summary>The owner of the SKU the item sends, when that is another variant than the one it updates.</summary>
    private static SkuOwner? TakenBy(
        VariantWrite item, long? variantId, IReadOnlyDictionary<string, SkuOwner> owners) =>
        VariantPlanner.SkuOf(item) is { } sku && owners.TryGetValue(sku, out var owner) && owner.VariantId != variantId
            ? owner
            : null;

    private static IEnumerable<string> TakenIn(
        Batch<VariantWrite, VariantCreate, VariantUpdate, Variant> batch,
        IReadOnlyDictionary<string, SkuOwner> owners) =>
        batch.OpenWrites
            .Where(w => TakenBy(w.Item, UpdatedId(w.Entry), owners) is not null)
            .Select(w => VariantPlanner.SkuOf(w.Item)!);

    private static long? UpdatedId(LedgerEntry<Variant> entry) =>
        entry.Operation == BatchOperation.Update ? entry.Id : null;

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
        var product = state.ProductOf(item);
        var created = VariantPlanner.Create(product, item, context, entry.Rows);
        entry.Id = created.Value?.Id;
        entry.Entity = created.Value;
        entry.Rows.Add(new TouchRow(product));
        return created.Violation;
    }

    public override RuleViolation? PlanUpdate(
        LedgerEntry<Variant> entry, VariantUpdate item, Variant target, VariantBatchState state, PlanContext context)
    {
        entry.Entity = target;
        var product = state.ProductOf(target);
        var violation = VariantPlanner.Update(product, target, item, context, entry.Rows);
        entry.Rows.Add(new TouchRow(product));
        return violation;
    }

    public override RuleViolation? PlanDelete(
        LedgerEntry<Variant> entry, Variant target, VariantBatchState state, PlanContext context)
    {
        var product = state.ProductOf(target);
        product.RemoveVariant(target, context.Now);
        var violation = base.PlanDelete(entry, target, state, context);
        entry.Rows.Add(new TouchRow(product));
        return violation;
    }

    /// <summary>Fails a create whose product is missing, unknown, or not the one its batch is for.</summary>
    private static void CheckProduct(LedgerEntry<Variant> entry, VariantCreate item, VariantBatchState state)
    {
        if (item.ProductId is { } named && state.Scope is { } scope && named != scope)
        {
            entry.Fail(
                ErrorCodes.ValidationFailed,
                $"product_id {named} is not product {scope}, whose variants this batch changes.",
                "product_id");
        }
        else if (state.Scope is null && item.ProductId is null)
        {
            entry.Fail(
                ErrorCodes.ValidationFailed, "product_id is required: the batch names no product.", "product_id");
        }
        else if (state.Scope is null && !state.Products.ContainsKey(item.ProductId!.Value))
        {
            entry.Fail(ErrorCodes.ReferenceNotFound, $"Product {item.ProductId} does not exist.", "product_id");
        }
    }
}
