using Catalog.Api.Dialects.WooCommerce;
using Catalog.Api.Idempotency;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Catalog.Api.Dialects.WholesaleSuite;

/// <summary>Wholesale Suite's variations: batch at <c>{variable_id}/batch</c>, reads at <c>variations</c>.</summary>
[ApiController]
[Route("wp-json/wholesale/v1/products/{variableId:long}")]
[Produces("application/json")]
[WooCommerceErrors]
[ProducesResponseType<WooError>(StatusCodes.Status400BadRequest)]
[ProducesResponseType<WooError>(StatusCodes.Status401Unauthorized)]
[ProducesResponseType<WooError>(StatusCodes.Status404NotFound)]
[Idempotent]
public sealed class WholesaleSuiteVariationsController(ISender sender, IOptions<WooCommerceOptions> settings)
    : ControllerBase
{
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

    [HttpGet("variations")]
    [Authorize(AuthenticationSchemes = WooCommerceAuthenticationHandler.SchemeName, Policy = CatalogPolicies.Read)]
    [ProducesResponseType<IReadOnlyList<WholesaleSuiteVariation>>(StatusCodes.Status200OK)]
    public Task<IActionResult> List(
        long variableId,
        CancellationToken cancellationToken,
        [FromQuery] int page = 1,
        [FromQuery(Name = "per_page")] int perPage = 10) =>
        Routes().ListAsync(variableId, page, perPage, Response, cancellationToken);

    [HttpGet("variations/{id:long}")]
    [Authorize(AuthenticationSchemes = WooCommerceAuthenticationHandler.SchemeName, Policy = CatalogPolicies.Read)]
    [ProducesResponseType<WholesaleSuiteVariation>(StatusCodes.Status200OK)]
    public Task<IActionResult> Get(long variableId, long id, CancellationToken cancellationToken) =>
        Routes().GetAsync(variableId, id, cancellationToken);

    private WooVariationRoutes<WholesaleSuiteVariation> Routes() => new(
        sender, settings.Value, WwsFieldReader.Names, woo => new WwsRenderer(woo, settings.Value.Currency).Variation);
}
