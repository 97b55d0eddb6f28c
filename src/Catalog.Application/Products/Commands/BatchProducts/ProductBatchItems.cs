using Catalog.Application.Common;
using Catalog.Application.Common.Batches;
using Catalog.Application.Common.Json;
using Catalog.Application.Variants;
using Catalog.Application.Variants.Wholesale;
using Catalog.Domain.Common;
using Catalog.Domain.Products;
using Catalog.Domain.Wholesale;

namespace Catalog.Application.Products.Commands.BatchProducts;

/// <summary>The items of one product batch beside their ledger entries: what they claim, what they refer to, and their plan.</summary>
internal sealed class ProductBatchItems(BatchLedger<Product> ledger, BatchProducts request)
{
    private static readonly string[] SkuFields = [.. Enumerable.Range(0, ProductConstraints.MaxVariantsPerProduct).Select(i => $"variants[{i}].sku")];

    private IEnumerable<(LedgerEntry<Product> Entry, ProductWrite Item)> OpenWrites => ledger.OpenWrites<ProductWrite>(request.Create, request.Update);

    public void FailRepeatedClaims()
    {
        ledger.FailRepeatedValues(OpenWrites.Select(w => (w.Entry, HandleOf(w.Item), "handle")), "handle");

        foreach (var (entry, item) in OpenWrites)
        {
            foreach (var group in Repeats.GroupsOf(SkusOf(item), s => s.Sku, StringComparer.Ordinal))
            {
                entry.Fail(ErrorCodes.DuplicateInBatch, $"The SKU '{group.Key}' is used by more than one variant of this product.", group.Last().Field);
            }

            foreach (var group in Repeats.GroupsOf(VariantsOf(item).Select((v, i) => (v.Id, Index: i)).Where(v => v.Id is not null), v => v.Id))
            {
                entry.Fail(ErrorCodes.DuplicateInBatch, $"Variant {group.Key} is listed more than once in variants.", $"variants[{group.Last().Index}].id");
            }
        }

        ledger.FailRepeatedValues(OpenWrites.SelectMany(w => SkusOf(w.Item).Select(s => (w.Entry, (string?)s.Sku, s.Field))), "SKU");
    }

    public HashSet<string> ClaimedSkus() => [.. OpenWrites.SelectMany(w => SkusOf(w.Item).Select(s => s.Sku))];

    public HashSet<string> ClaimedHandles() => [.. OpenWrites.Select(w => HandleOf(w.Item)).OfType<string>()];

    public HashSet<long> ReferencedCategoryIds() =>
        [.. OpenWrites.SelectMany(w => w.Item.CategoryIds.HasValue ? w.Item.CategoryIds.Value ?? [] : [])];

    public HashSet<long> ReferencedAttributeIds() =>
        [.. OpenWrites.SelectMany(w => OptionsOf(w.Item)).Select(o => o.AttributeId).OfType<long>()];

    public HashSet<long> ReferencedAttributeValueIds() =>
        [.. OpenWrites.SelectMany(w => VariantsOf(w.Item)).SelectMany(VariantPlanner.AttributeValueIdsOf)];

    public HashSet<string> ReferencedRoleKeys() =>
        [.. OpenWrites.SelectMany(w => VariantsOf(w.Item)).SelectMany(v => WholesaleMerge.RolesOf(v).Select(r => r.Role))];

    /// <summary>Fails the items whose targets are missing, whose versions are stale, or whose claims or references the database contradicts.</summary>
    public void CheckAgainst(ProductBatchState state)
    {
        ledger.FailMissingOrStale(state.Products, i => request.Update[i].Version, "Product");

        foreach (var (entry, item) in OpenWrites.ToList())
        {
            var ownId = entry.Operation == BatchOperation.Update ? entry.Id : null;
            if (HandleOf(item) is { } handle && state.Handles.TryGetValue(handle, out var owner) && owner != ownId)
            {
                entry.Fail(ErrorCodes.DuplicateHandle, $"The handle '{handle}' is taken by product {owner}.", "handle");
            }

            foreach (var (sku, field) in SkusOf(item))
            {
                if (state.Skus.TryGetValue(sku, out var skuOwner) && skuOwner.ProductId != ownId)
                {
                    entry.Fail(ErrorCodes.DuplicateSku, $"The SKU '{sku}' is taken by variant {skuOwner.VariantId} of product {skuOwner.ProductId}.", field);
                }
            }

            entry.Fail(ErrorCodes.ReferenceNotFound, [.. ReferenceProblems(item, state)]);
        }
    }

    public Dictionary<Type, int> InsertCounts(ProductBatchState state)
    {
        var counts = new Dictionary<Type, int> { [typeof(Product)] = 0, [typeof(Variant)] = 0, [typeof(VariantPrice)] = 0 };
        foreach (var (entry, item) in OpenWrites)
        {
            if (entry.Operation == BatchOperation.Create)
            {
                counts[typeof(Product)]++;
            }

            foreach (var variant in VariantsOf(item))
            {
                counts[typeof(Variant)] += variant is ProductVariantWrite { Id: not null } ? 0 : 1;
                counts[typeof(VariantPrice)] += VariantPlanner.PricesToInsert(variant);
            }
        }

        return counts;
    }

    public void Plan(ProductBatchState state, IdPool ids, DateTimeOffset now)
    {
        foreach (var entry in ledger.Creates.Where(e => e.IsOpen))
        {
            PlanCreate(entry, request.Create[entry.Index], ids, now);
        }

        foreach (var entry in ledger.Updates.Where(e => e.IsOpen))
        {
            PlanUpdate(entry, request.Update[entry.Index], state.Products[entry.Id!.Value], ids, now);
        }

        foreach (var entry in ledger.Deletes.Where(e => e.IsOpen))
        {
            entry.Entity = state.Products[entry.Id!.Value];
            entry.Rows.Add(new DeleteRow(entry.Entity, MustExist: true));
        }
    }

    private static void PlanCreate(LedgerEntry<Product> entry, ProductCreate item, IdPool ids, DateTimeOffset now)
    {
        var details = Apply(item, new ProductDetails { Handle = HandleOf(item)!, Title = item.Title.Value! });
        var optionProblems = (item.Variants.Value ?? []).SelectMany((v, i) => VariantPlanner.CheckOptions(v, details.Options, $"variants[{i}].")
            .Concat(WholesaleMerge.Check(v, WholesaleTerms.None, $"variants[{i}]."))).ToList();
        entry.Fail(ErrorCodes.ValidationFailed, optionProblems);
        if (!entry.IsOpen)
        {
            return;
        }

        var product = Product.Create(ids.Next<Product>(), details, now);
        entry.Id = product.Id;
        entry.Entity = product;
        entry.Rows.Add(new InsertRow(product));
        var (_, links) = product.SetCategories(item.CategoryIds.Value ?? []);
        entry.Rows.AddRange(links.Select(l => new InsertRow(l)));
        foreach (var input in item.Variants.Value ?? [])
        {
            VariantPlanner.Create(product, input, ids, now, entry.Rows);
        }
    }

    private static void PlanUpdate(LedgerEntry<Product> entry, ProductUpdate item, Product product, IdPool ids, DateTimeOffset now)
    {
        var details = Apply(item, product.Details);
        var variants = item.Variants.HasValue ? item.Variants.Value ?? [] : [];
        var problems = variants.SelectMany((v, i) => VariantPlanner.CheckOptions(v, details.Options, $"variants[{i}].")).ToList();
        problems.AddRange(variants.Select((v, i) => (v, i))
            .Where(p => p.v.Id is { } id && product.Variants.All(existing => existing.Id != id))
            .Select(p => ($"variants[{p.i}].id", $"Variant {p.v.Id} is not a variant of product {product.Id}.")));
        problems.AddRange(OptionsOrphanedByUpdate(item, product, details, variants));
        problems.AddRange(item.Extensions.HasValue ? ExtensionsJson.MergeProblems(product.Extensions, item.Extensions.Value, "extensions") : []);
        problems.AddRange(variants.Select((v, i) => (v, i))
            .Where(p => p.v.Id is { } id && product.Variants.Any(existing => existing.Id == id))
            .SelectMany(p => VariantPlanner.CheckExtensions(p.v, product.Variants.First(e => e.Id == p.v.Id).Extensions, $"variants[{p.i}].")));
        problems.AddRange(variants.SelectMany((v, i) => WholesaleMerge.Check(
            v, product.Variants.FirstOrDefault(existing => existing.Id == v.Id)?.Wholesale ?? WholesaleTerms.None, $"variants[{i}].")));
        entry.Fail(ErrorCodes.ValidationFailed, problems);
        var stale = variants.Select((v, i) => (v, i, Stored: product.Variants.FirstOrDefault(e => e.Id == v.Id)))
            .Where(p => p.v.Id is not null && p.v.Version is { } version && p.Stored is { } stored && stored.Version != version)
            .Select(p => ($"variants[{p.i}].version",
                $"Variant {p.v.Id} is at version {p.Stored!.Version}, not {p.v.Version}: it changed since it was read."))
            .ToList();
        entry.Fail(ErrorCodes.Conflict, stale);
        if (!entry.IsOpen)
        {
            return;
        }

        var expected = product.Version;
        product.Update(details, now);
        entry.Entity = product;
        entry.Rows.Add(new UpdateRow(product, expected));
        if (item.CategoryIds.HasValue)
        {
            var (removed, added) = product.SetCategories(item.CategoryIds.Value ?? []);
            entry.Rows.AddRange(removed.Select(l => new DeleteRow(l, MustExist: false)));
            entry.Rows.AddRange(added.Select(l => new InsertRow(l)));
        }

        if (item.Variants.HasValue)
        {
            MergeVariants(entry, product, variants, ids, now);
        }
    }

    /// <summary>
    /// When an update changes the product's options, the variants it keeps without sending new option values must
    /// still fit them: a variant left with "Size: XL" after XL was removed would be a variant no one can select.
    /// </summary>
    private static IEnumerable<(string Field, string Message)> OptionsOrphanedByUpdate(
        ProductUpdate item, Product product, ProductDetails details, IReadOnlyList<ProductVariantWrite> variants)
    {
        if (!item.Options.HasValue)
        {
            return [];
        }

        var resent = variants.Where(v => v.Id is not null && v.Options.HasValue).Select(v => v.Id!.Value).ToHashSet();
        var kept = item.Variants.HasValue
            ? product.Variants.Where(existing => variants.Any(v => v.Id == existing.Id))
            : product.Variants;
        return kept.Where(v => !resent.Contains(v.Id))
            .SelectMany(v => v.Options.Where(pair => !details.Options.Any(o =>
                    string.Equals(o.Title, pair.Key, StringComparison.OrdinalIgnoreCase) && o.Values.Contains(pair.Value, StringComparer.Ordinal)))
                .Select(pair => ("options", $"Variant {v.Id} has {pair.Key} '{pair.Value}', which the new options do not offer; send its new option values too.")));
    }

    /// <summary>The sent list is the product's whole list: named variants are updated, new ones created, unnamed ones removed.</summary>
    private static void MergeVariants(LedgerEntry<Product> entry, Product product, IReadOnlyList<ProductVariantWrite> variants, IdPool ids, DateTimeOffset now)
    {
        var kept = variants.Where(v => v.Id is not null).Select(v => v.Id!.Value).ToHashSet();
        foreach (var gone in product.Variants.Where(v => !kept.Contains(v.Id)).ToList())
        {
            product.RemoveVariant(gone, now);
            entry.Rows.Add(new DeleteRow(gone, MustExist: false));
        }

        foreach (var input in variants)
        {
            if (input.Id is { } id)
            {
                VariantPlanner.Update(product, product.Variants.First(v => v.Id == id), input, ids, now, entry.Rows);
            }
            else
            {
                VariantPlanner.Create(product, input, ids, now, entry.Rows);
            }
        }
    }

    private static ProductDetails Apply(ProductWrite item, ProductDetails current) => current with
    {
        Handle = HandleOf(item) ?? current.Handle,
        Title = item.Title.HasValue ? item.Title.Value! : current.Title,
        Subtitle = item.Subtitle.Or(current.Subtitle),
        Description = item.Description.Or(current.Description),
        Status = item.Status.Or(current.Status) ?? current.Status,
        Thumbnail = item.Thumbnail.Or(current.Thumbnail),
        Images = item.Images.HasValue ? [.. (item.Images.Value ?? []).Select(i => new ProductImage(i.Url!))] : current.Images,
        Tags = item.Tags.HasValue ? item.Tags.Value ?? [] : current.Tags,
        Options = item.Options.HasValue
            ? [.. (item.Options.Value ?? []).Select(o => new ProductOption(o.Title!, [.. o.Values!], o.AttributeId, o.Visible ?? true, o.Variation ?? true))]
            : current.Options,
        Metadata = item.Metadata.HasValue ? MetadataJson.ToText(item.Metadata.Value) : current.Metadata,
        Extensions = item.Extensions.HasValue ? ExtensionsJson.Merge(current.Extensions, item.Extensions.Value) : current.Extensions,
        Weight = item.Weight.Or(current.Weight),
        Length = item.Length.Or(current.Length),
        Width = item.Width.Or(current.Width),
        Height = item.Height.Or(current.Height),
        ExternalId = item.ExternalId.Or(current.ExternalId),
    };

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

    /// <summary>The field of a variant's SKU, written once per place rather than for every claim of every batch.</summary>
    private static string SkuField(int index) => index < SkuFields.Length ? SkuFields[index] : $"variants[{index}].sku";

    private static IEnumerable<(string Field, string Message)> ReferenceProblems(ProductWrite item, ProductBatchState state)
    {
        var categoryIds = item.CategoryIds.HasValue ? item.CategoryIds.Value ?? [] : [];
        for (var i = 0; i < categoryIds.Count; i++)
        {
            if (!state.CategoryIds.Contains(categoryIds[i]))
            {
                yield return ($"category_ids[{i}]", $"Category {categoryIds[i]} does not exist.");
            }
        }

        var options = item.Options.HasValue ? item.Options.Value ?? [] : [];
        for (var i = 0; i < options.Count; i++)
        {
            if (options[i]?.AttributeId is { } attributeId && !state.AttributeIds.Contains(attributeId))
            {
                yield return ($"options[{i}].attribute_id", $"Attribute {attributeId} does not exist.");
            }
        }

        var variants = VariantsOf(item).ToList();
        for (var v = 0; v < variants.Count; v++)
        {
            foreach (var problem in VariantPlanner.CheckAttributeValues(variants[v], state.AttributeValueIds, $"variants[{v}].")
                .Concat(WholesaleMerge.CheckRoles(variants[v], state.RoleKeys, $"variants[{v}].")))
            {
                yield return problem;
            }
        }
    }
}
