using Catalog.Domain.Tags;

namespace Catalog.Application.Tags.Commands.BatchTags;

/// <summary>
/// The products a tag batch retags. Each item that renames or deletes a tag writes the rows of the products carrying
/// it, every row from the version the item before it left: a product two items change is written twice, each time
/// checked against the version the earlier write made. The writer applies items in the order sent (creates, updates,
/// deletes) while the engine plans deletes first, so each time an item changes a product the product's rows are
/// stated again, in the writer's order.
/// </summary>
public sealed class TaggedProducts(IEnumerable<Product> products)
{
    private readonly Dictionary<long, Product> _loaded = products.ToDictionary(p => p.Id);
    private readonly Dictionary<long, List<Placed>> _steps = [];
    private readonly Dictionary<long, Product> _current = [];

    public static TaggedProducts None => new([]);

    /// <summary>
    /// How many products carry the tag's name as the batch leaves them; for a tag it deletes, as they were.
    /// </summary>
    public int CountOf(Tag tag, bool deleted)
    {
        ArgumentNullException.ThrowIfNull(tag);
        var products = deleted
            ? _loaded.Values
            : _loaded.Keys.Select(id => _current.GetValueOrDefault(id, _loaded[id]));
        return products.Count(p => p.Tags.Contains(tag.Name, StringComparer.Ordinal));
    }

    /// <summary>
    /// Renames (or, with a null new name, removes) the tag on the products carrying it as the items before this one
    /// leave them, adding their rows to the entry and stating again those of later items that change them too.
    /// </summary>
    public void Retag(LedgerEntry<Tag> entry, string name, string? newName, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var step = new Step(entry, name, newName, now);
        foreach (var product in _loaded.Values)
        {
            var steps = _steps.GetValueOrDefault(product.Id);
            var earlier = steps?.TakeWhile(s => Order(s.Step.Entry).CompareTo(Order(entry)) < 0).ToList() ?? [];
            var before = earlier.Count == 0 ? product : earlier[^1].Row.Row as Product ?? product;
            if (!before.Tags.Contains(name, StringComparer.Ordinal))
            {
                continue;
            }

            var changed = before.Retagged(name, newName, now);
            entry.Rows.Add(new UpdateRow(changed, before.Version));
            var placed = new Placed(step, entry.Rows.Count - 1);
            if (steps is null)
            {
                _steps[product.Id] = [placed];
                _current[product.Id] = changed;
                continue;
            }

            steps.Insert(earlier.Count, placed);
            Restate(product.Id, steps, earlier.Count);
        }
    }

    /// <summary>States the rows of the steps after <paramref name="from"/> again, each from the one before.</summary>
    private void Restate(long productId, List<Placed> steps, int from)
    {
        var current = (Product)steps[from].Row.Row;
        foreach (var later in steps.Skip(from + 1))
        {
            var changed = current.Retagged(later.Step.Name, later.Step.NewName, later.Step.Now);
            later.Step.Entry.Rows[later.RowIndex] = new UpdateRow(changed, current.Version);
            current = changed;
        }

        _current[productId] = current;
    }

    /// <summary>Where the writer applies an entry's rows: the order the items were sent, creates first.</summary>
    private static (int, int) Order(LedgerEntry<Tag> entry) => ((int)entry.Operation, entry.Index);

    private sealed record Step(LedgerEntry<Tag> Entry, string Name, string? NewName, DateTimeOffset Now);

    /// <summary>A step's row of one product, at its place in the step's entry.</summary>
    private sealed record Placed(Step Step, int RowIndex)
    {
        public UpdateRow Row => (UpdateRow)Step.Entry.Rows[RowIndex];
    }
}
