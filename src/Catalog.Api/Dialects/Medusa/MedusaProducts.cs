using Catalog.Application.Categories;
using Catalog.Application.Categories.Queries;
using Catalog.Application.Common.Exceptions;
using Catalog.Application.Products.Queries;

namespace Catalog.Api.Dialects.Medusa;

/// <summary>
/// The Medusa product routes: translate, send, and answer in Medusa's shape through the <c>fields</c> projection.
/// Beside them it reads, in one query each, the products a batch updates (to merge <c>extensions.medusa</c> and fill
/// prices named by id) and the categories an answer shows in full.
/// </summary>
internal sealed class MedusaProducts(ISender sender)
{
    public async Task<ObjectResult> ListAsync(MedusaListQuery query, CancellationToken cancellationToken)
    {
        var fields = MedusaFields.ForProducts(query.Fields);
        var page = await sender.Send(query.Query, cancellationToken);
        var categories = await CategoriesAsync(page.Items, fields, cancellationToken);
        var products = page.Items.Select(p => MedusaRendering.Product(p, categories)).ToList();
        return Answer(new MedusaProductListResponse(products, page.Total, page.Offset, page.Limit), fields, "products");
    }

    public async Task<ObjectResult> GetAsync(string id, string? fieldsQuery, CancellationToken cancellationToken)
    {
        var fields = MedusaFields.ForProducts(fieldsQuery);
        return await ProductAsync(id, cancellationToken) is { } product
            ? await AnswerProductAsync(product, fields, cancellationToken)
            : MedusaErrors.ProductNotFound(id);
    }

    public async Task<ObjectResult> BatchAsync(
        MedusaProductBatchRequest request, string? fieldsQuery, CancellationToken cancellationToken)
    {
        var fields = MedusaFields.ForProducts(fieldsQuery);
        var deleted = new MedusaDeleted(request.Delete, "product");
        var (result, error) = await RunAsync(request, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var created = result?.Create.Select(r => r.Resource!).ToList() ?? [];
        var updated = result?.Update.Select(r => r.Resource!).ToList() ?? [];
        var categories = (result?.References ?? BatchReferences.None).Categories;
        var answer = new MedusaProductBatchResponse(
            [.. created.Select(p => MedusaRendering.Product(p, categories))],
            [.. updated.Select(p => MedusaRendering.Product(p, categories))],
            deleted);
        return Answer(answer, fields, "created", "updated");
    }

    /// <summary><c>POST /admin/products</c>: the batch with one create, answered <c>{product}</c>.</summary>
    public async Task<ObjectResult> CreateAsync(
        MedusaProductCreate body, string? fieldsQuery, CancellationToken cancellationToken)
    {
        var (result, error) = await RunAsync(new MedusaProductBatchRequest { Create = [body] }, cancellationToken);
        return error is not null
            ? MedusaErrors.AsSingle(error, "create[0]")
            : AnswerProduct(result!.Create[0].Resource!, result.References, MedusaFields.ForProducts(fieldsQuery));
    }

    /// <summary><c>POST /admin/products/{id}</c>: the batch with one update, answered <c>{product}</c>.</summary>
    public async Task<ObjectResult> UpdateAsync(
        MedusaProductUpdate body, string? fieldsQuery, CancellationToken cancellationToken)
    {
        var (result, error) = await RunAsync(new MedusaProductBatchRequest { Update = [body] }, cancellationToken);
        return error is not null
            ? MedusaErrors.AsSingle(error, "update[0]")
            : AnswerProduct(result!.Update[0].Resource!, result.References, MedusaFields.ForProducts(fieldsQuery));
    }

    private static ObjectResult AnswerProduct(ProductDto product, BatchReferences references, MedusaFields fields) =>
        Answer(
            new MedusaProductResponse(MedusaRendering.Product(product, references.Categories)), fields, "product");

    /// <summary><c>DELETE /admin/products/{id}</c>: the batch with one delete, answered <c>{id, object, deleted}</c>.
    /// </summary>
    public async Task<ObjectResult> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        var (_, error) = await RunAsync(new MedusaProductBatchRequest { Delete = [id] }, cancellationToken);
        return error is not null
            ? MedusaErrors.AsSingle(error, "delete[0]")
            : Ok(new MedusaDeleteResponse(id, "product"));
    }

    public async Task<ObjectResult> BatchVariantsAsync(
        string productId, MedusaVariantBatchRequest request, string? fieldsQuery, CancellationToken cancellationToken)
    {
        var fields = MedusaFields.ForVariants(fieldsQuery);
        var deleted = new MedusaDeleted(request.Delete, "variant");
        var (product, result, error) = await RunVariantsAsync(productId, request, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var answer = new MedusaVariantBatchResponse(
            [.. (result?.Create ?? []).Select(r => MedusaRendering.Variant(r.Resource!, product!.Options))],
            [.. (result?.Update ?? []).Select(r => MedusaRendering.Variant(r.Resource!, product!.Options))],
            deleted);
        return Answer(answer, fields, "created", "updated");
    }

    /// <summary><c>GET /admin/products/{id}/variants</c>: the product's variants, a page of them.</summary>
    public async Task<ObjectResult> ListVariantsAsync(
        string productId, MedusaVariantListQuery query, CancellationToken cancellationToken)
    {
        if (await ProductAsync(productId, cancellationToken) is not { } product)
        {
            return MedusaErrors.ProductNotFound(productId);
        }

        var ids = query.Ids?.ToHashSet(StringComparer.Ordinal);
        var all = product.Variants.Select(v => MedusaRendering.Variant(v, product.Options))
            .Where(v => ids is null || ids.Contains(v.Id))
            .ToList();
        var page = all.Skip(query.Offset).Take(query.Limit).ToList();
        return Answer(new MedusaVariantListResponse(page, all.Count, query.Offset, query.Limit),
            MedusaFields.ForVariants(query.Fields), "variants");
    }

    /// <summary><c>GET /admin/products/{id}/variants/{variant_id}</c>: <c>{variant}</c>.</summary>
    public async Task<ObjectResult> GetVariantAsync(
        string productId, string variantId, string? fieldsQuery, CancellationToken cancellationToken)
    {
        if (await ProductAsync(productId, cancellationToken) is not { } product)
        {
            return MedusaErrors.ProductNotFound(productId);
        }

        var number = MedusaIds.Parse(MedusaIds.Variant, variantId);
        return product.Variants.FirstOrDefault(v => v.Id == number) is { } variant
            ? Answer(new MedusaVariantResponse(MedusaRendering.Variant(variant, product.Options)),
                MedusaFields.ForVariants(fieldsQuery), "variant")
            : MedusaErrors.VariantNotFound(variantId);
    }

    /// <summary>
    /// <c>POST /admin/products/{id}/variants</c> (one create), <c>POST .../variants/{variant_id}</c> (one update):
    /// the variant batch with one item, answered with the product, <c>{product}</c>, as Medusa answers them.
    /// </summary>
    public async Task<ObjectResult> WriteVariantAsync(
        string productId, MedusaVariantBatchRequest request, string? fieldsQuery, CancellationToken cancellationToken)
    {
        var (product, _, error) = await RunVariantsAsync(productId, request, cancellationToken);
        return error is not null
            ? MedusaErrors.AsSingle(error, request.Create.Count > 0 ? "create[0]" : "update[0]")
            : await AnswerProductAsync(product!, MedusaFields.ForProducts(fieldsQuery), cancellationToken);
    }

    /// <summary><c>DELETE /admin/products/{id}/variants/{variant_id}</c>: <c>{id, object, deleted, parent}</c>.
    /// </summary>
    public async Task<ObjectResult> DeleteVariantAsync(
        string productId, string variantId, string? fieldsQuery, CancellationToken cancellationToken)
    {
        var request = new MedusaVariantBatchRequest { Delete = [variantId] };
        var (product, _, error) = await RunVariantsAsync(productId, request, cancellationToken);
        if (error is not null)
        {
            return MedusaErrors.AsSingle(error, "delete[0]");
        }

        var categories = await CategoriesAsync([product!], MedusaFields.ForProducts(fieldsQuery), cancellationToken);
        var answer = new MedusaVariantDeleteResponse(
            variantId, "variant", MedusaRendering.Product(product!, categories));
        return Answer(answer, MedusaFields.ForProducts(fieldsQuery), "parent");
    }

    /// <summary>A product batch through the engine: its result, or the error that answers it.</summary>
    private async Task<(BatchResult<ProductDto>? Result, ObjectResult? Error)> RunAsync(
        MedusaProductBatchRequest request, CancellationToken cancellationToken)
    {
        if (request.Create.Count + request.Update.Count + request.Delete.Count == 0)
        {
            return (null, null);
        }

        var (issues, stored) = (new List<MedusaIssue>(), new List<MedusaIssue>());
        var command = MedusaProductTranslation.ToCommand(request, issues, stored);
        if (issues.Count > 0)
        {
            return (null, MedusaErrors.Invalid(issues));
        }

        var result = await sender.Send(command, cancellationToken);
        return result.Applied ? (result, null)
            : stored.Count > 0 ? (null, MedusaErrors.Invalid(stored))
            : (null, MedusaErrors.ItemsFailed(result, MedusaIds.Product));
    }

    /// <summary>
    /// A variant batch of one product through the engine, its items translated against the product as the engine reads
    /// it: the product as the batch left it, and the result; or the error that answers it.
    /// </summary>
    private async Task<(ProductDto? Product, BatchResult<VariantDto>? Result, ObjectResult? Error)> RunVariantsAsync(
        string productId, MedusaVariantBatchRequest request, CancellationToken cancellationToken)
    {
        if (request.Create.Count + request.Update.Count + request.Delete.Count == 0)
        {
            return await ProductAsync(productId, cancellationToken) is { } product
                ? (product, null, null)
                : (null, null, MedusaErrors.ProductNotFound(productId));
        }

        if (MedusaIds.Parse(MedusaIds.Product, productId) is not { } number)
        {
            return (null, null, MedusaErrors.ProductNotFound(productId));
        }

        var (issues, stored) = (new List<MedusaIssue>(), new List<MedusaIssue>());
        var command = MedusaVariantTranslation.ToCommand(number, request, issues, stored);
        if (issues.Count > 0)
        {
            return (null, null, MedusaErrors.Invalid(issues));
        }

        BatchResult<VariantDto> result;
        try
        {
            result = await sender.Send(command, cancellationToken);
        }
        catch (NotFoundException)
        {
            return (null, null, MedusaErrors.ProductNotFound(productId));
        }

        return result.Applied ? (result.References.Product, result, null)
            : stored.Count > 0 ? (null, null, MedusaErrors.Invalid(stored))
            : (null, null, MedusaErrors.ItemsFailed(result, MedusaIds.Variant));
    }

    /// <summary>The product a Medusa id names, or null: an id Catalog did not issue names none.</summary>
    private async Task<ProductDto?> ProductAsync(string id, CancellationToken cancellationToken) =>
        MedusaIds.Parse(MedusaIds.Product, id) is { } number
            ? (await ProductsAsync([number], cancellationToken)).GetValueOrDefault(number)
            : null;

    private async Task<ObjectResult> AnswerProductAsync(
        string productId, MedusaFields fields, CancellationToken cancellationToken) =>
        await ProductAsync(productId, cancellationToken) is { } product
            ? await AnswerProductAsync(product, fields, cancellationToken)
            : MedusaErrors.ProductNotFound(productId);

    private async Task<ObjectResult> AnswerProductAsync(
        ProductDto product, MedusaFields fields, CancellationToken cancellationToken)
    {
        var categories = await CategoriesAsync([product], fields, cancellationToken);
        return Answer(new MedusaProductResponse(MedusaRendering.Product(product, categories)), fields, "product");
    }

    private static ObjectResult Ok(object body) => new(body) { StatusCode = StatusCodes.Status200OK };

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
        where T : notnull =>
        new(new MedusaAnswer(response, fields, keys)) { StatusCode = StatusCodes.Status200OK };
}
