using Catalog.Api.Auth;
using Catalog.Api.Dialects.WholesaleSuite;
using Catalog.Application.Attributes.Queries;
using Catalog.Application.Categories;
using Catalog.Application.Categories.Queries;
using Catalog.Application.Common.Batches;
using Catalog.Application.Common.Mediator;
using Catalog.Application.Products;
using Catalog.Application.Products.Commands.BatchProducts;
using Catalog.Application.Products.Queries;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Options;

namespace Catalog.Api.Dialects.WooCommerce;

/// <summary>WooCommerce's <c>/wp-json/wc/v3/products</c>: the products batch and the product reads.</summary>
[ApiController]
[Route("wp-json/wc/v3/products")]
[Produces("application/json")]
[WooCommerceErrors]
[ProducesResponseType<WooError>(StatusCodes.Status400BadRequest)]
[ProducesResponseType<WooError>(StatusCodes.Status401Unauthorized)]
public sealed class WooCommerceProductsController(ISender sender, IOptions<WooCommerceOptions> settings) : ControllerBase
{
    /// <summary>
    /// Creates, then updates, then deletes products, each item on its own: a failed item answers
    /// <c>{id, error}</c> in its place; a deleted one answers the product as it was.
    /// </summary>
    [HttpPost("batch")]
    [HttpPut("batch")]
    [HttpPatch("batch")]
    [Authorize(AuthenticationSchemes = WooCommerceAuthenticationHandler.SchemeName, Policy = CatalogPolicies.Write)]
    [ProducesResponseType<WooBatchResponse<WooProduct>>(StatusCodes.Status200OK)]
    [ProducesResponseType<WooError>(StatusCodes.Status413PayloadTooLarge)]
    public async Task<IActionResult> Batch(
        [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] WooBatchRequest<WooProductInput>? request, CancellationToken cancellationToken)
    {
        var options = settings.Value;
        if (request is null || request.ItemCount == 0)
        {
            return Ok(Array.Empty<object>()); // WooCommerce answers an empty batch with an empty list.
        }

        if (request.ItemCount > options.MaxBatchItems)
        {
            return StatusCode(StatusCodes.Status413PayloadTooLarge, WooErrors.TooLarge(options.MaxBatchItems));
        }

        var creates = request.Create ?? [];
        var updates = request.Update ?? [];
        var deletes = (request.Delete ?? []).Where(id => id != 0).ToList(); // WooCommerce skips 0.
        var current = (await sender.Send(new GetProductsByIds([.. updates.Select(u => u.Id).OfType<long>().Where(id => id > 0).Distinct()]), cancellationToken))
            .ToDictionary(p => p.Id);
        var attributeIds = creates.Concat(updates).SelectMany(i => i.Attributes ?? []).Select(a => a?.Id).OfType<long>().Where(id => id > 0).Distinct().ToList();
        var attributes = (await sender.Send(new GetAttributesByIds(attributeIds), cancellationToken)).ToDictionary(a => a.Id);

        var translator = new ProductTranslator(options, current, attributes);
        // Wholesale Suite's meta keys carry the wholesale terms, as in a store with the plugin (WholesaleSuite/WwsMeta.cs).
        var wholesale = new WwsProductItems(options.Currency, current, WwsNames.Meta);
        var wholesaleCreates = creates.Select(c => wholesale.Create(c, translator.Create)).ToList();
        var wholesaleUpdates = updates.Select(u => wholesale.Update(u, translator.Update)).ToList();
        var translatedCreates = wholesaleCreates.ConvertAll(t => t.Translated);
        var translatedUpdates = wholesaleUpdates.ConvertAll(t => t.Translated);
        var command = new BatchProducts(WooBatchAnswers.Valid(translatedCreates), WooBatchAnswers.Valid(translatedUpdates), deletes);
        var result = command.ItemCount == 0
            ? new BatchResult<ProductDto>([], [], [], new BatchSummary(0, 0, 0, 0))
            : await sender.Send(command, cancellationToken);

        var renderer = new WooRenderer(options, await CategoriesOfAsync(result.Create.Concat(result.Update).Concat(result.Delete).Select(r => r.Resource), cancellationToken));
        bool IsSimple(WooProductInput input) =>
            (input.Type ?? (input.Id is { } id && current.TryGetValue(id, out var p) ? WooType.Of(p, WooFields.Of(p.Extensions)) : WooType.Simple)) == WooType.Simple;
        return Ok(new WooBatchResponse<WooProduct>
        {
            Create = WooBatchAnswers.Entries(translatedCreates, result.Create, _ => 0, renderer.Product,
                (i, error) => wholesaleCreates[i].Fields.ErrorOf(error, e => WooErrors.Item(e, BatchOperation.Create, WooErrors.Product, IsSimple(creates[i])))),
            Update = WooBatchAnswers.Entries(translatedUpdates, result.Update, i => updates[i].Id ?? 0, renderer.Product,
                (i, error) => wholesaleUpdates[i].Fields.ErrorOf(error, e => WooErrors.Item(e, BatchOperation.Update, WooErrors.Product, IsSimple(updates[i])))),
            Delete = deletes.Count == 0 ? null : [.. result.Delete.Select((r, i) => r is { Status: ItemStatus.Succeeded, Resource: { } product }
                ? new WooBatchEntry<WooProduct>(renderer.Product(product), null)
                : new WooBatchEntry<WooProduct>(null, new WooItemFailure(deletes[i], WooErrors.Item(r.Error!, BatchOperation.Delete, WooErrors.Product, simple: false))))],
        });
    }

    /// <summary>Lists products, newest id last, with WooCommerce's paging headers <c>X-WP-Total</c> and <c>X-WP-TotalPages</c>.</summary>
    [HttpGet]
    [Authorize(AuthenticationSchemes = WooCommerceAuthenticationHandler.SchemeName, Policy = CatalogPolicies.Read)]
    [ProducesResponseType<IReadOnlyList<WooProduct>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> List(
        [FromQuery] string? sku,
        [FromQuery] string? status,
        [FromQuery] long? category,
        [FromQuery] string? type,
        [FromQuery] string? search,
        CancellationToken cancellationToken,
        [FromQuery] int page = 1,
        [FromQuery(Name = "per_page")] int perPage = 10)
    {
        var problems = new List<(string, string)>();
        if (page < 1)
        {
            problems.Add(("page", "page must be greater than or equal to 1"));
        }

        if (perPage is < 1 or > 100)
        {
            problems.Add(("per_page", "per_page must be between 1 (inclusive) and 100 (inclusive)"));
        }

        if (status is not null and not ("any" or "future" or "trash" or "draft" or "pending" or "private" or "publish"))
        {
            problems.Add(("status", "status is not one of any, future, trash, draft, pending, private, and publish."));
        }

        if (type is not null and not (WooType.Simple or "grouped" or "external" or WooType.Variable))
        {
            problems.Add(("type", "type is not one of simple, grouped, external, and variable."));
        }

        if (problems.Count > 0)
        {
            return BadRequest(WooErrors.InvalidParams(problems));
        }

        var query = new ListProducts(null, string.IsNullOrEmpty(sku) ? null : sku, category, perPage, (page - 1) * perPage)
        {
            Statuses = status is null ? null : WooStatus.Filter(status),
            Search = string.IsNullOrWhiteSpace(search) ? null : search.Trim(),
            Extension = type switch
            {
                null => null,
                WooType.Simple => new ExtensionFilter(WooFields.Dialect, "type", WooType.Simple, OrMissing: true),
                _ => new ExtensionFilter(WooFields.Dialect, "type", type, OrMissing: false),
            },
        };
        var found = await sender.Send(query, cancellationToken);
        Response.Headers["X-WP-Total"] = found.Total.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Response.Headers["X-WP-TotalPages"] = ((found.Total + perPage - 1) / perPage).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var renderer = new WooRenderer(settings.Value, await CategoriesOfAsync(found.Items, cancellationToken));
        return Ok(found.Items.Select(renderer.Product).ToList());
    }

    /// <summary>One product; 404 <c>woocommerce_rest_product_invalid_id</c> when there is none.</summary>
    [HttpGet("{id:long}")]
    [Authorize(AuthenticationSchemes = WooCommerceAuthenticationHandler.SchemeName, Policy = CatalogPolicies.Read)]
    [ProducesResponseType<WooProduct>(StatusCodes.Status200OK)]
    [ProducesResponseType<WooError>(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> Get(long id, CancellationToken cancellationToken)
    {
        var found = await sender.Send(new GetProductsByIds([id]), cancellationToken);
        if (found.Count == 0)
        {
            return NotFound(WooErrors.Of("woocommerce_rest_product_invalid_id", "Invalid ID.", StatusCodes.Status404NotFound));
        }

        var renderer = new WooRenderer(settings.Value, await CategoriesOfAsync(found, cancellationToken));
        return Ok(renderer.Product(found[0]));
    }

    /// <summary>The categories the products name, in one read, for WooCommerce's <c>{id, name, slug}</c>.</summary>
    private async Task<IReadOnlyDictionary<long, CategoryDto>> CategoriesOfAsync(IEnumerable<ProductDto?> products, CancellationToken cancellationToken)
    {
        var ids = products.OfType<ProductDto>().SelectMany(p => p.CategoryIds).Distinct().ToList();
        return (await sender.Send(new GetCategoriesByIds(ids), cancellationToken)).ToDictionary(c => c.Id);
    }
}
