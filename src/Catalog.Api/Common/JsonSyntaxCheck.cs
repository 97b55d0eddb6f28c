using System.Text.Json;
using Catalog.Application.Common;

namespace Catalog.Api.Common;

/// <summary>
/// Reads a JSON body whole and checks its syntax before anything binds it, so that broken JSON is always
/// <c>MALFORMED_JSON</c>, even where the binder would first have stumbled on an unknown property and said
/// <c>INVALID_BODY</c>. Runs after authorization: an unauthenticated caller learns nothing about its body.
/// </summary>
internal sealed class JsonSyntaxCheck(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!(HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method))
            || request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) != true)
        {
            await next(context);
            return;
        }

        // Sized from Content-Length when it is sent (Kestrel stops a body longer than it says), so a 1 MB batch is
        // copied once rather than into a buffer that doubles its way up; capped, as the header is the client's word.
        const int LargestPresize = 16 * 1024 * 1024;
        var buffer = new MemoryStream(request.ContentLength is long length && length > 0 ? (int)Math.Min(length, LargestPresize) : 0);
        await request.Body.CopyToAsync(buffer, context.RequestAborted);
        if (buffer.Length > 0 && SyntaxError(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)) is { } error)
        {
            await Problems.WriteAsync(context, Problems.Create(
                StatusCodes.Status400BadRequest, ErrorCodes.MalformedJson, "The request body is not valid JSON.", error, [new FieldError("$", error)]));
            return;
        }

        buffer.Position = 0;
        request.Body = buffer;
        context.Response.RegisterForDisposeAsync(buffer);
        await next(context);
    }

    private static string? SyntaxError(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        try
        {
            while (reader.Read())
            {
            }

            return null;
        }
        catch (JsonException exception)
        {
            return exception.Message;
        }
    }
}
