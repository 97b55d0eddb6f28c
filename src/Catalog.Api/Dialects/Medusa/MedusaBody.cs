using System.Text.Json.Nodes;
using Catalog.Application.Common.Json;

namespace Catalog.Api.Dialects.Medusa;

/// <summary>
/// Reads a Medusa batch's <c>fields</c> and whole body and checks them before anything runs: at most 2 MB (else 413),
/// JSON (an empty body is an empty batch), the contract's shape (400 <c>invalid_data</c>); only then binds it.
/// </summary>
internal static class MedusaBody
{
    /// <summary>Medusa's <c>DEFAULT_BATCH_ENDPOINTS_SIZE_LIMIT</c>, "2mb".</summary>
    public const int MaxBytes = 2 * 1024 * 1024;

    private static readonly JsonSerializerOptions Json = CatalogJson.Create();

    private static readonly byte[] EmptyObject = "{}"u8.ToArray();

    public static Task<(T? Body, string? Fields, ObjectResult? Error)> ReadAsync<T>(
        HttpRequest request, CancellationToken cancellationToken)
        where T : class => ReadAsync<T>(request, typeof(T), null, cancellationToken);

    /// <summary>
    /// A body checked against <paramref name="schema"/> and bound as <typeparamref name="T"/>, with <c>id</c> set to
    /// <paramref name="id"/> when given: a single-item route's body is its batch item without the id, which the
    /// route's path names.
    /// </summary>
    public static async Task<(T? Body, string? Fields, ObjectResult? Error)> ReadAsync<T>(
        HttpRequest request, Type schema, string? id, CancellationToken cancellationToken)
        where T : class
    {
        var (fields, queryError) = MedusaQuery.Select(request.Query);
        var (body, bodyError) = queryError is null
            ? await ReadBodyAsync<T>(request, schema, id, cancellationToken)
            : default;
        return (body, fields, queryError ?? bodyError);
    }

    private static async Task<(T? Body, ObjectResult? Error)> ReadBodyAsync<T>(
        HttpRequest request, Type schema, string? id, CancellationToken cancellationToken)
        where T : class
    {
        using var buffer = new MemoryStream();
        ReadOnlyMemory<byte> json;
        try
        {
            if (await BytesAsync(request, buffer, cancellationToken) is not { Length: <= MaxBytes } read)
            {
                return (null, MedusaErrors.TooLarge(MaxBytes));
            }

            json = read;
        }
        catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, MedusaErrors.TooLarge(MaxBytes));
        }

        if (json.IsEmpty)
        {
            json = EmptyObject;
        }
        else if (request.ContentType is not { } type || !type.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            const string NotJson = "Validation error: the body must be sent as Content-Type: application/json";
            return (null, MedusaErrors.Invalid(NotJson));
        }

        JsonDocument document;
        try
        {
            var options = new JsonDocumentOptions { MaxDepth = JsonLimits.MaxDocumentDepth };
            document = JsonDocument.Parse(json, options);
        }
        catch (JsonException malformed)
        {
            return (null, MedusaErrors.Invalid($"The body is not valid JSON: {malformed.Message}"));
        }

        using (document)
        {
            var issues = MedusaBodyCheck.Validate(document.RootElement, schema);
            if (issues.Count > 0)
            {
                return (null, MedusaErrors.Invalid(issues));
            }

            try
            {
                if (id is null)
                {
                    return (document.RootElement.Deserialize<T>(Json), null);
                }

                var node = JsonNode.Parse(document.RootElement.GetRawText())!.AsObject();
                node["id"] = id;
                return (node.Deserialize<T>(Json), null);
            }
            catch (JsonException unreadable)
            {
                // The check above matches the contract: this is a value it let through but the binder cannot hold.
                return (null, MedusaErrors.Invalid($"Validation error: {unreadable.Message}"));
            }
        }
    }

    /// <summary>
    /// The body's bytes, or at least its first <see cref="MaxBytes"/> and one more when it is longer (null when its
    /// <c>Content-Length</c> says so: it is not read). A JSON body lies read whole in memory already
    /// (<see cref="Common.JsonSyntaxCheck"/>): it is read where it lies, not copied twice more (a batch body runs to a
    /// megabyte). Another is copied into <paramref name="buffer"/>.
    /// </summary>
    private static async Task<ReadOnlyMemory<byte>?> BytesAsync(
        HttpRequest request, MemoryStream buffer, CancellationToken cancellationToken)
    {
        if (request.Body is MemoryStream read && read.TryGetBuffer(out var whole))
        {
            return whole.AsMemory(checked((int)read.Position));
        }

        if (request.ContentLength > MaxBytes)
        {
            return null;
        }

        var chunk = new byte[81_920];
        int count;
        while (buffer.Length <= MaxBytes && (count = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, count);
        }

        return buffer.GetBuffer().AsMemory(0, checked((int)buffer.Length));
    }
}
