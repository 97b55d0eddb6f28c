using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Catalog.Infrastructure.Auth;
using Microsoft.AspNetCore.Authentication;

namespace Catalog.Api.Dialects.Medusa;

/// <summary>
/// A Catalog API key as Medusa admin clients send their secret key (<c>Authorization: Basic base64(key + ":")</c>, the
/// JS SDK's <c>apiKey</c>) or as the canonical API takes it; failures answer 401 and 403 in Medusa's shape.
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
    /// The user name of <c>Authorization: Basic base64(key:)</c> (Medusa also takes the key itself in place of the
    /// base64); else the key of the canonical headers.
    /// </summary>
    public static string? KeyFromRequest(HttpRequest request)
    {
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
        services.AddSingleton<NSwag.Generation.Processors.IOperationProcessor, MedusaOpenApi>();
        return services;
    }
}
