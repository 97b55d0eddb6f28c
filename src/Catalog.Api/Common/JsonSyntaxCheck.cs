using System.Text;
using System.Text.Unicode;
using Catalog.Application.Common.Json;
using Catalog.Application.Common.Validation;
using Microsoft.Net.Http.Headers;

namespace Catalog.Api.Common;

/// <summary>
/// Reads a JSON body whole and checks it before anything binds it, the same way for every route and dialect: a body in
/// another charset is decoded to UTF-8 (one that cannot be decoded is <c>MALFORMED_JSON</c>, an unknown charset
/// <c>UNSUPPORTED_MEDIA_TYPE</c>); broken JSON or bytes that are not UTF-8 are <c>MALFORMED_JSON</c>, even where the
/// binder would first have stumbled on an unknown property and said <c>INVALID_BODY</c>; valid JSON nested deeper than
/// <see cref="JsonLimits.MaxDocumentDepth"/> is <c>JSON_TOO_DEEP</c>; a string holding a lone surrogate escape
/// (<c>"\ud800"</c>), which no parser can turn into text, or a name repeated in one object is <c>INVALID_BODY</c>
/// naming it. Runs after authorization: an unauthenticated caller learns nothing about its body.
/// </summary>
internal sealed class JsonSyntaxCheck(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!(HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method)
                || HttpMethods.IsPatch(request.Method))
            || request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) != true
            || context.GetEndpoint()?.Metadata.GetMetadata<V1.Jobs.StreamedBodyAttribute>() is not null)
        {
            await next(context);
            return;
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || EncodingOf(mediaType) is not { } encoding)
        {
            await Problems.WriteAsync(context, Problems.Create(
                StatusCodes.Status415UnsupportedMediaType,
                ErrorCodes.UnsupportedMediaType,
                "The request body's media type or charset is not supported.",
                "Send JSON in UTF-8 (Content-Type: application/json)."));
            return;
        }

        // Sized from Content-Length when it is sent (Kestrel stops a body longer than it says), so a 1 MB batch is
        // copied once rather than into a buffer that doubles its way up; capped, as the header is the client's word.
        const int LargestPresize = 16 * 1024 * 1024;
        var presize = request.ContentLength is long length && length > 0 ? (int)Math.Min(length, LargestPresize) : 0;
        var buffer = new MemoryStream(presize);
        await request.Body.CopyToAsync(buffer, context.RequestAborted);
        if (encoding.CodePage != Encoding.UTF8.CodePage)
        {
            if (ToUtf8(buffer, encoding) is not { } decoded)
            {
                var error = $"The request body cannot be decoded as {encoding.WebName}.";
                await Problems.WriteAsync(context, Malformed(error));
                return;
            }

            await buffer.DisposeAsync();
            buffer = decoded;
            mediaType.Charset = "utf-8";
            request.ContentType = mediaType.ToString();
        }

        var json = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        var problem = json.Length == 0 ? null
            : !Utf8.IsValid(json) ? Malformed("The request body is not valid UTF-8.")
            : Check(json);
        if (problem is not null)
        {
            await buffer.DisposeAsync();
            await Problems.WriteAsync(context, problem);
            return;
        }

        buffer.Position = 0;
        request.Body = buffer;
        context.Response.RegisterForDisposeAsync(buffer);
        await next(context);
    }

    /// <summary>The charset the body is in: UTF-8 when none is named; null when the named one is unknown.</summary>
    private static Encoding? EncodingOf(MediaTypeHeaderValue mediaType)
    {
        var charset = mediaType.Charset.HasValue ? mediaType.Charset.Value!.Trim('"') : null;
        if (string.IsNullOrEmpty(charset))
        {
            return mediaType.Charset.HasValue ? null : Encoding.UTF8;
        }

        try
        {
            var encoding = Encoding.GetEncoding(
                charset, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
            return encoding.CodePage == Encoding.UTF8.CodePage ? Encoding.UTF8 : encoding;
        }
        catch (Exception unknown) when (unknown is ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    private static MemoryStream? ToUtf8(MemoryStream buffer, Encoding encoding)
    {
        try
        {
            var text = encoding.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
            var utf8 = Encoding.UTF8.GetBytes(text.StartsWith('\uFEFF') ? text[1..] : text);
            return new MemoryStream(utf8, 0, utf8.Length, writable: false, publiclyVisible: true);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>Reads the whole body: its syntax, its depth, and every string that needed unescaping.</summary>
    private static Microsoft.AspNetCore.Mvc.ProblemDetails? Check(ReadOnlySpan<byte> json)
    {
        // The reader's own limit is set far beyond ours, so that valid JSON too deep is told from broken JSON.
        var options = new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 100_000 };
        var reader = new Utf8JsonReader(json, options);
        var path = new JsonPathTracker();
        var deepest = 0;
        string? invalidText = null;
        try
        {
            while (reader.Read())
            {
                path.Track(ref reader);
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    deepest = Math.Max(deepest, reader.CurrentDepth + 1);
                }
                else if (invalidText is null && reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName
                    && reader.ValueIsEscaped && JsonPathTracker.TextOf(ref reader) is null)
                {
                    invalidText = path.Current;
                }
            }
        }
        catch (JsonException exception)
        {
            return Malformed(exception.Message);
        }

        if (deepest > JsonLimits.MaxDocumentDepth)
        {
            var limit = $"JSON may nest at most {JsonLimits.MaxDocumentDepth} levels";
            return Problems.Create(
                StatusCodes.Status400BadRequest, ErrorCodes.JsonTooDeep, "The request body nests too deep.",
                $"{limit}; this body nests {deepest}.", [new FieldError("$", $"{limit}.")]);
        }

        if (path.Repeated is { } repeated)
        {
            // Parsers disagree on which of two equal names wins (and some throw), so neither is guessed at.
            const string Twice = "appears more than once in its object.";
            return Problems.InvalidBody(repeated, $"{repeated} {Twice}", $"The name {Twice}");
        }

        return invalidText is null ? null : Problems.InvalidBody(
            invalidText, $"{invalidText} {TextRule.InvalidUnicode}", $"The value {TextRule.InvalidUnicode}");
    }

    private static Microsoft.AspNetCore.Mvc.ProblemDetails Malformed(string error) => Problems.Create(
        StatusCodes.Status400BadRequest, ErrorCodes.MalformedJson, "The request body is not valid JSON.", error,
        [new FieldError("$", error)]);
}
