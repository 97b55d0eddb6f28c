using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Catalog.Api.Health;

/// <summary>
/// <c>/health/live</c> (the process answers; nothing else is asked), <c>/health/ready</c> (the database answers with
/// every migration applied, and the job worker goes round), and <c>/health</c>, the same as ready. No key needed.
/// </summary>
public static class HealthEndpoints
{
    public const string ReadyTag = "ready";

    public static IServiceCollection AddCatalogHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag], timeout: TimeSpan.FromSeconds(5))
            .AddCheck<JobWorkerHealthCheck>("job_worker", tags: [ReadyTag]);
        return services;
    }

    public static WebApplication MapCatalogHealth(this WebApplication app)
    {
        var live = new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync };
        var ready = new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = WriteAsync,
        };
        // Short-circuited: they run right after routing, before authentication (which reads the database to check a
        // key a probe may send anyway) and every other middleware, so they answer whatever state those are in.
        app.MapHealthChecks("/health/live", live).ShortCircuit();
        app.MapHealthChecks("/health/ready", ready).ShortCircuit();

        // Ready rather than live: whoever calls /health (a load balancer, a script waiting for the start) wants to
        // know whether this instance can serve; a liveness probe that must not restart it for a database outage
        // calls /health/live.
        app.MapHealthChecks("/health", ready).ShortCircuit();
        return app;
    }

    /// <summary><c>{status, checks: {name: {status, description}}}</c>: what failed, by name.</summary>
    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var checks = report.Entries.ToDictionary(
            entry => entry.Key,
            entry => new CheckAnswer(
                Spell(entry.Value.Status), entry.Value.Description ?? entry.Value.Exception?.Message));
        return context.Response.WriteAsJsonAsync(new HealthAnswer(Spell(report.Status), checks));
    }

    private static string Spell(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => "healthy",
        HealthStatus.Degraded => "degraded",
        _ => "unhealthy",
    };

    private sealed record HealthAnswer(string Status, IReadOnlyDictionary<string, CheckAnswer> Checks);

    private sealed record CheckAnswer(string Status, string? Description);
}
