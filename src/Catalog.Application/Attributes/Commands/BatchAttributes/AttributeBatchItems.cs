using Catalog.Application.Common;
using Catalog.Application.Common.Batches;
using Catalog.Domain.Attributes;
using Catalog.Domain.Common;

namespace Catalog.Application.Attributes.Commands.BatchAttributes;

/// <summary>The items of one attribute batch beside their ledger entries: what they claim, what they refer to, and their plan.</summary>
internal sealed class AttributeBatchItems(BatchLedger<ProductAttribute> ledger, BatchAttributes request)
{
    private IEnumerable<(LedgerEntry<ProductAttribute> Entry, AttributeWrite Item)> OpenWrites => ledger.OpenWrites<AttributeWrite>(request.Create, request.Update);

    public void FailRepeatedClaims() =>
        ledger.FailRepeatedValues(OpenWrites.Select(w => (w.Entry, SlugOf(w.Item), "slug")), "slug");

    public HashSet<string> ClaimedSlugs() => [.. OpenWrites.Select(w => SlugOf(w.Item)).OfType<string>()];

    /// <summary>Fails the items whose targets are missing, whose versions are stale, whose slugs are taken, or whose value lists do not fit.</summary>
    public void CheckAgainst(AttributeBatchState state)
    {
        ledger.FailMissingOrStale(state.Attributes, i => request.Update[i].Version, "Attribute");

        foreach (var (entry, item) in OpenWrites.ToList())
        {
            var ownId = entry.Operation == BatchOperation.Update ? entry.Id : null;
            if (SlugOf(item) is { } slug && state.Slugs.TryGetValue(slug, out var owner) && owner != ownId)
            {
                entry.Fail(ErrorCodes.DuplicateHandle, $"The slug '{slug}' is taken by attribute {owner}.", "slug");
            }

            if (item.Values.HasValue)
            {
                var current = ownId is { } id ? state.Attributes[id].Values : [];
                entry.Fail(ErrorCodes.ValidationFailed, [.. AttributeValueMerge.Check(AttributeValueMerge.ValuesOf(item), current)]);
            }
        }
    }

    public Dictionary<Type, int> InsertCounts() => new()
    {
        [typeof(ProductAttribute)] = ledger.Creates.Count(e => e.IsOpen),
        [typeof(AttributeValue)] = OpenWrites.Sum(w => AttributeValueMerge.ValuesOf(w.Item).Count(v => v.Id is null)),
    };

    public void Plan(AttributeBatchState state, IdPool ids, DateTimeOffset now)
    {
        foreach (var entry in ledger.Creates.Where(e => e.IsOpen))
        {
            var item = request.Create[entry.Index];
            var attribute = ProductAttribute.Create(ids.Next<ProductAttribute>(), Apply(item, new AttributeDetails { Name = item.Name.Value!, Slug = SlugOf(item)! }), now);
            entry.Id = attribute.Id;
            entry.Entity = attribute;
            entry.Rows.Add(new InsertRow(attribute));
            AttributeValueMerge.Apply(attribute, AttributeValueMerge.ValuesOf(item), ids, now, entry.Rows);
        }

        foreach (var entry in ledger.Updates.Where(e => e.IsOpen))
        {
            var item = request.Update[entry.Index];
            var attribute = state.Attributes[entry.Id!.Value];
            var expected = attribute.Version;
            attribute.Update(Apply(item, attribute.Details), now);
            entry.Entity = attribute;
            entry.Rows.Add(new UpdateRow(attribute, expected));
            if (item.Values.HasValue)
            {
                AttributeValueMerge.Apply(attribute, AttributeValueMerge.ValuesOf(item), ids, now, entry.Rows);
            }
        }

        // The database removes a deleted attribute's values and their links to variants.
        foreach (var entry in ledger.Deletes.Where(e => e.IsOpen))
        {
            entry.Entity = state.Attributes[entry.Id!.Value];
            entry.Rows.Add(new DeleteRow(entry.Entity, MustExist: true));
        }
    }

    private static AttributeDetails Apply(AttributeWrite item, AttributeDetails current) => current with
    {
        Name = item.Name.HasValue ? item.Name.Value! : current.Name,
        Slug = SlugOf(item) ?? current.Slug,
        Type = item.Type.Or(current.Type) ?? current.Type,
        OrderBy = item.OrderBy.Or(current.OrderBy) ?? current.OrderBy,
        HasArchives = item.HasArchives.Or(current.HasArchives) ?? current.HasArchives,
    };

    /// <summary>The slug an item claims: the one it sends, or on create one derived from its name.</summary>
    private static string? SlugOf(AttributeWrite item) => item switch
    {
        { Slug: { HasValue: true, Value: { } slug } } => slug,
        AttributeCreate { Name: { HasValue: true, Value: { } name } } => HandleFormat.FromText(name),
        _ => null,
    };
}
