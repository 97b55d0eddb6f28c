using System.Globalization;
using Catalog.Application.Common.Batches;
using Catalog.Application.Products;
using Catalog.Application.Products.Queries;
using Catalog.Application.Variants;
using Catalog.Application.Variants.Commands.BatchVariants;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace Catalog.Api.Dialects.WooCommerce;

/// <summary>
/// The variation batch and reads behind both WooCommerce's <c>.../variations</c> routes and Wholesale Suite's: they
/// differ only in where the wholesale terms travel (<paramref name="names"/>: WooCommerce's <c>meta_data</c> or
/// Wholesale Suite's own fields) and in the shape a variation is answered in (<paramref name="render"/>).
/// </summary>
internal sealed class WooVariationRoutes<TVariation>(
    ISender sender, WooCommerceOptions options, WholesaleNames names, Func<VariantDto, ProductDto, TVariation> render)
    where TVariation : class
{
    /// <summary>Creates, then updates, then deletes variations of one product; 404 when there is no product.</summary>
    public async Task<IActionResult> BatchAsync<TInput>(
        long productId, WooBatchRequest<TInput>? request, CancellationToken cancellationToken)
        where TInput : WooVariationInput
    {
        if (request is not null && request.ItemCount > options.MaxBatchItems)
        {
            return WooBatchAnswers.TooLarge(options.MaxBatchItems);
        }

        if (await ParentAsync(productId, cancellationToken) is not { } parent)
        {
            return ParentNotFound();
        }

        if (request is null || request.ItemCount == 0)
        {
            return WooBatchAnswers.Empty();
        }

        var creates = request.Create ?? [];
        var updates = request.Update ?? [];
        var deletes = (request.Delete ?? []).Where(id => id != 0).ToList(); // WooCommerce skips 0.
        var variable = IsVariable(parent);
        var translator = new VariationTranslator(options, parent);
        var items = new WholesaleVariationItems(options.Currency, parent, names);
        var notVariable = new WholesaleFieldMap();
        var wholesaleCreates = creates.Select(c => variable
            ? items.Create(c, translator.Create)
            : new(Translated<VariantCreate>.Failed(NotVariable(parent)), notVariable)).ToList();
        var wholesaleUpdates = updates.Select(u => variable
            ? items.Update(u, translator.Update)
            : new(Translated<VariantUpdate>.Failed(InvalidId(BatchOperation.Update)), notVariable)).ToList();
        var translatedCreates = wholesaleCreates.ConvertAll(t => t.Translated);
        var translatedUpdates = wholesaleUpdates.ConvertAll(t => t.Translated);
        var command = new BatchVariants(
            productId,
            WooBatchAnswers.Valid(translatedCreates),
            WooBatchAnswers.Valid(translatedUpdates),
            variable ? deletes : []);
        var result = command.ItemCount == 0
            ? new BatchResult<VariantDto>([], [], [], new BatchSummary(0, 0, 0, 0))
            : await sender.Send(command, cancellationToken);

        TVariation Render(VariantDto variant) => render(variant, parent);
        static WooError Error(WholesaleFieldMap fields, ItemError error, BatchOperation operation) =>
            fields.ErrorOf(error, e => WooErrors.Item(e, operation, WooErrors.Variation, simple: false));
        WooBatchEntry<TVariation> Deleted(long id, int i) =>
            variable && result.Delete[i] is { Status: ItemStatus.Succeeded, Resource: { } variant }
                ? new(Render(variant), null)
                : new(null, new WooItemFailure(id, variable
                    ? WooErrors.Item(result.Delete[i].Error!, BatchOperation.Delete, WooErrors.Variation, simple: false)
                    : InvalidId(BatchOperation.Delete)));
        return new OkObjectResult(new WooBatchResponse<TVariation>
        {
            Create = WooBatchAnswers.Entries(translatedCreates, result.Create, _ => 0, Render,
                (i, error) => Error(wholesaleCreates[i].Fields, error, BatchOperation.Create)),
            Update = WooBatchAnswers.Entries(translatedUpdates, result.Update, i => updates[i].Id ?? 0, Render,
                (i, error) => Error(wholesaleUpdates[i].Fields, error, BatchOperation.Update)),
            Delete = deletes.Count == 0 ? null : [.. deletes.Select(Deleted)],
        });
    }

    /// <summary>The product's variations, a page of them, with WooCommerce's paging headers.</summary>
    public async Task<IActionResult> ListAsync(
        long productId, int page, int perPage, HttpResponse response, CancellationToken cancellationToken)
    {
        if (WooBatchAnswers.PagingProblems(page, perPage) is { Count: > 0 } problems)
        {
            return new BadRequestObjectResult(WooErrors.InvalidParams(problems));
        }

        if (await ParentAsync(productId, cancellationToken) is not { } parent)
        {
            return ParentNotFound();
        }

        var variations = Variations(parent);
        WooBatchAnswers.Page(response, variations.Count, perPage);
        var onPage = variations.Skip((page - 1) * perPage).Take(perPage);
        return new OkObjectResult(onPage.Select(v => render(v, parent)).ToList());
    }

    /// <summary>
    /// One variation of the product; 404 <c>woocommerce_rest_product_variation_invalid_id</c> when it has none by that
    /// id.
    /// </summary>
    public async Task<IActionResult> GetAsync(long productId, long id, CancellationToken cancellationToken)
    {
        if (await ParentAsync(productId, cancellationToken) is not { } parent)
        {
            return ParentNotFound();
        }

        var variation = Variations(parent).FirstOrDefault(v => v.Id == id);
        return variation is null
            ? new NotFoundObjectResult(InvalidId(BatchOperation.Delete))
            : new OkObjectResult(render(variation, parent));
    }

    private static bool IsVariable(ProductDto parent) =>
        WooType.Of(parent, WooFields.Of(parent.Extensions)) == WooType.Variable;

    private static WooError InvalidId(BatchOperation operation) => WooErrors.InvalidId(WooErrors.Variation, operation);

    private static IReadOnlyList<VariantDto> Variations(ProductDto parent) => IsVariable(parent) ? parent.Variants : [];

    private static WooError NotVariable(ProductDto parent) => WooErrors.InvalidParams(
        [("product_id", $"Product {parent.Id} is a simple product: only variable products have variations.")]);

    private async Task<ProductDto?> ParentAsync(long productId, CancellationToken cancellationToken) =>
        await sender.Send(new GetProductsByIds([productId]), cancellationToken) is [var parent] ? parent : null;

    private static NotFoundObjectResult ParentNotFound() =>
        new(WooErrors.Of("woocommerce_rest_invalid_product_id", "Invalid product ID.", StatusCodes.Status404NotFound));
}
