using System.Security.Cryptography;
using System.Text;
using Catalog.Application.Common.Idempotency;
using Microsoft.AspNetCore.Http.Features;

namespace Catalog.Api.Idempotency;

/// <summary>
/// <c>Idempotency-Key</c> on the routes marked <see cref="IdempotentAttribute"/>, as the IETF httpapi draft has it. The
/// first request with a key runs, and its answer is stored in the same transaction as its writes (the writes are held
/// open until then: see <see cref="IIdempotencyClaim.HoldWrites"/>), so that a crash leaves both or neither. A retry
/// with the same key and the same request gets the stored answer, and nothing runs again; with another request, 422;
/// while the first still runs, 409. Keys belong to the API key that sent them, and are kept for
/// <c>Catalog:Idempotency:Retention</c>.
/// </summary>
internal sealed partial class IdempotencyMiddleware(RequestDelegate next, ILogger<IdempotencyMiddleware> logger)
{
    public const string ReplayedHeader = "Idempotent-Replayed";

    // The answer's headers that a replay repeats: what says what the body is and where the created thing lives.
    private static readonly string[] StoredHeaders =
        ["Content-Type", "Location", "Content-Location", "Preference-Applied", "Link", "X-WP-Total", "X-WP-TotalPages"];

    // Credentials that may travel in the query: a retry signs again (a new OAuth nonce), and is still the same request.
    private static readonly string[] CredentialParameters = ["consumer_key", "consumer_secret"];

    public async Task InvokeAsync(HttpContext context, IIdempotencyStore store)
    {
        var request = context.Request;
        if (!request.Headers.TryGetValue(IdempotencyKeyHeader.Name, out var values)
            || HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
            || HttpMethods.IsOptions(request.Method)
            || context.GetEndpoint()?.Metadata.GetMetadata<IdempotentAttribute>() is null
            || ApiKeyAuthenticationHandler.KeyIdOf(context.User) is not { } owner)
        {
            await next(context);
            return;
        }

        if (!IdempotencyKeyHeader.TryParse(values, out var key))
        {
            await Problems.WriteAsync(context, Problems.Create(
                StatusCodes.Status400BadRequest,
                ErrorCodes.IdempotencyKeyInvalid,
                "The Idempotency-Key header is not valid.",
                $"Send one key of 1 to {IdempotencyKeyHeader.MaxLength} printable ASCII characters, as a quoted "
                + "string (\"abc\") or bare."));
            return;
        }

        await using var claim = await store.ClaimAsync(owner, key, context.RequestAborted);
        if (claim is null)
        {
            context.Response.Headers.RetryAfter = "1";
            await Problems.WriteAsync(context, Problems.Create(
                StatusCodes.Status409Conflict,
                ErrorCodes.IdempotencyKeyInUse,
                "A request with this Idempotency-Key is still running.",
                "A request with this Idempotency-Key is still running: retry once it has finished, and the retry "
                + "gets its answer."));
            return;
        }

        var body = new HashedBody(request.Body);
        request.Body = body;
        if (claim.Stored is { } stored)
        {
            await ReplayAsync(context, stored, Fingerprint(request, await body.FinishAsync(context.RequestAborted)));
            return;
        }

        claim.HoldWrites();
        var answer = await RunAsync(context);
        var fingerprint = Fingerprint(request, await body.FinishAsync(context.RequestAborted));
        var status = context.Response.StatusCode;
        var writes = context.RequestServices.GetRequiredService<RequestWrites>();
        if (writes.Held ? status < 500 : status is (>= 200 and < 300) or StatusCodes.Status422UnprocessableEntity)
        {
            // Once the batch has run, its answer is stored even if the client has gone: a retry then gets it.
            var headers = StoredHeaders
                .Where(name => context.Response.Headers.ContainsKey(name))
                .Select(name => KeyValuePair.Create(name, context.Response.Headers[name].ToString()))
                .ToList();
            await claim.StoreAsync(new StoredAnswer(fingerprint, status, headers, answer), CancellationToken.None);
        }

        await context.Response.Body.WriteAsync(answer, context.RequestAborted);
    }

    /// <summary>Runs the rest of the pipeline with its answer's body kept here, not sent, until it is stored.</summary>
    private async Task<byte[]> RunAsync(HttpContext context)
    {
        var original = context.Features.Get<IHttpResponseBodyFeature>()!;
        using var buffer = new MemoryStream();
        var kept = new StreamResponseBodyFeature(buffer);
        context.Features.Set<IHttpResponseBodyFeature>(kept);
        try
        {
            await next(context);
            await kept.CompleteAsync();
        }
        finally
        {
            context.Features.Set(original);
        }

        return buffer.ToArray();
    }

    private async Task ReplayAsync(HttpContext context, StoredAnswer stored, string fingerprint)
    {
        if (!CryptographicOperations.FixedTimeEquals(
                Encoding.ASCII.GetBytes(stored.Fingerprint), Encoding.ASCII.GetBytes(fingerprint)))
        {
            await Problems.WriteAsync(context, Problems.Create(
                StatusCodes.Status422UnprocessableEntity,
                ErrorCodes.IdempotencyKeyReused,
                "This Idempotency-Key was used for another request.",
                "This Idempotency-Key was used for another request: a key names one request (the same method, path, "
                + "query and body). Send a new request with a new key."));
            return;
        }

        Replayed(logger, context.Request.Path, stored.Status);
        var response = context.Response;
        response.StatusCode = stored.Status;
        foreach (var (name, value) in stored.Headers)
        {
            response.Headers[name] = value;
        }

        response.Headers[ReplayedHeader] = "true";
        response.ContentLength = stored.Body.Length;
        await response.Body.WriteAsync(stored.Body, context.RequestAborted);
    }

    /// <summary>What makes two requests the same request: method, path, query (but its credentials), preferences and
    /// body.</summary>
    private static string Fingerprint(HttpRequest request, byte[] bodyHash)
    {
        var query = request.Query
            .Where(p => !CredentialParameters.Contains(p.Key, StringComparer.Ordinal)
                && !p.Key.StartsWith("oauth_", StringComparison.Ordinal))
            .Select(p => $"{p.Key}={p.Value}");
        var text = string.Join(
            '\n',
            request.Method,
            request.PathBase + request.Path,
            string.Join('&', query),
            request.Headers["Prefer"].ToString(),
            Convert.ToHexString(bodyHash));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Replayed the stored {Status} answer on {Path}")]
    private static partial void Replayed(ILogger logger, PathString path, int status);
}
