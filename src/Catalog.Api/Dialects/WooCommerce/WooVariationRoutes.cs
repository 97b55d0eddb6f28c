using Catalog.Application.Categories;
using Catalog.Application.Products.Queries;
using Catalog.Application.Variants.Commands.BatchVariants;

namespace Catalog.Api.Dialects.WooCommerce;

/// <summary>The variation batch and reads behind both dialects' routes, as <see cref="WooProductRoutes{T}"/>.</summary>
internal sealed class WooVariationRoutes<TVariation>(
    ISender sender,
    WooCommerceOptions options,
    WholesaleNames names,
    Func<WooRenderer, Func<VariantDto, ProductDto, TVariation>> answerWith)
    where TVariation : class
{
    // A variation's answer names no categories.
    private readonly Func<VariantDto, ProductDto, TVariation> render =
        answerWith(new WooRenderer(options, new Dictionary<long, CategoryDto>()));

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

        return new OkObjectResult(await RunAsync(parent, request, cancellationToken));
    }

    /// <summary>A single variation write: the batch with that one item, as for products.</summary>
    public async Task<IActionResult> SingleAsync<TInput>(
        long productId, WooBatchRequest<TInput> request, int successStatus, CancellationToken cancellationToken)
        where TInput : WooVariationInput
    {
        if (await ParentAsync(productId, cancellationToken) is not { } parent)
        {
            return ParentNotFound();
        }

        var answer = await RunAsync(parent, request, cancellationToken);
        return WooBatchAnswers.Single(answer, successStatus);
    }

    private async Task<WooBatchResponse<TVariation>> RunAsync<TInput>(
        ProductDto parent, WooBatchRequest<TInput> request, CancellationToken cancellationToken)
        where TInput : WooVariationInput
    {
        var productId = parent.Id;
        var creates = request.Create ?? [];
        var updates = request.Update ?? [];
        var deletes = (request.Delete ?? []).Where(id => id != 0).ToList(); // WooCommerce skips 0.
        var variable = IsVariable(parent);
        var translator = new VariationTranslator(options, parent);
        var items = new WholesaleVariationItems(options.Currency, parent, names);
        var translatedCreates = creates.Select(c => variable
            ? items.Create(c, translator.Create)
            : Translated<VariantCreate>.Failed(NotVariable(parent))).ToList();
        var translatedUpdates = updates.Select(u => variable
            ? items.Update(u, translator.Update)
            : Translated<VariantUpdate>.Failed(InvalidId(BatchOperation.Update))).ToList();
        var command = new BatchVariants(
            productId,
            WooBatchAnswers.Valid(translatedCreates),
            WooBatchAnswers.Valid(translatedUpdates),
            variable ? deletes : []);
        var result = await WooBatchAnswers.SendAsync(sender, command, cancellationToken);

        TVariation Render(VariantDto variant) => render(variant, parent);
        static WooError Error(ItemError error, BatchOperation operation, string? sku = null) =>
            WooErrors.Item(error, operation, WooErrors.Variation, simple: false, sku);
        WooBatchEntry<TVariation> Deleted(long id, int i) =>
            variable && result.Delete[i] is { Status: ItemStatus.Succeeded, Resource: { } variant }
                ? new(Render(variant), null)
                : new(null, new WooItemFailure(id, variable
                    ? Error(result.Delete[i].Error!, BatchOperation.Delete)
                    : InvalidId(BatchOperation.Delete)));
        return new WooBatchResponse<TVariation>
        {
            Create = WooBatchAnswers.Entries(translatedCreates, result.Create, _ => 0, Render,
                (i, error) => Error(error, BatchOperation.Create, creates[i].Sku)),
            Update = WooBatchAnswers.Entries(translatedUpdates, result.Update, i => updates[i].Id ?? 0, Render,
                (i, error) => Error(error, BatchOperation.Update, updates[i].Sku)),
            Delete = deletes.Count == 0 ? null : [.. deletes.Select(Deleted)],
        };
    }

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
        WooBatchAnswers.Page(response, variations.Count, page, perPage);
        var onPage = variations.Skip((page - 1) * perPage).Take(perPage);
        return new OkObjectResult(onPage.Select(v => render(v, parent)).ToList());
    }

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
