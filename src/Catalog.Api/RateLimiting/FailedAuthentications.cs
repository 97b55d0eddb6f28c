using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Catalog.Api.RateLimiting;

/// <summary>
/// Failed authentications per client address, in a fixed window: each failure takes a permit, and an address with no
/// permit left is locked out until its window ends. Successes give nothing back, so a key that works does not buy an
/// attacker more guesses at others.
/// </summary>
internal sealed class FailedAuthentications : IDisposable
{
    private readonly PartitionedRateLimiter<HttpContext> _failures;

    public FailedAuthentications(IOptions<RateLimitOptions> options)
    {
        var limit = options.Value.FailedAuthentication;
        var window = new FixedWindowRateLimiterOptions { PermitLimit = limit.Limit, Window = limit.Window };
        _failures = PartitionedRateLimiter.Create<HttpContext, string>(
            context => RateLimitPartition.GetFixedWindowLimiter(AddressOf(context), _ => window));
    }

    /// <summary>A lease that is not acquired (with its Retry-After) while the address is locked out; takes nothing.
    /// </summary>
    public RateLimitLease Check(HttpContext context) => _failures.AttemptAcquire(context, 0);

    public void Record(HttpContext context) => _failures.AttemptAcquire(context, 1).Dispose();

    public void Dispose() => _failures.Dispose();

    /// <summary>
    /// The connection's address (the last proxy's, unless forwarded headers are on: README, "Behind a proxy"). An IPv6
    /// client counts by its /64, which one host usually holds whole, so it cannot make a fresh address per guess.
    /// </summary>
    private static string AddressOf(HttpContext context)
    {
        if (context.Connection.RemoteIpAddress is not { } address)
        {
            return string.Empty;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var prefix = address.GetAddressBytes();
        Array.Clear(prefix, 8, 8);
        return new IPAddress(prefix).ToString();
    }
}

/// <summary>
/// Answers 429, before any credential is checked, to every request for an authenticated route from a locked-out
/// address, a valid key included: were the right key let through, the one guess not refused would be the answer.
/// Public routes (health, the OpenAPI document, Swagger UI) stay open.
/// </summary>
internal sealed class FailedAuthenticationLockout(RequestDelegate next, FailedAuthentications failures)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var metadata = context.GetEndpoint()?.Metadata;
        if (metadata?.GetMetadata<IAuthorizeData>() is not null && metadata.GetMetadata<IAllowAnonymous>() is null)
        {
            using var lease = failures.Check(context);
            if (!lease.IsAcquired)
            {
                await TooManyRequests.WriteAsync(
                    context,
                    lease,
                    "Too many failed authentications from this address. Try again after the Retry-After seconds.");
                return;
            }
        }

        await next(context);
    }
}

/// <summary>
/// Counts a request whose credentials a scheme refused (not one that sent none) against its address, then answers as
/// ASP.NET Core does. A scheme authenticates once per request and keeps its result, so asking again looks up nothing.
/// </summary>
internal sealed class FailedAuthenticationCounter(FailedAuthentications failures, IOptions<RateLimitOptions> options)
    : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _answer = new();

    public async Task HandleAsync(
        RequestDelegate next,
        HttpContext context,
        AuthorizationPolicy policy,
        PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (options.Value.Enabled && authorizeResult.Challenged && await CredentialsRefusedAsync(context, policy))
        {
            failures.Record(context);
        }

        await _answer.HandleAsync(next, context, policy, authorizeResult);
    }

    private static async Task<bool> CredentialsRefusedAsync(HttpContext context, AuthorizationPolicy policy)
    {
        IReadOnlyList<string?> schemes =
            policy.AuthenticationSchemes.Count > 0 ? [.. policy.AuthenticationSchemes] : [null];
        foreach (var scheme in schemes)
        {
            if ((await context.AuthenticateAsync(scheme)).Failure is not null)
            {
                return true;
            }
        }

        return false;
    }
}
