using Catalog.Domain.Attributes;

namespace Catalog.Application.Attributes;

/// <summary>What the attribute use cases read; each method is a constant number of queries.</summary>
public interface IAttributeStore
{
    Task<IReadOnlyList<ProductAttribute>> GetManyAsync(
        IReadOnlyCollection<long> ids, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<string, long>> FindSlugsAsync(
        IReadOnlyCollection<string> slugs, CancellationToken cancellationToken);

    Task<IReadOnlySet<long>> FindExistingValuesAsync(
        IReadOnlyCollection<long> valueIds, CancellationToken cancellationToken);

    /// <summary>Which of these attributes (with their names) and which of these attribute values exist, in one query.
    /// </summary>
    Task<AttributeReferences> FindReferencesAsync(
        IReadOnlyCollection<long> attributeIds,
        IReadOnlyCollection<long> valueIds,
        CancellationToken cancellationToken);

    Task<Page<ProductAttribute>> ListAsync(int limit, int offset, CancellationToken cancellationToken);
}

/// <summary>Of those asked about, the attributes that exist (their names by id) and the attribute values that do.
/// </summary>
public sealed record AttributeReferences(IReadOnlyDictionary<long, string> Attributes, IReadOnlySet<long> ValueIds);
