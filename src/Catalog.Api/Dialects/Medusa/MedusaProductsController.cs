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

    /// <summary>Medusa: lists products, filtered as Medusa's admin list filters them (by q, id, handle, title, status,
    /// variants[sku], category_id, tags, created_at and updated_at ranges), ordered, shaped by fields.</summary>
    [HttpGet]
    [Authorize(AuthenticationSchemes = MedusaAuthenticationHandler.SchemeName, Policy = CatalogPolicies.Read)]
    [ProducesResponseType<MedusaProductListResponse>(StatusCodes.Status200OK)]
    public async Task<ActionResult<MedusaProductListResponse>> List(CancellationToken cancellationToken)
    {
        var (query, error) = MedusaQuery.List(Request.Query);
        return error ?? await _products.ListAsync(query!, cancellationToken);
    }

    /// <summary>Medusa: creates one product, answered <c>{product}</c>.</summary>
    [HttpPost]
    [Authorize(AuthenticationSchemes = MedusaAuthenticationHandler.SchemeName, Policy = CatalogPolicies.Write)]
    [ProducesResponseType<MedusaProductResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<MedusaError>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<MedusaError>(StatusCodes.Status409Conflict)]
    public async Task<ActionResult<MedusaProductResponse>> Create(CancellationToken cancellationToken)
    {
        var (body, fields, error) = await MedusaBody.ReadAsync<MedusaProductCreate>(Request, cancellationToken);
        return error ?? await _products.CreateAsync(body!, fields, cancellationToken);
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

    /// <summary>Medusa: updates one product, answered <c>{product}</c>.</summary>
    [HttpPost("{id}")]
    [Authorize(AuthenticationSchemes = MedusaAuthenticationHandler.SchemeName, Policy = CatalogPolicies.Write)]
    [ProducesResponseType<MedusaProductResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<MedusaError>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<MedusaError>(StatusCodes.Status409Conflict)]
    public async Task<ActionResult<MedusaProductResponse>> Update(string id, CancellationToken cancellationToken)
    {
        var (body, fields, error) = await MedusaBody.ReadAsync<MedusaProductUpdate>(
            Request, typeof(MedusaProductChange), id, cancellationToken);
        return error ?? await _products.UpdateAsync(body!, fields, cancellationToken);
    }

    /// <summary>Medusa: deletes one product, answered <c>{id, object, deleted}</c>.</summary>
    [HttpDelete("{id}")]
    [Authorize(AuthenticationSchemes = MedusaAuthenticationHandler.SchemeName, Policy = CatalogPolicies.Write)]
    [ProducesResponseType<MedusaDeleteResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<MedusaError>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<MedusaError>(StatusCodes.Status409Conflict)]
    public async Task<ActionResult<MedusaDeleteResponse>> Delete(string id, CancellationToken cancellationToken)
    {
        var (_, error) = MedusaQuery.Select(Request.Query);
        return error ?? await _products.DeleteAsync(id, cancellationToken);
    }

    /// <summary>Medusa: the variants of one product, <c>{variants, count, offset, limit}</c>.</summary>
    [HttpGet("{id}/variants")]
    [Authorize(AuthenticationSchemes = MedusaAuthenticationHandler.SchemeName, Policy = CatalogPolicies.Read)]
    [ProducesResponseType<MedusaVariantListResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<MedusaError>(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<MedusaVariantListResponse>> ListVariants(
        string id, CancellationToken cancellationToken)
    {
        var (query, error) = MedusaQuery.Variants(Request.Query);
        return error ?? await _products.ListVariantsAsync(id, query!, cancellationToken);
    }

    /// <summary>Medusa: creates one variant of a product, answered with the product, <c>{product}</c>.</summary>
    [HttpPost("{id}/variants")]
    [Authorize(AuthenticationSchemes = MedusaAuthenticationHandler.SchemeName, Policy = CatalogPolicies.Write)]
    [ProducesResponseType<MedusaProductResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<MedusaError>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<MedusaError>(StatusCodes.Status409Conflict)]
    public async Task<ActionResult<MedusaProductResponse>> CreateVariant(
        string id, CancellationToken cancellationToken)
    {
        var (body, fields, error) = await MedusaBody.ReadAsync<MedusaVariantCreate>(Request, cancellationToken);
        return error ?? await _products.WriteVariantAsync(
            id, new MedusaVariantBatchRequest { Create = [body!] }, fields, cancellationToken);
    }

    /// <summary>Medusa: one variant of a product, <c>{variant}</c>.</summary>
    [HttpGet("{id}/variants/{variantId}")]
    [Authorize(AuthenticationSchemes = MedusaAuthenticationHandler.SchemeName, Policy = CatalogPolicies.Read)]
    [ProducesResponseType<MedusaVariantResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<MedusaError>(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<MedusaVariantResponse>> GetVariant(
        string id, string variantId, CancellationToken cancellationToken)
    {
        var (fields, error) = MedusaQuery.Select(Request.Query);
        return error ?? await _products.GetVariantAsync(id, variantId, fields, cancellationToken);
    }

    /// <summary>Medusa: updates one variant of a product, answered with the product, <c>{product}</c>.</summary>
    [HttpPost("{id}/variants/{variantId}")]
    [Authorize(AuthenticationSchemes = MedusaAuthenticationHandler.SchemeName, Policy = CatalogPolicies.Write)]
    [ProducesResponseType<MedusaProductResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<MedusaError>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<MedusaError>(StatusCodes.Status409Conflict)]
    public async Task<ActionResult<MedusaProductResponse>> UpdateVariant(
        string id, string variantId, CancellationToken cancellationToken)
    {
        var (body, fields, error) = await MedusaBody.ReadAsync<MedusaVariantBatchUpdate>(
            Request, typeof(MedusaVariantUpdate), variantId, cancellationToken);
        return error ?? await _products.WriteVariantAsync(
            id, new MedusaVariantBatchRequest { Update = [body!] }, fields, cancellationToken);
    }

    /// <summary>Medusa: deletes one variant, answered <c>{id, object, deleted, parent}</c>.</summary>
    [HttpDelete("{id}/variants/{variantId}")]
    [Authorize(AuthenticationSchemes = MedusaAuthenticationHandler.SchemeName, Policy = CatalogPolicies.Write)]
    [ProducesResponseType<MedusaVariantDeleteResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<MedusaError>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<MedusaError>(StatusCodes.Status409Conflict)]
    public async Task<ActionResult<MedusaVariantDeleteResponse>> DeleteVariant(
        string id, string variantId, CancellationToken cancellationToken)
    {
        var (fields, error) = MedusaQuery.Select(Request.Query);
        return error ?? await _products.DeleteVariantAsync(id, variantId, fields, cancellationToken);
    }
}
