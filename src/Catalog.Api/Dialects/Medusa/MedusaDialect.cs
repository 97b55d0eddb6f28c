using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.OpenApi;

namespace Catalog.Api.Dialects.Medusa;

/// <summary>The Medusa dialect's registrations: its auth scheme and its OpenAPI description.</summary>
public static class MedusaDialect
{
    public static IServiceCollection AddMedusaDialect(this IServiceCollection services)
    {
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, MedusaAuthenticationHandler>(MedusaAuthenticationHandler.SchemeName, null);
        services.Configure<OpenApiOptions>("v1", options => options.AddOperationTransformer<MedusaOpenApi>());
        return services;
    }
}
