namespace Catalog.Application.Common;

/// <summary>The stable, upper-snake-case codes clients switch on. Never rename one.</summary>
public static class ErrorCodes
{
    public const string ValidationFailed = "VALIDATION_FAILED";
    public const string NotFound = "NOT_FOUND";
    public const string DuplicateSku = "DUPLICATE_SKU";
    public const string DuplicateHandle = "DUPLICATE_HANDLE";
    public const string DuplicateInBatch = "DUPLICATE_IN_BATCH";
    public const string Conflict = "CONFLICT";
    public const string ReferenceNotFound = "REFERENCE_NOT_FOUND";
    public const string DuplicateOptions = RuleCodes.DuplicateOptions;
    public const string NotApplied = "NOT_APPLIED";

    public const string BatchTooLarge = "BATCH_TOO_LARGE";
    public const string EmptyBatch = "EMPTY_BATCH";
    public const string MalformedJson = "MALFORMED_JSON";
    public const string InvalidBody = "INVALID_BODY";
    public const string JsonTooDeep = "JSON_TOO_DEEP";
    public const string UnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE";
    public const string RouteNotFound = "ROUTE_NOT_FOUND";
    public const string MethodNotAllowed = "METHOD_NOT_ALLOWED";
    public const string Unauthorized = "UNAUTHORIZED";
    public const string Forbidden = "FORBIDDEN";

    /// <summary>429: the key's request rate, or the address's failed authentications, went over their limit.</summary>
    public const string RateLimited = "RATE_LIMITED";
    public const string InternalError = "INTERNAL_ERROR";

    /// <summary>The database could not serve the request (503): nothing was written; a retry may succeed.</summary>
    public const string DatabaseUnavailable = "DATABASE_UNAVAILABLE";

    /// <summary>400: the <c>Idempotency-Key</c> header is not one key of printable ASCII.</summary>
    public const string IdempotencyKeyInvalid = "IDEMPOTENCY_KEY_INVALID";

    /// <summary>409: a request with the same <c>Idempotency-Key</c> is still running; retry once it has finished.
    /// </summary>
    public const string IdempotencyKeyInUse = "IDEMPOTENCY_KEY_IN_USE";

    /// <summary>422: the <c>Idempotency-Key</c> was used before for another request (method, target or body).</summary>
    public const string IdempotencyKeyReused = "IDEMPOTENCY_KEY_REUSED";

    /// <summary>Any other status that comes without a code of its own (406, 411, ...).</summary>
    public const string RequestRejected = "REQUEST_REJECTED";

    /// <summary>Every code, for the OpenAPI document's <c>ErrorCode</c> enum.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        .. typeof(ErrorCodes).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!),
    ];
}

public sealed record FieldError(string Field, string Message);
