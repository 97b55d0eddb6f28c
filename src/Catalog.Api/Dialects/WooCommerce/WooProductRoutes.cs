using Catalog.Application.Categories.Queries;
using Catalog.Application.Products.Commands.BatchProducts;
using Catalog.Application.Products.Queries;
using Catalog.Application.Tags.Queries;

namespace Catalog.Api.Dialects.WooCommerce;

/// <summary>
/// The products batch and read behind WooCommerce's routes and Wholesale Suite's: they differ only in where the
/// wholesale terms travel (<paramref name="names"/>) and in the shape of an answered product.
/// </summary>
internal sealed class WooProductRoutes<TProduct>(
    ISender sender,
    WooCommerceOptions options,
    WholesaleNames names,
    Func<WooRenderer, Func<ProductDto, TProduct>> answerWith)
    where TProduct : class
{
    public async Task<IActionResult> BatchAsync<TInput>(
        WooBatchRequest<TInput>? request, CancellationToken cancellationToken)
        where TInput : WooProductInput
    {
        if (request is null || request.ItemCount == 0)
        {
            return WooBatchAnswers.Empty();
        }

        if (request.ItemCount > options.MaxBatchItems)
        {
            return WooBatchAnswers.TooLarge(options.MaxBatchItems);
        }

        return new OkObjectResult(await RunAsync(request, cancellationToken));
    }

    /// <summary>
    /// A single write (<c>POST /products</c>, <c>PUT /products/{id}</c>, <c>DELETE /products/{id}</c>) is the batch
    /// with that one item, as WooCommerce's own batch is its single routes in a loop.
    /// </summary>
    public async Task<IActionResult> SingleAsync<TInput>(
        WooBatchRequest<TInput> request, int successStatus, CancellationToken cancellationToken)
        where TInput : WooProductInput
    {
        var answer = await RunAsync(request, cancellationToken);
        return WooBatchAnswers.Single(answer, successStatus);
    }

    private async Task<WooBatchResponse<TProduct>> RunAsync<TInput>(
        WooBatchRequest<TInput> request, CancellationToken cancellationToken)
        where TInput : WooProductInput
    {
        var creates = request.Create ?? [];
        var updates = request.Update ?? [];
        var deletes = (request.Delete ?? []).Where(id => id != 0).ToList(); // WooCommerce skips 0.
        var translator = new ProductTranslator(options);
        var items = new WholesaleProductItems(options.Currency, names);
        var translatedCreates = creates.Select(c => items.Create(c, translator.Create)).ToList();

        // An update is translated once the engine has read its product (what it means depends on the product's type),
        // inside the engine's load: the route reads nothing itself. One whose product is not found stays as sent.
        var translatedUpdates = updates.Select(u => Translated<ProductUpdate>.Ok(new ProductUpdate { Id = u.Id }))
            .ToList();
        var types = new string?[updates.Count];
        Resolution<ProductUpdate> Resolve(int i, ProductDto product)
        {
            types[i] = updates[i].Type ?? WooType.Of(product, WooFields.Of(product.Extensions));
            translatedUpdates[i] = items.Update(updates[i], product, input => translator.Update(input, product));
            return WooBatchAnswers.Resolution(translatedUpdates[i]);
        }

        var command = new BatchProducts(
            WooBatchAnswers.Valid(translatedCreates), [.. translatedUpdates.Select(t => t.Item!)], deletes)
        {
            Resolve = updates.Count == 0 ? null : Resolve,
            TakenHandles = TakenHandles.Suffix, // WordPress makes a taken slug unique: linen-shirt-2.
        };
        var result = await WooBatchAnswers.SendAsync(sender, command, cancellationToken);

        var render = answerWith(
            new WooRenderer(options, result.References.Categories, result.References.Tags.Values));
        WooError Error(ItemError error, BatchOperation operation, WooProductInput input, string? type = null) =>
            WooErrors.Item(
                error,
                operation,
                WooErrors.Product,
                (input.Type ?? type ?? WooType.Simple) == WooType.Simple,
                input.Sku);
        WooBatchEntry<TProduct> Deleted(ItemResult<ProductDto> r, int i) =>
            r is { Status: ItemStatus.Succeeded, Resource: { } product }
                ? new(render(product), null)
                : new(null, new WooItemFailure(
                    deletes[i], WooErrors.Item(r.Error!, BatchOperation.Delete, WooErrors.Product, simple: false)));
        return new WooBatchResponse<TProduct>
        {
            Create = WooBatchAnswers.Entries(translatedCreates, result.Create, _ => 0, render,
                (i, error) => Error(error, BatchOperation.Create, creates[i])),
            Update = WooBatchAnswers.Entries(
                translatedUpdates,
                WooBatchAnswers.Translated(result.Update, translatedUpdates),
                i => updates[i].Id ?? 0,
                render, (i, error) => Error(error, BatchOperation.Update, updates[i], types[i])),
            Delete = deletes.Count == 0 ? null : [.. result.Delete.Select(Deleted)],
        };
    }

    public async Task<IActionResult> GetAsync(long id, CancellationToken cancellationToken)
    {
        var found = await sender.Send(new GetProductsByIds([id]), cancellationToken);
        if (found.Count == 0)
        {
            return new NotFoundObjectResult(
                WooErrors.Of("woocommerce_rest_product_invalid_id", "Invalid ID.", StatusCodes.Status404NotFound));
        }

        return new OkObjectResult((await RendererAsync(found, cancellationToken))(found[0]));
    }

    /// <summary>How to answer these products, with the categories and the tags they name read in a query each.
    /// </summary>
    public async Task<Func<ProductDto, TProduct>> RendererAsync(
        IEnumerable<ProductDto?> products, CancellationToken cancellationToken)
    {
        var found = products.OfType<ProductDto>().ToList();
        var ids = found.SelectMany(p => p.CategoryIds).Distinct().ToList();
        var categories = (await sender.Send(new GetCategoriesByIds(ids), cancellationToken)).ToDictionary(c => c.Id);
        var names = found.SelectMany(p => p.Tags).ToHashSet(StringComparer.Ordinal);
        var tags = await sender.Send(new GetTagsByNames(names), cancellationToken);
        return answerWith(new WooRenderer(options, categories, tags));
    }
}
