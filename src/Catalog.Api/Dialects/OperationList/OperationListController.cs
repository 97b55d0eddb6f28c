using Catalog.Api.Idempotency;
using Catalog.Api.V1.Jobs;
using Catalog.Application.Common.Exceptions;
using Catalog.Application.Jobs;
using Catalog.Application.Jobs.Commands.SubmitJob;
using Catalog.Application.Jobs.Queries;

namespace Catalog.Api.Dialects.OperationList;

/// <summary>
/// The operation-list batch API: a list of operations (<c>[{method, body}]</c>) becomes a batch command (a Catalog
/// job) that runs later; its id is polled at <c>GET /api/batches/{id}.json</c>. Catalog API keys authenticate.
/// </summary>
[Route("api")]
[OperationListDialect]
[Produces("application/json")]
[ProducesResponseType<OperationListError>(StatusCodes.Status401Unauthorized)]
[ProducesResponseType<OperationListError>(StatusCodes.Status403Forbidden)]
[Idempotent]
public sealed class OperationListController(ISender sender) : ControllerBase
{
    public const string Source = "operation_list";

    /// <summary>
    /// Creates a batch command of product operations (<c>POST</c> creates, <c>PUT</c> updates, <c>DELETE</c> deletes)
    /// and answers its id. Operations run creates first, then updates, then deletes; one that fails is reported in
    /// the command's <c>results</c> under its number and stops nothing else. Broken JSON refuses the whole list.
    /// </summary>
    [HttpPost("products/batches.json")]
    [Authorize(Policy = CatalogPolicies.Write)]
    [StreamedBody]
    [ProducesResponseType<OperationListBatchCreated>(StatusCodes.Status202Accepted)]
    [ProducesResponseType<OperationListError>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<OperationListError>(StatusCodes.Status415UnsupportedMediaType)]
    public Task<AcceptedResult> Products(
        [DocumentedBody] ProductOperations? operations, CancellationToken cancellationToken) =>
        SubmitAsync(JobKinds.Products, OperationListTranslation.ProductItems(HttpContext, cancellationToken),
            cancellationToken);

    /// <summary>
    /// Creates a batch command of variant operations, of any products: <c>POST</c> adds a variant to
    /// <c>body.product</c>, <c>PUT</c> and <c>DELETE</c> name the variant by <c>body.id</c>. Answers its id.
    /// </summary>
    [HttpPost("products/variants/batches.json")]
    [Authorize(Policy = CatalogPolicies.Write)]
    [StreamedBody]
    [ProducesResponseType<OperationListBatchCreated>(StatusCodes.Status202Accepted)]
    [ProducesResponseType<OperationListError>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<OperationListError>(StatusCodes.Status415UnsupportedMediaType)]
    public Task<AcceptedResult> Variants(
        [DocumentedBody] VariantOperations? operations, CancellationToken cancellationToken) =>
        SubmitAsync(JobKinds.VariantsAcrossProducts, OperationListTranslation.VariantItems(HttpContext,
            cancellationToken), cancellationToken);

    /// <summary>
    /// Where a batch command stands: <c>total</c>, <c>left</c>, <c>is_processed</c>, and the failed operations'
    /// errors in <c>results</c>, keyed by operation number from 1. Only the key that created it sees it.
    /// </summary>
    [HttpGet("batches/{id:long}.json")]
    [Authorize(Policy = CatalogPolicies.Read)]
    [ProducesResponseType<OperationListBatchStatus>(StatusCodes.Status200OK)]
    [ProducesResponseType<OperationListError>(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> Batch(long id, CancellationToken cancellationToken)
    {
        var owner = JobSubmission.OwnerOf(HttpContext);
        var first = await FailedAsync(id, owner, -1, cancellationToken);
        return new OperationListStatusResult(
            first, after => FailedAsync(id, owner, after, CancellationToken.None));
    }

    private async Task<JobResultsPage> FailedAsync(long id, long owner, int after, CancellationToken cancellationToken)
    {
        try
        {
            var page = await sender.Send(
                new GetJobResults(id, owner, ItemStatus.Failed, after, OperationListStatusResult.PageSize),
                cancellationToken);
            return page.Job.Source == Source ? page : throw new NotFoundException("Batch", id);
        }
        catch (NotFoundException)
        {
            throw new NotFoundException("Batch", id);
        }
    }

    private async Task<AcceptedResult> SubmitAsync(
        JobKind kind, IAsyncEnumerable<JobItem> items, CancellationToken cancellationToken)
    {
        JobSubmission.AcceptBody(HttpContext);
        var job = await sender.Send(
            new SubmitJob(JobSubmission.OwnerOf(HttpContext), kind, null, Source, BatchPolicy.Partial, items),
            cancellationToken);
        return new AcceptedResult($"/api/batches/{job.Id}.json", new OperationListBatchCreated(job.Id));
    }
}
