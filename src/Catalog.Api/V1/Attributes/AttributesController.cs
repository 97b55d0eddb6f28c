using Catalog.Api.Idempotency;
using Catalog.Application.Attributes;
using Catalog.Application.Attributes.Commands.BatchAttributes;
using Catalog.Application.Attributes.Queries;
using Catalog.Application.Common.Models;

namespace Catalog.Api.V1.Attributes;

public sealed record AttributeBatchRequest : BatchRequest<AttributeCreate, AttributeUpdate>
{
    public BatchAttributes ToCommand(BatchPolicy policy) => new(Create ?? [], Update ?? [], Delete ?? [], policy);
}

public sealed record AttributeItemResult : ItemResultContract
{
    [System.Text.Json.Serialization.JsonPropertyOrder(1)]
    public AttributeDto? Attribute { get; init; }

    public static AttributeItemResult From(ItemResult<AttributeDto> result) =>
        Of(result, attribute => new AttributeItemResult { Attribute = attribute });
}

[Route("api/v1/attributes")]
[Idempotent]
public sealed class AttributesController(ISender sender) : V1Controller
{
    /// <summary>Creates, updates and deletes global attributes (with their values) in one request.</summary>
    [HttpPost("batch")]
    [Authorize(Policy = CatalogPolicies.Write)]
    [ProducesResponseType<BatchResponse<AttributeItemResult>>(StatusCodes.Status200OK)]
    [ProducesResponseType<BatchResponse<AttributeItemResult>>(StatusCodes.Status422UnprocessableEntity)]
    [ProducesResponseType<ProblemResponse>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public async Task<ActionResult<BatchResponse<AttributeItemResult>>> Batch(
        AttributeBatchRequest request,
        [FromQuery] BatchPolicy policy,
        [FromQuery(Name = "dry_run")] bool dryRun,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = await sender.Send(request.ToCommand(policy) with { DryRun = dryRun }, cancellationToken);
        return Answer(result, AttributeItemResult.From);
    }

    [HttpGet]
    [Authorize(Policy = CatalogPolicies.Read)]
    [ProducesResponseType<Page<AttributeDto>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemResponse>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public ValueTask<Page<AttributeDto>> List(
        CancellationToken cancellationToken, [FromQuery] int limit = 50, [FromQuery] int offset = 0) =>
        sender.Send(new ListAttributes(limit, offset), cancellationToken);

    [HttpGet("{id:long}")]
    [Authorize(Policy = CatalogPolicies.Read)]
    [ProducesResponseType<AttributeDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemResponse>(StatusCodes.Status404NotFound, "application/problem+json")]
    public ValueTask<AttributeDto> Get(long id, CancellationToken cancellationToken) =>
        sender.Send(new GetAttribute(id), cancellationToken);
}
