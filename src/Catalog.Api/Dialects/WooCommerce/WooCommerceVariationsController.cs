using Catalog.Api.Idempotency;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Catalog.Api.Dialects.WooCommerce;

/// <summary>WooCommerce's <c>.../products/{product_id}/variations</c>: a variable product's variants.</summary>
[ApiController]
[Route("wp-json/wc/v3/products/{productId:long}/variations")]
[Produces("application/json")]
[WooCommerceErrors]
[ProducesResponseType<WooError>(StatusCodes.Status400BadRequest)]
[ProducesResponseType<WooError>(StatusCodes.Status401Unauthorized)]
[ProducesResponseType<WooError>(StatusCodes.Status404NotFound)]
[Idempotent]
public sealed class WooCommerceVariationsController(ISender sender, IOptions<WooCommerceOptions> settings)
    : ControllerBase
{
    /// <summary>Creates, then updates, then deletes variations of one product; 404 when there is no product.</summary>
    [HttpPost("batch")]
    [HttpPut("batch")]
    [HttpPatch("batch")]
    [Authorize(AuthenticationSchemes = WooCommerceAuthenticationHandler.SchemeName, Policy = CatalogPolicies.Write)]
    [ProducesResponseType<WooBatchResponse<WooVariation>>(StatusCodes.Status200OK)]
    [ProducesResponseType<WooError>(StatusCodes.Status413PayloadTooLarge)]
    public Task<IActionResult> Batch(
        long productId,
        [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] WooBatchRequest<WooVariationInput>? request,
        CancellationToken cancellationToken) =>
        Routes().BatchAsync(productId, request, cancellationToken);

    /// <summary>The product's variations, with WooCommerce's paging headers.</summary>
    [HttpGet]
    [Authorize(AuthenticationSchemes = WooCommerceAuthenticationHandler.SchemeName, Policy = CatalogPolicies.Read)]
    [ProducesResponseType<IReadOnlyList<WooVariation>>(StatusCodes.Status200OK)]
    public Task<IActionResult> List(
        long productId,
        CancellationToken cancellationToken,
        [FromQuery] int page = 1,
        [FromQuery(Name = "per_page")] int perPage = 10) =>
        Routes().ListAsync(productId, page, perPage, Response, cancellationToken);

    /// <summary>One variation; 404 <c>woocommerce_rest_product_variation_invalid_id</c> when there is none.</summary>
    [HttpGet("{id:long}")]
    [Authorize(AuthenticationSchemes = WooCommerceAuthenticationHandler.SchemeName, Policy = CatalogPolicies.Read)]
    [ProducesResponseType<WooVariation>(StatusCodes.Status200OK)]
    public Task<IActionResult> Get(long productId, long id, CancellationToken cancellationToken) =>
        Routes().GetAsync(productId, id, cancellationToken);

    /// <summary>Creates one variation of the product (the batch with one create); 201 with the variation.</summary>
    [HttpPost]
    [Authorize(AuthenticationSchemes = WooCommerceAuthenticationHandler.SchemeName, Policy = CatalogPolicies.Write)]
    [ProducesResponseType<WooVariation>(StatusCodes.Status201Created)]
    public Task<IActionResult> Create(
        long productId, WooVariationInput input, CancellationToken cancellationToken) =>
        Routes().SingleAsync(
            productId,
            new WooBatchRequest<WooVariationInput> { Create = [input] },
            StatusCodes.Status201Created,
            cancellationToken);

    /// <summary>Updates one variation; 400 <c>woocommerce_rest_product_variation_invalid_id</c> if none.</summary>
    [HttpPost("{id:long}")]
    [HttpPut("{id:long}")]
    [HttpPatch("{id:long}")]
    [Authorize(AuthenticationSchemes = WooCommerceAuthenticationHandler.SchemeName, Policy = CatalogPolicies.Write)]
    [ProducesResponseType<WooVariation>(StatusCodes.Status200OK)]
    public Task<IActionResult> Update(
        long productId,
        long id,
        [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] WooVariationInput? input,
        CancellationToken cancellationToken) =>
        Routes().SingleAsync(
            productId,
            new WooBatchRequest<WooVariationInput> { Update = [(input ?? new WooVariationInput()) with { Id = id }] },
            StatusCodes.Status200OK,
            cancellationToken);

    /// <summary>Deletes one variation with <c>force=true</c>; without it 501, as for products.</summary>
    [HttpDelete("{id:long}")]
    [Authorize(AuthenticationSchemes = WooCommerceAuthenticationHandler.SchemeName, Policy = CatalogPolicies.Write)]
    [ProducesResponseType<WooVariation>(StatusCodes.Status200OK)]
    [ProducesResponseType<WooError>(StatusCodes.Status501NotImplemented)]
    public async Task<IActionResult> Delete(
        long productId, long id, [FromQuery] string? force, CancellationToken cancellationToken)
    {
        if (WooForce.Problem(force) is { } problem)
        {
            return BadRequest(problem);
        }

        if (WooForce.IsSet(force))
        {
            return await Routes().SingleAsync(
                productId,
                new WooBatchRequest<WooVariationInput> { Delete = [id] },
                StatusCodes.Status200OK,
                cancellationToken);
        }

        // WooCommerce names an unknown id before it refuses to trash.
        var found = await Routes().GetAsync(productId, id, cancellationToken);
        return found is OkObjectResult ? WooForce.TrashNotSupported(WooErrors.Variation) : found;
    }

    // Wholesale Suite's meta keys carry the wholesale terms, as in a store with the plugin (WholesaleMeta.cs).
    private WooVariationRoutes<WooVariation> Routes() =>
        new(sender, settings.Value, WholesaleNames.Meta, renderer => renderer.Variation);
}
