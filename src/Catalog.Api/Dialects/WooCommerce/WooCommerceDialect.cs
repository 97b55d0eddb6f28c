using Microsoft.AspNetCore.Authentication;

namespace Catalog.Api.Dialects.WooCommerce;

public static class WooCommerceDialect
{
    /// <summary>The dialect's settings and authentication scheme; its controllers are found like any other.</summary>
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

/// <summary>Settings of the WooCommerce dialect (<c>Catalog:Dialects:WooCommerce</c>).</summary>
public sealed class WooCommerceOptions
{
    public const string Section = "Catalog:Dialects:WooCommerce";

    /// <summary>
    /// The store currency: WooCommerce has one, so <c>regular_price</c> and <c>sale_price</c> are a variant's plain
    /// (no quantity range) price in this currency, and prices in other currencies are left as they are.
    /// </summary>
    public string Currency { get; set; } = "usd";

    /// <summary>The most items (creates + updates + deletes) in one batch, as WooCommerce's limit.</summary>
    public int MaxBatchItems { get; set; } = 100;
}
