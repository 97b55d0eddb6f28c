using Catalog.Api.Auth;
using Catalog.Api.Dialects.WooCommerce;
using Catalog.Application.Attributes.Queries;
using Catalog.Application.Categories.Queries;
using Catalog.Application.Common.Batches;
using Catalog.Application.Common.Mediator;
using Catalog.Application.Products;
using Catalog.Application.Products.Commands.BatchProducts;
using Catalog.Application.Products.Queries;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Options;

namespace Catalog.Api.Dialects.WholesaleSuite;

/// <summary>
/// Wholesale Suite's <c>/wp-json/wholesale/v1/products</c>: WooCommerce's products batch and read, with the plugin's
/// wholesale fields on write and <c>wholesale_data</c> on every answer. Same keys, limits and error shapes as the
/// WooCommerce dialect, whose translation it builds on.
/// </summary>
[ApiController]
[Route("wp-json/wholesale/v1/products")]
[Produces("application/json")]
[WooCommerceErrors]
[ProducesResponseType<WooError>(StatusCodes.Status400BadRequest)]
[ProducesResponseType<WooError>(StatusCodes.Status401Unauthorized)]
public sealed class WholesaleSuiteProductsController(ISender sender, IOptions<WooCommerceOptions> settings) : ControllerBase
{
    /// <summary>
    /// Creates, then updates, then deletes products, each item on its own: a failed item answers <c>{id, error}</c> in
    /// its place; a deleted one answers the product as it was.
    /// </summary>
    [HttpPost("batch")]
    [HttpPut("batch")]
    [HttpPatch("batch")]
    [Authorize(AuthenticationSchemes = WooCommerceAuthenticationHandler.SchemeName, Policy = CatalogPolicies.Write)]
    [ProducesResponseType<WooBatchResponse<WholesaleSuiteProduct>>(StatusCodes.Status200OK)]
    [ProducesResponseType<WooError>(StatusCodes.Status413PayloadTooLarge)]
    public async Task<IActionResult> Batch(
        [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] WooBatchRequest<WholesaleSuiteProductInput>? request, CancellationToken cancellationToken)
    {
        var options = settings.Value;
        if (request is null || request.ItemCount == 0)
        {
            return Ok(Array.Empty<object>()); // As WooCommerce: an empty batch answers an empty list.
        }

        if (request.ItemCount > options.MaxBatchItems)
        {
            return StatusCode(StatusCodes.Status413PayloadTooLarge, WooErrors.TooLarge(options.MaxBatchItems));
        }

        var creates = request.Create ?? [];
        var updates = request.Update ?? [];
        var deletes = (request.Delete ?? []).Where(id => id != 0).ToList(); // WooCommerce skips 0.
        var current = (await sender.Send(new GetProductsByIds([.. updates.Select(u => u.Id).OfType<long>().Where(id => id > 0).Distinct()]), cancellationToken))
            .ToDictionary(p => p.Id);
        var attributeIds = creates.Concat(updates).SelectMany(i => i.Attributes ?? []).Select(a => a?.Id).OfType<long>().Where(id => id > 0).Distinct().ToList();
        var attributes = (await sender.Send(new GetAttributesByIds(attributeIds), cancellationToken)).ToDictionary(a => a.Id);

        var translator = new ProductTranslator(options, current, attributes);
        var items = new WwsProductItems(options.Currency, current, WwsNames.Fields);
        var translatedCreates = creates.Select(c => items.Create(c, translator.Create)).ToList();
        var translatedUpdates = updates.Select(u => items.Update(u, translator.Update)).ToList();
        var command = new BatchProducts(
            WooBatchAnswers.Valid(translatedCreates.ConvertAll(t => t.Translated)), WooBatchAnswers.Valid(translatedUpdates.ConvertAll(t => t.Translated)), deletes);
        var result = command.ItemCount == 0
            ? new BatchResult<ProductDto>([], [], [], new BatchSummary(0, 0, 0, 0))
            : await sender.Send(command, cancellationToken);

        var renderer = await RendererAsync(result.Create.Concat(result.Update).Concat(result.Delete).Select(r => r.Resource), cancellationToken);
        bool IsSimple(WooProductInput input) =>
            (input.Type ?? (input.Id is { } id && current.TryGetValue(id, out var p) ? WooType.Of(p, WooFields.Of(p.Extensions)) : WooType.Simple)) == WooType.Simple;
        return Ok(new WooBatchResponse<WholesaleSuiteProduct>
        {
            Create = WooBatchAnswers.Entries(translatedCreates.ConvertAll(t => t.Translated), result.Create, _ => 0, renderer.Product,
                (i, error) => translatedCreates[i].Fields.ErrorOf(error, e => WooErrors.Item(e, BatchOperation.Create, WooErrors.Product, IsSimple(creates[i])))),
            Update = WooBatchAnswers.Entries(translatedUpdates.ConvertAll(t => t.Translated), result.Update, i => updates[i].Id ?? 0, renderer.Product,
                (i, error) => translatedUpdates[i].Fields.ErrorOf(error, e => WooErrors.Item(e, BatchOperation.Update, WooErrors.Product, IsSimple(updates[i])))),
            Delete = deletes.Count == 0 ? null : [.. result.Delete.Select((r, i) => r is { Status: ItemStatus.Succeeded, Resource: { } product }
                ? new WooBatchEntry<WholesaleSuiteProduct>(renderer.Product(product), null)
                : new WooBatchEntry<WholesaleSuiteProduct>(null, new WooItemFailure(deletes[i], WooErrors.Item(r.Error!, BatchOperation.Delete, WooErrors.Product, simple: false))))],
        });
    }

    /// <summary>One product with its <c>wholesale_data</c>; 404 <c>woocommerce_rest_product_invalid_id</c> when there is none.</summary>
    [HttpGet("{id:long}")]
    [Authorize(AuthenticationSchemes = WooCommerceAuthenticationHandler.SchemeName, Policy = CatalogPolicies.Read)]
    [ProducesResponseType<WholesaleSuiteProduct>(StatusCodes.Status200OK)]
    [ProducesResponseType<WooError>(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> Get(long id, CancellationToken cancellationToken)
    {
        var found = await sender.Send(new GetProductsByIds([id]), cancellationToken);
        if (found.Count == 0)
        {
            return NotFound(WooErrors.Of("woocommerce_rest_product_invalid_id", "Invalid ID.", StatusCodes.Status404NotFound));
        }

        return Ok((await RendererAsync(found, cancellationToken)).Product(found[0]));
    }

    /// <summary>The renderer, with the categories the products name (one read), for WooCommerce's <c>{id, name, slug}</c>.</summary>
    private async Task<WwsRenderer> RendererAsync(IEnumerable<ProductDto?> products, CancellationToken cancellationToken)
    {
        var ids = products.OfType<ProductDto>().SelectMany(p => p.CategoryIds).Distinct().ToList();
        var categories = (await sender.Send(new GetCategoriesByIds(ids), cancellationToken)).ToDictionary(c => c.Id);
        return new WwsRenderer(new WooRenderer(settings.Value, categories), settings.Value.Currency);
    }
}
