using Catalog.Application.Categories;
using Catalog.Application.Common.Exceptions;
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

        if (request is null || request.ItemCount == 0)
        {
            return await ParentAsync(productId, cancellationToken) is null
                ? ParentNotFound()
                : WooBatchAnswers.Empty();
        }

        return await RunAsync(productId, request, cancellationToken) is { } answer
            ? new OkObjectResult(answer)
            : ParentNotFound();
    }

    /// <summary>A single variation write: the batch with that one item, as for products.</summary>
    public async Task<IActionResult> SingleAsync<TInput>(
        long productId, WooBatchRequest<TInput> request, int successStatus, CancellationToken cancellationToken)
        where TInput : WooVariationInput
    {
        var answer = await RunAsync(productId, request, cancellationToken);
        return answer is null ? ParentNotFound() : WooBatchAnswers.Single(answer, successStatus);
    }

    /// <summary>
    /// The batch as one canonical variant batch of the product, its items translated against the product once the
    /// engine has read it (a variation's attributes name the product's options): the route reads nothing itself.
    /// Null when there is no such product.
    /// </summary>
    private async Task<WooBatchResponse<TVariation>?> RunAsync<TInput>(
        long productId, WooBatchRequest<TInput> request, CancellationToken cancellationToken)
        where TInput : WooVariationInput
    {
        var creates = request.Create ?? [];
        var updates = request.Update ?? [];
        var deletes = (request.Delete ?? []).Where(id => id != 0).ToList(); // WooCommerce skips 0.
        ProductDto parent = null!;
        var variable = false;
        List<Translated<VariantCreate>> translatedCreates = [];
        List<Translated<VariantUpdate>> translatedUpdates = [];
        ScopedItems<VariantCreate, VariantUpdate> Translate(ProductDto product)
        {
            (parent, variable) = (product, IsVariable(product));
            var translator = new VariationTranslator(options, product);
            var items = new WholesaleVariationItems(options.Currency, product, names);
            translatedCreates = [.. creates.Select(c => variable
                ? items.Create(c, translator.Create)
                : Translated<VariantCreate>.Failed(NotVariable(product)))];
            translatedUpdates = [.. updates.Select(u => variable
                ? items.Update(u, translator.Update)
                : Translated<VariantUpdate>.Failed(InvalidId(BatchOperation.Update)))];
            return new(
                [.. translatedCreates.Select(WooBatchAnswers.Resolution)],
                [.. translatedUpdates.Select(WooBatchAnswers.Resolution)],
                variable ? null : ItemError.Of(ErrorCodes.NotFound, "Not a variable product."));
        }

        var command = new BatchVariants(
            productId,
            [.. creates.Select(_ => new VariantCreate())],
            [.. updates.Select(u => new VariantUpdate { Id = u.Id })],
            deletes)
        { ResolveAgainst = Translate };
        BatchResult<VariantDto> result;
        try
        {
            result = await sender.Send(command, cancellationToken);
        }
        catch (NotFoundException)
        {
            return null;
        }

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
            Create = WooBatchAnswers.Entries(
                translatedCreates, WooBatchAnswers.Translated(result.Create, translatedCreates), _ => 0, Render,
                (i, error) => Error(error, BatchOperation.Create, creates[i].Sku)),
            Update = WooBatchAnswers.Entries(
                translatedUpdates,
                WooBatchAnswers.Translated(result.Update, translatedUpdates),
                i => updates[i].Id ?? 0,
                Render, (i, error) => Error(error, BatchOperation.Update, updates[i].Sku)),
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
