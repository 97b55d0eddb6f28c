using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.OpenApi;

namespace Catalog.Api.Dialects.Medusa;

/// <summary>The Medusa dialect's registrations: its auth scheme and its OpenAPI description.</summary>
public static class MedusaDialect
{
    /// <summary>Every Medusa route lives under this prefix, and no other route does.</summary>
    public const string PathPrefix = "/admin";

    public static IServiceCollection AddMedusaDialect(this IServiceCollection services)
    {
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, MedusaAuthenticationHandler>(MedusaAuthenticationHandler.SchemeName, null);
        services.Configure<OpenApiOptions>("v1", options => options.AddOperationTransformer<MedusaOpenApi>());
        return services;
    }

    /// <summary>True for requests the Medusa dialect answers, which read and check their own bodies.</summary>
    public static bool Owns(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Request.Path.StartsWithSegments(PathPrefix, StringComparison.OrdinalIgnoreCase);
    }
}
