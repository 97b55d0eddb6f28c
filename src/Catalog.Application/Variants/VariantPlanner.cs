using Catalog.Application.Variants.Wholesale;

namespace Catalog.Application.Variants;

/// <summary>Turns variant inputs into variants and rows to write, for product items and the variant batch.</summary>
internal static class VariantPlanner
{
    private static readonly VariantDetails Defaults = new() { Title = "-" };

    /// <summary>
    /// Creates a variant of <paramref name="product"/> and adds it there, with its prices, links and terms; a variant
    /// that breaks a rule is taken out again, so that it holds no place of the product's.
    /// </summary>
    public static Result<Variant> Create(Product product, VariantWrite input, PlanContext context, List<RowWrite> rows)
    {
        var variant = Variant.Create(
            context.Ids.Next<Variant>(), product.Id, Apply(input, Defaults, update: false), context.Now);
        if (product.AddVariant(variant, context.Now) is { } refused)
        {
            return refused;
        }

        rows.Add(new InsertRow(variant));
        if (SetChildren(product, variant, input, context, rows) is { } violation)
        {
            product.RemoveVariant(variant, context.Now);
            return violation;
        }

        return variant;
    }

    public static RuleViolation? Update(
        Product product, Variant variant, VariantWrite input, PlanContext context, List<RowWrite> rows)
    {
        var expected = variant.Version;
        if (product.UpdateVariant(variant, Apply(input, variant.Details, update: true), context.Now) is { } refused)
        {
            return refused;
        }

        rows.Add(new UpdateRow(variant, expected));
        return SetChildren(product, variant, input, context, rows);
    }

    /// <summary>How many price rows an input will insert (those it does not name), so that their ids can be reserved
    /// up front.</summary>
    public static int PricesToInsert(VariantWrite input) => input.Prices.Items().Count(p => p?.Id is null);

    /// <summary>The SKU an input claims: one it sends and does not clear.</summary>
    public static string? SkuOf(VariantWrite input) => input.Sku.HasValue ? input.Sku.Value : null;

    /// <summary>The attribute value ids an input refers to (none when the field is absent or cleared).</summary>
    public static IReadOnlyList<long> AttributeValueIdsOf(VariantWrite input) => input.AttributeValueIds.Items();

    /// <summary>The attribute value ids of an input not among <paramref name="existing"/>, by field path.</summary>
    public static IEnumerable<Problem> CheckAttributeValues(
        VariantWrite input, IReadOnlySet<long> existing, string prefix)
    {
        var valueIds = AttributeValueIdsOf(input);
        for (var i = 0; i < valueIds.Count; i++)
        {
            if (!existing.Contains(valueIds[i]))
            {
                yield return ($"{prefix}attribute_value_ids[{i}]", $"Attribute value {valueIds[i]} does not exist.");
            }
        }
    }

    /// <summary>The problems of an update whose extensions or metadata, merged into the variant's, exceed a limit.
    /// </summary>
    public static IEnumerable<Problem> CheckMerges(VariantWrite input, Variant stored, string prefix, JsonLimits limits)
    {
        var extensions = input.Extensions.HasValue
            ? ExtensionsJson.MergeProblems(stored.Extensions, input.Extensions.Value, $"{prefix}extensions")
            : [];
        var metadata = input.Metadata.HasValue
            ? MetadataJson.MergeProblems(stored.Metadata, input.Metadata.Value, $"{prefix}metadata", limits)
            : [];
        return extensions.Concat(metadata);
    }

    /// <summary>A variant's option values its product's options lack: unknown titles, values not offered.</summary>
    public static IEnumerable<Problem> CheckOptions(
        VariantWrite input, IReadOnlyList<ProductOption> productOptions, string prefix)
    {
        if (input.Options is not { HasValue: true, Value: { } values })
        {
            yield break;
        }

        foreach (var (title, value) in values)
        {
            var option = productOptions.FirstOrDefault(o => o.Title.Equals(title, StringComparison.OrdinalIgnoreCase));
            if (option is null)
            {
                yield return ($"{prefix}options.{title}", $"The product has no option '{title}'.");
            }
            else if (!option.Values.Contains(value, StringComparer.Ordinal))
            {
                var offered = string.Join(", ", option.Values);
                var message = $"'{value}' is not a value of the option '{option.Title}' ({offered}).";
                yield return ($"{prefix}options.{title}", message);
            }
        }
    }

    private static RuleViolation? SetChildren(
        Product product, Variant variant, VariantWrite input, PlanContext context, List<RowWrite> rows)
    {
        var now = context.Now;
        if (input.Prices.HasValue)
        {
            var merged = MergePrices(variant, input, context);
            if (merged.Violation is { } invalid)
            {
                return invalid;
            }

            var (prices, changed) = merged.Value;
            var stored = variant.Prices;
            List<VariantPrice> removed =
                stored.Count == 0 ? [] : [.. stored.Where(p => prices.All(kept => kept.Id != p.Id))];
            var added = stored.Count == 0 ? prices : [.. prices.Where(p => stored.All(old => old.Id != p.Id))];
            if (product.ReplaceVariantPrices(variant, prices, now) is { } violation)
            {
                return violation;
            }

            rows.AddChanges(new Changes<object>(removed, added));
            rows.AddRange(changed.Select(price => new UpdateRow(price, ExpectedVersion: 0)));
        }

        if (input.AttributeValueIds.HasValue)
        {
            rows.AddChanges(product.SetVariantAttributeValues(variant, input.AttributeValueIds.Value ?? [], now));
        }

        if (input.Wholesale.HasValue)
        {
            var terms = WholesaleMerge.Merge(input.Wholesale.Value, variant.Wholesale, variant.Id);
            var changes = product.SetVariantWholesale(variant, terms, now);
            if (changes.Violation is { } violation)
            {
                return violation;
            }

            rows.AddChanges(changes.Value);
        }

        return null;
    }

    /// <summary>
    /// The variant's prices once <paramref name="input"/>'s apply: merged by id (an entry with an id replaces that
    /// price, or removes it; one without is added), or the sent list whole with <c>replace_prices</c>; and those of
    /// them that replace a stored price with other values, to update in place.
    /// </summary>
    private static Result<(List<VariantPrice> Prices, List<VariantPrice> Changed)> MergePrices(
        Variant variant, VariantWrite input, PlanContext context)
    {
        var sent = input.Prices.Value ?? [];
        var stored = variant.Prices;
        var prices = input.Prices.Value is null || input.ReplacePrices == true ? [] : stored.ToList();
        List<VariantPrice> changed = [];
        HashSet<long>? named = null;
        for (var i = 0; i < sent.Count; i++)
        {
            var price = sent[i];
            if (price.Id is not { } id)
            {
                prices.Add(PriceOf(context.Ids.Next<VariantPrice>(), variant, price));
                continue;
            }

            if (stored.FirstOrDefault(p => p.Id == id) is not { } current)
            {
                return new RuleViolation($"Price {id} is not a price of this variant.", $"prices[{i}].id");
            }

            if (!(named ??= []).Add(id))
            {
                return new RuleViolation($"Price {id} is named more than once in prices.", $"prices[{i}].id");
            }

            prices.RemoveAll(p => p.Id == id);
            if (price.Remove != true)
            {
                var replaced = PriceOf(id, variant, price);
                prices.Add(replaced);
                if (!replaced.SameAs(current))
                {
                    changed.Add(replaced);
                }
            }
        }

        return prices.Count > VariantConstraints.MaxPrices
            ? new RuleViolation($"A variant has at most {VariantConstraints.MaxPrices} prices.", "prices")
            : (prices, changed);
    }

    private static VariantPrice PriceOf(long id, Variant variant, PriceInput price) => new(
        id,
        variant.Id,
        price.CurrencyCode!,
        price.Amount!.Value,
        price.MinQuantity,
        price.MaxQuantity,
        price.SaleAmount);

    private static VariantDetails Apply(VariantWrite input, VariantDetails current, bool update) => current with
    {
        Title = input.Title.HasValue ? input.Title.Value! : current.Title,
        Sku = input.Sku.Or(current.Sku),
        Barcode = input.Barcode.Or(current.Barcode),
        Ean = input.Ean.Or(current.Ean),
        Upc = input.Upc.Or(current.Upc),
        StockQuantity = input.StockQuantity.Or(current.StockQuantity),
        ManageInventory = input.ManageInventory.Or(current.ManageInventory) ?? current.ManageInventory,
        AllowBackorder = input.AllowBackorder.Or(current.AllowBackorder) ?? current.AllowBackorder,
        Options = input.Options.HasValue ? input.Options.Value ?? new Dictionary<string, string>() : current.Options,
        Rank = input.Rank.Or(current.Rank) ?? current.Rank,
        Metadata = !input.Metadata.HasValue ? current.Metadata
            : update ? MetadataJson.Merge(current.Metadata, input.Metadata.Value)
            : MetadataJson.ToText(input.Metadata.Value),
        Extensions = input.Extensions.HasValue
            ? ExtensionsJson.Merge(current.Extensions, input.Extensions.Value)
            : current.Extensions,
    };
}
