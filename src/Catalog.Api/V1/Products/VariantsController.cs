using Catalog.Api.Idempotency;
using Catalog.Application.Products.Queries;
using Catalog.Application.Variants.Queries;

namespace Catalog.Api.V1.Products;

[Route("api/v1/variants")]
[Idempotent]
public sealed class VariantsController(ISender sender) : V1Controller
{
    /// <summary>
    /// Creates, updates and deletes variants of any products in one request: each create names its product
    /// (<c>product_id</c>), each update or delete its variant by id. Answers each item's result and a summary.
    /// </summary>
    [HttpPost("batch")]
    [Authorize(Policy = CatalogPolicies.Write)]
    [ProducesResponseType<BatchResponse<VariantItemResult>>(StatusCodes.Status200OK)]
    [ProducesResponseType<BatchResponse<VariantItemResult>>(StatusCodes.Status422UnprocessableEntity)]
    [ProducesResponseType<ProblemResponse>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public async Task<ActionResult<BatchResponse<VariantItemResult>>> Batch(
        VariantBatchRequest request,
        [FromQuery] BatchPolicy policy,
        [FromQuery(Name = "dry_run")] bool dryRun,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = await sender.Send(request.ToCommand(null, policy) with { DryRun = dryRun }, cancellationToken);
        return Answer(result, VariantItemResult.From);
    }

    /// <summary>One variant with its prices.</summary>
    [HttpGet("{id:long}")]
    [Authorize(Policy = CatalogPolicies.Read)]
    [ProducesResponseType<VariantDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemResponse>(StatusCodes.Status404NotFound, "application/problem+json")]
    public ValueTask<VariantDto> Get(long id, CancellationToken cancellationToken) =>
        sender.Send(new GetVariant(id), cancellationToken);

    /// <summary>
    /// What a buyer of a wholesale role pays for a quantity, and why: the unit price, the total, the rule that applied,
    /// and whether the role may order that quantity. 404 when the variant is hidden from the role.
    /// </summary>
    /// <param name="id">The variant.</param>
    /// <param name="role">The key of the buyer's wholesale role.</param>
    /// <param name="quantity">How many units, at least 1.</param>
    /// <param name="currency">The currency to quote in; by default the first (alphabetically) the variant has a
    /// price in at the quantity.</param>
    /// <param name="cancellationToken">Aborts the request.</param>
    [HttpGet("{id:long}/price")]
    [Authorize(Policy = CatalogPolicies.Read)]
    [ProducesResponseType<PriceQuoteDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemResponse>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemResponse>(StatusCodes.Status404NotFound, "application/problem+json")]
    public ValueTask<PriceQuoteDto> Price(
        long id,
        [FromQuery] string? role,
        [FromQuery] long? quantity,
        [FromQuery] string? currency,
        CancellationToken cancellationToken) =>
        sender.Send(new QuoteVariantPrice(id, role, quantity, currency), cancellationToken);
}
