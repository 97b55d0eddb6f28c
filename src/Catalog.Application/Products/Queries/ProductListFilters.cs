namespace Catalog.Application.Products.Queries;

/// <summary>
/// The filters of a product list beyond status, SKU and category: each list is "any of these" (empty or null: not
/// filtered), and all filters given must hold. The database applies them, before paging.
/// </summary>
public sealed record ProductListFilters
{
    public static readonly ProductListFilters None = new();

    public IReadOnlyCollection<long>? Ids { get; init; }

    public IReadOnlyCollection<string>? Handles { get; init; }

    /// <summary>Exact titles.</summary>
    public IReadOnlyCollection<string>? Titles { get; init; }

    /// <summary>Products with a variant holding any of these SKUs.</summary>
    public IReadOnlyCollection<string>? Skus { get; init; }

    /// <summary>Products linked to any of these categories.</summary>
    public IReadOnlyCollection<long>? CategoryIds { get; init; }

    /// <summary>Products carrying any of these tags.</summary>
    public IReadOnlyCollection<string>? Tags { get; init; }

    public TimeRange? CreatedAt { get; init; }

    public TimeRange? UpdatedAt { get; init; }

    /// <summary>The order of the list; by id when not given.</summary>
    public ProductOrder Order { get; init; } = ProductOrder.Default;
}

/// <summary>
/// Bounds on a moment, each optional and all applied: after (strict), from (inclusive), before (strict), to
/// (inclusive).
/// </summary>
public sealed record TimeRange(
    DateTimeOffset? After = null, DateTimeOffset? From = null, DateTimeOffset? Before = null, DateTimeOffset? To = null)
{
    public bool IsEmpty => After is null && From is null && Before is null && To is null;
}

/// <summary>What a product list is sorted by; ties are broken by id.</summary>
public enum ProductOrderField
{
    Id,
    Title,
    Handle,
    CreatedAt,
    UpdatedAt,
}

public sealed record ProductOrder(ProductOrderField Field, bool Descending = false)
{
    public static readonly ProductOrder Default = new(ProductOrderField.Id);

    /// <summary>The names <see cref="Parse"/> takes.</summary>
    public static readonly IReadOnlyList<string> Names = ["id", "title", "handle", "created_at", "updated_at"];

    /// <summary><c>created_at</c> ascending, <c>-created_at</c> descending; null when the field is not one of
    /// <see cref="Names"/>.</summary>
    public static ProductOrder? Parse(string text)
    {
        var descending = text.StartsWith('-');
        var index = Names.ToList().IndexOf(descending ? text[1..] : text);
        return index < 0 ? null : new ProductOrder((ProductOrderField)index, descending);
    }
}
