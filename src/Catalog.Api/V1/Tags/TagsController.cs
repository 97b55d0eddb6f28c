using Catalog.Api.Idempotency;
using Catalog.Application.Common.Models;
using Catalog.Application.Tags;
using Catalog.Application.Tags.Commands.BatchTags;
using Catalog.Application.Tags.Queries;

namespace Catalog.Api.V1.Tags;

public sealed record TagBatchRequest : BatchRequest<TagCreate, TagUpdate>
{
    public BatchTags ToCommand(BatchPolicy policy) => new(Create ?? [], Update ?? [], Delete ?? [], policy);
}

public sealed record TagItemResult : ItemResultContract
{
    [System.Text.Json.Serialization.JsonPropertyOrder(1)]
    public TagDto? Tag { get; init; }

    public static TagItemResult From(ItemResult<TagDto> result) => Of(result, tag => new TagItemResult { Tag = tag });
}

/// <summary>Product tags: the registry that gives the names products carry an id, a slug and a description.</summary>
[Route("api/v1/tags")]
[Idempotent]
public sealed class TagsController(ISender sender) : V1Controller
{
    /// <summary>
    /// Creates, updates and deletes tags in one request. A rename is written on every product carrying the old name,
    /// and a delete takes the name off them.
    /// </summary>
    [HttpPost("batch")]
    [Authorize(Policy = CatalogPolicies.Write)]
    [ProducesResponseType<BatchResponse<TagItemResult>>(StatusCodes.Status200OK)]
    [ProducesResponseType<BatchResponse<TagItemResult>>(StatusCodes.Status422UnprocessableEntity)]
    [ProducesResponseType<ProblemResponse>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public async Task<ActionResult<BatchResponse<TagItemResult>>> Batch(
        TagBatchRequest request,
        [FromQuery] BatchPolicy policy,
        [FromQuery(Name = "dry_run")] bool dryRun,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = await sender.Send(request.ToCommand(policy) with { DryRun = dryRun }, cancellationToken);
        return Answer(result, TagItemResult.From);
    }

    /// <summary>Tags by id, each with the number of products carrying it.</summary>
    [HttpGet]
    [Authorize(Policy = CatalogPolicies.Read)]
    [ProducesResponseType<Page<TagDto>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemResponse>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public ValueTask<Page<TagDto>> List(
        [FromQuery] string? slug,
        CancellationToken cancellationToken,
        [FromQuery] int limit = 50,
        [FromQuery] int offset = 0) =>
        sender.Send(new ListTags(limit, offset) { Slug = string.IsNullOrEmpty(slug) ? null : slug }, cancellationToken);

    [HttpGet("{id:long}")]
    [Authorize(Policy = CatalogPolicies.Read)]
    [ProducesResponseType<TagDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemResponse>(StatusCodes.Status404NotFound, "application/problem+json")]
    public ValueTask<TagDto> Get(long id, CancellationToken cancellationToken) =>
        sender.Send(new GetTag(id), cancellationToken);
}
