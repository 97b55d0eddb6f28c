namespace Catalog.Api.Tests;

/// <summary>
/// Request bodies for the canonical API, as dictionaries so that a test can drop a field, send one as null, or add an
/// unknown one. Every builder makes its own unique handle, slug and SKUs, so that bodies never collide by accident.
/// </summary>
public static class Unique
{
    private static int _next;

    public static int Next() => Interlocked.Increment(ref _next);
}

public sealed class ProductBuilder
{
    private readonly Dictionary<string, object?> _fields;
    private readonly List<VariantBuilder> _variants = [];

    public ProductBuilder()
    {
        var n = Unique.Next();
        _fields = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["title"] = $"Product {n}",
            ["handle"] = $"product-{n}",
        };
    }

    public string Handle => (string)_fields["handle"]!;

    public IReadOnlyList<VariantBuilder> Variants => _variants;

    public ProductBuilder With(string field, object? value)
    {
        _fields[field] = value;
        return this;
    }

    public ProductBuilder Without(string field)
    {
        _fields.Remove(field);
        return this;
    }

    /// <summary>Adds <paramref name="count"/> variants, each with a unique SKU and one USD price.</summary>
    public ProductBuilder WithVariants(int count)
    {
        for (var i = 0; i < count; i++)
        {
            _variants.Add(new VariantBuilder());
        }

        return this;
    }

    public ProductBuilder WithVariant(VariantBuilder variant)
    {
        _variants.Add(variant);
        return this;
    }

    public ProductBuilder InCategories(params long[] categoryIds) => With("category_ids", categoryIds);

    public Dictionary<string, object?> Build()
    {
        var body = new Dictionary<string, object?>(_fields, StringComparer.Ordinal);
        if (_variants.Count > 0)
        {
            body["variants"] = _variants.Select(v => v.Build()).ToList();
        }

        return body;
    }
}

public sealed class VariantBuilder
{
    private readonly Dictionary<string, object?> _fields;

    public VariantBuilder()
    {
        var n = Unique.Next();
        _fields = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["title"] = $"Variant {n}",
            ["sku"] = $"SKU-{n}",
            ["stock_quantity"] = 10,
            ["prices"] = new List<object> { Price("usd", 10.00m) },
        };
    }

    public string Sku => (string)_fields["sku"]!;

    public static Dictionary<string, object?> Price(
        string currency, decimal amount, long? minQuantity = null, long? maxQuantity = null)
    {
        var price = Batch.Item(("currency_code", currency), ("amount", amount));
        if (minQuantity is not null)
        {
            price["min_quantity"] = minQuantity;
        }

        if (maxQuantity is not null)
        {
            price["max_quantity"] = maxQuantity;
        }

        return price;
    }

    public VariantBuilder With(string field, object? value)
    {
        _fields[field] = value;
        return this;
    }

    public VariantBuilder Without(string field)
    {
        _fields.Remove(field);
        return this;
    }

    public VariantBuilder WithPrices(params Dictionary<string, object?>[] prices) => With("prices", prices.ToList());

    public VariantBuilder WithAttributeValues(params long[] valueIds) => With("attribute_value_ids", valueIds);

    public Dictionary<string, object?> Build() => new(_fields, StringComparer.Ordinal);
}

public sealed class CategoryBuilder
{
    private readonly Dictionary<string, object?> _fields;

    public CategoryBuilder()
    {
        var n = Unique.Next();
        _fields = Batch.Item(("name", $"Category {n}"), ("handle", $"category-{n}"));
    }

    public CategoryBuilder With(string field, object? value)
    {
        _fields[field] = value;
        return this;
    }

    public CategoryBuilder Without(string field)
    {
        _fields.Remove(field);
        return this;
    }

    public CategoryBuilder Under(long parentId) => With("parent_id", parentId);

    public Dictionary<string, object?> Build() => new(_fields, StringComparer.Ordinal);
}

public sealed class AttributeBuilder
{
    private readonly Dictionary<string, object?> _fields;
    private readonly List<Dictionary<string, object?>> _values = [];

    public AttributeBuilder()
    {
        var n = Unique.Next();
        _fields = Batch.Item(("name", $"Attribute {n}"), ("slug", $"attribute-{n}"));
    }

    public AttributeBuilder With(string field, object? value)
    {
        _fields[field] = value;
        return this;
    }

    public AttributeBuilder Without(string field)
    {
        _fields.Remove(field);
        return this;
    }

    /// <summary>Adds values by name; their slugs are derived from the names.</summary>
    public AttributeBuilder WithValues(params string[] names)
    {
        _values.AddRange(names.Select(name => Batch.Item(("name", name))));
        return this;
    }

    public Dictionary<string, object?> Build()
    {
        var body = new Dictionary<string, object?>(_fields, StringComparer.Ordinal);
        if (_values.Count > 0)
        {
            body["values"] = _values.Select(v => new Dictionary<string, object?>(v, StringComparer.Ordinal)).ToList();
        }

        return body;
    }
}

/// <summary>Bodies of <c>{create, update, delete}</c> batches and the items in them.</summary>
public static class Batch
{
    public static Dictionary<string, object?> Of(
        IEnumerable<object>? create = null, IEnumerable<object>? update = null, IEnumerable<long>? delete = null)
    {
        var body = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (create is not null)
        {
            body["create"] = create.ToList();
        }

        if (update is not null)
        {
            body["update"] = update.ToList();
        }

        if (delete is not null)
        {
            body["delete"] = delete.ToList();
        }

        return body;
    }

    public static Dictionary<string, object?> Create(params ProductBuilder[] products) =>
        Of(create: products.Select(p => p.Build()));

    public static Dictionary<string, object?> Update(params Dictionary<string, object?>[] items) => Of(update: items);

    public static Dictionary<string, object?> Delete(params long[] ids) => Of(delete: ids);

    /// <summary>One item of a batch from field/value pairs: <c>Item(("id", 3), ("title", "New"))</c>.</summary>
    public static Dictionary<string, object?> Item(params (string Field, object? Value)[] fields) =>
        fields.ToDictionary(f => f.Field, f => f.Value, StringComparer.Ordinal);
}
