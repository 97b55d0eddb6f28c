using Catalog.Application.Jobs.Commands.CancelJob;
using Catalog.Application.Jobs.Queries;

namespace Catalog.Api.V1.Jobs;

/// <summary>Jobs: batches sent with <c>Prefer: respond-async</c>, each visible only to the key that sent it.</summary>
[Route("api/v1/jobs")]
public sealed class JobsController(ISender sender) : ControllerBase
{
    /// <summary>The caller's jobs, newest first; <c>before</c> (a job id) pages on.</summary>
    [HttpGet]
    [Authorize(Policy = CatalogPolicies.Read)]
    [ProducesResponseType<JobListResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemResponse>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public async Task<JobListResponse> List(
        [FromQuery] long? before, CancellationToken cancellationToken, [FromQuery] int limit = 50)
    {
        var owner = JobSubmission.OwnerOf(HttpContext);
        var jobs = await sender.Send(new ListJobs(owner, before, limit), cancellationToken);
        return new JobListResponse([.. jobs.Select(JobResponse.From)], jobs.Count == limit ? jobs[^1].Id : null);
    }

    /// <summary>Where a job stands: its status, how many items are processed and left, its summary so far.</summary>
    [HttpGet("{id:long}")]
    [Authorize(Policy = CatalogPolicies.Read)]
    [ProducesResponseType<JobResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemResponse>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<JobResponse> Get(long id, CancellationToken cancellationToken) =>
        JobResponse.From(await sender.Send(new GetJob(id, JobSubmission.OwnerOf(HttpContext)), cancellationToken));

    /// <summary>A job's item results in the order sent, optionally only one status; <c>after</c> pages on.</summary>
    [HttpGet("{id:long}/results")]
    [Authorize(Policy = CatalogPolicies.Read)]
    [ProducesResponseType<JobResultsResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemResponse>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemResponse>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<JobResultsResponse> Results(
        long id,
        [FromQuery] ItemStatus? status,
        CancellationToken cancellationToken,
        [FromQuery] int after = -1,
        [FromQuery] int limit = 100)
    {
        var page = await sender.Send(
            new GetJobResults(id, JobSubmission.OwnerOf(HttpContext), status, after, limit), cancellationToken);
        return new JobResultsResponse(
            JobResponse.From(page.Job), [.. page.Items.Select(JobItemResult.From)], page.NextAfter);
    }

    /// <summary>Cancels a job that has not finished; what it already applied stays applied and is reported.</summary>
    [HttpDelete("{id:long}")]
    [Authorize(Policy = CatalogPolicies.Write)]
    [ProducesResponseType<JobResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemResponse>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemResponse>(StatusCodes.Status409Conflict, "application/problem+json")]
    public async Task<JobResponse> Cancel(long id, CancellationToken cancellationToken) =>
        JobResponse.From(await sender.Send(new CancelJob(id, JobSubmission.OwnerOf(HttpContext)), cancellationToken));
}
