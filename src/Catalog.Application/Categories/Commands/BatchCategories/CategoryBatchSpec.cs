using Catalog.Domain.Categories;
using Microsoft.Extensions.Options;

namespace Catalog.Application.Categories.Commands.BatchCategories;

/// <summary>
/// What a category batch found in the database. <see cref="Parents"/> holds every category (so it also answers whether
/// a parent exists), and is loaded only when an item names a parent.
/// </summary>
public sealed record CategoryBatchState(
    IReadOnlyDictionary<long, Category> Categories,
    IReadOnlyDictionary<string, long> Handles,
    IReadOnlyDictionary<long, long?> Parents);

/// <summary>Categories: a tree by parent id, with unique handles; a deleted one's children are detached.</summary>
internal sealed class CategoryBatchSpec(
    ICategoryStore categories,
    IValidator<CategoryCreate> createValidator,
    IValidator<CategoryUpdate> updateValidator,
    IOptions<JsonLimits> limits)
    : BatchSpec<CategoryWrite, CategoryCreate, CategoryUpdate, Category, CategoryBatchState>(
        "Category", createValidator, updateValidator)
{
    public override IEnumerable<Claim> ClaimsOf(CategoryWrite item, BatchOperation operation)
    {
        return HandleOf(item) is { } handle ? [new Claim("handle", handle, "handle")] : [];
    }

    public override async Task<CategoryBatchState> LoadAsync(
        Batch<CategoryWrite, CategoryCreate, CategoryUpdate, Category> batch, CancellationToken cancellationToken)
    {
        var ids = batch.OpenTargetIds();
        var handles = batch.OpenWrites.Select(w => HandleOf(w.Item)).OfType<string>().ToHashSet();
        return new CategoryBatchState(
            (await FindAsync(ids, categories.GetManyAsync, cancellationToken))?.ToDictionary(c => c.Id) ?? [],
            await FindAsync(handles, categories.FindHandlesAsync, cancellationToken) ?? new Dictionary<string, long>(),
            batch.OpenWrites.Any(w => ParentOf(w.Item) is not null)
                ? await categories.GetParentsAsync(cancellationToken)
                : new Dictionary<long, long?>());
    }

    public override IReadOnlyDictionary<long, Category> TargetsOf(CategoryBatchState state) => state.Categories;

    public override void Check(
        Batch<CategoryWrite, CategoryCreate, CategoryUpdate, Category> batch, CategoryBatchState state)
    {
        var deleted = batch.OpenDeletes.Select(e => e.Id!.Value).ToHashSet();
        foreach (var (entry, item) in batch.OpenWrites.ToList())
        {
            FailTaken(entry, HandleOf(item), state.Handles, "handle");

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

            if (item.Metadata.HasValue && entry.Operation == BatchOperation.Update
                && state.Categories.TryGetValue(entry.Id!.Value, out var stored))
            {
                entry.Fail(ErrorCodes.ValidationFailed, [
                    .. MetadataJson.MergeProblems(stored.Metadata, item.Metadata.Value, "metadata", limits.Value)]);
            }
        }

        FailLoops(batch, state.Parents);
    }

    public override IReadOnlyDictionary<Type, int> InsertCounts(
        Batch<CategoryWrite, CategoryCreate, CategoryUpdate, Category> batch, CategoryBatchState state) =>
        new Dictionary<Type, int> { [typeof(Category)] = batch.OpenCreates.Count() };

    public override RuleViolation? PlanCreate(
        LedgerEntry<Category> entry, CategoryCreate item, CategoryBatchState state, PlanContext context)
    {
        var details = Apply(
            item, new CategoryDetails { Name = item.Name.Value!, Handle = HandleOf(item)! }, update: false);
        var category = Category.Create(context.Ids.Next<Category>(), details, context.Now);
        entry.Id = category.Id;
        entry.Entity = category;
        entry.Rows.Add(new InsertRow(category));
        return null;
    }

    public override RuleViolation? PlanUpdate(
        LedgerEntry<Category> entry,
        CategoryUpdate item,
        Category target,
        CategoryBatchState state,
        PlanContext context)
    {
        var expected = target.Version;
        var violation = target.Update(Apply(item, target.Details, update: true), context.Now);
        entry.Entity = target;
        entry.Rows.Add(new UpdateRow(target, expected));
        return violation;
    }

    /// <summary>
    /// Fails the updates that would put a category under itself or one of its descendants. Moves are checked in the
    /// order sent against the tree as the earlier moves leave it, so two moves that only together would close a loop
    /// fail the second. A new category cannot close a loop: nothing can be under it yet.
    /// </summary>
    private static void FailLoops(
        Batch<CategoryWrite, CategoryCreate, CategoryUpdate, Category> batch,
        IReadOnlyDictionary<long, long?> storedParents)
    {
        var parents = new Dictionary<long, long?>(storedParents);
        foreach (var (entry, item) in batch.OpenUpdates.ToList())
        {
            if (!item.ParentId.HasValue || parents.Count == 0)
            {
                continue;
            }

            var id = entry.Id!.Value;
            if (IsSelfOrAncestor(id, item.ParentId.Value, parents))
            {
                entry.Fail(
                    ErrorCodes.ValidationFailed,
                    $"Category {item.ParentId.Value} is category {id} or one of its descendants: "
                    + "a category cannot be moved under itself.",
                    "parent_id");
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

    private static CategoryDetails Apply(CategoryWrite item, CategoryDetails current, bool update) => current with
    {
        Name = item.Name.HasValue ? item.Name.Value! : current.Name,
        Handle = HandleOf(item) ?? current.Handle,
        Description = item.Description.Or(current.Description),
        ParentId = item.ParentId.Or(current.ParentId),
        Rank = item.Rank.Or(current.Rank) ?? current.Rank,
        Metadata = !item.Metadata.HasValue ? current.Metadata
            : update ? MetadataJson.Merge(current.Metadata, item.Metadata.Value)
            : MetadataJson.ToText(item.Metadata.Value),
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
