using Catalog.Api.Auth;
using Catalog.Api.Dialects.WholesaleSuite;
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

namespace Catalog.Api.Dialects.WooCommerce;

/// <summary>
/// WooCommerce's <c>/wp-json/wc/v3/products/{product_id}/variations</c>. The variations of a variable product are its
/// variants; a simple product has none (its one variant is the product itself).
/// </summary>
[ApiController]
[Route("wp-json/wc/v3/products/{productId:long}/variations")]
[Produces("application/json")]
[WooCommerceErrors]
[ProducesResponseType<WooError>(StatusCodes.Status400BadRequest)]
[ProducesResponseType<WooError>(StatusCodes.Status401Unauthorized)]
[ProducesResponseType<WooError>(StatusCodes.Status404NotFound)]
public sealed class WooCommerceVariationsController(ISender sender, IOptions<WooCommerceOptions> settings) : ControllerBase
{
    /// <summary>Creates, then updates, then deletes variations of one product; 404 when the product does not exist.</summary>
    [HttpPost("batch")]
    [HttpPut("batch")]
    [HttpPatch("batch")]
    [Authorize(AuthenticationSchemes = WooCommerceAuthenticationHandler.SchemeName, Policy = CatalogPolicies.Write)]
    [ProducesResponseType<WooBatchResponse<WooVariation>>(StatusCodes.Status200OK)]
    [ProducesResponseType<WooError>(StatusCodes.Status413PayloadTooLarge)]
    public async Task<IActionResult> Batch(
        long productId, [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] WooBatchRequest<WooVariationInput>? request, CancellationToken cancellationToken)
    {
        var options = settings.Value;
        if (request is not null && request.ItemCount > options.MaxBatchItems)
        {
            return StatusCode(StatusCodes.Status413PayloadTooLarge, WooErrors.TooLarge(options.MaxBatchItems));
        }

        if (await ParentAsync(productId, cancellationToken) is not { } parent)
        {
            return ParentNotFound();
        }

        if (request is null || request.ItemCount == 0)
        {
            return Ok(Array.Empty<object>()); // WooCommerce answers an empty batch with an empty list.
        }

        var creates = request.Create ?? [];
        var updates = request.Update ?? [];
        var deletes = (request.Delete ?? []).Where(id => id != 0).ToList(); // WooCommerce skips 0.
        var variable = WooType.Of(parent, WooFields.Of(parent.Extensions)) == WooType.Variable;
        var translator = new VariationTranslator(options, parent);
        // Wholesale Suite's meta keys carry the wholesale terms, as in a store with the plugin (WholesaleSuite/WwsMeta.cs).
        var wholesale = new WwsVariationItems(options.Currency, parent, WwsNames.Meta);
        var wholesaleCreates = creates.Select(c => variable ? wholesale.Create(c, translator.Create) : new(Translated<VariantCreate>.Failed(NotVariable(parent)), new())).ToList();
        var wholesaleUpdates = updates.Select(u => variable ? wholesale.Update(u, translator.Update) : new(Translated<VariantUpdate>.Failed(WooErrors.InvalidId(WooErrors.Variation, BatchOperation.Update)), new())).ToList();
        var translatedCreates = wholesaleCreates.ConvertAll(t => t.Translated);
        var translatedUpdates = wholesaleUpdates.ConvertAll(t => t.Translated);
        var command = new BatchVariants(productId, WooBatchAnswers.Valid(translatedCreates), WooBatchAnswers.Valid(translatedUpdates), variable ? deletes : []);
        var result = command.ItemCount == 0
            ? new BatchResult<VariantDto>([], [], [], new BatchSummary(0, 0, 0, 0))
            : await sender.Send(command, cancellationToken);

        var renderer = new WooRenderer(options, new Dictionary<long, CategoryDto>());
        WooVariation Render(VariantDto variant) => renderer.Variation(variant, parent);
        return Ok(new WooBatchResponse<WooVariation>
        {
            Create = WooBatchAnswers.Entries(translatedCreates, result.Create, _ => 0, Render,
                (i, error) => wholesaleCreates[i].Fields.ErrorOf(error, e => WooErrors.Item(e, BatchOperation.Create, WooErrors.Variation, simple: false))),
            Update = WooBatchAnswers.Entries(translatedUpdates, result.Update, i => updates[i].Id ?? 0, Render,
                (i, error) => wholesaleUpdates[i].Fields.ErrorOf(error, e => WooErrors.Item(e, BatchOperation.Update, WooErrors.Variation, simple: false))),
            Delete = deletes.Count == 0 ? null : [.. deletes.Select((id, i) => variable && result.Delete[i] is { Status: ItemStatus.Succeeded, Resource: { } variant }
                ? new WooBatchEntry<WooVariation>(Render(variant), null)
                : new WooBatchEntry<WooVariation>(null, new WooItemFailure(id, variable
                    ? WooErrors.Item(result.Delete[i].Error!, BatchOperation.Delete, WooErrors.Variation, simple: false)
                    : WooErrors.InvalidId(WooErrors.Variation, BatchOperation.Delete))))],
        });
    }

    /// <summary>The product's variations, with WooCommerce's paging headers.</summary>
    [HttpGet]
    [Authorize(AuthenticationSchemes = WooCommerceAuthenticationHandler.SchemeName, Policy = CatalogPolicies.Read)]
    [ProducesResponseType<IReadOnlyList<WooVariation>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> List(long productId, CancellationToken cancellationToken, [FromQuery] int page = 1, [FromQuery(Name = "per_page")] int perPage = 10)
    {
        if (page < 1 || perPage is < 1 or > 100)
        {
            return BadRequest(WooErrors.InvalidParams([.. new[]
            {
                page < 1 ? ("page", "page must be greater than or equal to 1") : default,
                perPage is < 1 or > 100 ? ("per_page", "per_page must be between 1 (inclusive) and 100 (inclusive)") : default,
            }.Where(p => p != default)]));
        }

        if (await ParentAsync(productId, cancellationToken) is not { } parent)
        {
            return ParentNotFound();
        }

        var variations = Variations(parent);
        Response.Headers["X-WP-Total"] = variations.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Response.Headers["X-WP-TotalPages"] = ((variations.Count + perPage - 1) / perPage).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var renderer = new WooRenderer(settings.Value, new Dictionary<long, CategoryDto>());
        return Ok(variations.Skip((page - 1) * perPage).Take(perPage).Select(v => renderer.Variation(v, parent)).ToList());
    }

    /// <summary>One variation of the product; 404 <c>woocommerce_rest_product_variation_invalid_id</c> when it has none by that id.</summary>
    [HttpGet("{id:long}")]
    [Authorize(AuthenticationSchemes = WooCommerceAuthenticationHandler.SchemeName, Policy = CatalogPolicies.Read)]
    [ProducesResponseType<WooVariation>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Get(long productId, long id, CancellationToken cancellationToken)
    {
        if (await ParentAsync(productId, cancellationToken) is not { } parent)
        {
            return ParentNotFound();
        }

        var variation = Variations(parent).FirstOrDefault(v => v.Id == id);
        return variation is null
            ? NotFound(WooErrors.Of("woocommerce_rest_product_variation_invalid_id", "Invalid ID.", StatusCodes.Status404NotFound))
            : Ok(new WooRenderer(settings.Value, new Dictionary<long, CategoryDto>()).Variation(variation, parent));
    }

    private static IReadOnlyList<VariantDto> Variations(ProductDto parent) =>
        WooType.Of(parent, WooFields.Of(parent.Extensions)) == WooType.Variable ? parent.Variants : [];

    private static WooError NotVariable(ProductDto parent) => WooErrors.InvalidParams(
        [("product_id", $"Product {parent.Id} is a simple product: only variable products have variations.")]);

    private async Task<ProductDto?> ParentAsync(long productId, CancellationToken cancellationToken) =>
        await sender.Send(new GetProductsByIds([productId]), cancellationToken) is [var parent] ? parent : null;

    private NotFoundObjectResult ParentNotFound() =>
        NotFound(WooErrors.Of("woocommerce_rest_invalid_product_id", "Invalid product ID.", StatusCodes.Status404NotFound));
}
