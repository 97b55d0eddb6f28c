using Catalog.Api.Dialects.Medusa;
using Catalog.Api.Dialects.WooCommerce;
using Microsoft.AspNetCore.Mvc.Controllers;
using NSwag;

namespace Catalog.Api.OpenApi;

/// <summary>
/// The credentials each route takes, as the document declares them: Catalog's API key (Bearer or <c>X-Api-Key</c>)
/// on the canonical and trade routes; WooCommerce's consumer key and secret (Basic, or the query pair) on the
/// WooCommerce and Wholesale Suite routes; Medusa's secret key as the Basic user name on the Medusa routes.
/// </summary>
internal static class Security
{
    private const string Bearer = "bearer";
    private const string ApiKey = "api_key";
    private const string WooBasic = "woocommerce_basic";
    private const string ConsumerKey = "consumer_key";
    private const string ConsumerSecret = "consumer_secret";
    private const string MedusaBasic = "medusa_basic";

    public static IEnumerable<(string Name, OpenApiSecurityScheme Scheme)> Schemes =>
    [
        (Bearer, new()
        {
            Type = OpenApiSecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "A Catalog API key, sent as `Authorization: Bearer {key}`.",
        }),
        (ApiKey, Key(OpenApiSecurityApiKeyLocation.Header, "X-Api-Key", "The same API key in the `X-Api-Key` header.")),
        (WooBasic, new()
        {
            Type = OpenApiSecuritySchemeType.Basic,
            Description = "WooCommerce and Wholesale Suite routes: the consumer key (`ck_...`) as the user name and "
                + "the consumer secret (`cs_...`) as the password (docs/dialects.md says how both follow from a key).",
        }),
        (ConsumerKey, Key(OpenApiSecurityApiKeyLocation.Query, ConsumerKey, "The consumer key as a query parameter.")),
        (ConsumerSecret, Key(
            OpenApiSecurityApiKeyLocation.Query, ConsumerSecret, "The consumer secret as a query parameter.")),
        (MedusaBasic, new()
        {
            Type = OpenApiSecuritySchemeType.Basic,
            Description = "Medusa routes: the Catalog API key as the user name and an empty password, as Medusa's "
                + "admin clients send their secret key.",
        }),
    ];

    /// <summary>The alternatives an action accepts (any one of the requirements), from its authorization.</summary>
    public static ICollection<OpenApiSecurityRequirement> For(ControllerActionDescriptor action)
    {
        var metadata = action.EndpointMetadata;
        if (metadata.OfType<IAllowAnonymous>().Any() || !metadata.OfType<IAuthorizeData>().Any())
        {
            return [];
        }

        var schemes = metadata.OfType<IAuthorizeData>().LastOrDefault(a => a.AuthenticationSchemes is not null);
        return schemes?.AuthenticationSchemes switch
        {
            WooCommerceAuthenticationHandler.SchemeName =>
                [Requirement(WooBasic), Requirement(ConsumerKey, ConsumerSecret)],
            MedusaAuthenticationHandler.SchemeName => [Requirement(MedusaBasic)],
            _ => [Requirement(Bearer), Requirement(ApiKey)],
        };
    }

    private static OpenApiSecurityScheme Key(OpenApiSecurityApiKeyLocation location, string name, string description) =>
        new() { Type = OpenApiSecuritySchemeType.ApiKey, In = location, Name = name, Description = description };

    private static OpenApiSecurityRequirement Requirement(params string[] schemes)
    {
        var requirement = new OpenApiSecurityRequirement();
        foreach (var scheme in schemes)
        {
            requirement.Add(scheme, []);
        }

        return requirement;
    }
}
