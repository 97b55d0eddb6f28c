using Catalog.Application.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Catalog.Api.Common;

/// <summary>
/// Endpoint metadata (an attribute on a dialect's controller) by which the dialect words whole-request errors in its
/// own shape. Without it an error is RFC 9457 problem details. Every place that answers an error outside the items (bad
/// JSON, a body of the wrong shape, a failed request-level check, an exception) goes through <see cref="Problems"/> or
/// the problem details service, and both ask for this first.
/// </summary>
public interface IRequestErrorFormat
{
    /// <summary>The status and body the dialect answers for <paramref name="error"/>.</summary>
    (int Status, object Body) Render(RequestError error);
}

/// <summary>
/// A whole-request error as Catalog sees it: status, Catalog's code (<c>MALFORMED_JSON</c>, <c>INVALID_BODY</c>, ...;
/// null for a bare status such as an unknown route), title, detail and the fields at fault.
/// </summary>
public sealed record RequestError(
    int Status, string? Code, string Title, string? Detail, IReadOnlyList<FieldError> Errors)
{
    public static RequestError From(ProblemDetails problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return new(
            problem.Status ?? StatusCodes.Status500InternalServerError,
            problem.Extensions.TryGetValue("code", out var code) ? code as string : null,
            problem.Title ?? string.Empty,
            problem.Detail,
            problem.Extensions.TryGetValue("errors", out var errors) && errors is IReadOnlyList<FieldError> fields
                ? fields
                : []);
    }
}

public static class RequestErrorFormats
{
    /// <summary>The format of the endpoint a request reached (also while its exception is handled), if any.</summary>
    public static IRequestErrorFormat? For(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var endpoint = context.GetEndpoint() ?? context.Features.Get<IExceptionHandlerFeature>()?.Endpoint;
        return endpoint?.Metadata.GetMetadata<IRequestErrorFormat>();
    }

    /// <summary>Puts the dialect writer ahead of the problem details writers, so it sees every problem first.</summary>
    public static IServiceCollection AddRequestErrorFormats(this IServiceCollection services)
    {
        services.Insert(0, ServiceDescriptor.Singleton<IProblemDetailsWriter, DialectErrorWriter>());
        return services;
    }
}

internal sealed class DialectErrorWriter(IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
    : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => RequestErrorFormats.For(context.HttpContext) is not null;

    public async ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        var (status, body) = RequestErrorFormats.For(http)!.Render(RequestError.From(context.ProblemDetails));
        http.Response.StatusCode = status;
        await http.Response.WriteAsJsonAsync(
            body, body.GetType(), json.Value.SerializerOptions, "application/json", http.RequestAborted);
    }
}
