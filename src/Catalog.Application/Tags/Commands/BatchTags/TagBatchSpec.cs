using Catalog.Application.Products;
using Catalog.Domain.Tags;

namespace Catalog.Application.Tags.Commands.BatchTags;

/// <summary>What a tag batch found: the tags it names, the names and slugs it claims, and the products they carry.
/// </summary>
public sealed record TagBatchState(
    IReadOnlyDictionary<long, Tag> Tags,
    IReadOnlyDictionary<string, long> Names,
    IReadOnlyDictionary<string, long> Slugs,
    TaggedProducts Products);

/// <summary>
/// Tags: unique names and slugs. Products keep their tags as names, so a rename is written on the products carrying
/// the old name and a delete takes it off them; the load reads those products in one query, whatever the batch.
/// </summary>
internal sealed class TagBatchSpec(
    ITagStore tags,
    IProductStore products,
    IMapper mapper,
    IValidator<TagCreate> createValidator,
    IValidator<TagUpdate> updateValidator)
    : BatchSpec<TagWrite, TagCreate, TagUpdate, Tag, TagBatchState>("Tag", createValidator, updateValidator)
{
    // The products of the batch this spec last loaded, for the answers' counts: one spec serves one batch at a time
    // (it is made for each handler, which lives as long as its request or job scope).
    private TaggedProducts _products = TaggedProducts.None;
    private HashSet<long> _deleted = [];

    /// <summary>A tag as the batch's answer shows it, with the products carrying its name.</summary>
    public TagDto Answer(Tag tag) =>
        mapper.Map<TagDto>(tag) with { ProductCount = _products.CountOf(tag, _deleted.Contains(tag.Id)) };

    public override IEnumerable<Claim> ClaimsOf(TagWrite item, BatchOperation operation)
    {
        if (SlugOf(item) is { } slug)
        {
            yield return new Claim("slug", slug, "slug");
        }

        if (NameOf(item) is { } name)
        {
            yield return new Claim("name", name, "name");
        }
    }

    public override async Task<TagBatchState> LoadAsync(
        Batch<TagWrite, TagCreate, TagUpdate, Tag> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var ids = batch.OpenTargetIds();
        var found = (await FindAsync(ids, tags.GetManyAsync, cancellationToken))?.ToDictionary(t => t.Id) ?? [];
        batch.ResolveUpdates(found);

        var writes = batch.OpenWrites.Select(w => w.Item).ToList();
        var names = writes.Select(NameOf).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var slugs = writes.Select(SlugOf).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var claimed = names.Count + slugs.Count == 0 ? [] : await tags.FindAsync([], names, slugs, cancellationToken);

        // The products carrying a name the batch renames, deletes or answers: one query, and the rows it writes.
        var carried = names.Concat(found.Values.Select(t => t.Name)).ToHashSet(StringComparer.Ordinal);
        var tagged = await FindAsync(carried, products.GetTaggedAsync, cancellationToken) ?? [];
        _products = new TaggedProducts(tagged);
        _deleted = [.. batch.OpenDeletes.Select(e => e.Id!.Value)];
        return new TagBatchState(
            found,
            claimed.Where(t => names.Contains(t.Name)).ToDictionary(t => t.Name, t => t.Id, StringComparer.Ordinal),
            claimed.Where(t => slugs.Contains(t.Slug)).ToDictionary(t => t.Slug, t => t.Id, StringComparer.Ordinal),
            _products);
    }

    public override IReadOnlyDictionary<long, Tag> TargetsOf(TagBatchState state) => state.Tags;

    public override void Check(Batch<TagWrite, TagCreate, TagUpdate, Tag> batch, TagBatchState state)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(state);
        foreach (var (entry, item) in batch.OpenWrites.ToList())
        {
            FailTaken(entry, SlugOf(item), state.Slugs, "slug");
            FailTaken(entry, NameOf(item), state.Names, "name");
        }
    }

    public override IReadOnlyDictionary<Type, int> InsertCounts(
        Batch<TagWrite, TagCreate, TagUpdate, Tag> batch, TagBatchState state) =>
        new Dictionary<Type, int> { [typeof(Tag)] = batch.OpenCreates.Count() };

    public override RuleViolation? PlanCreate(
        LedgerEntry<Tag> entry, TagCreate item, TagBatchState state, PlanContext context)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var details = Apply(item, new TagDetails { Name = item.Name.Value!, Slug = SlugOf(item)! });
        var tag = Tag.Create(context.Ids.Next<Tag>(), details, context.Now);
        entry.Id = tag.Id;
        entry.Entity = tag;
        entry.Rows.Add(new InsertRow(tag));
        return null;
    }

    public override RuleViolation? PlanUpdate(
        LedgerEntry<Tag> entry, TagUpdate item, Tag target, TagBatchState state, PlanContext context)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(state);
        var expected = target.Version;
        var oldName = target.Name;
        target.Update(Apply(item, target.Details), context.Now);
        entry.Entity = target;
        entry.Rows.Add(new UpdateRow(target, expected));
        if (!string.Equals(oldName, target.Name, StringComparison.Ordinal))
        {
            state.Products.Retag(entry, oldName, target.Name, context.Now);
        }

        return null;
    }

    public override RuleViolation? PlanDelete(
        LedgerEntry<Tag> entry, Tag target, TagBatchState state, PlanContext context)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(state);
        entry.Entity = target;
        entry.Rows.Add(new DeleteRow(target, MustExist: true));
        state.Products.Retag(entry, target.Name, null, context.Now);
        return null;
    }

    private static TagDetails Apply(TagWrite item, TagDetails current) => current with
    {
        Name = NameOf(item) ?? current.Name,
        Slug = SlugOf(item) ?? current.Slug,
        Description = item.Description.Or(current.Description),
    };

    private static string? NameOf(TagWrite item) => item.Name is { HasValue: true, Value: { } name } ? name : null;

    /// <summary>The slug an item claims: the one it sends, or on create one derived from its name.</summary>
    private static string? SlugOf(TagWrite item) => item switch
    {
        { Slug: { HasValue: true, Value: { } slug } } => slug,
        TagCreate { Name: { HasValue: true, Value: { } name } } => HandleFormat.FromText(name),
        _ => null,
    };
}
