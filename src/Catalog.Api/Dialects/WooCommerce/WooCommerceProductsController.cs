using Catalog.Api.Idempotency;
using Catalog.Application.Products.Queries;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Catalog.Api.Dialects.WooCommerce;

/// <summary>WooCommerce's <c>/wp-json/wc/v3/products</c>: the products batch and the product reads.</summary>
[ApiController]
[Route("wp-json/wc/v3/products")]
[Produces("application/json")]
[WooCommerceErrors]
[ProducesResponseType<WooError>(StatusCodes.Status400BadRequest)]
[ProducesResponseType<WooError>(StatusCodes.Status401Unauthorized)]
[Idempotent]
public sealed class WooCommerceProductsController(ISender sender, IOptions<WooCommerceOptions> settings)
    : ControllerBase
{
    /// <summary>Creates, then updates, then deletes; a failed item answers <c>{id, error}</c> in its place.</summary>
    [HttpPost("batch")]
    [HttpPut("batch")]
    [HttpPatch("batch")]
    [Authorize(AuthenticationSchemes = WooCommerceAuthenticationHandler.SchemeName, Policy = CatalogPolicies.Write)]
    [ProducesResponseType<WooBatchResponse<WooProduct>>(StatusCodes.Status200OK)]
    [ProducesResponseType<WooError>(StatusCodes.Status413PayloadTooLarge)]
    public Task<IActionResult> Batch(
        [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] WooBatchRequest<WooProductInput>? request,
        CancellationToken cancellationToken) =>
        Routes().BatchAsync(request, cancellationToken);

    /// <summary>Lists products, newest id last, with WooCommerce's paging headers.</summary>
    [HttpGet]
    [Authorize(AuthenticationSchemes = WooCommerceAuthenticationHandler.SchemeName, Policy = CatalogPolicies.Read)]
    [ProducesResponseType<IReadOnlyList<WooProduct>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> List(
        [FromQuery] string? sku,
        [FromQuery] string? status,
        [FromQuery] long? category,
        [FromQuery] string? type,
        [FromQuery] string? search,
        [FromQuery] string? slug,
        CancellationToken cancellationToken,
        [FromQuery] int page = 1,
        [FromQuery(Name = "per_page")] int perPage = 10)
    {
        var problems = WooBatchAnswers.PagingProblems(page, perPage);
        if (status is not null and not ("any" or "future" or "trash" or "draft" or "pending" or "private" or "publish"))
        {
            problems.Add(("status", "status is not one of any, future, trash, draft, pending, private, and publish."));
        }

        if (type is not null and not (WooType.Simple or "grouped" or "external" or WooType.Variable))
        {
            problems.Add(("type", "type is not one of simple, grouped, external, and variable."));
        }

        if (problems.Count > 0)
        {
            return BadRequest(WooErrors.InvalidParams(problems));
        }

        var query = new ListProducts(
            null, string.IsNullOrEmpty(sku) ? null : sku, category, perPage, (page - 1) * perPage)
        {
            Statuses = status is null ? null : WooStatus.Filter(status),
            Search = string.IsNullOrWhiteSpace(search) ? null : search.Trim(),
            Filters = string.IsNullOrEmpty(slug)
                ? ProductListFilters.None
                : new ProductListFilters { Handles = [slug] },
            Extension = type switch
            {
                null => null,
                WooType.Simple => new ExtensionFilter(WooFields.Dialect, "type", WooType.Simple, OrMissing: true),
                _ => new ExtensionFilter(WooFields.Dialect, "type", type, OrMissing: false),
            },
        };
        var found = await sender.Send(query, cancellationToken);
        WooBatchAnswers.Page(Response, found.Total, page, perPage);
        var render = await Routes().RendererAsync(found.Items, cancellationToken);
        return Ok(found.Items.Select(render).ToList());
    }

    /// <summary>One product; 404 <c>woocommerce_rest_product_invalid_id</c> when there is none.</summary>
    [HttpGet("{id:long}")]
    [Authorize(AuthenticationSchemes = WooCommerceAuthenticationHandler.SchemeName, Policy = CatalogPolicies.Read)]
    [ProducesResponseType<WooProduct>(StatusCodes.Status200OK)]
    [ProducesResponseType<WooError>(StatusCodes.Status404NotFound)]
    public Task<IActionResult> Get(long id, CancellationToken cancellationToken) =>
        Routes().GetAsync(id, cancellationToken);

    /// <summary>Creates one product (the batch with one create); 201 with the product as created.</summary>
    [HttpPost]
    [Authorize(AuthenticationSchemes = WooCommerceAuthenticationHandler.SchemeName, Policy = CatalogPolicies.Write)]
    [ProducesResponseType<WooProduct>(StatusCodes.Status201Created)]
    public Task<IActionResult> Create(WooProductInput input, CancellationToken cancellationToken) =>
        Routes().SingleAsync(
            new WooBatchRequest<WooProductInput> { Create = [input] }, StatusCodes.Status201Created, cancellationToken);

    /// <summary>
    /// Updates one product (the batch with one update; the route's id wins over the body's); 400
    /// <c>woocommerce_rest_product_invalid_id</c> when there is none.
    /// </summary>
    [HttpPost("{id:long}")]
    [HttpPut("{id:long}")]
    [HttpPatch("{id:long}")]
    [Authorize(AuthenticationSchemes = WooCommerceAuthenticationHandler.SchemeName, Policy = CatalogPolicies.Write)]
    [ProducesResponseType<WooProduct>(StatusCodes.Status200OK)]
    public Task<IActionResult> Update(
        long id,
        [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] WooProductInput? input,
        CancellationToken cancellationToken) =>
        Routes().SingleAsync(
            new WooBatchRequest<WooProductInput> { Update = [(input ?? new WooProductInput()) with { Id = id }] },
            StatusCodes.Status200OK,
            cancellationToken);

    /// <summary>
    /// Deletes one product with <c>force=true</c> and answers it as it was; without it 501
    /// <c>woocommerce_rest_trash_not_supported</c>, as a WooCommerce store without a trash answers.
    /// </summary>
    [HttpDelete("{id:long}")]
    [Authorize(AuthenticationSchemes = WooCommerceAuthenticationHandler.SchemeName, Policy = CatalogPolicies.Write)]
    [ProducesResponseType<WooProduct>(StatusCodes.Status200OK)]
    [ProducesResponseType<WooError>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<WooError>(StatusCodes.Status501NotImplemented)]
    public async Task<IActionResult> Delete(long id, [FromQuery] string? force, CancellationToken cancellationToken)
    {
        if (WooForce.Problem(force) is { } problem)
        {
            return BadRequest(problem);
        }

        if (WooForce.IsSet(force))
        {
            return await Routes().SingleAsync(
                new WooBatchRequest<WooProductInput> { Delete = [id] }, StatusCodes.Status200OK, cancellationToken);
        }

        // WooCommerce names an unknown id before it refuses to trash.
        var found = await sender.Send(new GetProductsByIds([id]), cancellationToken);
        return found.Count == 0
            ? NotFound(WooErrors.InvalidId(WooErrors.Product, BatchOperation.Delete))
            : WooForce.TrashNotSupported(WooErrors.Product);
    }

    // Wholesale Suite's meta keys carry the wholesale terms, as in a store with the plugin (WholesaleMeta.cs).
    private WooProductRoutes<WooProduct> Routes() =>
        new(sender, settings.Value, WholesaleNames.Meta, renderer => renderer.Product);
}
