using Catalog.Application.Common.Exceptions;
using Catalog.Application.Products;
using Catalog.Domain.Tags;

namespace Catalog.Application.Tags.Queries;

public sealed record GetTag(long Id) : IRequest<TagDto>;

/// <summary>The tags with these ids, in one read; ids that do not exist are left out.</summary>
public sealed record GetTagsByIds(IReadOnlyCollection<long> Ids) : IRequest<IReadOnlyList<TagDto>>;

/// <summary>
/// The registry's tags of these names, without their product counts: what a dialect needs to show the tags of a page
/// of products with their ids and slugs, in one read.
/// </summary>
public sealed record GetTagsByNames(IReadOnlyCollection<string> Names) : IRequest<IReadOnlyList<TagDto>>;

public sealed record ListTags(int Limit = 50, int Offset = 0) : IRequest<Page<TagDto>>, IPagedRequest
{
    /// <summary>Only the tag with this slug.</summary>
    public string? Slug { get; init; }

    /// <summary>Only tags whose name or slug contains this, ignoring case.</summary>
    public string? Search { get; init; }
}

public sealed class ListTagsValidator : PagingValidator<ListTags>;

internal sealed class TagQueriesHandler(ITagStore store, IProductStore products, IMapper mapper) :
    IRequestHandler<GetTag, TagDto>,
    IRequestHandler<GetTagsByIds, IReadOnlyList<TagDto>>,
    IRequestHandler<GetTagsByNames, IReadOnlyList<TagDto>>,
    IRequestHandler<ListTags, Page<TagDto>>
{
    public async ValueTask<TagDto> Handle(GetTag request, CancellationToken cancellationToken)
    {
        var found = await store.GetManyAsync([request.Id], cancellationToken);
        return (await CountedAsync([NotFoundException.The(found, "Tag", request.Id)], cancellationToken))[0];
    }

    public async ValueTask<IReadOnlyList<TagDto>> Handle(GetTagsByIds request, CancellationToken cancellationToken)
    {
        var found = request.Ids.Count == 0 ? [] : await store.GetManyAsync(request.Ids, cancellationToken);
        return await CountedAsync(found, cancellationToken);
    }

    public async ValueTask<IReadOnlyList<TagDto>> Handle(
        GetTagsByNames request, CancellationToken cancellationToken)
    {
        var found = request.Names.Count == 0 ? [] : await store.FindAsync([], request.Names, [], cancellationToken);
        return [.. found.Select(mapper.Map<TagDto>)];
    }

    public async ValueTask<Page<TagDto>> Handle(ListTags request, CancellationToken cancellationToken)
    {
        var page = await store.ListAsync(
            new TagFilter(request.Slug, request.Search), request.Limit, request.Offset, cancellationToken);
        return new Page<TagDto>(
            await CountedAsync(page.Items, cancellationToken), page.Total, page.Limit, page.Offset);
    }

    /// <summary>The tags with the products carrying each: one query for all of them.</summary>
    private async Task<IReadOnlyList<TagDto>> CountedAsync(
        IReadOnlyList<Tag> tags, CancellationToken cancellationToken)
    {
        if (tags.Count == 0)
        {
            return [];
        }

        var counts = await products.CountTaggedAsync([.. tags.Select(t => t.Name)], cancellationToken);
        return [.. tags.Select(t => mapper.Map<TagDto>(t) with { ProductCount = counts.GetValueOrDefault(t.Name) })];
    }
}
