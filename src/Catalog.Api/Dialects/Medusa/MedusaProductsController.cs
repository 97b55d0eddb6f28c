using Catalog.Api.Auth;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Catalog.Api.Dialects.Medusa;

/// <summary>
/// Medusa v2's admin product routes. The dialect reads and checks the body itself (not MVC's binder), and answers every
/// error, from broken JSON to a failed item or an exception, in Medusa's <c>{type, message}</c> shape.
/// </summary>
[Route("admin/products")]
[ApiExplorerSettings(IgnoreApi = false, GroupName = null)]
[Produces("application/json")]
[MedusaErrors]
[ProducesResponseType<MedusaError>(StatusCodes.Status401Unauthorized)]
[ProducesResponseType<MedusaError>(StatusCodes.Status403Forbidden)]
[ProducesResponseType<MedusaError>(StatusCodes.Status400BadRequest)]
public sealed class MedusaProductsController(ISender sender) : ControllerBase
{
    private readonly MedusaProducts _products = new(sender);

    /// <summary>Medusa: creates, updates and deletes products in one atomic request.</summary>
    [HttpPost("batch")]
    [Authorize(AuthenticationSchemes = MedusaAuthenticationHandler.SchemeName, Policy = CatalogPolicies.Write)]
    [ProducesResponseType<MedusaProductBatchResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<MedusaError>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<MedusaError>(StatusCodes.Status409Conflict)]
    [ProducesResponseType<MedusaError>(StatusCodes.Status413PayloadTooLarge)]
    public async Task<ActionResult<MedusaProductBatchResponse>> Batch(CancellationToken cancellationToken)
    {
        var (body, fields, error) = await MedusaBody.ReadAsync<MedusaProductBatchRequest>(Request, cancellationToken);
        return error ?? await _products.BatchAsync(body!, fields, cancellationToken);
    }

    /// <summary>Medusa: creates, updates and deletes the variants of one product in one atomic request.</summary>
    [HttpPost("{id}/variants/batch")]
    [Authorize(AuthenticationSchemes = MedusaAuthenticationHandler.SchemeName, Policy = CatalogPolicies.Write)]
    [ProducesResponseType<MedusaVariantBatchResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<MedusaError>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<MedusaError>(StatusCodes.Status409Conflict)]
    [ProducesResponseType<MedusaError>(StatusCodes.Status413PayloadTooLarge)]
    public async Task<ActionResult<MedusaVariantBatchResponse>> BatchVariants(
        string id, CancellationToken cancellationToken)
    {
        var (body, fields, error) = await MedusaBody.ReadAsync<MedusaVariantBatchRequest>(Request, cancellationToken);
        return error ?? await _products.BatchVariantsAsync(id, body!, fields, cancellationToken);
    }

    /// <summary>Medusa: lists products (by limit, offset, status, category_id; shaped by fields).</summary>
    [HttpGet]
    [Authorize(AuthenticationSchemes = MedusaAuthenticationHandler.SchemeName, Policy = CatalogPolicies.Read)]
    [ProducesResponseType<MedusaProductListResponse>(StatusCodes.Status200OK)]
    public async Task<ActionResult<MedusaProductListResponse>> List(CancellationToken cancellationToken)
    {
        var (query, error) = MedusaQuery.List(Request.Query);
        return error ?? await _products.ListAsync(query!, cancellationToken);
    }

    /// <summary>Medusa: one product (<c>fields</c> picks what the answer shows).</summary>
    [HttpGet("{id}")]
    [Authorize(AuthenticationSchemes = MedusaAuthenticationHandler.SchemeName, Policy = CatalogPolicies.Read)]
    [ProducesResponseType<MedusaProductResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<MedusaError>(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<MedusaProductResponse>> Get(string id, CancellationToken cancellationToken)
    {
        var (fields, error) = MedusaQuery.Select(Request.Query);
        return error ?? await _products.GetAsync(id, fields, cancellationToken);
    }
}
