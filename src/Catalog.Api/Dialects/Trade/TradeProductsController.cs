using Catalog.Api.Idempotency;

namespace Catalog.Api.Dialects.Trade;

/// <summary>The trade products API: <c>PATCH /v1/products/batch</c>, a Catalog API key as its bearer token.</summary>
[ApiController]
[Route("v1/products")]
[TradeDialect]
[Produces("application/json")]
[ProducesResponseType<TradeErrorResponse>(StatusCodes.Status401Unauthorized)]
[ProducesResponseType<TradeErrorResponse>(StatusCodes.Status403Forbidden)]
[ProducesResponseType<TradeErrorResponse>(StatusCodes.Status500InternalServerError)]
[Idempotent]
public sealed class TradeProductsController(ISender sender) : ControllerBase
{
    /// <summary>
    /// Updates up to 100 trade products, in the order sent; a failed update is reported in its place and never rolls
    /// back the others. Pricing fields may be sent flat or under <c>pricing</c>.
    /// </summary>
    [HttpPatch("batch")]
    [Authorize(Policy = CatalogPolicies.Write)]
    [ProducesResponseType<TradeBatchResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<TradeErrorResponse>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult<TradeBatchResponse>> Batch(
        TradeBatchRequest request, CancellationToken cancellationToken)
    {
        if (RequestProblem(request) is { } problem)
        {
            return BadRequest(problem);
        }

        return await new TradeBatch(sender).RunAsync(request.Updates!, cancellationToken);
    }

    /// <summary>What makes the whole request unusable, before anything is read or written.</summary>
    private static TradeErrorResponse? RequestProblem(TradeBatchRequest request) => request.Updates switch
    {
        not { Count: > 0 } => Invalid(ErrorCodes.EmptyBatch, "updates must hold at least one update."),
        { Count: > TradeErrors.MaxItems } => Invalid(ErrorCodes.BatchTooLarge, TradeErrors.BatchTooLarge),

        // Results are reported by id, so an update without one cannot even be answered in its place.
        var updates when updates.Any(u => u.Id is null) => Invalid(
            ErrorCodes.InvalidBody,
            "Every update needs the id of the product it changes.",
            [.. updates.Select((u, i) => (u.Id, i)).Where(u => u.Id is null)
                .Select(u => new TradeFieldError($"updates[{u.i}].id", "id is required."))]),
        _ => null,
    };

    private static TradeErrorResponse Invalid(
        string code, string message, IReadOnlyList<TradeFieldError>? details = null) =>
        TradeErrors.Of(StatusCodes.Status400BadRequest, code, message, details);
}
