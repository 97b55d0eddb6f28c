using Catalog.Api.Idempotency;
using Catalog.Application.Categories;
using Catalog.Application.Categories.Commands.BatchCategories;
using Catalog.Application.Categories.Queries;
using Catalog.Application.Common.Models;

namespace Catalog.Api.V1.Categories;

public sealed record CategoryBatchRequest : BatchRequest<CategoryCreate, CategoryUpdate>
{
    public BatchCategories ToCommand(BatchPolicy policy) => new(Create ?? [], Update ?? [], Delete ?? [], policy);
}

public sealed record CategoryItemResult : ItemResultContract
{
    [System.Text.Json.Serialization.JsonPropertyOrder(1)]
    public CategoryDto? Category { get; init; }

    public static CategoryItemResult From(ItemResult<CategoryDto> result) =>
        Of(result, category => new CategoryItemResult { Category = category });
}

[Route("api/v1/categories")]
[Idempotent]
public sealed class CategoriesController(ISender sender) : V1Controller
{
    /// <summary>Creates, updates and deletes categories in one request.</summary>
    [HttpPost("batch")]
    [Authorize(Policy = CatalogPolicies.Write)]
    [ProducesResponseType<BatchResponse<CategoryItemResult>>(StatusCodes.Status200OK)]
    [ProducesResponseType<BatchResponse<CategoryItemResult>>(StatusCodes.Status422UnprocessableEntity)]
    [ProducesResponseType<ProblemResponse>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public async Task<ActionResult<BatchResponse<CategoryItemResult>>> Batch(
        CategoryBatchRequest request,
        [FromQuery] BatchPolicy policy,
        [FromQuery(Name = "dry_run")] bool dryRun,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = await sender.Send(request.ToCommand(policy) with { DryRun = dryRun }, cancellationToken);
        return Answer(result, CategoryItemResult.From);
    }

    [HttpGet]
    [Authorize(Policy = CatalogPolicies.Read)]
    [ProducesResponseType<Page<CategoryDto>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemResponse>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public ValueTask<Page<CategoryDto>> List(
        [FromQuery(Name = "parent_id")] long? parentId,
        CancellationToken cancellationToken,
        [FromQuery] int limit = 50,
        [FromQuery] int offset = 0) =>
        sender.Send(new ListCategories(parentId, limit, offset), cancellationToken);

    [HttpGet("{id:long}")]
    [Authorize(Policy = CatalogPolicies.Read)]
    [ProducesResponseType<CategoryDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemResponse>(StatusCodes.Status404NotFound, "application/problem+json")]
    public ValueTask<CategoryDto> Get(long id, CancellationToken cancellationToken) =>
        sender.Send(new GetCategory(id), cancellationToken);
}
