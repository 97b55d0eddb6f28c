namespace Catalog.Api.Common;

/// <summary>
/// The body of every canonical error outside the items (RFC 9457 problem details with Catalog's <c>code</c>, the
/// fields at fault and the trace id), as the OpenAPI document describes it. The answer itself is written from
/// ASP.NET Core's <see cref="ProblemDetails"/> by <see cref="Problems"/>; this record only states its shape.
/// </summary>
public sealed record ProblemResponse(
    string? Type,
    string Title,
    int Status,
    string? Detail,
    string? Instance,
    string Code,
    IReadOnlyList<FieldError>? Errors,
    [property: JsonPropertyName(ProblemResponse.TraceIdName)] string? TraceId)
{
    public const string TraceIdName = "trace_id";
}
