using Catalog.Domain.Attributes;

namespace Catalog.Application.Attributes.Commands.BatchAttributes;

/// <summary>What an attribute batch found: the attributes it names (with values) and the slugs it claims.</summary>
public sealed record AttributeBatchState(
    IReadOnlyDictionary<long, ProductAttribute> Attributes,
    IReadOnlyDictionary<string, long> Slugs);

/// <summary>
/// Global attributes with their values. The database removes a deleted attribute's values and their links to variants.
/// </summary>
internal sealed class AttributeBatchSpec(
    IAttributeStore attributes,
    IValidator<AttributeCreate> createValidator,
    IValidator<AttributeUpdate> updateValidator)
    : BatchSpec<AttributeWrite, AttributeCreate, AttributeUpdate, ProductAttribute, AttributeBatchState>(
        "Attribute", createValidator, updateValidator)
{
    public override IEnumerable<Claim> ClaimsOf(AttributeWrite item, BatchOperation operation)
    {
        return SlugOf(item) is { } slug ? [new Claim("slug", slug, "slug")] : [];
    }

    public override async Task<AttributeBatchState> LoadAsync(
        Batch<AttributeWrite, AttributeCreate, AttributeUpdate, ProductAttribute> batch,
        CancellationToken cancellationToken)
    {
        var ids = batch.OpenTargetIds();
        var found = (await FindAsync(ids, attributes.GetManyAsync, cancellationToken))?.ToDictionary(a => a.Id) ?? [];
        batch.ResolveUpdates(found);
        var slugs = batch.OpenWrites.Select(w => SlugOf(w.Item)).OfType<string>().ToHashSet();
        return new AttributeBatchState(
            found,
            await FindAsync(slugs, attributes.FindSlugsAsync, cancellationToken) ?? new Dictionary<string, long>());
    }

    public override IReadOnlyDictionary<long, ProductAttribute> TargetsOf(AttributeBatchState state) =>
        state.Attributes;

    public override void Check(
        Batch<AttributeWrite, AttributeCreate, AttributeUpdate, ProductAttribute> batch, AttributeBatchState state)
    {
        foreach (var (entry, item) in batch.OpenWrites.ToList())
        {
            FailTaken(entry, SlugOf(item), state.Slugs, "slug");
            if (item.Values.HasValue)
            {
                var current = entry.Operation == BatchOperation.Update ? state.Attributes[entry.Id!.Value].Values : [];
                entry.Fail(ErrorCodes.ValidationFailed, [.. AttributeValueMerge.Check(item.Values.Items(), current)]);
            }
        }
    }

    public override IReadOnlyDictionary<Type, int> InsertCounts(
        Batch<AttributeWrite, AttributeCreate, AttributeUpdate, ProductAttribute> batch, AttributeBatchState state) =>
        new Dictionary<Type, int>
        {
            [typeof(ProductAttribute)] = batch.OpenCreates.Count(),
            [typeof(AttributeValue)] = batch.OpenWrites.Sum(w => w.Item.Values.Items().Count(v => v.Id is null)),
        };

    public override RuleViolation? PlanCreate(
        LedgerEntry<ProductAttribute> entry, AttributeCreate item, AttributeBatchState state, PlanContext context)
    {
        var details = Apply(item, new AttributeDetails { Name = item.Name.Value!, Slug = SlugOf(item)! });
        var attribute = ProductAttribute.Create(context.Ids.Next<ProductAttribute>(), details, context.Now);
        entry.Id = attribute.Id;
        entry.Entity = attribute;
        entry.Rows.Add(new InsertRow(attribute));
        return AttributeValueMerge.Apply(attribute, item.Values.Items(), context, entry.Rows);
    }

    public override RuleViolation? PlanUpdate(
        LedgerEntry<ProductAttribute> entry,
        AttributeUpdate item,
        ProductAttribute target,
        AttributeBatchState state,
        PlanContext context)
    {
        var expected = target.Version;
        target.Update(Apply(item, target.Details), context.Now);
        entry.Entity = target;
        entry.Rows.Add(new UpdateRow(target, expected));
        return item.Values.HasValue
            ? AttributeValueMerge.Apply(target, item.Values.Items(), context, entry.Rows)
            : null;
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
