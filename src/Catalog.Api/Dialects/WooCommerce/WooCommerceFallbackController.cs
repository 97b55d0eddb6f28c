namespace Catalog.Api.Dialects.WooCommerce;

/// <summary>WordPress's <c>rest_no_route</c> for what no other route takes (a catch-all ranks last).</summary>
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
