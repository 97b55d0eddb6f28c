using Catalog.Domain.Tags;

namespace Catalog.Application.Tags;

/// <summary>What the tag use cases read; each method is one query.</summary>
public interface ITagStore
{
    Task<IReadOnlyList<Tag>> GetManyAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken);

    /// <summary>The tags with any of these ids, names or slugs (each compared ordinally).</summary>
    Task<IReadOnlyList<Tag>> FindAsync(
        IReadOnlyCollection<long> ids,
        IReadOnlyCollection<string> names,
        IReadOnlyCollection<string> slugs,
        CancellationToken cancellationToken);

    Task<Page<Tag>> ListAsync(TagFilter filter, int limit, int offset, CancellationToken cancellationToken);
}

/// <summary>Which tags a list holds: one slug; a text in the name or slug, ignoring case (each when set).</summary>
public sealed record TagFilter(string? Slug, string? Search);
