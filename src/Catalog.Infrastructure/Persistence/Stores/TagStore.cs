using Catalog.Application.Common.Models;
using Catalog.Application.Tags;
using Catalog.Domain.Tags;

namespace Catalog.Infrastructure.Persistence.Stores;

internal sealed class TagStore(CatalogDbContext db) : ITagStore
{
    private IQueryable<Tag> Tags => db.Set<Tag>().AsNoTracking();

    public async Task<IReadOnlyList<Tag>> GetManyAsync(
        IReadOnlyCollection<long> ids, CancellationToken cancellationToken) =>
        await Tags.Where(t => ids.Contains(t.Id)).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<Tag>> FindAsync(
        IReadOnlyCollection<long> ids,
        IReadOnlyCollection<string> names,
        IReadOnlyCollection<string> slugs,
        CancellationToken cancellationToken) =>
        await Tags.Where(t => ids.Contains(t.Id) || names.Contains(t.Name) || slugs.Contains(t.Slug))
            .ToListAsync(cancellationToken);

    public async Task<Page<Tag>> ListAsync(TagFilter filter, int limit, int offset, CancellationToken cancellationToken)
    {
        var query = Tags;
        if (filter.Slug is { } slug)
        {
            query = query.Where(t => t.Slug == slug);
        }

        if (filter.Search is { Length: > 0 } search)
        {
            var text = search.ToLowerInvariant();
            // ToLower() is what every provider translates; the comparison overloads are not translated.
#pragma warning disable CA1862
            query = query.Where(t => t.Name.ToLower().Contains(text) || t.Slug.Contains(text));
#pragma warning restore CA1862
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderBy(t => t.Id).Skip(offset).Take(limit).ToListAsync(cancellationToken);
        return new Page<Tag>(items, total, limit, offset);
    }
}
