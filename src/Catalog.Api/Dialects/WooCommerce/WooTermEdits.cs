using Catalog.Application.Attributes;
using Catalog.Application.Attributes.Commands.BatchAttributes;
using Catalog.Domain.Common;

namespace Catalog.Api.Dialects.WooCommerce;

/// <summary>One term operation of a request, in the order WooCommerce applies them.</summary>
internal sealed record WooTermOperation(BatchOperation Operation, long Id, WooAttributeTermInput? Input);

/// <summary>
/// An attribute's terms as WooCommerce edits them one by one, made into the one canonical update that carries the
/// attribute's whole value list (Catalog's attribute values change only through their attribute). Each operation
/// that WordPress would refuse fails alone here, against the values as the earlier operations left them.
/// </summary>
internal sealed class WooTermEdits
{
    private readonly List<(AttributeValueWrite Write, int? Operation)> values;
    private readonly Dictionary<long, AttributeValueDto> stored;

    public WooTermEdits(AttributeDto attribute, IReadOnlyList<WooTermOperation> operations, IReadOnlySet<int> failed)
    {
        Attribute = attribute;
        stored = attribute.Values.ToDictionary(v => v.Id);
        values = [.. attribute.Values.Select(v => (new AttributeValueWrite { Id = v.Id }, (int?)null))];
        Errors = new WooError?[operations.Count];
        for (var i = 0; i < operations.Count; i++)
        {
            if (!failed.Contains(i))
            {
                Errors[i] = Apply(i, operations[i]);
            }
        }
    }

    public AttributeDto Attribute { get; }

    /// <summary>The refusal of each operation, null where it goes on to the engine.</summary>
    public WooError?[] Errors { get; }

    /// <summary>Whether any operation is left to send.</summary>
    public bool Changes => values.Any(v => v.Operation is not null) || values.Count < stored.Count;

    public AttributeUpdate Command() => new()
    {
        Id = Attribute.Id,
        Version = Attribute.Version,
        Values = new Optional<IReadOnlyList<AttributeValueWrite>?>([.. values.Select(v => v.Write)]),
    };

    /// <summary>The operation that made the n-th value of <see cref="Command"/>, if one did.</summary>
    public int? OperationOf(int valueIndex) =>
        valueIndex >= 0 && valueIndex < values.Count ? values[valueIndex].Operation : null;

    private WooError? Apply(int index, WooTermOperation operation)
    {
        var at = values.FindIndex(v => v.Write.Id == operation.Id);
        if (operation.Operation != BatchOperation.Create && at < 0)
        {
            return WooErrors.TermInvalid;
        }

        switch (operation.Operation)
        {
            case BatchOperation.Delete:
                values.RemoveAt(at);
                return null;
            case BatchOperation.Create:
                return Create(index, operation.Input!);
            default:
                return Update(index, at, operation.Input!);
        }
    }

    private WooError? Create(int index, WooAttributeTermInput input)
    {
        if (string.IsNullOrWhiteSpace(input.Name))
        {
            return WooErrors.Bad("empty_term_name", "A name is required for this term.");
        }

        var slug = string.IsNullOrEmpty(input.Slug) ? HandleFormat.FromText(input.Name) : input.Slug;
        var name = input.Name.Trim();
        var taken = values.FindIndex(v => SlugOf(v.Write) == slug
            || string.Equals(NameOf(v.Write), name, StringComparison.OrdinalIgnoreCase));
        if (taken >= 0)
        {
            var error = WooErrors.Bad("term_exists", "A term with the name provided already exists in this taxonomy.");
            return error with { Data = error.Data with { ResourceId = values[taken].Write.Id } };
        }

        values.Add((Write(input, new AttributeValueWrite()) with { Slug = slug }, index));
        return null;
    }

    private WooError? Update(int index, int at, WooAttributeTermInput input)
    {
        var write = Write(input, values[at].Write);
        if (!string.IsNullOrEmpty(input.Slug)
            && values.Where((_, i) => i != at).Any(v => SlugOf(v.Write) == input.Slug))
        {
            return WooErrors.Bad(
                "duplicate_term_slug", $"The slug \u201c{input.Slug}\u201d is already in use by another term.");
        }

        values[at] = (write, index);
        return null;
    }

    private string? NameOf(AttributeValueWrite write) =>
        write.Name.HasValue ? write.Name.Value : write.Id is { } id ? stored[id].Name : null;

    private string? SlugOf(AttributeValueWrite write) =>
        write.Slug.HasValue ? write.Slug.Value : write.Id is { } id ? stored[id].Slug : null;

    private static AttributeValueWrite Write(WooAttributeTermInput input, AttributeValueWrite write) => write with
    {
        Name = input.Name is null ? write.Name : input.Name,
        Slug = string.IsNullOrEmpty(input.Slug) ? write.Slug : input.Slug,
        Description = input.Description is null ? write.Description : input.Description,
        MenuOrder = input.MenuOrder is null ? write.MenuOrder : input.MenuOrder,
    };
}
