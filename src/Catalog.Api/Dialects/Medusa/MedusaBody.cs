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
        try
        {
            if (request.ContentLength > MaxBytes
                || await CopyAtMostAsync(request.Body, buffer, MaxBytes, cancellationToken) > MaxBytes)
            {
                return (null, MedusaErrors.TooLarge(MaxBytes));
            }
        }
        catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, MedusaErrors.TooLarge(MaxBytes));
        }

        if (buffer.Length == 0)
        {
            buffer.Write("{}"u8);
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
            document = JsonDocument.Parse(buffer.ToArray(), options);
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

    /// <summary>Copies up to one byte past <paramref name="limit"/>, enough to see a body over it.</summary>
    private static async Task<long> CopyAtMostAsync(
        Stream source, MemoryStream target, int limit, CancellationToken cancellationToken)
    {
        var chunk = new byte[81_920];
        int read;
        while (target.Length <= limit && (read = await source.ReadAsync(chunk, cancellationToken)) > 0)
        {
            target.Write(chunk, 0, read);
        }

        return target.Length;
    }
}
