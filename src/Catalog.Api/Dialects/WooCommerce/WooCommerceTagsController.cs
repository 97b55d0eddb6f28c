using System.Text.RegularExpressions;
using Catalog.Api.Idempotency;
using Catalog.Application.Tags;
using Catalog.Application.Tags.Commands.BatchTags;
using Catalog.Application.Tags.Queries;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Catalog.Api.Dialects.WooCommerce;

/// <summary>WooCommerce's <c>/products/tags</c>: Catalog's tag registry, written by the tags batch.</summary>
[ApiController]
[Route("wp-json/wc/v3/products/tags")]
[Produces("application/json")]
[WooCommerceErrors]
[ProducesResponseType<WooError>(StatusCodes.Status400BadRequest)]
[ProducesResponseType<WooError>(StatusCodes.Status401Unauthorized)]
[Idempotent]
public sealed partial class WooCommerceTagsController(ISender sender, IOptions<WooCommerceOptions> settings)
    : ControllerBase
{
    /// <summary>Tags by id with WooCommerce's paging headers; <c>search</c> (name or slug), <c>slug</c>.</summary>
    [HttpGet]
    [Authorize(AuthenticationSchemes = WooCommerceAuthenticationHandler.SchemeName, Policy = CatalogPolicies.Read)]
    [ProducesResponseType<IReadOnlyList<WooTag>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> List(
        [FromQuery] string? search,
        [FromQuery] string? slug,
        CancellationToken cancellationToken,
        [FromQuery] int page = 1,
        [FromQuery(Name = "per_page")] int perPage = 10)
    {
        if (WooBatchAnswers.PagingProblems(page, perPage) is { Count: > 0 } problems)
        {
            return BadRequest(WooErrors.InvalidParams(problems));
        }

        var query = new ListTags(perPage, (page - 1) * perPage)
        {
            Slug = string.IsNullOrEmpty(slug) ? null : slug,
            Search = string.IsNullOrEmpty(search) ? null : search,
        };
        var found = await sender.Send(query, cancellationToken);
        WooBatchAnswers.Page(Response, found.Total, page, perPage);
        return Ok(found.Items.Select(Render).ToList());
    }

    /// <summary>One tag; 404 <c>woocommerce_rest_term_invalid</c> when there is none.</summary>
    [HttpGet("{id:long}")]
    [Authorize(AuthenticationSchemes = WooCommerceAuthenticationHandler.SchemeName, Policy = CatalogPolicies.Read)]
    [ProducesResponseType<WooTag>(StatusCodes.Status200OK)]
    [ProducesResponseType<WooError>(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> Get(long id, CancellationToken cancellationToken) =>
        await sender.Send(new GetTagsByIds([id]), cancellationToken) is [var tag]
            ? Ok(Render(tag))
            : NotFound(WooErrors.TermInvalid);

    /// <summary>Creates one tag (the batch with one create); 201 with the tag, 400 <c>term_exists</c> when its name
    /// or slug is taken.</summary>
    [HttpPost]
    [Authorize(AuthenticationSchemes = WooCommerceAuthenticationHandler.SchemeName, Policy = CatalogPolicies.Write)]
    [ProducesResponseType<WooTag>(StatusCodes.Status201Created)]
    public async Task<IActionResult> Create(WooTagInput input, CancellationToken cancellationToken) =>
        WooBatchAnswers.Single(
            await RunAsync(new WooBatchRequest<WooTagInput> { Create = [input] }, cancellationToken),
            StatusCodes.Status201Created);

    /// <summary>Updates one tag (a new name is written on its products); 404 <c>woocommerce_rest_term_invalid</c>
    /// when there is none.</summary>
    [HttpPost("{id:long}")]
    [HttpPut("{id:long}")]
    [HttpPatch("{id:long}")]
    [Authorize(AuthenticationSchemes = WooCommerceAuthenticationHandler.SchemeName, Policy = CatalogPolicies.Write)]
    [ProducesResponseType<WooTag>(StatusCodes.Status200OK)]
    [ProducesResponseType<WooError>(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> Update(
        long id,
        [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] WooTagInput? input,
        CancellationToken cancellationToken)
    {
        var request = new WooBatchRequest<WooTagInput> { Update = [(input ?? new WooTagInput()) with { Id = id }] };
        return WooBatchAnswers.Single(await RunAsync(request, cancellationToken), StatusCodes.Status200OK);
    }

    /// <summary>
    /// Deletes one tag with <c>force=true</c> (its products lose it); without it 501
    /// <c>woocommerce_rest_trash_not_supported</c>, as WooCommerce answers for every taxonomy.
    /// </summary>
    [HttpDelete("{id:long}")]
    [Authorize(AuthenticationSchemes = WooCommerceAuthenticationHandler.SchemeName, Policy = CatalogPolicies.Write)]
    [ProducesResponseType<WooTag>(StatusCodes.Status200OK)]
    [ProducesResponseType<WooError>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<WooError>(StatusCodes.Status501NotImplemented)]
    public Task<IActionResult> Delete(long id, [FromQuery] string? force, CancellationToken cancellationToken) =>
        WooForce.DeleteTermAsync(
            force,
            async () => WooBatchAnswers.Single(
                await RunAsync(new WooBatchRequest<WooTagInput> { Delete = [id] }, cancellationToken),
                StatusCodes.Status200OK),
            async () => await sender.Send(new GetTagsByIds([id]), cancellationToken) is [_]);

    /// <summary>Creates, then updates, then deletes tags; a failed item answers <c>{id, error}</c>.</summary>
    [HttpPost("batch")]
    [HttpPut("batch")]
    [HttpPatch("batch")]
    [Authorize(AuthenticationSchemes = WooCommerceAuthenticationHandler.SchemeName, Policy = CatalogPolicies.Write)]
    [ProducesResponseType<WooBatchResponse<WooTag>>(StatusCodes.Status200OK)]
    [ProducesResponseType<WooError>(StatusCodes.Status413PayloadTooLarge)]
    public async Task<IActionResult> Batch(
        [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] WooBatchRequest<WooTagInput>? request,
        CancellationToken cancellationToken) =>
        await WooBatchAnswers.RunAsync(request, settings.Value.MaxBatchItems, r => RunAsync(r, cancellationToken));

    private async Task<WooBatchResponse<WooTag>> RunAsync(
        WooBatchRequest<WooTagInput> request, CancellationToken cancellationToken)
    {
        var updates = request.Update ?? [];
        var deletes = (request.Delete ?? []).Where(id => id != 0).ToList(); // WooCommerce skips 0.
        var command = new BatchTags(
            [.. (request.Create ?? []).Select(c => Write(c, new TagCreate()))],
            [.. updates.Select(u => Write(u, new TagUpdate { Id = u.Id }))],
            deletes);
        var result = await sender.Send(command, cancellationToken);
        return WooTermAnswers.Of(result, [.. updates.Select(u => u.Id ?? 0)], deletes, Render, Error);
    }

    private static T Write<T>(WooTagInput input, T item)
        where T : TagWrite => (T)((TagWrite)item with
        {
            Name = input.Name is null ? default(Optional<string?>) : input.Name,
            Slug = string.IsNullOrEmpty(input.Slug) ? default(Optional<string?>) : input.Slug,
            Description = input.Description is null ? default(Optional<string?>) : input.Description,
        });

    private static WooTag Render(TagDto tag) =>
        new(tag.Id, tag.Name, tag.Slug, tag.Description ?? string.Empty, tag.ProductCount);

    /// <summary>
    /// An item the engine failed, as <c>wp_insert_term</c> and WooCommerce's terms controller answer it: a name or
    /// slug another tag holds is <c>term_exists</c> with that tag's id as <c>resource_id</c> on create, and on update
    /// <c>duplicate_term_slug</c> for a slug (as <c>wp_update_term</c>).
    /// </summary>
    private static WooError Error(ItemError error, BatchOperation operation) => error switch
    {
        _ when WooTermAnswers.NamesId(error) => WooErrors.TermInvalid,
        { Code: ErrorCodes.DuplicateHandle or ErrorCodes.DuplicateInBatch }
            when operation == BatchOperation.Update && error.Details.Any(d => d.Field == "slug") => WooErrors.Bad(
                "duplicate_term_slug", $"The slug is already in use by another term. {error.Message}"),
        { Code: ErrorCodes.DuplicateHandle or ErrorCodes.DuplicateInBatch } => TermExists(error),
        { Code: ErrorCodes.ValidationFailed } when error.Details.Any(d => d.Field == "name") && operation ==
            BatchOperation.Create => WooErrors.Bad("empty_term_name", "A name is required for this term."),
        { Code: ErrorCodes.ValidationFailed } => WooErrors.InvalidParams(WooTermAnswers.Params(error)),
        { Code: ErrorCodes.Conflict } =>
            WooErrors.Of("woocommerce_rest_term_conflict", error.Message, StatusCodes.Status409Conflict),
        _ => WooErrors.Bad($"woocommerce_rest_{error.Code.ToLowerInvariant()}", error.Message),
    };

    private static WooError TermExists(ItemError error)
    {
        var exists = WooErrors.Bad("term_exists", "A term with the name provided already exists in this taxonomy.");
        // The engine names the holder ("... is taken by tag 12."); an item of the same batch has no id yet.
        return TakenBy().Match(error.Message) is { Success: true } holder
            ? exists with { Data = exists.Data with { ResourceId = long.Parse(holder.Groups[1].Value, null) } }
            : exists;
    }

    [GeneratedRegex(@"is taken by tag (\d+)\.$")]
    private static partial Regex TakenBy();
}
