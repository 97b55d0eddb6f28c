using Catalog.Api.Idempotency;
using Catalog.Application.Common.Models;
using Catalog.Application.WholesaleRoles;
using Catalog.Application.WholesaleRoles.Commands.BatchWholesaleRoles;
using Catalog.Application.WholesaleRoles.Queries;

namespace Catalog.Api.V1.WholesaleRoles;

/// <summary><c>{create, update, delete}</c> of wholesale roles.</summary>
public sealed record WholesaleRoleBatchRequest : BatchRequest<WholesaleRoleCreate, WholesaleRoleUpdate>
{
    public BatchWholesaleRoles ToCommand(BatchPolicy policy) => new(Create ?? [], Update ?? [], Delete ?? [], policy);
}

public sealed record WholesaleRoleItemResult : ItemResultContract
{
    [System.Text.Json.Serialization.JsonPropertyOrder(1)]
    public WholesaleRoleDto? WholesaleRole { get; init; }

    public static WholesaleRoleItemResult From(ItemResult<WholesaleRoleDto> result) =>
        Of(result, role => new WholesaleRoleItemResult { WholesaleRole = role });
}

[Route("api/v1/wholesale-roles")]
[Idempotent]
public sealed class WholesaleRolesController(ISender sender) : V1Controller
{
    /// <summary>Creates, updates and deletes wholesale roles in one request; a role still named by a variant
    /// cannot be deleted.</summary>
    [HttpPost("batch")]
    [Authorize(Policy = CatalogPolicies.Write)]
    [ProducesResponseType<BatchResponse<WholesaleRoleItemResult>>(StatusCodes.Status200OK)]
    [ProducesResponseType<BatchResponse<WholesaleRoleItemResult>>(StatusCodes.Status422UnprocessableEntity)]
    [ProducesResponseType<ProblemResponse>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public async Task<ActionResult<BatchResponse<WholesaleRoleItemResult>>> Batch(
        WholesaleRoleBatchRequest request,
        [FromQuery] BatchPolicy policy,
        [FromQuery(Name = "dry_run")] bool dryRun,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = await sender.Send(request.ToCommand(policy) with { DryRun = dryRun }, cancellationToken);
        return Answer(result, WholesaleRoleItemResult.From);
    }

    [HttpGet]
    [Authorize(Policy = CatalogPolicies.Read)]
    [ProducesResponseType<Page<WholesaleRoleDto>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemResponse>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public ValueTask<Page<WholesaleRoleDto>> List(
        CancellationToken cancellationToken, [FromQuery] int limit = 50, [FromQuery] int offset = 0) =>
        sender.Send(new ListWholesaleRoles(limit, offset), cancellationToken);

    [HttpGet("{id:long}")]
    [Authorize(Policy = CatalogPolicies.Read)]
    [ProducesResponseType<WholesaleRoleDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemResponse>(StatusCodes.Status404NotFound, "application/problem+json")]
    public ValueTask<WholesaleRoleDto> Get(long id, CancellationToken cancellationToken) =>
        sender.Send(new GetWholesaleRole(id), cancellationToken);
}
