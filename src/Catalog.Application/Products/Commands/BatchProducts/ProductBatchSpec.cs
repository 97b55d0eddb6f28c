using Catalog.Application.Attributes;
using Catalog.Application.Categories;
using Catalog.Application.Tags;
using Catalog.Application.Variants;
using Catalog.Application.Variants.Wholesale;
using Catalog.Application.WholesaleRoles;
using Catalog.Domain.Categories;
using Microsoft.Extensions.Options;

namespace Catalog.Application.Products.Commands.BatchProducts;

/// <summary>What a product batch found in the database.</summary>
/// <param name="Categories">Those the items name and those the products it updates or deletes are in.</param>
/// <param name="Attributes">The names of the global attributes the items' options stand for, by id.</param>
public sealed record ProductBatchState(
    IReadOnlyDictionary<long, Product> Products,
    SkuLookup Skus,
    IReadOnlyDictionary<string, long> Handles,
    IReadOnlyDictionary<long, Category> Categories,
    IReadOnlyDictionary<long, string> Attributes,
    IReadOnlySet<long> AttributeValueIds,
    IReadOnlySet<string> RoleKeys)
{
    /// <summary>The tags the items name by id and those of the batch's tag names; read only when there are some.
    /// </summary>
    public IReadOnlyDictionary<long, Domain.Tags.Tag> Tags { get; init; } = new Dictionary<long, Domain.Tags.Tag>();

    /// <summary>Under <see cref="TakenHandles.Suffix"/>, the handles the items pick from; otherwise null.</summary>
    public HandleSuffixes? Suffixes { get; init; }
}

/// <summary>
/// A product batch: products with their variants, prices, category links and wholesale terms. An update's variant list
/// merges by id (named variants are updated or removed, new ones created, the rest kept; ADR 16).
/// </summary>
internal sealed class ProductBatchSpec(
    IProductStore products,
    ICategoryStore categories,
    IAttributeStore attributes,
    IWholesaleRoleStore roles,
    ITagStore tags,
    IValidator<ProductCreate> createValidator,
    IValidator<ProductUpdate> updateValidator,
    IMapper mapper,
    IOptions<JsonLimits> limits)
    : BatchSpec<ProductWrite, ProductCreate, ProductUpdate, Product, ProductBatchState>(
        "Product", createValidator, updateValidator)
{
    private const string SkuClaim = "SKU";

    private static readonly string[] SkuFields =
        [.. Enumerable.Range(0, ProductConstraints.MaxVariantsPerProduct).Select(i => $"variants[{i}].sku")];

    public override IEnumerable<Claim> ClaimsOf(ProductWrite item, BatchOperation operation) =>
        ClaimsOf(item, handle: true);

    /// <summary>A handle with a suffix to pick is not claimed: the item picks one no earlier item kept.</summary>
    public override IEnumerable<Claim> ClaimsOf(
        ProductWrite item, BatchOperation operation, ProductBatchState state) =>
        ClaimsOf(item, handle: state.Suffixes is null);

    private static IEnumerable<Claim> ClaimsOf(ProductWrite item, bool handle)
    {
        if (handle && HandleOf(item) is { } claimed)
        {
            yield return new Claim("handle", claimed, "handle");
        }

        foreach (var (sku, field) in SkusOf(item))
        {
            yield return new Claim(SkuClaim, sku, field);
        }
    }

    public override void CheckItem(LedgerEntry<Product> entry, ProductWrite item)
    {
        foreach (var group in Repeats.GroupsOf(SkusOf(item), s => s.Sku, StringComparer.Ordinal))
        {
            entry.Fail(ErrorCodes.DuplicateInBatch,
                $"The SKU '{group.Key}' is used by more than one variant of this product.", group.Last().Field);
        }

        var named = VariantsOf(item).Select((v, i) => (v.Id, Index: i)).Where(v => v.Id is not null);
        foreach (var group in Repeats.GroupsOf(named, v => v.Id))
        {
            entry.Fail(ErrorCodes.DuplicateInBatch,
                $"Variant {group.Key} is listed more than once in variants.", $"variants[{group.Last().Index}].id");
        }
    }

    public override async Task<ProductBatchState> LoadAsync(
        Batch<ProductWrite, ProductCreate, ProductUpdate, Product> batch, CancellationToken cancellationToken)
    {
        // The products first: the rows everything else is checked against, and what a dialect's updates are stated
        // against (they become the updates that apply before anything is read from them).
        var productIds = batch.OpenTargetIds();
        var found = productIds.Count == 0
            ? new Dictionary<long, Product>()
            : (await products.GetManyAsync(productIds, cancellationToken)).ToDictionary(p => p.Id);
        batch.ResolveUpdates(found);

        var writes = batch.OpenWrites.Select(w => w.Item).ToList();
        var skus = writes.SelectMany(w => SkusOf(w).Select(s => s.Sku)).ToHashSet();
        var handles = writes.Select(HandleOf).OfType<string>().ToHashSet();
        var categoryIds = writes.SelectMany(w => w.CategoryIds.Items())
            .Concat(found.Values.SelectMany(p => p.Categories).Select(c => c.CategoryId))
            .ToHashSet();
        var attributeIds = writes.SelectMany(OptionsOf).Select(o => o.AttributeId).OfType<long>().ToHashSet();
        var variants = writes.SelectMany(VariantsOf).ToList();
        var valueIds = variants.SelectMany(VariantPlanner.AttributeValueIdsOf).ToHashSet();
        var roleKeys = variants.SelectMany(v => WholesaleMerge.RolesOf(v).Select(r => r.Role)).ToHashSet();

        var owners = await FindAsync(handles, products.FindHandlesAsync, cancellationToken)
            ?? new Dictionary<string, long>();
        var suffixes = batch.Command is BatchProducts { TakenHandles: TakenHandles.Suffix }
            ? await HandleSuffixes.ReadAsync(
                writes.Select(HandleOf).OfType<string>(), owners, products.FindHandlesAsync, cancellationToken)
            : null;
        var references = attributeIds.Count == 0 && valueIds.Count == 0
            ? new AttributeReferences(new Dictionary<long, string>(), new HashSet<long>())
            : await attributes.FindReferencesAsync(attributeIds, valueIds, cancellationToken);
        return new ProductBatchState(
            found,
            await TakenSkus.FindAsync(
                products, skus, owners => TakenIn(batch, owners), Repeated(writes), cancellationToken),
            owners,
            (await FindAsync(categoryIds, categories.GetManyAsync, cancellationToken))?.ToDictionary(c => c.Id) ?? [],
            references.Attributes,
            references.ValueIds,
            (await FindAsync(roleKeys, roles.FindKeysAsync, cancellationToken))?.Keys.ToHashSet() ?? [])
        {
            Tags = await TagsAsync(writes, found.Values, cancellationToken),
            Suffixes = suffixes,
        };
    }

    /// <summary>
    /// The tags the items name by id, with those of the tag names the batch's products carry (so an answer can show
    /// every tag with its id, as WooCommerce's does): one query, and none when no product of the batch has a tag.
    /// </summary>
    private async Task<IReadOnlyDictionary<long, Domain.Tags.Tag>> TagsAsync(
        IReadOnlyList<ProductWrite> writes, IEnumerable<Product> stored, CancellationToken cancellationToken)
    {
        var ids = writes.SelectMany(w => w.TagIds.Items()).ToHashSet();
        var names = writes.SelectMany(w => w.Tags.Items()).Concat(stored.SelectMany(p => p.Tags))
            .ToHashSet(StringComparer.Ordinal);
        return ids.Count == 0 && names.Count == 0
            ? new Dictionary<long, Domain.Tags.Tag>()
            : (await tags.FindAsync(ids, names, [], cancellationToken)).ToDictionary(t => t.Id);
    }

    public override IReadOnlyDictionary<long, Product> TargetsOf(ProductBatchState state) => state.Products;

    public override BatchReferences ReferencesOf(ProductBatchState state) =>
        state.Categories.Count == 0 && state.Tags.Count == 0
            ? BatchReferences.None
            : new(state.Categories.Values.ToDictionary(c => c.Id, mapper.Map<CategoryDto>))
            {
                Tags = state.Tags.Values.ToDictionary(t => t.Id, mapper.Map<TagDto>),
            };

    public override void Check(
        Batch<ProductWrite, ProductCreate, ProductUpdate, Product> batch, ProductBatchState state)
    {
        foreach (var (entry, item) in batch.OpenWrites.ToList())
        {
            if (state.Suffixes is null)
            {
                FailTaken(entry, HandleOf(item), state.Handles, "handle");
            }

            foreach (var (sku, field, owner) in TakenBy(entry, item, state.Skus.Owners))
            {
                entry.Fail(owner.Refusal(sku, field));
            }

            entry.Fail(ErrorCodes.ReferenceNotFound, [.. ReferenceProblems(item, state)]);
        }
    }

    /// <summary>A later claim of a SKU names the variant the earlier item gave it, as WooCommerce would.</summary>
    public override ItemError ClaimedEarlier(
        ItemError error, LedgerEntry<Product> owner, Claim claim, ProductBatchState state) =>
        claim.Kind == SkuClaim && owner.Entity is { } product
            && product.Variants.FirstOrDefault(v => v.Sku == claim.Value) is { } holder
            ? error with
            {
                SkuHolder = new SkuHolder(
                    claim.Value, product.Id, holder.Id, product.Variants.Count == 1, state.Skus.FreeFor(claim.Value)),
            }
            : error;

    /// <summary>The SKUs more than one item sends.</summary>
    private static IEnumerable<string> Repeated(IEnumerable<ProductWrite> writes) =>
        writes.SelectMany(w => SkusOf(w).Select(s => s.Sku).Distinct())
            .GroupBy(sku => sku, StringComparer.Ordinal)
            .Where(g => g.Skip(1).Any())
            .Select(g => g.Key);

    /// <summary>The SKUs an item sends that a variant of another product holds.</summary>
    private static IEnumerable<(string Sku, string Field, SkuOwner Owner)> TakenBy(
        LedgerEntry<Product> entry, ProductWrite item, IReadOnlyDictionary<string, SkuOwner> owners)
    {
        var ownId = entry.Operation == BatchOperation.Update ? entry.Id : null;
        foreach (var (sku, field) in SkusOf(item))
        {
            if (owners.TryGetValue(sku, out var owner) && owner.ProductId != ownId)
            {
                yield return (sku, field, owner);
            }
        }
    }

    private static IEnumerable<string> TakenIn(
        Batch<ProductWrite, ProductCreate, ProductUpdate, Product> batch,
        IReadOnlyDictionary<string, SkuOwner> owners) =>
        batch.OpenWrites.SelectMany(w => TakenBy(w.Entry, w.Item, owners)).Select(t => t.Sku);

    public override IReadOnlyDictionary<Type, int> InsertCounts(
        Batch<ProductWrite, ProductCreate, ProductUpdate, Product> batch, ProductBatchState state)
    {
        var counts = new Dictionary<Type, int>
        {
            [typeof(Product)] = 0,
            [typeof(Variant)] = 0,
            [typeof(VariantPrice)] = 0,
        };
        foreach (var (entry, item) in batch.OpenWrites)
        {
            counts[typeof(Product)] += entry.Operation == BatchOperation.Create ? 1 : 0;
            foreach (var variant in VariantsOf(item))
            {
                counts[typeof(Variant)] += variant is { Id: not null } ? 0 : 1;
                counts[typeof(VariantPrice)] += VariantPlanner.PricesToInsert(variant);
            }
        }

        return counts;
    }

    public override RuleViolation? PlanCreate(
        LedgerEntry<Product> entry, ProductCreate item, ProductBatchState state, PlanContext context) =>
        Kept(entry, state, PlanNew(entry, item, state, context));

    public override RuleViolation? PlanUpdate(
        LedgerEntry<Product> entry, ProductUpdate item, Product target, ProductBatchState state, PlanContext context) =>
        Kept(entry, state, PlanChange(entry, item, target, state, context));

    /// <summary>An item that planned keeps the handle it picked (see <see cref="HandleSuffixes"/>).</summary>
    private static RuleViolation? Kept(LedgerEntry<Product> entry, ProductBatchState state, RuleViolation? violation)
    {
        if (violation is null && entry.IsOpen && entry.Entity is { } product)
        {
            state.Suffixes?.Keep(product.Handle);
        }

        return violation;
    }

    private static RuleViolation? PlanNew(
        LedgerEntry<Product> entry, ProductCreate item, ProductBatchState state, PlanContext context)
    {
        var blank = new ProductDetails { Handle = HandleOf(item)!, Title = item.Title.Value! };
        var details = Apply(item, blank, state, ownId: null);
        var variants = item.Variants.Value ?? [];
        var problems = variants.SelectMany((v, i) =>
            VariantPlanner.CheckOptions(v, details.Options, $"variants[{i}].")
                .Concat(WholesaleMerge.Check(v, WholesaleTerms.None, $"variants[{i}].")));
        entry.Fail(ErrorCodes.ValidationFailed, [.. problems]);
        if (!entry.IsOpen)
        {
            return null;
        }

        var created = Product.Create(context.Ids.Next<Product>(), details, context.Now);
        if (created.Violation is { } refused)
        {
            return refused;
        }

        var product = created.Value;
        entry.Id = product.Id;
        entry.Entity = product;
        entry.Rows.Add(new InsertRow(product));
        entry.Rows.AddChanges(product.SetCategories(item.CategoryIds.Value ?? []));
        for (var i = 0; i < variants.Count; i++)
        {
            if (VariantPlanner.Create(product, variants[i], context, entry.Rows).Violation is { } violation)
            {
                return violation.Under($"variants[{i}].");
            }
        }

        return null;
    }

    private RuleViolation? PlanChange(
        LedgerEntry<Product> entry, ProductUpdate item, Product target, ProductBatchState state, PlanContext context)
    {
        var details = Apply(item, target.Details, state, target.Id);
        var variants = item.Variants.Items();
        entry.Fail(ErrorCodes.ValidationFailed, [.. UpdateProblems(item, target, details, variants)]);
        entry.Fail(ErrorCodes.Conflict, [.. StaleVariants(target, variants)]);
        if (!entry.IsOpen)
        {
            return null;
        }

        var expected = target.Version;
        if (target.Update(details, context.Now) is { } refused)
        {
            return refused;
        }

        entry.Entity = target;
        entry.Rows.Add(new UpdateRow(target, expected));
        if (item.CategoryIds.HasValue)
        {
            entry.Rows.AddChanges(target.SetCategories(item.CategoryIds.Value ?? []));
        }

        return item.Variants.HasValue ? MergeVariants(entry, target, item, context) : null;
    }

    /// <summary>What only the merged state shows: variants not the product's, options, extensions, terms.</summary>
    private List<Problem> UpdateProblems(
        ProductUpdate item, Product product, ProductDetails details, IReadOnlyList<ProductVariantWrite> variants)
    {
        var problems = new List<Problem>();
        for (var i = 0; i < variants.Count; i++)
        {
            var sent = variants[i];
            var prefix = $"variants[{i}].";
            var stored = product.Variants.FirstOrDefault(existing => existing.Id == sent.Id);
            problems.AddRange(VariantPlanner.CheckOptions(sent, details.Options, prefix));
            if (sent.Id is { } id && stored is null)
            {
                problems.Add(($"{prefix}id", $"Variant {id} is not a variant of product {product.Id}."));
            }

            if (stored is not null)
            {
                problems.AddRange(VariantPlanner.CheckMerges(sent, stored, prefix, limits.Value));
            }

            problems.AddRange(WholesaleMerge.Check(sent, stored?.Wholesale ?? WholesaleTerms.None, prefix));
        }

        problems.AddRange(OptionsOrphanedByUpdate(item, product, details, variants));
        if (item.Extensions.HasValue)
        {
            problems.AddRange(ExtensionsJson.MergeProblems(product.Extensions, item.Extensions.Value, "extensions"));
        }

        if (item.Metadata.HasValue)
        {
            var metadata = item.Metadata.Value;
            problems.AddRange(MetadataJson.MergeProblems(product.Metadata, metadata, "metadata", limits.Value));
        }

        return problems;
    }

    /// <summary>The sent variants whose version is not the stored one: they changed since they were read.</summary>
    private static IEnumerable<Problem> StaleVariants(
        Product product, IReadOnlyList<ProductVariantWrite> variants)
    {
        for (var i = 0; i < variants.Count; i++)
        {
            if (variants[i] is { Id: { } id, Version: { } version }
                && product.Variants.FirstOrDefault(v => v.Id == id) is { } stored && stored.Version != version)
            {
                yield return ($"variants[{i}].version",
                    $"Variant {id} is at version {stored.Version}, not {version}: it changed since it was read.");
            }
        }
    }

    /// <summary>
    /// When an update changes the product's options, the variants it keeps without sending new option values must
    /// still fit them: a variant left with "Size: XL" after XL was removed would be a variant no one can select.
    /// </summary>
    private static IEnumerable<Problem> OptionsOrphanedByUpdate(
        ProductUpdate item, Product product, ProductDetails details, IReadOnlyList<ProductVariantWrite> variants)
    {
        if (!item.Options.HasValue)
        {
            return [];
        }

        var resent = variants.Where(v => v.Id is not null && v.Options.HasValue).Select(v => v.Id!.Value).ToHashSet();
        var kept = product.Variants.Where(existing => Keeps(item, existing.Id));
        bool Offered(KeyValuePair<string, string> pair) => details.Options.Any(o =>
            string.Equals(o.Title, pair.Key, StringComparison.OrdinalIgnoreCase)
            && o.Values.Contains(pair.Value, StringComparer.Ordinal));
        return kept.Where(v => !resent.Contains(v.Id))
            .SelectMany(v => v.Options.Where(pair => !Offered(pair)).Select(pair => (
                "options",
                $"Variant {v.Id} has {pair.Key} '{pair.Value}', which the new options do not offer; "
                + "send its new option values too.")));
    }

    /// <summary>
    /// The sent variants merge by id: named ones are updated (or removed, with <c>remove</c>), new ones created, and
    /// those not named stay, unless <c>replace_variants</c> says the list is the whole one.
    /// </summary>
    private static RuleViolation? MergeVariants(
        LedgerEntry<Product> entry, Product product, ProductUpdate item, PlanContext context)
    {
        foreach (var gone in product.Variants.Where(v => !Keeps(item, v.Id)).ToList())
        {
            product.RemoveVariant(gone, context.Now);
            entry.Rows.Add(new DeleteRow(gone, MustExist: false));
        }

        var variants = item.Variants.Items();
        for (var i = 0; i < variants.Count; i++)
        {
            if (variants[i].Remove == true)
            {
                continue;
            }

            var stored = product.Variants.FirstOrDefault(v => v.Id == variants[i].Id);
            var violation = stored is not null
                ? VariantPlanner.Update(product, stored, variants[i], context, entry.Rows)
                : VariantPlanner.Create(product, variants[i], context, entry.Rows).Violation;
            if (violation is not null)
            {
                return violation.Under($"variants[{i}].");
            }
        }

        return null;
    }

    /// <summary>Whether the product keeps its variant <paramref name="variantId"/> through the update.</summary>
    private static bool Keeps(ProductUpdate item, long variantId)
    {
        var variants = item.Variants.Items();
        var named = variants.FirstOrDefault(v => v.Id == variantId);
        return named is null ? item.ReplaceVariants != true : named.Remove != true;
    }

    /// <summary>The product's details once the item is applied; <paramref name="ownId"/> for an update.</summary>
    private static ProductDetails Apply(
        ProductWrite item, ProductDetails current, ProductBatchState state, long? ownId)
    {
        var handle = HandleOf(item);
        return current with
        {
            Handle = handle is null ? current.Handle : state.Suffixes?.Pick(handle, ownId) ?? handle,
            Title = item.Title.HasValue ? item.Title.Value! : current.Title,
            Subtitle = item.Subtitle.Or(current.Subtitle),
            Description = item.Description.Or(current.Description),
            Status = item.Status.Or(current.Status) ?? current.Status,
            Thumbnail = item.Thumbnail.Or(current.Thumbnail),
            Images = item.Images.HasValue
                ? [.. item.Images.Items().Select(i => new ProductImage(i.Url!))]
                : current.Images,
            Tags = TagsOf(item, current.Tags, state),
            Options = item.Options.HasValue ? [.. item.Options.Items().Select(o => Option(o, state))] : current.Options,
            Metadata = !item.Metadata.HasValue ? current.Metadata
                : item is ProductUpdate ? MetadataJson.Merge(current.Metadata, item.Metadata.Value)
                : MetadataJson.ToText(item.Metadata.Value),
            Extensions = item.Extensions.HasValue
                ? ExtensionsJson.Merge(current.Extensions, item.Extensions.Value)
                : current.Extensions,
            Weight = item.Weight.Or(current.Weight),
            Length = item.Length.Or(current.Length),
            Width = item.Width.Or(current.Width),
            Height = item.Height.Or(current.Height),
            ExternalId = item.ExternalId.Or(current.ExternalId),
        };
    }

    /// <summary>The names sent, then those of the tags sent by id (distinct); the stored ones when neither is sent.
    /// </summary>
    private static IReadOnlyList<string> TagsOf(
        ProductWrite item, IReadOnlyList<string> current, ProductBatchState state) =>
        item.Tags.HasValue || item.TagIds.HasValue
            ? [.. item.Tags.Items().Concat(item.TagIds.Items().Where(state.Tags.ContainsKey)
                .Select(id => state.Tags[id].Name)).Distinct(StringComparer.Ordinal)]
            : current;

    /// <summary>An option; one that stands for a global attribute is named after it unless the item names it.</summary>
    private static ProductOption Option(OptionInput option, ProductBatchState state) => new(
        option.Title ?? state.Attributes[option.AttributeId!.Value],
        [.. option.Values!],
        option.AttributeId,
        option.Visible ?? true,
        option.Variation ?? true);

    /// <summary>The handle an item claims: the one it sends, or on create one derived from its title.</summary>
    private static string? HandleOf(ProductWrite item) => item switch
    {
        { Handle: { HasValue: true, Value: { } handle } } => handle,
        ProductCreate { Title: { HasValue: true, Value: { } title } } => HandleFormat.FromText(title),
        _ => null,
    };

    private static IEnumerable<OptionInput> OptionsOf(ProductWrite item) =>
        item.Options is { HasValue: true, Value: { } options } ? options.Where(o => o is not null) : [];

    private static IEnumerable<ProductVariantWrite> VariantsOf(ProductWrite item) =>
        item.Variants is { HasValue: true, Value: { } variants } ? variants.Where(v => v is not null) : [];

    private static IEnumerable<(string Sku, string Field)> SkusOf(ProductWrite item) =>
        VariantsOf(item).Select((v, i) => (VariantPlanner.SkuOf(v), SkuField(i)))
            .Where(s => s.Item1 is not null)
            .Select(s => (s.Item1!, s.Item2));

    /// <summary>The field of a variant's SKU, written once per place rather than for every claim.</summary>
    private static string SkuField(int index) => index < SkuFields.Length ? SkuFields[index] : $"variants[{index}].sku";

    private static IEnumerable<Problem> ReferenceProblems(ProductWrite item, ProductBatchState state)
    {
        var categoryIds = item.CategoryIds.Items();
        for (var i = 0; i < categoryIds.Count; i++)
        {
            if (!state.Categories.ContainsKey(categoryIds[i]))
            {
                yield return ($"category_ids[{i}]", $"Category {categoryIds[i]} does not exist.");
            }
        }

        var tagIds = item.TagIds.Items();
        for (var i = 0; i < tagIds.Count; i++)
        {
            if (!state.Tags.ContainsKey(tagIds[i]))
            {
                yield return ($"tag_ids[{i}]", $"Tag {tagIds[i]} does not exist.");
            }
        }

        var options = item.Options.Items();
        for (var i = 0; i < options.Count; i++)
        {
            if (options[i]?.AttributeId is not { } attributeId)
            {
                continue;
            }

            if (!state.Attributes.TryGetValue(attributeId, out var name))
            {
                yield return ($"options[{i}].attribute_id", $"Attribute {attributeId} does not exist.");
            }
            else if (options[i].Title is null && name.Length > ProductConstraints.MaxOptionTitleLength)
            {
                yield return ($"options[{i}].title",
                    $"Attribute {attributeId}'s name is longer than {ProductConstraints.MaxOptionTitleLength} "
                    + "characters, the most an option's title has: send a title.");
            }
        }

        var variants = VariantsOf(item).ToList();
        for (var v = 0; v < variants.Count; v++)
        {
            var prefix = $"variants[{v}].";
            foreach (var problem in VariantPlanner.CheckAttributeValues(variants[v], state.AttributeValueIds, prefix)
                .Concat(WholesaleMerge.CheckRoles(variants[v], state.RoleKeys, prefix)))
            {
                yield return problem;
            }
        }
    }
}
