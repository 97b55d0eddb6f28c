using Catalog.Application.Common.Exceptions;
using Catalog.Application.Variants;
using Microsoft.Extensions.Logging;

namespace Catalog.Application.Products.Queries;

public sealed record GetProduct(long Id) : IRequest<ProductDto>;

public sealed record ListProducts(ProductStatus? Status, string? Sku, long? CategoryId, int Limit = 50, int Offset = 0)
    : IRequest<Page<ProductDto>>, IPagedRequest
{
    /// <summary>Any of these statuses (with <see cref="Status"/>, both must hold).</summary>
    public IReadOnlyCollection<ProductStatus>? Statuses { get; init; }

    /// <summary>Title or description contains this text, ignoring case.</summary>
    public string? Search { get; init; }

    public ExtensionFilter? Extension { get; init; }

    /// <summary>The narrower filters and the order: every one given must hold.</summary>
    public ProductListFilters Filters { get; init; } = ProductListFilters.None;
}

/// <summary>The products with these ids (with variants and prices), in one read; unknown ids are left out.</summary>
public sealed record GetProductsByIds(IReadOnlyCollection<long> Ids) : IRequest<IReadOnlyList<ProductDto>>;

public sealed record GetVariant(long Id) : IRequest<VariantDto>;

public sealed class ListProductsValidator : PagingValidator<ListProducts>;

internal sealed partial class ProductQueriesHandler(
    IProductStore store, IMapper mapper, ILogger<ProductQueriesHandler> logger) :
    IRequestHandler<GetProduct, ProductDto>,
    IRequestHandler<ListProducts, Page<ProductDto>>,
    IRequestHandler<GetProductsByIds, IReadOnlyList<ProductDto>>,
    IRequestHandler<GetVariant, VariantDto>
{
    public async ValueTask<ProductDto> Handle(GetProduct request, CancellationToken cancellationToken)
    {
        var found = await store.GetManyAsync([request.Id], cancellationToken);
        return mapper.Map<ProductDto>(NotFoundException.The(found, "Product", request.Id));
    }

    public async ValueTask<Page<ProductDto>> Handle(ListProducts request, CancellationToken cancellationToken)
    {
        var filter = new ProductFilter(
            request.Status, request.Sku, request.CategoryId, request.Statuses, request.Search, request.Extension)
        {
            More = request.Filters,
        };
        var page = await store.ListAsync(filter, request.Limit, request.Offset, cancellationToken);
        var items = page.Items.Select(Answerable).OfType<ProductDto>().ToList();
        return new Page<ProductDto>(items, page.Total, page.Limit, page.Offset);
    }

    public async ValueTask<IReadOnlyList<ProductDto>> Handle(
        GetProductsByIds request, CancellationToken cancellationToken)
    {
        var found = request.Ids.Count == 0 ? [] : await store.GetManyAsync(request.Ids, cancellationToken);
        return [.. found.OrderBy(p => p.Id).Select(mapper.Map<ProductDto>)];
    }

    /// <summary>
    /// The product as a list answers it, or null (logged) when it cannot be answered: a row stored before the input
    /// policy may hold JSON the writer refuses, and one such row must not take down every page that holds it.
    /// </summary>
    private ProductDto? Answerable(Product product)
    {
        try
        {
            var dto = mapper.Map<ProductDto>(product);
            var values = dto.Variants.SelectMany(v => new[] { v.Metadata, v.Extensions })
                .Append(dto.Metadata).Append(dto.Extensions);
            if (values.All(v => v is not { } value || FreeJson.Problem(value, StoredJson) is null))
            {
                return dto;
            }
        }
        catch (Exception unreadable)
            when (unreadable is JsonException or InvalidOperationException or AutoMapperMappingException)
        {
            Unanswerable(logger, product.Id, unreadable);
            return null;
        }

        Unanswerable(logger, product.Id, null);
        return null;
    }

    // What was stored is answered whatever its size; only what the writer cannot write is left out.
    private static readonly JsonLimits StoredJson = new() { MaxJsonValueBytes = int.MaxValue };

    [LoggerMessage(Level = LogLevel.Error, Message = "Product {ProductId} cannot be answered: left out of a list")]
    private static partial void Unanswerable(ILogger logger, long productId, Exception? exception);

    public async ValueTask<VariantDto> Handle(GetVariant request, CancellationToken cancellationToken)
    {
        var variant = await store.GetVariantAsync(request.Id, cancellationToken);
        return variant is null ? throw new NotFoundException("Variant", request.Id) : mapper.Map<VariantDto>(variant);
    }
}
