using Catalog.Application.Attributes.Queries;
using Catalog.Application.Categories.Queries;
using Catalog.Application.Common.Batches;
using Catalog.Application.Products;
using Catalog.Application.Products.Commands.BatchProducts;
using Catalog.Application.Products.Queries;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace Catalog.Api.Dialects.WooCommerce;

/// <summary>
/// The products batch and the one-product read behind both WooCommerce's routes and Wholesale Suite's: they differ
/// only in where the wholesale terms travel (<paramref name="names"/>) and in the shape a product is answered in
/// (<paramref name="answerWith"/>, given the WooCommerce renderer).
/// </summary>
internal sealed class WooProductRoutes<TProduct>(
    ISender sender,
    WooCommerceOptions options,
    WholesaleNames names,
    Func<WooRenderer, Func<ProductDto, TProduct>> answerWith)
    where TProduct : class
{
    /// <summary>
    /// Creates, then updates, then deletes products, each item on its own: a failed item answers <c>{id, error}</c> in
    /// its place; a deleted one answers the product as it was.
    /// </summary>
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
        var wholesaleCreates = creates.Select(c => items.Create(c, translator.Create)).ToList();
        var wholesaleUpdates = updates.Select(u => items.Update(u, translator.Update)).ToList();
        var translatedCreates = wholesaleCreates.ConvertAll(t => t.Translated);
        var translatedUpdates = wholesaleUpdates.ConvertAll(t => t.Translated);
        var command = new BatchProducts(
            WooBatchAnswers.Valid(translatedCreates), WooBatchAnswers.Valid(translatedUpdates), deletes);
        var result = command.ItemCount == 0
            ? new BatchResult<ProductDto>([], [], [], new BatchSummary(0, 0, 0, 0))
            : await sender.Send(command, cancellationToken);

        var answered = result.Create.Concat(result.Update).Concat(result.Delete).Select(r => r.Resource);
        var render = await RendererAsync(answered, cancellationToken);
        bool IsSimple(WooProductInput input) =>
            (input.Type ?? (input.Id is { } id && current.TryGetValue(id, out var p)
                ? WooType.Of(p, WooFields.Of(p.Extensions))
                : WooType.Simple)) == WooType.Simple;
        WooError Error<T>(WholesaleTranslated<T> item, ItemError error, BatchOperation operation, WooProductInput input)
            where T : class =>
            item.Fields.ErrorOf(error, e => WooErrors.Item(e, operation, WooErrors.Product, IsSimple(input)));
        WooBatchEntry<TProduct> Deleted(ItemResult<ProductDto> r, int i) =>
            r is { Status: ItemStatus.Succeeded, Resource: { } product }
                ? new(render(product), null)
                : new(null, new WooItemFailure(
                    deletes[i], WooErrors.Item(r.Error!, BatchOperation.Delete, WooErrors.Product, simple: false)));
        return new OkObjectResult(new WooBatchResponse<TProduct>
        {
            Create = WooBatchAnswers.Entries(translatedCreates, result.Create, _ => 0, render,
                (i, error) => Error(wholesaleCreates[i], error, BatchOperation.Create, creates[i])),
            Update = WooBatchAnswers.Entries(translatedUpdates, result.Update, i => updates[i].Id ?? 0, render,
                (i, error) => Error(wholesaleUpdates[i], error, BatchOperation.Update, updates[i])),
            Delete = deletes.Count == 0 ? null : [.. result.Delete.Select(Deleted)],
        });
    }

    /// <summary>One product; 404 <c>woocommerce_rest_product_invalid_id</c> when there is none.</summary>
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

    /// <summary>
    /// How to answer these products, with the categories they name read once, for WooCommerce's <c>{id, name,
    /// slug}</c>.
    /// </summary>
    public async Task<Func<ProductDto, TProduct>> RendererAsync(
        IEnumerable<ProductDto?> products, CancellationToken cancellationToken)
    {
        var ids = products.OfType<ProductDto>().SelectMany(p => p.CategoryIds).Distinct().ToList();
        var categories = (await sender.Send(new GetCategoriesByIds(ids), cancellationToken)).ToDictionary(c => c.Id);
        return answerWith(new WooRenderer(options, categories));
    }
}
