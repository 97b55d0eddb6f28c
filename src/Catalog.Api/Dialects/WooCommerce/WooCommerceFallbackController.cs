namespace Catalog.Api.Dialects.WooCommerce;

/// <summary>
/// Any other path or method under <c>/wp-json</c>: WordPress's <c>rest_no_route</c>. A catch-all route ranks below
/// every other, so this answers only what nothing else takes.
/// </summary>
[ApiController]
[AllowAnonymous]
[ApiExplorerSettings(IgnoreApi = true)]
[WooCommerceErrors]
public sealed class WooCommerceFallbackController : ControllerBase
{
    [AcceptVerbs("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")]
    [Route("wp-json/{**path}")]
    public IActionResult NoRoute(string? path)
    {
        _ = path;
        return NotFound(WooCommerceErrorsAttribute.NoRoute);
    }
}
