using Catalog.Application.Categories;
using Catalog.Application.Categories.Queries;
using Catalog.Application.Common.Mediator;
using Catalog.Application.Products;
using Catalog.Application.Products.Queries;

namespace Catalog.Api.Dialects.Medusa;

/// <summary>
/// The two reads the dialect makes beside the batches, each one constant-size query whatever the batch size: the
/// products a batch updates, as they are before it (to merge <c>extensions.medusa</c> and fill prices named by id), and
/// the categories an answer shows in full (<c>*categories</c>).
/// </summary>
internal sealed class MedusaReads(ISender sender)
{
    public async Task<IReadOnlyDictionary<long, ProductDto>> ProductsAsync(
        IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        var products = ids.Count == 0 ? [] : await sender.Send(new GetProductsByIds(ids), cancellationToken);
        return products.ToDictionary(p => p.Id);
    }

    /// <summary>The categories of these products, when the answer shows more of them than their ids; else none.</summary>
    public async Task<IReadOnlyDictionary<long, CategoryDto>> CategoriesAsync(
        IEnumerable<ProductDto> shown, MedusaFields fields, CancellationToken cancellationToken)
    {
        var ids = shown.SelectMany(p => p.CategoryIds).Distinct().ToList();
        var categories = ids.Count == 0 || !fields.WantsMoreThanIds("categories")
            ? []
            : await sender.Send(new GetCategoriesByIds(ids), cancellationToken);
        return categories.ToDictionary(c => c.Id);
    }
}
