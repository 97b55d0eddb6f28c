using Catalog.Api.Idempotency;
using Catalog.Application.Attributes.Commands.BatchAttributes;
using Catalog.Application.Categories.Commands.BatchCategories;
using Catalog.Application.Jobs;
using Catalog.Application.Jobs.Commands.SubmitJob;
using Catalog.Application.Products.Commands.BatchProducts;
using Catalog.Application.Products.Queries;
using Catalog.Application.Tags.Commands.BatchTags;
using Catalog.Application.WholesaleRoles.Commands.BatchWholesaleRoles;

namespace Catalog.Api.V1.Jobs;

/// <summary>
/// Every canonical batch route, asked with <c>Prefer: respond-async</c>: the body is stored as it arrives and answered
/// <c>202 Accepted</c> with the job and its <c>Location</c>; a worker applies it later, in chunks. The routes' OpenAPI
/// operations are the synchronous ones, which document the preference and the 202.
/// </summary>
[ApiController]
[ApiExplorerSettings(IgnoreApi = true)]
[Authorize(Policy = CatalogPolicies.Write)]
[Idempotent]
public sealed class JobSubmissionsController(ISender sender) : ControllerBase
{
    [HttpPost("api/v1/products/batch")]
    [HttpPatch("api/v1/products/batch")]
    [RespondAsync]
    [StreamedBody]
    public Task<AcceptedResult> Products(
        [FromQuery] BatchPolicy policy,
        [FromQuery(Name = "taken_handles")] TakenHandles takenHandles,
        CancellationToken cancellationToken) =>
        SubmitAsync<ProductCreate, ProductUpdate>(
            JobKinds.Products, null, policy, cancellationToken, upserts: true, takenHandles);

    [HttpPost("api/v1/products/{productId:long}/variants/batch")]
    [RespondAsync]
    [StreamedBody]
    public async Task<AcceptedResult> Variants(
        long productId, [FromQuery] BatchPolicy policy, CancellationToken cancellationToken)
    {
        // As the synchronous route: 404 at once for a product that does not exist.
        await sender.Send(new GetProduct(productId), cancellationToken);
        return await SubmitAsync<VariantCreate, VariantUpdate>(
            JobKinds.Variants, productId, policy, cancellationToken, upserts: true);
    }

    [HttpPost("api/v1/variants/batch")]
    [RespondAsync]
    [StreamedBody]
    public Task<AcceptedResult> VariantsAcrossProducts(
        [FromQuery] BatchPolicy policy, CancellationToken cancellationToken) =>
        SubmitAsync<VariantCreate, VariantUpdate>(
            JobKinds.VariantsAcrossProducts, null, policy, cancellationToken, upserts: true);

    [HttpPost("api/v1/categories/batch")]
    [RespondAsync]
    [StreamedBody]
    public Task<AcceptedResult> Categories([FromQuery] BatchPolicy policy, CancellationToken cancellationToken) =>
        SubmitAsync<CategoryCreate, CategoryUpdate>(JobKinds.Categories, null, policy, cancellationToken);

    [HttpPost("api/v1/tags/batch")]
    [RespondAsync]
    [StreamedBody]
    public Task<AcceptedResult> Tags([FromQuery] BatchPolicy policy, CancellationToken cancellationToken) =>
        SubmitAsync<TagCreate, TagUpdate>(JobKinds.Tags, null, policy, cancellationToken);

    [HttpPost("api/v1/attributes/batch")]
    [RespondAsync]
    [StreamedBody]
    public Task<AcceptedResult> Attributes([FromQuery] BatchPolicy policy, CancellationToken cancellationToken) =>
        SubmitAsync<AttributeCreate, AttributeUpdate>(JobKinds.Attributes, null, policy, cancellationToken);

    [HttpPost("api/v1/wholesale-roles/batch")]
    [RespondAsync]
    [StreamedBody]
    public Task<AcceptedResult> WholesaleRoles([FromQuery] BatchPolicy policy, CancellationToken cancellationToken) =>
        SubmitAsync<WholesaleRoleCreate, WholesaleRoleUpdate>(
            JobKinds.WholesaleRoles, null, policy, cancellationToken);

    private async Task<AcceptedResult> SubmitAsync<TCreate, TUpdate>(
        JobKind kind,
        long? parentId,
        BatchPolicy policy,
        CancellationToken cancellationToken,
        bool upserts = false,
        TakenHandles takenHandles = TakenHandles.Fail)
    {
        JobSubmission.AcceptBody(HttpContext);
        var items = JobSubmission.CanonicalItems<TCreate, TUpdate>(HttpContext, upserts, cancellationToken);
        var submit = new SubmitJob(JobSubmission.OwnerOf(HttpContext), kind, parentId, "canonical", policy, items)
        {
            TakenHandles = takenHandles,
        };
        var job = await sender.Send(submit, cancellationToken);
        return JobSubmission.Accepted(HttpContext, job, $"/api/v1/jobs/{job.Id}");
    }
}
