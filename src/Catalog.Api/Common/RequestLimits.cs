using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Catalog.Api.Common;

/// <summary>
/// The largest request bodies read (<c>Catalog:Limits</c>): Kestrel's own limit is <see cref="MaxBodyBytes"/>, and a
/// job submission's route (<see cref="V1.Jobs.StreamedBodyAttribute"/>) raises it to <see cref="MaxJobBodyBytes"/>.
/// Kestrel refuses a body whose <c>Content-Length</c> is over the limit before reading a byte of it (and before it
/// sends <c>100 Continue</c>), and a chunked one as it crosses the limit; the exception handler answers either with
/// <c>413</c> in the route's own shape.
/// </summary>
public sealed class RequestLimits
{
    public const string Section = "Catalog:Limits";

    /// <summary>The largest body of a synchronous request: 32 MiB unless set.</summary>
    public long MaxBodyBytes { get; set; } = 32L * 1024 * 1024;

    /// <summary>The largest body of a job submission, which is read as it arrives: 1 GiB unless set.</summary>
    public long MaxJobBodyBytes { get; set; } = 1L << 30;
}

public static class RequestLimitsRegistration
{
    public static IServiceCollection AddRequestLimits(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<RequestLimits>().Bind(configuration.GetSection(RequestLimits.Section))
            .Validate(o => o.MaxBodyBytes > 0, "Catalog:Limits:MaxBodyBytes must be positive.")
            .Validate(o => o.MaxJobBodyBytes > 0, "Catalog:Limits:MaxJobBodyBytes must be positive.")
            .ValidateOnStart();
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<RequestLimits>>((kestrel, limits) =>
        {
            kestrel.Limits.MaxRequestBodySize = limits.Value.MaxBodyBytes;
            // Which server and version answers is nothing a client needs, and something an attacker would like.
            kestrel.AddServerHeader = false;
        });
        return services;
    }

    /// <summary>
    /// Gives every job submission route the job limit, as endpoint metadata that routing applies to the request
    /// (<see cref="IRequestSizeLimitMetadata"/>) before anything reads the body.
    /// </summary>
    public static TBuilder WithJobBodyLimit<TBuilder>(this TBuilder endpoints, RequestLimits limits)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(limits);
        var jobLimit = new BodyLimit(limits.MaxJobBodyBytes);
        endpoints.Add(endpoint =>
        {
            if (endpoint.Metadata.Any(m => m is V1.Jobs.StreamedBodyAttribute))
            {
                endpoint.Metadata.Add(jobLimit);
            }
        });
        return endpoints;
    }

    private sealed record BodyLimit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;
}
