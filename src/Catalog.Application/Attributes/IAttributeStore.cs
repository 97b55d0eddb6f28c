using Catalog.Application.Common.Models;
using Catalog.Domain.Attributes;

namespace Catalog.Application.Attributes;

/// <summary>What the attribute use cases read; each method is a constant number of queries.</summary>
public interface IAttributeStore
{
    Task<IReadOnlyList<ProductAttribute>> GetManyAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<string, long>> FindSlugsAsync(IReadOnlyCollection<string> slugs, CancellationToken cancellationToken);

    Task<IReadOnlySet<long>> FindExistingValuesAsync(IReadOnlyCollection<long> valueIds, CancellationToken cancellationToken);

    Task<Page<ProductAttribute>> ListAsync(int limit, int offset, CancellationToken cancellationToken);
}
