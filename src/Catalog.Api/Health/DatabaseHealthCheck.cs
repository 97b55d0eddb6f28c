using Catalog.Infrastructure.Persistence;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Catalog.Api.Health;

/// <summary>Ready when the database answers and holds every migration of this build.</summary>
internal sealed class DatabaseHealthCheck(DatabaseReadiness database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(
        HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<string> pending;
        try
        {
            pending = await database.PendingMigrationsAsync(cancellationToken);
        }
        catch (System.Data.Common.DbException failure)
        {
            // Its message names the cause (refused, no such database) and never the password; the stack trace would
            // fill the log at every probe while the database is away.
            return HealthCheckResult.Unhealthy($"The database does not answer: {failure.Message}");
        }

        return pending.Count == 0
            ? HealthCheckResult.Healthy("The database answers and holds every migration.")
            : HealthCheckResult.Unhealthy(
                $"The database lacks {pending.Count} migration(s) of this build ({string.Join(", ", pending)}): "
                + "restart an instance so that it migrates, or apply them.");
    }
}
