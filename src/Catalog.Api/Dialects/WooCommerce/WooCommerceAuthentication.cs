using System.Text;
using System.Text.Encodings.Web;
using Catalog.Infrastructure.Auth;
using Microsoft.AspNetCore.Authentication;

namespace Catalog.Api.Dialects.WooCommerce;

/// <summary>
/// WooCommerce's REST authentication over Catalog's API keys (<see cref="ConsumerCredentials"/>): the consumer key and
/// secret by HTTP Basic or query parameters, or an OAuth 1.0a one-legged signature (<see cref="WooOAuth"/>), over
/// HTTP or HTTPS. The key's scopes become <c>scope</c> claims, so the same policies apply.
/// </summary>
internal sealed class WooCommerceAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyService keys,
    ApiKeySecrets secrets,
    OAuthNonces nonces,
    TimeProvider clock) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "WooCommerce";

    private const string BasicRealm = "Basic realm=\"WooCommerce API. "
        + "Use a consumer key in the username field and a consumer secret in the password field.\"";

    private const string AuthenticationError = "woocommerce_rest_authentication_error";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var (consumerKey, consumerSecret) = CredentialsOf(Request);
        if (consumerKey is null || consumerSecret is null)
        {
            return WooOAuth.ParametersOf(Request) is { } parameters
                ? await OAuthAsync(parameters)
                : AuthenticateResult.NoResult();
        }

        var stored = await keys.FindByConsumerKeyAsync(consumerKey, Context.RequestAborted);
        return stored is null ? Fail("Consumer key is invalid.")
            : !keys.SecretMatches(stored, consumerSecret)
                ? Fail("Consumer secret is invalid.")
                : ApiKeyAuthenticationHandler.Authenticated(stored, SchemeName);
    }

    /// <summary>WooCommerce's checks in its order: parameters, key, signature, timestamp, then nonce.</summary>
    private async Task<AuthenticateResult> OAuthAsync(Dictionary<string, string> parameters)
    {
        if (WooOAuth.MissingOf(parameters) is { Count: > 0 } missing)
        {
            var noun = missing.Count == 1 ? "parameter" : "parameters";
            return Fail(
                $"Missing OAuth {noun} {string.Join(", ", missing)}",
                "woocommerce_rest_authentication_missing_parameter");
        }

        var stored = await keys.FindByConsumerKeyAsync(parameters[WooOAuth.ConsumerKey], Context.RequestAborted);
        if (stored is null)
        {
            return Fail("Consumer key is invalid.");
        }

        if (secrets.ConsumerSecretOf(stored) is not { } consumerSecret)
        {
            return Fail("This consumer key cannot sign OAuth 1.0a requests: it was issued before Catalog kept keys "
                + "for signing. Issue a new key (docs/dialects.md), or send the key with HTTP Basic over HTTPS.");
        }

        var baseString = WooOAuth.BaseString(Request.Method, WooOAuth.BaseUrlOf(Request), parameters);
        var expected = WooOAuth.Sign(parameters[WooOAuth.SignatureMethod], baseString, consumerSecret);
        if (expected is null)
        {
            return Fail("Invalid signature - signature method is invalid.");
        }

        if (!WooOAuth.Matches(expected, parameters[WooOAuth.Signature]))
        {
            return Fail("Invalid signature - provided signature does not match.");
        }

        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        var sentTime = parameters[WooOAuth.Timestamp];
        if (!long.TryParse(sentTime, NumberStyles.None, CultureInfo.InvariantCulture, out var time)
            || time < now - WooOAuth.WindowSeconds || time > now + WooOAuth.WindowSeconds)
        {
            return Fail("Invalid timestamp.");
        }

        var fresh = await nonces.TryUseAsync(
            stored.Id, parameters[WooOAuth.Nonce], time, now - WooOAuth.WindowSeconds, Context.RequestAborted);
        return fresh
            ? ApiKeyAuthenticationHandler.Authenticated(stored, SchemeName)
            : Fail("Invalid nonce - nonce has already been used.");
    }

    private static AuthenticateResult Fail(string message, string code = AuthenticationError) =>
        AuthenticateResult.Fail(new WooAuthenticationFailure(code, message));

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

            var code = failure is WooAuthenticationFailure woo ? woo.Code : AuthenticationError;
            await WriteAsync(Unauthorized(code, failure.Message));
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
            AuthenticationError, $"The API key provided does not have {permission} permissions."));
    }

    /// <summary>The consumer key and secret (query first, then HTTP Basic), when the request sends them.</summary>
    public static (string? ConsumerKey, string? ConsumerSecret) CredentialsOf(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Query["consumer_key"].ToString() is { Length: > 0 } queryKey
            && request.Query["consumer_secret"].ToString() is { Length: > 0 } querySecret)
        {
            return (queryKey, querySecret);
        }

        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)
            && Decode(authorization[6..].Trim()) is { } pair)
        {
            var colon = pair.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && colon < pair.Length - 1)
            {
                return (pair[..colon], pair[(colon + 1)..]);
            }
        }

        return (null, null);
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

/// <summary>Why WooCommerce's authentication failed, with the code WooCommerce answers it with.</summary>
internal sealed class WooAuthenticationFailure(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
