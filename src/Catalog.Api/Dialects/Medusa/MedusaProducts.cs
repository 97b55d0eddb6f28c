using System.Text.Json;
using System.Text.Json.Nodes;
using Catalog.Api.Common;
using Catalog.Application.Categories;
using Catalog.Application.Categories.Queries;
using Catalog.Application.Products;
using Catalog.Application.Products.Queries;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace Catalog.Api.Dialects.Medusa;

/// <summary>
/// The Medusa product routes: translate, send, and answer in Medusa's shape through the <c>fields</c> projection.
/// Beside them it reads, in one query each, the products a batch updates (to merge <c>extensions.medusa</c> and fill
/// prices named by id) and the categories an answer shows in full.
/// </summary>
internal sealed class MedusaProducts(ISender sender)
{
    private static readonly JsonSerializerOptions Json = CatalogJson.Create();

    public async Task<ObjectResult> ListAsync(MedusaListQuery query, CancellationToken cancellationToken)
    {
        var fields = MedusaFields.ForProducts(query.Fields);
        var list = new ListProducts(query.Status, null, query.CategoryId, query.Limit, query.Offset);
        var page = await sender.Send(list, cancellationToken);
        var categories = await CategoriesAsync(page.Items, fields, cancellationToken);
        var products = page.Items.Select(p => MedusaRendering.Product(p, categories)).ToList();
        return Answer(new MedusaProductListResponse(products, page.Total, page.Offset, page.Limit), fields, "products");
    }

    public async Task<ObjectResult> GetAsync(string id, string? fieldsQuery, CancellationToken cancellationToken)
    {
        var fields = MedusaFields.ForProducts(fieldsQuery);
        if (MedusaIds.Parse(MedusaIds.Product, id) is not { } productId)
        {
            return MedusaErrors.ProductNotFound(id);
        }

        var product = await sender.Send(new GetProduct(productId), cancellationToken);
        var categories = await CategoriesAsync([product], fields, cancellationToken);
        return Answer(new MedusaProductResponse(MedusaRendering.Product(product, categories)), fields, "product");
    }

    public async Task<ObjectResult> BatchAsync(
        MedusaProductBatchRequest request, string? fieldsQuery, CancellationToken cancellationToken)
    {
        var fields = MedusaFields.ForProducts(fieldsQuery);
        var deleted = new MedusaDeleted(request.Delete, "product");
        if (request.Create.Count + request.Update.Count + request.Delete.Count == 0)
        {
            return Answer(new MedusaProductBatchResponse([], [], deleted), fields, "created", "updated");
        }

        var current = await ProductsAsync(MedusaProductTranslation.UpdateTargets(request), cancellationToken);
        var issues = new List<MedusaIssue>();
        var command = MedusaProductTranslation.ToCommand(request, current, issues);
        if (issues.Count > 0)
        {
            return MedusaErrors.Invalid(issues);
        }

        var result = await sender.Send(command, cancellationToken);
        if (!result.Applied)
        {
            return MedusaErrors.ItemsFailed(result, "Product", MedusaIds.Product);
        }

        var created = result.Create.Select(r => r.Resource!).ToList();
        var updated = result.Update.Select(r => r.Resource!).ToList();
        var categories = await CategoriesAsync(created.Concat(updated), fields, cancellationToken);
        var answer = new MedusaProductBatchResponse(
            [.. created.Select(p => MedusaRendering.Product(p, categories))],
            [.. updated.Select(p => MedusaRendering.Product(p, categories))],
            deleted);
        return Answer(answer, fields, "created", "updated");
    }

    public async Task<ObjectResult> BatchVariantsAsync(
        string productId, MedusaVariantBatchRequest request, string? fieldsQuery, CancellationToken cancellationToken)
    {
        var fields = MedusaFields.ForVariants(fieldsQuery);
        if (MedusaIds.Parse(MedusaIds.Product, productId) is not { } id
            || (await ProductsAsync([id], cancellationToken)).GetValueOrDefault(id) is not { } product)
        {
            return MedusaErrors.ProductNotFound(productId);
        }

        var deleted = new MedusaDeleted(request.Delete, "variant");
        if (request.Create.Count + request.Update.Count + request.Delete.Count == 0)
        {
            return Answer(new MedusaVariantBatchResponse([], [], deleted), fields, "created", "updated");
        }

        var issues = new List<MedusaIssue>();
        var command = MedusaVariantTranslation.ToCommand(product, request, issues);
        if (issues.Count > 0)
        {
            return MedusaErrors.Invalid(issues);
        }

        var result = await sender.Send(command, cancellationToken);
        if (!result.Applied)
        {
            return MedusaErrors.ItemsFailed(result, "Variant", MedusaIds.Variant);
        }

        var answer = new MedusaVariantBatchResponse(
            [.. result.Create.Select(r => MedusaRendering.Variant(r.Resource!, product.Options))],
            [.. result.Update.Select(r => MedusaRendering.Variant(r.Resource!, product.Options))],
            deleted);
        return Answer(answer, fields, "created", "updated");
    }

    private async Task<IReadOnlyDictionary<long, ProductDto>> ProductsAsync(
        IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        var products = ids.Count == 0 ? [] : await sender.Send(new GetProductsByIds(ids), cancellationToken);
        return products.ToDictionary(p => p.Id);
    }

    /// <summary>The categories of these products, when the answer shows more of them than their ids.</summary>
    private async Task<IReadOnlyDictionary<long, CategoryDto>> CategoriesAsync(
        IEnumerable<ProductDto> shown, MedusaFields fields, CancellationToken cancellationToken)
    {
        var ids = shown.SelectMany(p => p.CategoryIds).Distinct().ToList();
        var categories = ids.Count == 0 || !fields.WantsMoreThanIds("categories")
            ? []
            : await sender.Send(new GetCategoriesByIds(ids), cancellationToken);
        return categories.ToDictionary(c => c.Id);
    }

    /// <summary>The answer, each product or variant under <paramref name="keys"/> cut to the fields asked.</summary>
    private static ObjectResult Answer<T>(T response, MedusaFields fields, params string[] keys)
    {
        var node = JsonSerializer.SerializeToNode(response, Json)!.AsObject();
        foreach (var key in keys)
        {
            node[key] = node[key] is JsonArray items
                ? new JsonArray([.. items.Select(item => (JsonNode?)fields.Project(item!.AsObject()))])
                : fields.Project(node[key]!.AsObject());
        }

        return new ObjectResult(node) { StatusCode = StatusCodes.Status200OK };
    }
}
