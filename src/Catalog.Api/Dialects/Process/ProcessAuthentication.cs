using System.Text.Encodings.Web;
using Catalog.Infrastructure.Auth;
using Microsoft.AspNetCore.Authentication;

namespace Catalog.Api.Dialects.Process;

/// <summary>
/// The process API's credentials: <c>Authorization: Bearer &lt;token&gt;</c> and <c>Subscription-Key</c>. Both carry a
/// Catalog API key; either alone is enough, and when both are sent they must be the same key (a client configured for
/// the original sends its subscription key and its token, and here both are the key).
/// </summary>
internal sealed class ProcessAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyService keys) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ProcessKey";
    public const string SubscriptionHeader = "Subscription-Key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var bearer = ApiKeyAuthenticationHandler.KeyFromRequest(Request);
        var subscription = Request.Headers[SubscriptionHeader] is { Count: > 0 } sent
            && !string.IsNullOrWhiteSpace(sent[0]) ? sent[0]!.Trim() : null;
        if ((bearer ?? subscription) is not { } key)
        {
            return AuthenticateResult.NoResult();
        }

        if (bearer is not null && subscription is not null && bearer != subscription)
        {
            return AuthenticateResult.Fail("The bearer token and the subscription key name different keys.");
        }

        return await keys.FindActiveAsync(key, Context.RequestAborted) is { } stored
            ? ApiKeyAuthenticationHandler.Authenticated(stored, SchemeName)
            : AuthenticateResult.Fail("The API key is not valid.");
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        var sent = ApiKeyAuthenticationHandler.KeyFromRequest(Request) is not null
            || Request.Headers.ContainsKey(SubscriptionHeader);
        return Response.WriteAsJsonAsync(new ProcessError(sent
            ? "The API key is not valid, or the bearer token and the subscription key are different keys."
            : "Send the API key as 'Authorization: Bearer <key>', 'Subscription-Key: <key>', or both (the same key)."));
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Response.WriteAsJsonAsync(new ProcessError("The API key lacks the scope this request needs."));
    }
}

internal static class ProcessDialect
{
    public static AuthenticationBuilder AddProcessDialect(this AuthenticationBuilder authentication) =>
        authentication.AddScheme<AuthenticationSchemeOptions, ProcessAuthenticationHandler>(
            ProcessAuthenticationHandler.SchemeName, null);
}
