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

    // Wholesale Suite's meta keys carry the wholesale terms, as in a store with the plugin (WholesaleMeta.cs).
    private WooVariationRoutes<WooVariation> Routes() =>
        new(sender, settings.Value, WholesaleNames.Meta, renderer => renderer.Variation);
}
