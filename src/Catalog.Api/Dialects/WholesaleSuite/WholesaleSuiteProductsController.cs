using Catalog.Api.Dialects.WooCommerce;
using Catalog.Api.Idempotency;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Catalog.Api.Dialects.WholesaleSuite;

/// <summary>Wholesale Suite's products: WooCommerce's batch and read, plus its wholesale fields.</summary>
[ApiController]
[Route("wp-json/wholesale/v1/products")]
[Produces("application/json")]
[WooCommerceErrors]
[ProducesResponseType<WooError>(StatusCodes.Status400BadRequest)]
[ProducesResponseType<WooError>(StatusCodes.Status401Unauthorized)]
[Idempotent]
public sealed class WholesaleSuiteProductsController(ISender sender, IOptions<WooCommerceOptions> settings)
    : ControllerBase
{
    [HttpPost("batch")]
    [HttpPut("batch")]
    [HttpPatch("batch")]
    [Authorize(AuthenticationSchemes = WooCommerceAuthenticationHandler.SchemeName, Policy = CatalogPolicies.Write)]
    [ProducesResponseType<WooBatchResponse<WholesaleSuiteProduct>>(StatusCodes.Status200OK)]
    [ProducesResponseType<WooError>(StatusCodes.Status413PayloadTooLarge)]
    public Task<IActionResult> Batch(
        [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] WooBatchRequest<WholesaleSuiteProductInput>? request,
        CancellationToken cancellationToken) =>
        Routes().BatchAsync(request, cancellationToken);

    [HttpGet("{id:long}")]
    [Authorize(AuthenticationSchemes = WooCommerceAuthenticationHandler.SchemeName, Policy = CatalogPolicies.Read)]
    [ProducesResponseType<WholesaleSuiteProduct>(StatusCodes.Status200OK)]
    [ProducesResponseType<WooError>(StatusCodes.Status404NotFound)]
    public Task<IActionResult> Get(long id, CancellationToken cancellationToken) =>
        Routes().GetAsync(id, cancellationToken);

    private WooProductRoutes<WholesaleSuiteProduct> Routes() =>
        new(sender, settings.Value, WwsFieldReader.Names, woo => new WwsRenderer(woo, settings.Value.Currency).Product);
}
