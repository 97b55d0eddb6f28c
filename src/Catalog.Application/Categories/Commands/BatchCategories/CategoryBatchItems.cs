using Catalog.Application.Common;
using Catalog.Application.Common.Batches;
using Catalog.Application.Common.Json;
using Catalog.Domain.Categories;
using Catalog.Domain.Common;

namespace Catalog.Application.Categories.Commands.BatchCategories;

/// <summary>The items of one category batch beside their ledger entries: what they claim, what they refer to, and their plan.</summary>
internal sealed class CategoryBatchItems(BatchLedger<Category> ledger, BatchCategories request)
{
    private IEnumerable<(LedgerEntry<Category> Entry, CategoryWrite Item)> OpenWrites => ledger.OpenWrites<CategoryWrite>(request.Create, request.Update);

    public void FailRepeatedClaims() =>
        ledger.FailRepeatedValues(OpenWrites.Select(w => (w.Entry, HandleOf(w.Item), "handle")), "handle");

    public HashSet<string> ClaimedHandles() => [.. OpenWrites.Select(w => HandleOf(w.Item)).OfType<string>()];

    public bool SetsAnyParent() => OpenWrites.Any(w => ParentOf(w.Item) is not null);

    /// <summary>Fails the items whose targets are missing, whose versions are stale, whose handles are taken, or whose parents are wrong.</summary>
    public void CheckAgainst(CategoryBatchState state)
    {
        ledger.FailMissingOrStale(state.Categories, i => request.Update[i].Version, "Category");
        var deleted = ledger.Deletes.Where(e => e.IsOpen).Select(e => e.Id!.Value).ToHashSet();

        foreach (var (entry, item) in OpenWrites.ToList())
        {
            var ownId = entry.Operation == BatchOperation.Update ? entry.Id : null;
            if (HandleOf(item) is { } handle && state.Handles.TryGetValue(handle, out var owner) && owner != ownId)
            {
                entry.Fail(ErrorCodes.DuplicateHandle, $"The handle '{handle}' is taken by category {owner}.", "handle");
            }

            // A parent this batch deletes counts as missing: deletes run last and the database then detaches the
            // children, so the result would name a parent that is gone.
            var parentProblem = ParentOf(item) switch
            {
                { } parentId when !state.Parents.ContainsKey(parentId) => $"Category {parentId} does not exist.",
                { } parentId when deleted.Contains(parentId) => $"Category {parentId} is deleted by this batch.",
                _ => null,
            };
            if (parentProblem is not null)
            {
                entry.Fail(ErrorCodes.ReferenceNotFound, parentProblem, "parent_id");
            }
        }

        FailLoops(state.Parents);
    }

    public Dictionary<Type, int> InsertCounts() => new() { [typeof(Category)] = ledger.Creates.Count(e => e.IsOpen) };

    public void Plan(CategoryBatchState state, IdPool ids, DateTimeOffset now)
    {
        foreach (var entry in ledger.Creates.Where(e => e.IsOpen))
        {
            var item = request.Create[entry.Index];
            var category = Category.Create(ids.Next<Category>(), Apply(item, new CategoryDetails { Name = item.Name.Value!, Handle = HandleOf(item)! }), now);
            entry.Id = category.Id;
            entry.Entity = category;
            entry.Rows.Add(new InsertRow(category));
        }

        foreach (var entry in ledger.Updates.Where(e => e.IsOpen))
        {
            var category = state.Categories[entry.Id!.Value];
            var expected = category.Version;
            category.Update(Apply(request.Update[entry.Index], category.Details), now);
            entry.Entity = category;
            entry.Rows.Add(new UpdateRow(category, expected));
        }

        // The database detaches the children and removes the product links of a deleted category.
        foreach (var entry in ledger.Deletes.Where(e => e.IsOpen))
        {
            entry.Entity = state.Categories[entry.Id!.Value];
            entry.Rows.Add(new DeleteRow(entry.Entity, MustExist: true));
        }
    }

    /// <summary>
    /// Fails the updates that would put a category under itself or one of its descendants. Moves are checked in the order
    /// sent against the tree as the earlier moves leave it, so two moves that only together would close a loop fail the
    /// second. A new category cannot close a loop: nothing can be under it yet.
    /// </summary>
    private void FailLoops(IReadOnlyDictionary<long, long?> storedParents)
    {
        var parents = new Dictionary<long, long?>(storedParents);
        foreach (var entry in ledger.Updates.Where(e => e.IsOpen))
        {
            var item = request.Update[entry.Index];
            if (!item.ParentId.HasValue || parents.Count == 0)
            {
                continue;
            }

            var id = entry.Id!.Value;
            if (IsSelfOrAncestor(id, item.ParentId.Value, parents))
            {
                entry.Fail(ErrorCodes.ValidationFailed, $"Category {item.ParentId.Value} is category {id} or one of its descendants: a category cannot be moved under itself.", "parent_id");
            }
            else
            {
                parents[id] = item.ParentId.Value;
            }
        }
    }

    /// <summary>Whether walking up from <paramref name="start"/> reaches <paramref name="id"/>.</summary>
    private static bool IsSelfOrAncestor(long id, long? start, Dictionary<long, long?> parents)
    {
        // The stored tree has no loops; the bound keeps a damaged one from hanging the request.
        var node = start;
        for (var steps = 0; node is { } current && steps <= parents.Count; steps++)
        {
            if (current == id)
            {
                return true;
            }

            node = parents.GetValueOrDefault(current);
        }

        return false;
    }

    private static CategoryDetails Apply(CategoryWrite item, CategoryDetails current) => current with
    {
        Name = item.Name.HasValue ? item.Name.Value! : current.Name,
        Handle = HandleOf(item) ?? current.Handle,
        Description = item.Description.Or(current.Description),
        ParentId = item.ParentId.Or(current.ParentId),
        Rank = item.Rank.Or(current.Rank) ?? current.Rank,
        Metadata = item.Metadata.HasValue ? MetadataJson.ToText(item.Metadata.Value) : current.Metadata,
    };

    /// <summary>The handle an item claims: the one it sends, or on create one derived from its name.</summary>
    private static string? HandleOf(CategoryWrite item) => item switch
    {
        { Handle: { HasValue: true, Value: { } handle } } => handle,
        CategoryCreate { Name: { HasValue: true, Value: { } name } } => HandleFormat.FromText(name),
        _ => null,
    };

    private static long? ParentOf(CategoryWrite item) => item.ParentId.HasValue ? item.ParentId.Value : null;
}
