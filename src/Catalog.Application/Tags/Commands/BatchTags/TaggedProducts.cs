namespace Catalog.Application.Tags.Commands.BatchTags;

/// <summary>
/// The products a tag batch may retag, as the batch's items leave them one after another: each item's change starts
/// from the version the one before it planned, so every item writes the product's row with its own expected version.
/// </summary>
public sealed class TaggedProducts(IEnumerable<Product> products)
{
    private readonly Dictionary<long, Product> _current = products.ToDictionary(p => p.Id);
    private readonly Dictionary<long, int> _deletedCounts = [];

    public static TaggedProducts None => new([]);

    /// <summary>How many products carry the name, as the batch has left them so far.</summary>
    public int Count(string name) => _current.Values.Count(p => p.Tags.Contains(name, StringComparer.Ordinal));

    /// <summary>What a deleted tag's answer counts: the products that carried it before.</summary>
    public int CountOf(long tagId, string name) =>
        _deletedCounts.TryGetValue(tagId, out var count) ? count : Count(name);

    /// <summary>Renames (or, with a null new name, removes) the tag on the products carrying it: rows to write.
    /// </summary>
    public IEnumerable<RowWrite> Retag(string name, string? newName, DateTimeOffset now)
    {
        var carrying = _current.Values.Where(p => p.Tags.Contains(name, StringComparer.Ordinal)).ToList();
        var rows = new List<RowWrite>(carrying.Count);
        foreach (var product in carrying)
        {
            var changed = product.Retagged(name, newName, now);
            rows.Add(new UpdateRow(changed, product.Version));
            _current[product.Id] = changed;
        }

        return rows;
    }

    /// <summary>Removes a deleted tag from its products, remembering how many carried it for its answer.</summary>
    public IEnumerable<RowWrite> Untag(long tagId, string name, DateTimeOffset now)
    {
        _deletedCounts[tagId] = Count(name);
        return Retag(name, null, now);
    }
}
