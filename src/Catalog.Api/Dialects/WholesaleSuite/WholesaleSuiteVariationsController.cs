using Catalog.Api.Auth;
using Catalog.Api.Dialects.WooCommerce;
using Catalog.Application.Categories;
using Catalog.Application.Common.Batches;
using Catalog.Application.Common.Mediator;
using Catalog.Application.Products;
using Catalog.Application.Products.Queries;
using Catalog.Application.Variants;
using Catalog.Application.Variants.Commands.BatchVariants;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Options;

namespace Catalog.Api.Dialects.WholesaleSuite;

/// <summary>
/// The variations of one variable product through Wholesale Suite: the batch at
/// <c>/wp-json/wholesale/v1/products/{variable_id}/batch</c> and the reads under <c>.../variations</c>. Each answered
/// variation carries its <c>wholesale_data</c>.
/// </summary>
[ApiController]
[Route("wp-json/wholesale/v1/products/{variableId:long}")]
[Produces("application/json")]
[WooCommerceErrors]
[ProducesResponseType<WooError>(StatusCodes.Status400BadRequest)]
[ProducesResponseType<WooError>(StatusCodes.Status401Unauthorized)]
[ProducesResponseType<WooError>(StatusCodes.Status404NotFound)]
public sealed class WholesaleSuiteVariationsController(ISender sender, IOptions<WooCommerceOptions> settings) : ControllerBase
{
    /// <summary>Creates, then updates, then deletes variations of one variable product; 404 when the product does not exist.</summary>
    [HttpPost("batch")]
    [HttpPut("batch")]
    [HttpPatch("batch")]
    [Authorize(AuthenticationSchemes = WooCommerceAuthenticationHandler.SchemeName, Policy = CatalogPolicies.Write)]
    [ProducesResponseType<WooBatchResponse<WholesaleSuiteVariation>>(StatusCodes.Status200OK)]
    [ProducesResponseType<WooError>(StatusCodes.Status413PayloadTooLarge)]
    public async Task<IActionResult> Batch(
        long variableId, [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] WooBatchRequest<WholesaleSuiteVariationInput>? request, CancellationToken cancellationToken)
    {
        var options = settings.Value;
        if (request is not null && request.ItemCount > options.MaxBatchItems)
        {
            return StatusCode(StatusCodes.Status413PayloadTooLarge, WooErrors.TooLarge(options.MaxBatchItems));
        }

        if (await ParentAsync(variableId, cancellationToken) is not { } parent)
        {
            return ParentNotFound();
        }

        if (request is null || request.ItemCount == 0)
        {
            return Ok(Array.Empty<object>()); // As WooCommerce: an empty batch answers an empty list.
        }

        var creates = request.Create ?? [];
        var updates = request.Update ?? [];
        var deletes = (request.Delete ?? []).Where(id => id != 0).ToList(); // WooCommerce skips 0.
        var variable = IsVariable(parent);
        var translator = new VariationTranslator(options, parent);
        var items = new WwsVariationItems(options.Currency, parent, WwsNames.Fields);
        var translatedCreates = creates.Select(c => variable ? items.Create(c, translator.Create) : new(Translated<VariantCreate>.Failed(NotVariable(parent)), new())).ToList();
        var translatedUpdates = updates.Select(u => variable ? items.Update(u, translator.Update) : new(Translated<VariantUpdate>.Failed(WooErrors.InvalidId(WooErrors.Variation, BatchOperation.Update)), new())).ToList();
        var command = new BatchVariants(
            variableId, WooBatchAnswers.Valid(translatedCreates.ConvertAll(t => t.Translated)), WooBatchAnswers.Valid(translatedUpdates.ConvertAll(t => t.Translated)), variable ? deletes : []);
        var result = command.ItemCount == 0
            ? new BatchResult<VariantDto>([], [], [], new BatchSummary(0, 0, 0, 0))
            : await sender.Send(command, cancellationToken);

        var renderer = Renderer();
        WholesaleSuiteVariation Render(VariantDto variant) => renderer.Variation(variant, parent);
        return Ok(new WooBatchResponse<WholesaleSuiteVariation>
        {
            Create = WooBatchAnswers.Entries(translatedCreates.ConvertAll(t => t.Translated), result.Create, _ => 0, Render,
                (i, error) => translatedCreates[i].Fields.ErrorOf(error, e => WooErrors.Item(e, BatchOperation.Create, WooErrors.Variation, simple: false))),
            Update = WooBatchAnswers.Entries(translatedUpdates.ConvertAll(t => t.Translated), result.Update, i => updates[i].Id ?? 0, Render,
                (i, error) => translatedUpdates[i].Fields.ErrorOf(error, e => WooErrors.Item(e, BatchOperation.Update, WooErrors.Variation, simple: false))),
            Delete = deletes.Count == 0 ? null : [.. deletes.Select((id, i) => variable && result.Delete[i] is { Status: ItemStatus.Succeeded, Resource: { } variant }
                ? new WooBatchEntry<WholesaleSuiteVariation>(Render(variant), null)
                : new WooBatchEntry<WholesaleSuiteVariation>(null, new WooItemFailure(id, variable
                    ? WooErrors.Item(result.Delete[i].Error!, BatchOperation.Delete, WooErrors.Variation, simple: false)
                    : WooErrors.InvalidId(WooErrors.Variation, BatchOperation.Delete))))],
        });
    }

    /// <summary>The product's variations with their <c>wholesale_data</c>, with WooCommerce's paging headers.</summary>
    [HttpGet("variations")]
    [Authorize(AuthenticationSchemes = WooCommerceAuthenticationHandler.SchemeName, Policy = CatalogPolicies.Read)]
    [ProducesResponseType<IReadOnlyList<WholesaleSuiteVariation>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> List(long variableId, CancellationToken cancellationToken, [FromQuery] int page = 1, [FromQuery(Name = "per_page")] int perPage = 10)
    {
        if (page < 1 || perPage is < 1 or > 100)
        {
            return BadRequest(WooErrors.InvalidParams([.. new[]
            {
                page < 1 ? ("page", "page must be greater than or equal to 1") : default,
                perPage is < 1 or > 100 ? ("per_page", "per_page must be between 1 (inclusive) and 100 (inclusive)") : default,
            }.Where(p => p != default)]));
        }

        if (await ParentAsync(variableId, cancellationToken) is not { } parent)
        {
            return ParentNotFound();
        }

        var variations = IsVariable(parent) ? parent.Variants : [];
        Response.Headers["X-WP-Total"] = variations.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Response.Headers["X-WP-TotalPages"] = ((variations.Count + perPage - 1) / perPage).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var renderer = Renderer();
        return Ok(variations.Skip((page - 1) * perPage).Take(perPage).Select(v => renderer.Variation(v, parent)).ToList());
    }

    /// <summary>One variation of the product; 404 <c>woocommerce_rest_product_variation_invalid_id</c> when it has none by that id.</summary>
    [HttpGet("variations/{id:long}")]
    [Authorize(AuthenticationSchemes = WooCommerceAuthenticationHandler.SchemeName, Policy = CatalogPolicies.Read)]
    [ProducesResponseType<WholesaleSuiteVariation>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Get(long variableId, long id, CancellationToken cancellationToken)
    {
        if (await ParentAsync(variableId, cancellationToken) is not { } parent)
        {
            return ParentNotFound();
        }

        var variation = IsVariable(parent) ? parent.Variants.FirstOrDefault(v => v.Id == id) : null;
        return variation is null
            ? NotFound(WooErrors.Of("woocommerce_rest_product_variation_invalid_id", "Invalid ID.", StatusCodes.Status404NotFound))
            : Ok(Renderer().Variation(variation, parent));
    }

    private static bool IsVariable(ProductDto parent) => WooType.Of(parent, WooFields.Of(parent.Extensions)) == WooType.Variable;

    private static WooError NotVariable(ProductDto parent) => WooErrors.InvalidParams(
        [("product_id", $"Product {parent.Id} is a simple product: only variable products have variations.")]);

    private WwsRenderer Renderer() => new(new WooRenderer(settings.Value, new Dictionary<long, CategoryDto>()), settings.Value.Currency);

    private async Task<ProductDto?> ParentAsync(long productId, CancellationToken cancellationToken) =>
        await sender.Send(new GetProductsByIds([productId]), cancellationToken) is [var parent] ? parent : null;

    private NotFoundObjectResult ParentNotFound() =>
        NotFound(WooErrors.Of("woocommerce_rest_invalid_product_id", "Invalid product ID.", StatusCodes.Status404NotFound));
}
