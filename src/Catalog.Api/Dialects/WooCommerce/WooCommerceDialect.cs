using Microsoft.AspNetCore.Authentication;

namespace Catalog.Api.Dialects.WooCommerce;

public static class WooCommerceDialect
{
    /// <summary>
    /// The dialect's settings and its authentication scheme; its controllers are found like any other.
    /// </summary>
    public static IServiceCollection AddWooCommerceDialect(
        this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<WooCommerceOptions>().Bind(configuration.GetSection(WooCommerceOptions.Section))
            .Validate(o => o.MaxBatchItems > 0, "Catalog:Dialects:WooCommerce:MaxBatchItems must be positive.")
            .Validate(
                o => o.Currency is { Length: 3 } c && c.All(char.IsAsciiLetter),
                "Catalog:Dialects:WooCommerce:Currency must be a three-letter currency code.")
            .PostConfigure(o => o.Currency = o.Currency.ToLowerInvariant())
            .ValidateOnStart();
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, WooCommerceAuthenticationHandler>(
                WooCommerceAuthenticationHandler.SchemeName, null);
        return services;
    }
}
