using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Catalog.Api.Auth;
using Catalog.Infrastructure.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;

namespace Catalog.Api.Dialects.Medusa;

/// <summary>
/// Medusa admin clients send a secret API key as HTTP Basic credentials, <c>Authorization: Basic base64(key + ":")</c>
/// (the JS SDK's <c>apiKey</c> option). A Catalog API key is accepted that way, and also as the canonical API takes it
/// (<c>Bearer</c>, <c>X-Api-Key</c>). Failures answer in Medusa's shape: 401 <c>{type: "unauthorized", message:
/// "Unauthorized"}</c>, and 403 when the key lacks the scope.
/// </summary>
internal sealed class MedusaAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyService keys) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Medusa";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = KeyFromRequest(Request);
        if (key is null)
        {
            return AuthenticateResult.NoResult();
        }

        var stored = await keys.FindActiveAsync(key, Context.RequestAborted);
        return stored is null
            ? AuthenticateResult.Fail("The API key is not valid.")
            : ApiKeyAuthenticationHandler.Authenticated(stored, SchemeName);
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Basic realm=\"medusa\"";
        var error = new MedusaError(MedusaErrors.Unauthorized, "Unauthorized");
        return MedusaErrors.WriteAsync(Context, StatusCodes.Status401Unauthorized, error);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var error = new MedusaError(MedusaErrors.Forbidden, "The API key lacks the scope this request needs.");
        return MedusaErrors.WriteAsync(Context, StatusCodes.Status403Forbidden, error);
    }

    /// <summary>
    /// The key of <c>Authorization: Basic ...</c>: the credentials are base64 of <c>key:</c> (Medusa also takes the key
    /// itself in place of the base64), and the key is the user name, before the colon. Else the canonical headers.
    /// </summary>
    public static string? KeyFromRequest(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var authorization = request.Headers.Authorization.ToString();
        if (!authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return ApiKeyAuthenticationHandler.KeyFromRequest(request);
        }

        var token = authorization[6..].Trim();
        var credentials = Decode(token) ?? token;
        var colon = credentials.IndexOf(':', StringComparison.Ordinal);
        var key = colon >= 0 ? credentials[..colon] : credentials;
        return key.Length == 0 ? null : key;
    }

    private static string? Decode(string token)
    {
        var bytes = new byte[token.Length];
        return Convert.TryFromBase64String(token, bytes, out var written) && Utf8.IsValid(bytes.AsSpan(0, written))
            ? Encoding.UTF8.GetString(bytes, 0, written)
            : null;
    }
}

/// <summary>The Medusa dialect's registrations: its auth scheme and its OpenAPI description.</summary>
public static class MedusaDialect
{
    public static IServiceCollection AddMedusaDialect(this IServiceCollection services)
    {
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, MedusaAuthenticationHandler>(
            MedusaAuthenticationHandler.SchemeName, null);
        services.Configure<OpenApiOptions>("v1", options => options.AddOperationTransformer<MedusaOpenApi>());
        return services;
    }
}
