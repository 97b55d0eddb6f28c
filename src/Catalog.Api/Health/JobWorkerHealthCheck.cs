using Catalog.Application.Jobs;
using Catalog.Infrastructure.Jobs;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Catalog.Api.Health;

/// <summary>
/// Ready when the job worker went round its loop within <c>Catalog:Jobs:StalledAfter</c>, or when this instance runs
/// no worker (<c>Catalog:Jobs:RunWorker=false</c>): jobs are then others' to run.
/// </summary>
internal sealed class JobWorkerHealthCheck(JobWorkerHeartbeat heartbeat, IOptions<JobOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(
        HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var result = heartbeat.Silence switch
        {
            _ when !settings.RunWorker =>
                HealthCheckResult.Healthy("This instance runs no job worker (Catalog:Jobs:RunWorker is false)."),
            null => HealthCheckResult.Unhealthy("The job worker has not started."),
            { } silence when silence > settings.StalledAfter => HealthCheckResult.Unhealthy(
                $"The job worker has not gone round its loop for {silence.TotalSeconds:F0} s (more than "
                + $"Catalog:Jobs:StalledAfter, {settings.StalledAfter.TotalSeconds:F0} s): it is stuck or gone."),
            { } silence => HealthCheckResult.Healthy(
                $"The job worker went round its loop {silence.TotalSeconds:F1} s ago."),
        };
        return Task.FromResult(result);
    }
}
