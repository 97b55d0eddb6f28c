using Catalog.Domain.Attributes;

namespace Catalog.Application.Attributes.Commands.BatchAttributes;

/// <summary>An attribute item's value list against the values it replaces: its problems and its rows.</summary>
internal static class AttributeValueMerge
{
    /// <summary>Ids that are not the attribute's values, and each slug the merged list would hold twice.</summary>
    public static IEnumerable<Problem> Check(
        IReadOnlyList<AttributeValueWrite> values, IReadOnlyList<AttributeValue> current)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < values.Count; i++)
        {
            var existing = values[i].Id is { } id ? current.FirstOrDefault(v => v.Id == id) : null;
            if (values[i].Id is not null && existing is null)
            {
                yield return ($"values[{i}].id", $"Value {values[i].Id} is not a value of this attribute.");
            }
            else if (SlugOf(values[i], existing?.Slug) is { } slug && !seen.Add(slug))
            {
                var message = $"The slug '{slug}' is used by more than one value of this attribute.";
                yield return ($"values[{i}].slug", message);
            }
        }
    }

    /// <summary>The sent list is the whole list: named values updated, new ones created, the rest removed.</summary>
    public static RuleViolation? Apply(
        ProductAttribute attribute, IReadOnlyList<AttributeValueWrite> values, PlanContext context, List<RowWrite> rows)
    {
        var now = context.Now;
        var kept = values.Where(v => v.Id is not null).Select(v => v.Id!.Value).ToHashSet();
        foreach (var gone in attribute.Values.Where(v => !kept.Contains(v.Id)).ToList())
        {
            attribute.RemoveValue(gone);
            rows.Add(new DeleteRow(gone, MustExist: false));
        }

        // Updates before inserts (unlike the list's order): a new value may take a slug an existing value gives up in
        // the same list.
        foreach (var input in values.Where(v => v.Id is not null))
        {
            var value = attribute.Values.First(v => v.Id == input.Id);
            var expected = value.Version;
            value.Update(Merge(input, value.Details), now);
            rows.Add(new UpdateRow(value, expected));
        }

        foreach (var input in values.Where(v => v.Id is null))
        {
            var details = Merge(input, new() { Name = input.Name.Value!, Slug = SlugOf(input, existingSlug: null)! });
            var value = AttributeValue.Create(context.Ids.Next<AttributeValue>(), attribute.Id, details, now);
            if (attribute.AddValue(value) is { } violation)
            {
                return violation;
            }

            rows.Add(new InsertRow(value));
        }

        return null;
    }

    /// <summary>A value's slug: the one it sends, else the one it has, else (a new value) one from its name.</summary>
    private static string? SlugOf(AttributeValueWrite value, string? existingSlug) => value switch
    {
        { Slug: { HasValue: true, Value: { } slug } } => slug,
        _ when existingSlug is not null => existingSlug,
        { Name: { HasValue: true, Value: { } name } } => HandleFormat.FromText(name),
        _ => null,
    };

    private static AttributeValueDetails Merge(AttributeValueWrite input, AttributeValueDetails current) => current with
    {
        Name = input.Name.HasValue ? input.Name.Value! : current.Name,
        Slug = input.Slug.HasValue ? input.Slug.Value! : current.Slug,
        Description = input.Description.Or(current.Description),
        MenuOrder = input.MenuOrder.Or(current.MenuOrder) ?? current.MenuOrder,
    };
}
