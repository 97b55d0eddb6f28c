namespace Catalog.Domain.Attributes;

public static class AttributeConstraints
{
    public const int MaxNameLength = 255;
    public const int MaxSlugLength = 255;
    public const int MaxValues = 500;
}

public sealed record AttributeDetails
{
    public required string Name { get; init; }
    public required string Slug { get; init; }
    public string Type { get; init; } = "select";
    public string OrderBy { get; init; } = "menu_order";
    public bool HasArchives { get; init; }
}

/// <summary>A global product attribute (such as "Color") whose values variants refer to by id.</summary>
public sealed class ProductAttribute : Versioned
{
    private readonly List<AttributeValue> _values = [];

    private ProductAttribute()
    {
    }

    public string Name { get; private set; } = string.Empty;
    public string Slug { get; private set; } = string.Empty;
    public string Type { get; private set; } = "select";
    public string OrderBy { get; private set; } = "menu_order";
    public bool HasArchives { get; private set; }
    public IReadOnlyList<AttributeValue> Values => _values;

    public AttributeDetails Details =>
        new() { Name = Name, Slug = Slug, Type = Type, OrderBy = OrderBy, HasArchives = HasArchives };

    public static ProductAttribute Create(long id, AttributeDetails details, DateTimeOffset now)
    {
        var attribute = new ProductAttribute();
        attribute.Created(id, now);
        attribute.SetDetails(details);
        return attribute;
    }

    public void Update(AttributeDetails details, DateTimeOffset now)
    {
        SetDetails(details);
        Touched(now);
    }

    public RuleViolation? AddValue(AttributeValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.AttributeId != Id)
        {
            throw new DomainRuleException("A value belongs to the attribute it is added to.");
        }

        if (_values.Any(v => string.Equals(v.Slug, value.Slug, StringComparison.Ordinal)))
        {
            return new RuleViolation($"The attribute already has a value '{value.Slug}'.", "values");
        }

        _values.Add(value);
        return null;
    }

    public void RemoveValue(AttributeValue value) => _values.Remove(value);

    private void SetDetails(AttributeDetails details)
    {
        Name = Guard.Text(details.Name, AttributeConstraints.MaxNameLength, "name");
        Slug = Guard.Text(details.Slug, AttributeConstraints.MaxSlugLength, "slug");
        Type = details.Type;
        OrderBy = details.OrderBy;
        HasArchives = details.HasArchives;
    }
}

public sealed record AttributeValueDetails
{
    public required string Name { get; init; }
    public required string Slug { get; init; }
    public string? Description { get; init; }
    public int MenuOrder { get; init; }
}

/// <summary>One value (a WooCommerce "term") of a global attribute, such as "Red" of "Color".</summary>
public sealed class AttributeValue : Versioned
{
    private AttributeValue()
    {
    }

    public long AttributeId { get; private set; }
    public string Name { get; private set; } = string.Empty;
    public string Slug { get; private set; } = string.Empty;
    public string? Description { get; private set; }
    public int MenuOrder { get; private set; }

    public AttributeValueDetails Details =>
        new() { Name = Name, Slug = Slug, Description = Description, MenuOrder = MenuOrder };

    public static AttributeValue Create(long id, long attributeId, AttributeValueDetails details, DateTimeOffset now)
    {
        var value = new AttributeValue { AttributeId = attributeId };
        value.Created(id, now);
        value.SetDetails(details);
        return value;
    }

    public void Update(AttributeValueDetails details, DateTimeOffset now)
    {
        SetDetails(details);
        Touched(now);
    }

    private void SetDetails(AttributeValueDetails details)
    {
        Name = Guard.Text(details.Name, AttributeConstraints.MaxNameLength, "name");
        Slug = Guard.Text(details.Slug, AttributeConstraints.MaxSlugLength, "slug");
        Description = details.Description;
        MenuOrder = details.MenuOrder;
    }
}
