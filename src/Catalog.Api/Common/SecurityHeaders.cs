using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Catalog.Api.OpenApi;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Net.Http.Headers;

namespace Catalog.Api.Common;

/// <summary>
/// The one place for the headers every answer carries, errors included: <c>nosniff</c>, no referrer, no framing
/// (<c>frame-ancestors 'none'</c> and <c>X-Frame-Options</c>), a content security policy (nothing at all for the API's
/// JSON; for Swagger UI its own scripts and styles and, for the inline script of its page, that script's hash), and
/// <c>Cache-Control: no-store</c> on an answer to an authenticated caller or from a route that needs a key, so that no
/// cache keeps a catalog read or a key's error. Registered first, so that no answer passes it.
/// </summary>
internal sealed partial class SecurityHeaders(RequestDelegate next)
{
    public const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private const string DocsPolicyEnd = "; style-src 'self'; img-src 'self' data:; font-src 'self'; "
        + "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public async Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            Apply(context);
            return Task.CompletedTask;
        });
        if (!IsDocsPage(context.Request.Path))
        {
            await next(context);
            return;
        }

        // A Swagger UI page is a few KB: held whole, so that its header can name the hash of its inline script.
        var body = context.Response.Body;
        await using var page = new MemoryStream();
        context.Response.Body = page;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = body;
        }

        if (!context.Response.HasStarted)
        {
            context.Response.Headers.ContentSecurityPolicy = PolicyFor(page.GetBuffer().AsSpan(0, (int)page.Length));
        }

        page.Position = 0;
        await page.CopyToAsync(body, context.RequestAborted);
    }

    /// <summary>
    /// Swagger UI's policy, allowing each inline script of <paramref name="html"/> by its SHA-256. A browser hashes the
    /// script as its HTML parser reads it, with every CR LF or lone CR turned into LF (NSwag's page has CR LF).
    /// </summary>
    public static string PolicyFor(ReadOnlySpan<byte> html)
    {
        var policy = new StringBuilder("default-src 'none'; script-src 'self'");
        foreach (Match script in InlineScript().Matches(Encoding.UTF8.GetString(html)))
        {
            var code = script.Groups["code"].Value
                .Replace("\r\n", "\n", StringComparison.Ordinal)
                .Replace('\r', '\n');
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes(code));
            policy.Append(CultureInfo.InvariantCulture, $" 'sha256-{Convert.ToBase64String(hash)}'");
        }

        return policy.Append(DocsPolicyEnd).ToString();
    }

    private static void Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XFrameOptions = "DENY";
        if (string.IsNullOrEmpty(headers.ContentSecurityPolicy))
        {
            headers.ContentSecurityPolicy = CatalogOpenApi.IsDocs(context.Request.Path)
                ? PolicyFor([])
                : ApiPolicy;
        }

        if (context.User.Identity?.IsAuthenticated == true || NeedsKey(context))
        {
            headers.CacheControl = "no-store";
        }
    }

    /// <summary>Whether the route the request reached (also while its exception is handled) takes a key.</summary>
    private static bool NeedsKey(HttpContext context)
    {
        var endpoint = context.GetEndpoint() ?? context.Features.Get<IExceptionHandlerFeature>()?.Endpoint;
        return endpoint is not null
            && endpoint.Metadata.GetMetadata<IAuthorizeData>() is not null
            && endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null;
    }

    private static bool IsDocsPage(PathString path) =>
        CatalogOpenApi.IsDocs(path) && path.Value!.EndsWith(".html", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex("<script>(?<code>.*?)</script>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();
}
