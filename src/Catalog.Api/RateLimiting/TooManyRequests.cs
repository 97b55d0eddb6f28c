using System.Threading.RateLimiting;

namespace Catalog.Api.RateLimiting;

/// <summary>The one 429 answer: <c>Retry-After</c> in whole seconds, and <c>RATE_LIMITED</c> in the route's shape.
/// </summary>
internal static class TooManyRequests
{
    public static Task WriteAsync(HttpContext context, RateLimitLease lease, string detail)
    {
        var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.Zero;
        var seconds = Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return Problems.WriteAsync(context, Problems.Create(
            StatusCodes.Status429TooManyRequests, ErrorCodes.RateLimited, "Too many requests.", detail));
    }
}
