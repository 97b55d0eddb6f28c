using Catalog.Application.Common.Exceptions;

namespace Catalog.Application.Jobs.Commands.CancelJob;

/// <summary>
/// Cancels a job that has not finished. A queued job is cancelled at once; a running one stops before its next chunk
/// (the chunk in flight is not committed). Items already applied stay applied and keep their results.
/// </summary>
public sealed record CancelJob(long Id, long OwnerKeyId) : IRequest<Job>;

internal sealed class CancelJobHandler(IJobStore store, TimeProvider clock) : IRequestHandler<CancelJob, Job>
{
    private const int Attempts = 5;

    public async ValueTask<Job> Handle(CancelJob request, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var job = await store.FindAsync(request.Id, request.OwnerKeyId, cancellationToken)
                ?? throw new NotFoundException("Job", request.Id);
            if (job.IsFinished)
            {
                throw new ConflictException($"Job {job.Id} has already finished ({job.Status}); there is nothing to "
                    + "cancel.");
            }

            var next = job.Copy();
            next.CancelRequested = true;
            next.Version++;
            if (job.Status == JobStatus.Queued)
            {
                next = next.Finished(clock.GetUtcNow());
            }

            if (await store.SaveAsync(next, job.Version, cancellationToken))
            {
                if (next.IsFinished)
                {
                    await store.DropChunksAsync(job.Id, cancellationToken);
                }

                return next;
            }

            if (attempt == Attempts)
            {
                throw new ConflictException($"Job {job.Id} kept changing; try the cancel again.");
            }
        }
    }
}
