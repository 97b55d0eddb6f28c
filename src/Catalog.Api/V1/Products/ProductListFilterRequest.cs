using Catalog.Application.Products.Queries;
using Catalog.Domain.Products;

namespace Catalog.Api.V1.Products;

/// <summary>
/// The filters of <c>GET /api/v1/products</c> beyond status, SKU and category. Keys that can repeat
/// (<c>?handle=a&amp;handle=b</c>) match any of their values; different keys must all hold. Times are ISO 8601;
/// <c>order</c> is a field name, <c>-</c> first for descending.
/// </summary>
public sealed record ProductListFilterRequest
{
    /// <summary>Title or description contains this text, ignoring case.</summary>
    [FromQuery(Name = "q")]
    public string? Q { get; init; }

    [FromQuery(Name = "id")]
    public long[]? Id { get; init; }

    [FromQuery(Name = "handle")]
    public string[]? Handle { get; init; }

    /// <summary>Exact titles.</summary>
    [FromQuery(Name = "title")]
    public string[]? Title { get; init; }

    [FromQuery(Name = "tag")]
    public string[]? Tag { get; init; }

    /// <summary>Created strictly after this moment.</summary>
    [FromQuery(Name = "created_after")]
    public DateTimeOffset? CreatedAfter { get; init; }

    /// <summary>Created at or after this moment.</summary>
    [FromQuery(Name = "created_from")]
    public DateTimeOffset? CreatedFrom { get; init; }

    /// <summary>Created strictly before this moment.</summary>
    [FromQuery(Name = "created_before")]
    public DateTimeOffset? CreatedBefore { get; init; }

    /// <summary>Created at or before this moment.</summary>
    [FromQuery(Name = "created_to")]
    public DateTimeOffset? CreatedTo { get; init; }

    [FromQuery(Name = "updated_after")]
    public DateTimeOffset? UpdatedAfter { get; init; }

    [FromQuery(Name = "updated_from")]
    public DateTimeOffset? UpdatedFrom { get; init; }

    [FromQuery(Name = "updated_before")]
    public DateTimeOffset? UpdatedBefore { get; init; }

    [FromQuery(Name = "updated_to")]
    public DateTimeOffset? UpdatedTo { get; init; }

    /// <summary><c>id</c> (the default), <c>title</c>, <c>handle</c>, <c>created_at</c> or <c>updated_at</c>;
    /// <c>-</c> first for descending.</summary>
    [FromQuery(Name = "order")]
    public string? Order { get; init; }

    /// <summary>The query, or null when <see cref="Order"/> names no field a list sorts by.</summary>
    public ListProducts? ToQuery(ProductStatus? status, string? sku, long? categoryId, int limit, int offset)
    {
        var order = Order is null ? ProductOrder.Default : ProductOrder.Parse(Order);
        return order is null ? null : new ListProducts(status, sku, categoryId, limit, offset)
        {
            Search = Q,
            Filters = new ProductListFilters
            {
                Ids = Id,
                Handles = Handle,
                Titles = Title,
                Tags = Tag,
                CreatedAt = Range(CreatedAfter, CreatedFrom, CreatedBefore, CreatedTo),
                UpdatedAt = Range(UpdatedAfter, UpdatedFrom, UpdatedBefore, UpdatedTo),
                Order = order,
            },
        };
    }

    private static TimeRange? Range(DateTimeOffset? after, DateTimeOffset? from, DateTimeOffset? before,
        DateTimeOffset? to) => new TimeRange(after, from, before, to) is { IsEmpty: false } range ? range : null;
}
