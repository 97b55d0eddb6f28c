using Catalog.Application.Attributes.Queries;
using Catalog.Application.Categories.Queries;
using Catalog.Application.Products.Commands.BatchProducts;
using Catalog.Application.Products.Queries;

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
        var updated = updates.Select(u => u.Id).OfType<long>().Where(id => id > 0).Distinct().ToList();
        var current = (await sender.Send(new GetProductsByIds(updated), cancellationToken)).ToDictionary(p => p.Id);
        var attributeIds = creates.Concat(updates).SelectMany(i => i.Attributes ?? []).Select(a => a?.Id)
            .OfType<long>().Where(id => id > 0).Distinct().ToList();
        var attributes = (await sender.Send(new GetAttributesByIds(attributeIds), cancellationToken))
            .ToDictionary(a => a.Id);

        var translator = new ProductTranslator(options, current, attributes);
        var items = new WholesaleProductItems(options.Currency, current, names);
        var translatedCreates = creates.Select(c => items.Create(c, translator.Create)).ToList();
        var translatedUpdates = updates.Select(u => items.Update(u, translator.Update)).ToList();
        var command = new BatchProducts(
            WooBatchAnswers.Valid(translatedCreates), WooBatchAnswers.Valid(translatedUpdates), deletes);
        var result = await WooBatchAnswers.SendAsync(sender, command, cancellationToken);

        var answered = result.Create.Concat(result.Update).Concat(result.Delete).Select(r => r.Resource);
        var render = await RendererAsync(answered, cancellationToken);
        bool IsSimple(WooProductInput input) =>
            (input.Type ?? (input.Id is { } id && current.TryGetValue(id, out var p)
                ? WooType.Of(p, WooFields.Of(p.Extensions))
                : WooType.Simple)) == WooType.Simple;
        WooError Error(ItemError error, BatchOperation operation, WooProductInput input) =>
            WooErrors.Item(error, operation, WooErrors.Product, IsSimple(input), input.Sku);
        WooBatchEntry<TProduct> Deleted(ItemResult<ProductDto> r, int i) =>
            r is { Status: ItemStatus.Succeeded, Resource: { } product }
                ? new(render(product), null)
                : new(null, new WooItemFailure(
                    deletes[i], WooErrors.Item(r.Error!, BatchOperation.Delete, WooErrors.Product, simple: false)));
        return new WooBatchResponse<TProduct>
        {
            Create = WooBatchAnswers.Entries(translatedCreates, result.Create, _ => 0, render,
                (i, error) => Error(error, BatchOperation.Create, creates[i])),
            Update = WooBatchAnswers.Entries(translatedUpdates, result.Update, i => updates[i].Id ?? 0, render,
                (i, error) => Error(error, BatchOperation.Update, updates[i])),
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

    /// <summary>How to answer these products, with the categories they name read in one query.</summary>
    public async Task<Func<ProductDto, TProduct>> RendererAsync(
        IEnumerable<ProductDto?> products, CancellationToken cancellationToken)
    {
        var ids = products.OfType<ProductDto>().SelectMany(p => p.CategoryIds).Distinct().ToList();
        var categories = (await sender.Send(new GetCategoriesByIds(ids), cancellationToken)).ToDictionary(c => c.Id);
        return answerWith(new WooRenderer(options, categories));
    }
}
