using Catalog.Api.Idempotency;
using Catalog.Application.Attributes;
using Catalog.Application.Attributes.Commands.BatchAttributes;
using Catalog.Application.Attributes.Queries;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Catalog.Api.Dialects.WooCommerce;

/// <summary>WooCommerce's <c>/products/attributes</c>: Catalog's global attributes, via the attributes batch.</summary>
[ApiController]
[Route("wp-json/wc/v3/products/attributes")]
[Produces("application/json")]
[WooCommerceErrors]
[ProducesResponseType<WooError>(StatusCodes.Status400BadRequest)]
[ProducesResponseType<WooError>(StatusCodes.Status401Unauthorized)]
[Idempotent]
public sealed class WooCommerceAttributesController(ISender sender, IOptions<WooCommerceOptions> settings)
    : ControllerBase
{
    /// <summary>WooCommerce's taxonomy prefix of an attribute's slug.</summary>
    public const string TaxonomyPrefix = "pa_";

    // The most attributes the canonical list answers at once.
    private const int PageSize = 200;

    /// <summary>Every attribute, in one page, as WooCommerce lists them.</summary>
    [HttpGet]
    [Authorize(AuthenticationSchemes = WooCommerceAuthenticationHandler.SchemeName, Policy = CatalogPolicies.Read)]
    [ProducesResponseType<IReadOnlyList<WooGlobalAttribute>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> List(CancellationToken cancellationToken)
    {
        var all = new List<WooGlobalAttribute>();
        long total;
        do
        {
            var page = await sender.Send(new ListAttributes(PageSize, all.Count), cancellationToken);
            all.AddRange(page.Items.Select(Render));
            total = page.Total;
            if (page.Items.Count == 0)
            {
                break;
            }
        }
        while (all.Count < total);

        Response.Headers["X-WP-Total"] = all.Count.ToString(CultureInfo.InvariantCulture);
        Response.Headers["X-WP-TotalPages"] = "1";
        return Ok(all);
    }

    /// <summary>One attribute; 404 <c>woocommerce_rest_attribute_invalid</c> when there is none.</summary>
    [HttpGet("{id:long}")]
    [Authorize(AuthenticationSchemes = WooCommerceAuthenticationHandler.SchemeName, Policy = CatalogPolicies.Read)]
    [ProducesResponseType<WooGlobalAttribute>(StatusCodes.Status200OK)]
    [ProducesResponseType<WooError>(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> Get(long id, CancellationToken cancellationToken) =>
        await sender.Send(new GetAttributesByIds([id]), cancellationToken) is [var attribute]
            ? Ok(Render(attribute))
            : NotFound(Invalid);

    /// <summary>Creates one attribute (the batch with one create); 201 with the attribute.</summary>
    [HttpPost]
    [Authorize(AuthenticationSchemes = WooCommerceAuthenticationHandler.SchemeName, Policy = CatalogPolicies.Write)]
    [ProducesResponseType<WooGlobalAttribute>(StatusCodes.Status201Created)]
    public async Task<IActionResult> Create(WooGlobalAttributeInput input, CancellationToken cancellationToken) =>
        WooBatchAnswers.Single(
            await RunAsync(new WooBatchRequest<WooGlobalAttributeInput> { Create = [input] }, cancellationToken),
            StatusCodes.Status201Created);

    /// <summary>Updates one attribute; 404 <c>woocommerce_rest_attribute_invalid</c> when there is none.</summary>
    [HttpPost("{id:long}")]
    [HttpPut("{id:long}")]
    [HttpPatch("{id:long}")]
    [Authorize(AuthenticationSchemes = WooCommerceAuthenticationHandler.SchemeName, Policy = CatalogPolicies.Write)]
    [ProducesResponseType<WooGlobalAttribute>(StatusCodes.Status200OK)]
    [ProducesResponseType<WooError>(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> Update(
        long id,
        [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] WooGlobalAttributeInput? input,
        CancellationToken cancellationToken)
    {
        var request = new WooBatchRequest<WooGlobalAttributeInput>
        {
            Update = [(input ?? new WooGlobalAttributeInput()) with { Id = id }],
        };
        return WooBatchAnswers.Single(await RunAsync(request, cancellationToken), StatusCodes.Status200OK);
    }

    /// <summary>
    /// Deletes one attribute with its terms (and the variations' links to them) with <c>force=true</c>; without it
    /// 501 <c>woocommerce_rest_trash_not_supported</c>.
    /// </summary>
    [HttpDelete("{id:long}")]
    [Authorize(AuthenticationSchemes = WooCommerceAuthenticationHandler.SchemeName, Policy = CatalogPolicies.Write)]
    [ProducesResponseType<WooGlobalAttribute>(StatusCodes.Status200OK)]
    [ProducesResponseType<WooError>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<WooError>(StatusCodes.Status501NotImplemented)]
    public async Task<IActionResult> Delete(long id, [FromQuery] string? force, CancellationToken cancellationToken)
    {
        if (WooForce.Problem(force) is { } problem)
        {
            return BadRequest(problem);
        }

        // WooCommerce refuses to trash before it looks the attribute up.
        if (!WooForce.IsSet(force))
        {
            return WooForce.TaxonomyTrashNotSupported();
        }

        var request = new WooBatchRequest<WooGlobalAttributeInput> { Delete = [id] };
        return WooBatchAnswers.Single(await RunAsync(request, cancellationToken), StatusCodes.Status200OK);
    }

    /// <summary>Creates, then updates, then deletes attributes; a failed item answers <c>{id, error}</c>.</summary>
    [HttpPost("batch")]
    [HttpPut("batch")]
    [HttpPatch("batch")]
    [Authorize(AuthenticationSchemes = WooCommerceAuthenticationHandler.SchemeName, Policy = CatalogPolicies.Write)]
    [ProducesResponseType<WooBatchResponse<WooGlobalAttribute>>(StatusCodes.Status200OK)]
    [ProducesResponseType<WooError>(StatusCodes.Status413PayloadTooLarge)]
    public async Task<IActionResult> Batch(
        [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] WooBatchRequest<WooGlobalAttributeInput>? request,
        CancellationToken cancellationToken) =>
        await WooBatchAnswers.RunAsync(request, settings.Value.MaxBatchItems, r => RunAsync(r, cancellationToken));

    /// <summary>The slug as Catalog keeps it: without WooCommerce's taxonomy prefix.</summary>
    public static string? SlugOf(string? slug) =>
        slug is not null && slug.StartsWith(TaxonomyPrefix, StringComparison.Ordinal) ? slug[TaxonomyPrefix.Length..]
            : slug;

    private static WooError Invalid =>
        WooErrors.Of("woocommerce_rest_attribute_invalid", "Resource does not exist.", StatusCodes.Status404NotFound);

    private async Task<WooBatchResponse<WooGlobalAttribute>> RunAsync(
        WooBatchRequest<WooGlobalAttributeInput> request, CancellationToken cancellationToken)
    {
        var updates = request.Update ?? [];
        var deletes = (request.Delete ?? []).Where(id => id != 0).ToList(); // WooCommerce skips 0.
        var command = new BatchAttributes(
            [.. (request.Create ?? []).Select(c => Write(c, new AttributeCreate()))],
            [.. updates.Select(u => Write(u, new AttributeUpdate { Id = u.Id }))],
            deletes);
        var result = await sender.Send(command, cancellationToken);
        return WooTermAnswers.Of(result, [.. updates.Select(u => u.Id ?? 0)], deletes, Render, Error);
    }

    private static T Write<T>(WooGlobalAttributeInput input, T item)
        where T : AttributeWrite => (T)((AttributeWrite)item with
        {
            Name = input.Name is null ? default(Optional<string?>) : input.Name,
            Slug = string.IsNullOrEmpty(SlugOf(input.Slug)) ? default(Optional<string?>) : SlugOf(input.Slug),
            Type = input.Type is null ? default(Optional<string?>) : input.Type,
            OrderBy = input.OrderBy is null ? default(Optional<string?>) : input.OrderBy,
            HasArchives = input.HasArchives is null ? default(Optional<bool?>) : input.HasArchives,
        });

    private static WooGlobalAttribute Render(AttributeDto attribute) => new(
        attribute.Id, attribute.Name, TaxonomyPrefix + attribute.Slug, attribute.Type, attribute.OrderBy,
        attribute.HasArchives);

    /// <summary>An item the engine failed, as WooCommerce's attributes controller answers it.</summary>
    private static WooError Error(ItemError error, BatchOperation operation) => error switch
    {
        _ when WooTermAnswers.NamesId(error) => Invalid,
        _ when WooTermAnswers.NamesSlug(error) => WooErrors.Bad(
            operation == BatchOperation.Create ? "woocommerce_rest_cannot_create" : "woocommerce_rest_cannot_edit",
            $"Slug is already in use. Change it, please. {error.Message}"),
        { Code: ErrorCodes.ValidationFailed } => WooErrors.InvalidParams(WooTermAnswers.Params(error)),
        { Code: ErrorCodes.Conflict } =>
            WooErrors.Of("woocommerce_rest_attribute_conflict", error.Message, StatusCodes.Status409Conflict),
        _ => WooErrors.Bad($"woocommerce_rest_{error.Code.ToLowerInvariant()}", error.Message),
    };
}
