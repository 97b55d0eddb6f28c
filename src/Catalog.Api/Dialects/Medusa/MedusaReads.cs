using AutoMapper;
using Catalog.Application.Categories;
using Catalog.Application.Products;

namespace Catalog.Api.Dialects.Medusa;

/// <summary>
/// The two reads the dialect makes beside the canonical use cases, each one constant-size query set whatever the batch
/// size: the products a batch updates, as they are before it (to merge <c>extensions.medusa</c> and fill prices
/// named by id), and the categories an answer shows in full (<c>*categories</c>).
/// </summary>
public sealed class MedusaReads(IProductStore products, ICategoryStore categories, IMapper mapper)
{
    public async Task<IReadOnlyDictionary<long, ProductDto>> ProductsAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return new Dictionary<long, ProductDto>();
        }

        var found = await products.GetManyAsync(ids, cancellationToken);
        return found.ToDictionary(p => p.Id, mapper.Map<ProductDto>);
    }

    /// <summary>The categories of these products, when the answer shows more of them than their ids; else none.</summary>
    public async Task<IReadOnlyDictionary<long, CategoryDto>> CategoriesAsync(IEnumerable<ProductDto> shown, MedusaFields fields, CancellationToken cancellationToken)
    {
        var ids = shown.SelectMany(p => p.CategoryIds).Distinct().ToList();
        if (ids.Count == 0 || !fields.WantsMoreThanIds("categories"))
        {
            return new Dictionary<long, CategoryDto>();
        }

        var found = await categories.GetManyAsync(ids, cancellationToken);
        return found.ToDictionary(c => c.Id, mapper.Map<CategoryDto>);
    }
}
