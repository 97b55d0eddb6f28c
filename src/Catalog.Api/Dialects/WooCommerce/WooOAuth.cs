using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Features;

namespace Catalog.Api.Dialects.WooCommerce;

/// <summary>
/// OAuth 1.0a one-legged signatures as WooCommerce checks them (<c>WC_REST_Authentication</c>): the parameters of the
/// query and of an <c>Authorization: OAuth</c> header, sorted by name, each name and value percent-encoded (RFC 3986)
/// and the base string <c>METHOD&amp;encode(url)&amp;encode(name=value&amp;...)</c> signed with HMAC-SHA1 or
/// HMAC-SHA256 under the consumer secret followed by <c>&amp;</c> (there is no token secret).
/// </summary>
internal static partial class WooOAuth
{
    /// <summary>How far a timestamp may be from now, either way, and how long a nonce is remembered.</summary>
    public const int WindowSeconds = 15 * 60;

    public const string ConsumerKey = "oauth_consumer_key";
    public const string Timestamp = "oauth_timestamp";
    public const string Nonce = "oauth_nonce";
    public const string Signature = "oauth_signature";
    public const string SignatureMethod = "oauth_signature_method";

    private static readonly string[] Required = [ConsumerKey, Timestamp, Nonce, Signature, SignatureMethod];

    /// <summary>
    /// The request's parameters, or null when it does not try OAuth (none of the five oauth_ parameters is there).
    /// The header's win over the query's, and a name sent twice keeps its last value, as PHP merges them.
    /// </summary>
    public static Dictionary<string, string>? ParametersOf(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, values) in request.Query)
        {
            parameters[name] = values.LastOrDefault() ?? string.Empty;
        }

        var authorization = request.Headers.Authorization.ToString().Trim();
        if (authorization.StartsWith("OAuth ", StringComparison.Ordinal))
        {
            foreach (Match match in HeaderParameter().Matches(authorization))
            {
                var value = match.Groups["quoted"].Success && match.Groups["quoted"].Length > 0
                    ? match.Groups["quoted"].Value
                    : match.Groups["bare"].Value;
                parameters[match.Groups["name"].Value] = WebUtility.UrlDecode(value);
            }
        }

        return Required.Any(name => !IsEmpty(parameters, name)) ? parameters : null;
    }

    /// <summary>The required parameters missing (PHP's <c>empty</c>: absent, blank or "0").</summary>
    public static IReadOnlyList<string> MissingOf(IReadOnlyDictionary<string, string> parameters) =>
        [.. Required.Where(name => IsEmpty(parameters, name))];

    /// <summary>The URL signed: scheme, host and path as the request reached Catalog, without its query.</summary>
    public static string BaseUrlOf(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var rawTarget = request.HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget;
        var path = rawTarget is { Length: > 0 } && rawTarget[0] == '/'
            ? rawTarget.Split('?', 2)[0]
            : (request.PathBase + request.Path).ToUriComponent();
        return $"{request.Scheme}://{request.Host.Value}{path}";
    }

    public static string BaseString(string method, string baseUrl, IReadOnlyDictionary<string, string> parameters)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(parameters);
        var pairs = parameters.Where(p => p.Key != Signature)
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => Encode(Encode(p.Key) + "=" + Encode(p.Value)));
        return $"{method.ToUpperInvariant()}&{Encode(baseUrl)}&{string.Join("%26", pairs)}";
    }

    /// <summary>The signature of a base string, or null for a method other than HMAC-SHA1 and HMAC-SHA256.</summary>
    public static string? Sign(string signatureMethod, string baseString, string consumerSecret)
    {
        var key = Encoding.UTF8.GetBytes(consumerSecret + "&");
        var data = Encoding.UTF8.GetBytes(baseString);
        return signatureMethod switch
        {
            // WooCommerce accepts HMAC-SHA1 and clients still send it; HMAC (unlike plain SHA-1) is not broken.
#pragma warning disable CA5350
            "HMAC-SHA1" => Convert.ToBase64String(HMACSHA1.HashData(key, data)),
#pragma warning restore CA5350
            "HMAC-SHA256" => Convert.ToBase64String(HMACSHA256.HashData(key, data)),
            _ => null,
        };
    }

    /// <summary>
    /// Whether the signature sent is <paramref name="expected"/>. Like WooCommerce, a space stands for a '+' that a
    /// query decoded, and the value is percent-decoded once more for clients that encoded it twice.
    /// </summary>
    public static bool Matches(string expected, string sent)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(sent);
        var signature = Uri.UnescapeDataString(sent.Replace(' ', '+'));
        return CryptographicOperations.FixedTimeEquals(
            Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(signature));
    }

    /// <summary>RFC 3986 percent-encoding (PHP's <c>rawurlencode</c>): all but letters, digits, <c>-._~</c>.</summary>
    public static string Encode(string value) => Uri.EscapeDataString(value);

    private static bool IsEmpty(IReadOnlyDictionary<string, string> parameters, string name) =>
        !parameters.TryGetValue(name, out var value) || value.Length == 0 || value == "0";

    [GeneratedRegex("(?<name>oauth_[a-z_-]*)=(:?\"(?<quoted>[^\"]*)\"|(?<bare>[^,]*))")]
    private static partial Regex HeaderParameter();
}
