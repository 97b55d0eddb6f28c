using System.Security.Claims;
using System.Text.Encodings.Web;
using Catalog.Infrastructure.Auth;
using Microsoft.AspNetCore.Authentication;
using Claim = System.Security.Claims.Claim;

namespace Catalog.Api.Auth;

/// <summary>
/// API keys sent as <c>Authorization: Bearer &lt;key&gt;</c> or <c>X-Api-Key: &lt;key&gt;</c>; each scope of the key
/// becomes a <c>scope</c> claim that the authorization policies check.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyService keys) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string ScopeClaim = "scope";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (KeyFromRequest(Request) is not { } key)
        {
            return AuthenticateResult.NoResult();
        }

        return await keys.FindActiveAsync(key, Context.RequestAborted) is { } stored
            ? Authenticated(stored, SchemeName)
            : AuthenticateResult.Fail("The API key is not valid.");
    }

    /// <summary>
    /// The caller a stored key stands for, whichever scheme found it: its id and name, and its scopes as <c>scope</c>
    /// claims, so that the same policies apply to the canonical API and every dialect.
    /// </summary>
    public static AuthenticateResult Authenticated(ApiKey stored, string scheme)
    {
        var id = stored.Id.ToString(CultureInfo.InvariantCulture);
        var scopes = stored.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Claim[] claims = [new(ClaimTypes.NameIdentifier, id), new(ClaimTypes.Name, stored.Name)];
        var identity = new ClaimsIdentity(claims.Concat(scopes.Select(s => new Claim(ScopeClaim, s))), scheme);
        var principal = new ClaimsPrincipal(identity);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, scheme));
    }

    /// <summary>The id of the API key the caller authenticated with (as <see cref="Authenticated"/> states it), if any.
    /// </summary>
    public static long? KeyIdOf(ClaimsPrincipal user) =>
        long.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), CultureInfo.InvariantCulture, out var id)
            ? id
            : null;

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        var detail = KeyFromRequest(Request) is null
            ? "Send an API key as 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'."
            : "The API key is not valid.";
        return Problems.WriteAsync(Context, Problems.Create(
            StatusCodes.Status401Unauthorized, ErrorCodes.Unauthorized, "Authentication required.", detail));
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Problems.WriteAsync(Context, Problems.Create(
            StatusCodes.Status403Forbidden,
            ErrorCodes.Forbidden,
            "Forbidden.",
            "The API key lacks the scope this request needs."));

    /// <summary>The key a request carries, from either header; other Authorization schemes are not ours.</summary>
    public static string? KeyFromRequest(HttpRequest request)
    {
        if (request.Headers["X-Api-Key"] is { Count: > 0 } apiKey && !string.IsNullOrWhiteSpace(apiKey[0]))
        {
            return apiKey[0]!.Trim();
        }

        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && authorization.Length > 7
            ? authorization[7..].Trim()
            : null;
    }
}

public static class CatalogPolicies
{
    public const string Read = Scopes.Read;
    public const string Write = Scopes.Write;
    public const string Admin = Scopes.Admin;
}
