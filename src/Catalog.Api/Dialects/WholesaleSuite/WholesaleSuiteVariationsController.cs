using Catalog.Api.Auth;
using Catalog.Api.Dialects.WooCommerce;
using Catalog.Application.Categories;
using Mediator;
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
public sealed class WholesaleSuiteVariationsController(ISender sender, IOptions<WooCommerceOptions> settings)
    : ControllerBase
{
    /// <summary>
    /// Creates, then updates, then deletes variations of one variable product; 404 when the product does not exist.
    /// </summary>
    [HttpPost("batch")]
    [HttpPut("batch")]
    [HttpPatch("batch")]
    [Authorize(AuthenticationSchemes = WooCommerceAuthenticationHandler.SchemeName, Policy = CatalogPolicies.Write)]
    [ProducesResponseType<WooBatchResponse<WholesaleSuiteVariation>>(StatusCodes.Status200OK)]
    [ProducesResponseType<WooError>(StatusCodes.Status413PayloadTooLarge)]
    public Task<IActionResult> Batch(
        long variableId,
        [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] WooBatchRequest<WholesaleSuiteVariationInput>? request,
        CancellationToken cancellationToken) =>
        Routes().BatchAsync(variableId, request, cancellationToken);

    /// <summary>The product's variations with their <c>wholesale_data</c>, with WooCommerce's paging headers.</summary>
    [HttpGet("variations")]
    [Authorize(AuthenticationSchemes = WooCommerceAuthenticationHandler.SchemeName, Policy = CatalogPolicies.Read)]
    [ProducesResponseType<IReadOnlyList<WholesaleSuiteVariation>>(StatusCodes.Status200OK)]
    public Task<IActionResult> List(
        long variableId,
        CancellationToken cancellationToken,
        [FromQuery] int page = 1,
        [FromQuery(Name = "per_page")] int perPage = 10) =>
        Routes().ListAsync(variableId, page, perPage, Response, cancellationToken);

    /// <summary>
    /// One variation of the product; 404 <c>woocommerce_rest_product_variation_invalid_id</c> when it has none by that
    /// id.
    /// </summary>
    [HttpGet("variations/{id:long}")]
    [Authorize(AuthenticationSchemes = WooCommerceAuthenticationHandler.SchemeName, Policy = CatalogPolicies.Read)]
    [ProducesResponseType<WholesaleSuiteVariation>(StatusCodes.Status200OK)]
    public Task<IActionResult> Get(long variableId, long id, CancellationToken cancellationToken) =>
        Routes().GetAsync(variableId, id, cancellationToken);

    private WooVariationRoutes<WholesaleSuiteVariation> Routes()
    {
        var woo = new WooRenderer(settings.Value, new Dictionary<long, CategoryDto>());
        var renderer = new WwsRenderer(woo, settings.Value.Currency);
        return new(sender, settings.Value, WwsFieldReader.Names, renderer.Variation);
    }
}
