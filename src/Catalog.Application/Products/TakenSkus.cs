namespace Catalog.Application.Products;

/// <summary>
/// The SKUs a batch sends that variants hold (<see cref="Owners"/>), and a free SKU for each SKU an item may not have:
/// one another variant holds, or one an earlier item of the batch claims (<see cref="Free"/>).
/// </summary>
public sealed record SkuLookup(IReadOnlyDictionary<string, SkuOwner> Owners, IReadOnlyDictionary<string, string> Free)
{
    public static SkuLookup None { get; } = new(new Dictionary<string, SkuOwner>(), new Dictionary<string, string>());

    /// <summary>A SKU to offer instead of <paramref name="sku"/>: one found free, else <c>{sku}-1</c> unchecked.
    /// </summary>
    public string FreeFor(string sku) => Free.TryGetValue(sku, out var free) ? free : $"{sku}-1";
}

/// <summary>
/// A batch's SKU lookup that also describes the SKUs its items may not have (<see cref="SkuOwner.Holder"/>), so that a
/// refusal can name the holder and offer a free SKU, as WooCommerce's <c>product_invalid_sku</c> does. It reads more
/// only when an item asks for a taken SKU or items repeat one: one query for the holders' variant counts and one per
/// round of numbered candidates for all those SKUs at once, so a batch's reads do not grow with its size.
/// </summary>
internal static class TakenSkus
{
    /// <summary>How many numbered SKUs one round looks up per taken SKU (-1 to -8, then -9 to -16, ...).</summary>
    private const int Round = 8;

    /// <summary>
    /// Which of <paramref name="skus"/> exist, and on which variant; the owners of those that
    /// <paramref name="takenOf"/> names (asked for by an item they do not belong to) carry their holder. The SKUs that
    /// <paramref name="repeated"/> names (claimed by more than one item) get a free SKU too, for the later claims.
    /// </summary>
    public static async Task<SkuLookup> FindAsync(
        IProductStore products,
        IReadOnlySet<string> skus,
        Func<IReadOnlyDictionary<string, SkuOwner>, IEnumerable<string>> takenOf,
        IEnumerable<string> repeated,
        CancellationToken cancellationToken)
    {
        if (skus.Count == 0)
        {
            return SkuLookup.None;
        }

        var owners = await products.FindSkusAsync(skus, cancellationToken);
        var taken = takenOf(owners).ToHashSet(StringComparer.Ordinal);
        var refused = taken.Union(repeated, StringComparer.Ordinal).ToList();
        if (refused.Count == 0)
        {
            return new(owners, new Dictionary<string, string>());
        }

        var free = await FreeSkusAsync(products, refused, skus, cancellationToken);
        if (taken.Count == 0)
        {
            return new(owners, free);
        }

        var productIds = taken.Select(sku => owners[sku].ProductId).ToHashSet();
        var variantCounts = await products.CountVariantsAsync(productIds, cancellationToken);
        var described = new Dictionary<string, SkuOwner>(owners, StringComparer.Ordinal);
        foreach (var sku in taken)
        {
            var owner = owners[sku];
            var onlyVariant = variantCounts.GetValueOrDefault(owner.ProductId) == 1;
            described[sku] = owner with
            {
                Holder = new SkuHolder(sku, owner.ProductId, owner.VariantId, onlyVariant, free[sku]),
            };
        }

        return new(described, free);
    }

    /// <summary>
    /// For each taken SKU, the first of <c>{sku}-1</c>, <c>{sku}-2</c>, ... that no variant holds and that the batch
    /// does not send (<paramref name="sent"/>), so that it is still free once the batch is written.
    /// </summary>
    private static async Task<Dictionary<string, string>> FreeSkusAsync(
        IProductStore products, IReadOnlyCollection<string> taken, IReadOnlySet<string> sent, CancellationToken ct)
    {
        var free = new Dictionary<string, string>(StringComparer.Ordinal);
        var open = taken.ToList();
        for (var from = 1; open.Count > 0; from += Round)
        {
            var candidates = open.ToDictionary(
                sku => sku,
                sku => Enumerable.Range(from, Round).Select(n => $"{sku}-{n}").Where(c => !sent.Contains(c)).ToList(),
                StringComparer.Ordinal);
            var lookup = candidates.Values.SelectMany(c => c).ToHashSet(StringComparer.Ordinal);
            var held = lookup.Count == 0
                ? new Dictionary<string, SkuOwner>()
                : await products.FindSkusAsync(lookup, ct);
            foreach (var (sku, numbered) in candidates)
            {
                if (numbered.FirstOrDefault(c => !held.ContainsKey(c)) is { } first)
                {
                    free[sku] = first;
                }
            }

            open = [.. open.Where(sku => !free.ContainsKey(sku))];
        }

        return free;
    }
}
