using Catalog.Api.Idempotency;
using Catalog.Application.Common.Models;
using Catalog.Application.Products.Commands.BatchProducts;
using Catalog.Application.Products.Queries;
using Catalog.Domain.Products;

namespace Catalog.Api.V1.Products;

[Route("api/v1/products")]
[Idempotent]
public sealed class ProductsController(ISender sender) : V1Controller
{
    /// <summary>Creates, updates, deletes and upserts (by SKU) products in one request; answers each item's result,
    /// a summary.</summary>
    [HttpPost("batch")]
    [Authorize(Policy = CatalogPolicies.Write)]
    [ProducesResponseType<BatchResponse<ProductItemResult>>(StatusCodes.Status200OK)]
    [ProducesResponseType<BatchResponse<ProductItemResult>>(StatusCodes.Status422UnprocessableEntity)]
    [ProducesResponseType<ProblemResponse>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public async Task<ActionResult<BatchResponse<ProductItemResult>>> Batch(
        ProductBatchRequest request,
        [FromQuery] BatchPolicy policy,
        [FromQuery(Name = "dry_run")] bool dryRun,
        [FromQuery(Name = "taken_handles")] TakenHandles takenHandles,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var command = request.ToCommand(policy) with { DryRun = dryRun, TakenHandles = takenHandles };
        var result = await sender.Send(command, cancellationToken);
        return Answer(result, ProductItemResult.From, takesUpserts: true);
    }

    /// <summary>Changes existing products, each by id and only in the fields sent: <c>{updates}</c> answered with
    /// <c>{results, summary}</c>.</summary>
    [HttpPatch("batch")]
    [Authorize(Policy = CatalogPolicies.Write)]
    [ProducesResponseType<PatchResponse<ProductItemResult>>(StatusCodes.Status200OK)]
    [ProducesResponseType<PatchResponse<ProductItemResult>>(StatusCodes.Status422UnprocessableEntity)]
    [ProducesResponseType<ProblemResponse>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public async Task<ActionResult<PatchResponse<ProductItemResult>>> Patch(
        ProductPatchRequest request,
        [FromQuery] BatchPolicy policy,
        [FromQuery(Name = "dry_run")] bool dryRun,
        [FromQuery(Name = "taken_handles")] TakenHandles takenHandles,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var command = request.ToCommand(policy) with { DryRun = dryRun, TakenHandles = takenHandles };
        var result = await sender.Send(command, cancellationToken);
        var summary = BatchSummaryContract.From(result.Summary);
        var rendered = new PatchResponse<ProductItemResult>([.. result.Update.Select(ProductItemResult.From)], summary);
        return Answer(result, rendered);
    }

    /// <summary>Creates, updates, deletes and upserts (by SKU) the variants of one product; 404 when there is no such
    /// product.</summary>
    [HttpPost("{productId:long}/variants/batch")]
    [Authorize(Policy = CatalogPolicies.Write)]
    [ProducesResponseType<BatchResponse<VariantItemResult>>(StatusCodes.Status200OK)]
    [ProducesResponseType<BatchResponse<VariantItemResult>>(StatusCodes.Status422UnprocessableEntity)]
    [ProducesResponseType<ProblemResponse>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemResponse>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<ActionResult<BatchResponse<VariantItemResult>>> BatchVariants(
        long productId,
        VariantBatchRequest request,
        [FromQuery] BatchPolicy policy,
        [FromQuery(Name = "dry_run")] bool dryRun,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var command = request.ToCommand(productId, policy) with { DryRun = dryRun };
        var result = await sender.Send(command, cancellationToken);
        return Answer(result, VariantItemResult.From, takesUpserts: true);
    }

    /// <summary>Lists products with their variants, filtered (by status, text, ids, handles, titles, SKUs, categories,
    /// tags, creation and update times) and ordered.</summary>
    [HttpGet]
    [Authorize(Policy = CatalogPolicies.Read)]
    [ProducesResponseType<Page<ProductDto>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemResponse>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public async Task<ActionResult<Page<ProductDto>>> List(
        [FromQuery] ProductStatus? status,
        [FromQuery] string? sku,
        [FromQuery(Name = "category_id")] long? categoryId,
        [FromQuery] ProductListFilterRequest filters,
        CancellationToken cancellationToken,
        [FromQuery] int limit = 50,
        [FromQuery] int offset = 0)
    {
        ArgumentNullException.ThrowIfNull(filters);
        if (filters.ToQuery(status, sku, categoryId, limit, offset) is not { } query)
        {
            var message = $"order must be one of {string.Join(", ", ProductOrder.Names)}, with '-' first to descend.";
            return Problems.Result(HttpContext, StatusCodes.Status400BadRequest, ErrorCodes.ValidationFailed,
                "The request cannot be processed.", [new FieldError("order", message)]);
        }

        return await sender.Send(query, cancellationToken);
    }

    /// <summary>One product with its variants and prices.</summary>
    [HttpGet("{id:long}")]
    [Authorize(Policy = CatalogPolicies.Read)]
    [ProducesResponseType<ProductDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemResponse>(StatusCodes.Status404NotFound, "application/problem+json")]
    public ValueTask<ProductDto> Get(long id, CancellationToken cancellationToken) =>
        sender.Send(new GetProduct(id), cancellationToken);
}
