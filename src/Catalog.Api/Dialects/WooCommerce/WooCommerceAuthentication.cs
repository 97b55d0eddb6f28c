using System.Text;
using System.Text.Encodings.Web;
using Catalog.Infrastructure.Auth;
using Microsoft.AspNetCore.Authentication;

namespace Catalog.Api.Dialects.WooCommerce;

/// <summary>
/// WooCommerce's REST authentication over Catalog's API keys (<see cref="ConsumerCredentials"/>), by HTTP Basic or
/// query parameters; the key's scopes become <c>scope</c> claims, so the same policies apply. OAuth 1.0a is refused:
/// its signature needs the secret in clear on the server, and Catalog keeps only its hash.
/// </summary>
internal sealed class WooCommerceAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyService keys) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "WooCommerce";

    private const string BasicRealm = "Basic realm=\"WooCommerce API. "
        + "Use a consumer key in the username field and a consumer secret in the password field.\"";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var (consumerKey, consumerSecret, oauth) = CredentialsOf(Request);
        if (oauth)
        {
            return AuthenticateResult.Fail(
                "OAuth 1.0a is not supported: send the consumer key and secret with HTTP Basic authentication "
                + "(over HTTPS), or as the consumer_key and consumer_secret query parameters.");
        }

        if (consumerKey is null || consumerSecret is null)
        {
            return AuthenticateResult.NoResult();
        }

        var stored = await keys.FindByConsumerKeyAsync(consumerKey, Context.RequestAborted);
        return stored is null ? AuthenticateResult.Fail("Consumer key is invalid.")
            : !ApiKeyService.SecretMatches(stored, consumerSecret)
                ? AuthenticateResult.Fail("Consumer secret is invalid.")
                : ApiKeyAuthenticationHandler.Authenticated(stored, SchemeName);
    }

    /// <summary>Wrong credentials: an authentication error. None: the endpoint's "cannot" code.</summary>
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        if (result.Failure is { } failure)
        {
            if (Request.Headers.Authorization.ToString().StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
            {
                Response.Headers.WWWAuthenticate = BasicRealm;
            }

            await WriteAsync(Unauthorized("woocommerce_rest_authentication_error", failure.Message));
            return;
        }

        var error = !Reading
            ? Unauthorized(
                "woocommerce_rest_cannot_batch", "Sorry, you are not allowed to batch manipulate this resource.")
            : Context.GetRouteValue("id") is not null
                ? Unauthorized("woocommerce_rest_cannot_view", "Sorry, you cannot view this resource.")
                : Unauthorized("woocommerce_rest_cannot_view", "Sorry, you cannot list resources.");
        await WriteAsync(error);
    }

    /// <summary>A key without the scope: WooCommerce's answer to a read-only key that writes.</summary>
    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var permission = Reading ? "read" : "write";
        return WriteAsync(Unauthorized(
            "woocommerce_rest_authentication_error", $"The API key provided does not have {permission} permissions."));
    }

    /// <summary>The consumer key and secret (query first, then HTTP Basic); and whether it tries OAuth 1.0a.</summary>
    public static (string? ConsumerKey, string? ConsumerSecret, bool OAuth) CredentialsOf(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Query["consumer_key"].ToString() is { Length: > 0 } queryKey
            && request.Query["consumer_secret"].ToString() is { Length: > 0 } querySecret)
        {
            return (queryKey, querySecret, false);
        }

        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)
            && Decode(authorization[6..].Trim()) is { } pair)
        {
            var colon = pair.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && colon < pair.Length - 1)
            {
                return (pair[..colon], pair[(colon + 1)..], false);
            }
        }

        var oauth = authorization.StartsWith("OAuth ", StringComparison.OrdinalIgnoreCase)
            || request.Query.ContainsKey("oauth_consumer_key")
            || request.Query.ContainsKey("oauth_signature");
        return (null, null, oauth);
    }

    private static string? Decode(string base64)
    {
        var bytes = new byte[base64.Length];
        return Convert.TryFromBase64String(base64, bytes, out var length)
            ? Encoding.UTF8.GetString(bytes, 0, length)
            : null;
    }

    private bool Reading => HttpMethods.IsGet(Request.Method) || HttpMethods.IsHead(Request.Method);

    private Task WriteAsync(WooError error)
    {
        Response.StatusCode = error.Data.Status;
        var json = Context.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>();
        return Response.WriteAsJsonAsync(error, json.Value.SerializerOptions);
    }

    private static WooError Unauthorized(string code, string message) =>
        WooErrors.Of(code, message, StatusCodes.Status401Unauthorized);
}
