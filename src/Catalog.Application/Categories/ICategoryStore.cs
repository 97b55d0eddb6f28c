using Catalog.Domain.Categories;

namespace Catalog.Application.Categories;

/// <summary>What the category use cases read; each method is a constant number of queries.</summary>
public interface ICategoryStore
{
    Task<IReadOnlyList<Category>> GetManyAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<string, long>> FindHandlesAsync(
        IReadOnlyCollection<string> handles, CancellationToken cancellationToken);

    /// <summary>Every category's parent, to reject cycles: categories are few, so one query does.</summary>
    Task<IReadOnlyDictionary<long, long?>> GetParentsAsync(CancellationToken cancellationToken);

    Task<Page<Category>> ListAsync(
        CategoryFilter filter, int limit, int offset, CancellationToken cancellationToken);
}

/// <summary>Which categories a list holds: children of a parent, one handle, only roots (each when set).</summary>
public sealed record CategoryFilter(long? ParentId, string? Handle, bool RootsOnly);
