using Catalog.Api.Idempotency;
using Catalog.Application.Categories;
using Catalog.Application.Categories.Commands.BatchCategories;
using Catalog.Application.Categories.Queries;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Catalog.Api.Dialects.WooCommerce;

/// <summary>WooCommerce's <c>/products/categories</c>: Catalog's categories, written by the categories batch.</summary>
[ApiController]
[Route("wp-json/wc/v3/products/categories")]
[Produces("application/json")]
[WooCommerceErrors]
[ProducesResponseType<WooError>(StatusCodes.Status400BadRequest)]
[ProducesResponseType<WooError>(StatusCodes.Status401Unauthorized)]
[Idempotent]
public sealed class WooCommerceCategoriesController(ISender sender, IOptions<WooCommerceOptions> settings)
    : ControllerBase
{
    private static readonly JsonElement NoImage = JsonSerializer.SerializeToElement<object?>(null);

    /// <summary>Categories by id with WooCommerce's paging headers; <c>parent</c> (0: roots), <c>slug</c>.</summary>
    [HttpGet]
    [Authorize(AuthenticationSchemes = WooCommerceAuthenticationHandler.SchemeName, Policy = CatalogPolicies.Read)]
    [ProducesResponseType<IReadOnlyList<WooCategory>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> List(
        [FromQuery] long? parent,
        [FromQuery] string? slug,
        CancellationToken cancellationToken,
        [FromQuery] int page = 1,
        [FromQuery(Name = "per_page")] int perPage = 10)
    {
        if (WooBatchAnswers.PagingProblems(page, perPage) is { Count: > 0 } problems)
        {
            return BadRequest(WooErrors.InvalidParams(problems));
        }

        var query = new ListCategories(parent is > 0 ? parent : null, perPage, (page - 1) * perPage)
        {
            Handle = string.IsNullOrEmpty(slug) ? null : slug,
            RootsOnly = parent == 0,
        };
        var found = await sender.Send(query, cancellationToken);
        WooBatchAnswers.Page(Response, found.Total, page, perPage);
        return Ok(found.Items.Select(Render).ToList());
    }

    /// <summary>One category; 404 <c>woocommerce_rest_term_invalid</c> when there is none.</summary>
    [HttpGet("{id:long}")]
    [Authorize(AuthenticationSchemes = WooCommerceAuthenticationHandler.SchemeName, Policy = CatalogPolicies.Read)]
    [ProducesResponseType<WooCategory>(StatusCodes.Status200OK)]
    [ProducesResponseType<WooError>(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> Get(long id, CancellationToken cancellationToken) =>
        await sender.Send(new GetCategoriesByIds([id]), cancellationToken) is [var category]
            ? Ok(Render(category))
            : NotFound(WooErrors.TermInvalid);

    /// <summary>Creates one category (the batch with one create); 201 with the category.</summary>
    [HttpPost]
    [Authorize(AuthenticationSchemes = WooCommerceAuthenticationHandler.SchemeName, Policy = CatalogPolicies.Write)]
    [ProducesResponseType<WooCategory>(StatusCodes.Status201Created)]
    public async Task<IActionResult> Create(WooCategoryInput input, CancellationToken cancellationToken) =>
        WooBatchAnswers.Single(
            await RunAsync(new WooBatchRequest<WooCategoryInput> { Create = [input] }, cancellationToken),
            StatusCodes.Status201Created);

    /// <summary>Updates one category; 404 <c>woocommerce_rest_term_invalid</c> when there is none.</summary>
    [HttpPost("{id:long}")]
    [HttpPut("{id:long}")]
    [HttpPatch("{id:long}")]
    [Authorize(AuthenticationSchemes = WooCommerceAuthenticationHandler.SchemeName, Policy = CatalogPolicies.Write)]
    [ProducesResponseType<WooCategory>(StatusCodes.Status200OK)]
    [ProducesResponseType<WooError>(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> Update(
        long id,
        [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] WooCategoryInput? input,
        CancellationToken cancellationToken)
    {
        var request = new WooBatchRequest<WooCategoryInput>
        {
            Update = [(input ?? new WooCategoryInput()) with { Id = id }],
        };
        return WooBatchAnswers.Single(await RunAsync(request, cancellationToken), StatusCodes.Status200OK);
    }

    /// <summary>
    /// Deletes one category with <c>force=true</c> (its children become roots); without it 501
    /// <c>woocommerce_rest_trash_not_supported</c>, as WooCommerce answers for every taxonomy.
    /// </summary>
    [HttpDelete("{id:long}")]
    [Authorize(AuthenticationSchemes = WooCommerceAuthenticationHandler.SchemeName, Policy = CatalogPolicies.Write)]
    [ProducesResponseType<WooCategory>(StatusCodes.Status200OK)]
    [ProducesResponseType<WooError>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<WooError>(StatusCodes.Status501NotImplemented)]
    public Task<IActionResult> Delete(long id, [FromQuery] string? force, CancellationToken cancellationToken) =>
        WooForce.DeleteTermAsync(
            force,
            async () => WooBatchAnswers.Single(
                await RunAsync(new WooBatchRequest<WooCategoryInput> { Delete = [id] }, cancellationToken),
                StatusCodes.Status200OK),
            async () => await sender.Send(new GetCategoriesByIds([id]), cancellationToken) is [_]);

    /// <summary>Creates, then updates, then deletes categories; a failed item answers <c>{id, error}</c>.</summary>
    [HttpPost("batch")]
    [HttpPut("batch")]
    [HttpPatch("batch")]
    [Authorize(AuthenticationSchemes = WooCommerceAuthenticationHandler.SchemeName, Policy = CatalogPolicies.Write)]
    [ProducesResponseType<WooBatchResponse<WooCategory>>(StatusCodes.Status200OK)]
    [ProducesResponseType<WooError>(StatusCodes.Status413PayloadTooLarge)]
    public async Task<IActionResult> Batch(
        [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] WooBatchRequest<WooCategoryInput>? request,
        CancellationToken cancellationToken) =>
        await WooBatchAnswers.RunAsync(request, settings.Value.MaxBatchItems, r => RunAsync(r, cancellationToken));

    private async Task<WooBatchResponse<WooCategory>> RunAsync(
        WooBatchRequest<WooCategoryInput> request, CancellationToken cancellationToken)
    {
        var updates = request.Update ?? [];
        var deletes = (request.Delete ?? []).Where(id => id != 0).ToList(); // WooCommerce skips 0.
        var command = new BatchCategories(
            [.. (request.Create ?? []).Select(c => Write(c, new CategoryCreate()))],
            [.. updates.Select(u => Write(u, new CategoryUpdate { Id = u.Id }))],
            deletes);
        var result = await sender.Send(command, cancellationToken);
        return WooTermAnswers.Of(result, [.. updates.Select(u => u.Id ?? 0)], deletes, Render, Error);
    }

    private static T Write<T>(WooCategoryInput input, T item)
        where T : CategoryWrite => (T)((CategoryWrite)item with
        {
            Name = input.Name is null ? default(Optional<string?>) : input.Name,
            Handle = string.IsNullOrEmpty(input.Slug) ? default(Optional<string?>) : input.Slug,
            Description = input.Description is null ? default(Optional<string?>) : input.Description,
            ParentId = input.Parent switch
            {
                null => default(Optional<long?>),
                0 => new Optional<long?>(null),
                var parent => parent,
            },
            Rank = input.MenuOrder is null ? default(Optional<int?>) : input.MenuOrder,
        });

    private static WooCategory Render(CategoryDto category) => new(
        category.Id,
        category.Name,
        category.Handle,
        category.ParentId ?? 0,
        category.Description ?? string.Empty,
        "default",
        NoImage,
        category.Rank,
        0);

    /// <summary>An item the engine failed, as <c>wp_insert_term</c> and WooCommerce's terms answer it.</summary>
    private static WooError Error(ItemError error, BatchOperation operation) => error switch
    {
        _ when WooTermAnswers.NamesId(error) => WooErrors.TermInvalid,
        { Code: ErrorCodes.ReferenceNotFound } => WooErrors.Bad("missing_parent", "Parent term does not exist."),
        _ when WooTermAnswers.NamesSlug(error) => WooErrors.Bad(
            "term_exists", $"A term with the name provided already exists with this parent. {error.Message}"),
        { Code: ErrorCodes.ValidationFailed } when error.Details.Any(d => d.Field == "name") && operation ==
            BatchOperation.Create => WooErrors.Bad("empty_term_name", "A name is required for this term."),
        { Code: ErrorCodes.ValidationFailed } => WooErrors.InvalidParams(WooTermAnswers.Params(error)),
        { Code: ErrorCodes.Conflict } =>
            WooErrors.Of("woocommerce_rest_term_conflict", error.Message, StatusCodes.Status409Conflict),
        _ => WooErrors.Bad($"woocommerce_rest_{error.Code.ToLowerInvariant()}", error.Message),
    };
}
