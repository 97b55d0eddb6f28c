using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Catalog.Api.RateLimiting;

/// <summary>
/// ASP.NET Core's rate limiter with Catalog's two limits: a token bucket per API key, run after authorization so that
/// every scheme's key is known; and a lockout per client address after failed authentications, run before any
/// credential is checked.
/// </summary>
public static class CatalogRateLimiting
{
    public static IServiceCollection AddCatalogRateLimiting(
        this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.Section))
            .Validate(o => o.PerKey.PermitsPerSecond > 0 && o.PerKey.Burst > 0,
                "Catalog:RateLimits:PerKey:PermitsPerSecond and Burst must be positive.")
            .Validate(o => o.FailedAuthentication.Limit > 0 && o.FailedAuthentication.Window > TimeSpan.Zero,
                "Catalog:RateLimits:FailedAuthentication:Limit and Window must be positive.")
            .ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>(LimitPerKey);
        services.AddSingleton<FailedAuthentications>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, FailedAuthenticationCounter>();
        return services;
    }

    /// <summary>The lockout after failed authentications; before authentication, so that no key is checked then.
    /// </summary>
    public static IApplicationBuilder UseFailedAuthenticationLockout(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var enabled = app.ApplicationServices.GetRequiredService<IOptions<RateLimitOptions>>().Value.Enabled;
        return enabled ? app.UseMiddleware<FailedAuthenticationLockout>() : app;
    }

    private static void LimitPerKey(RateLimiterOptions limiter, IOptions<RateLimitOptions> settings)
    {
        if (!settings.Value.Enabled)
        {
            return;
        }

        var perKey = settings.Value.PerKey;
        var bucket = new TokenBucketRateLimiterOptions
        {
            TokenLimit = perKey.Burst,
            TokensPerPeriod = perKey.PermitsPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        };
        limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } keyId
                ? RateLimitPartition.GetTokenBucketLimiter(keyId, _ => bucket)
                : RateLimitPartition.GetNoLimiter(string.Empty));
        limiter.OnRejected = (rejected, _) => new ValueTask(TooManyRequests.WriteAsync(
            rejected.HttpContext,
            rejected.Lease,
            "This API key sent more requests than its rate limit allows. Try again after the Retry-After seconds."));
    }
}
