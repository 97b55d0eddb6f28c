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

    /// <summary>Which of these attributes and which of these attribute values exist, in one query.</summary>
    Task<AttributeReferences> FindReferencesAsync(
        IReadOnlyCollection<long> attributeIds,
        IReadOnlyCollection<long> valueIds,
        CancellationToken cancellationToken);

    Task<Page<ProductAttribute>> ListAsync(int limit, int offset, CancellationToken cancellationToken);
}

/// <summary>The attribute ids and attribute value ids, of those asked about, that exist.</summary>
public sealed record AttributeReferences(IReadOnlySet<long> AttributeIds, IReadOnlySet<long> ValueIds);
