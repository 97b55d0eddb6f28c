using Microsoft.AspNetCore.Mvc.Infrastructure;

namespace Catalog.Api.Common;

/// <summary>
/// RFC 9457 problem details with Catalog's stable <c>code</c> and, where fields are at fault, <c>errors</c>; on a
/// dialect's endpoint, the dialect's own error shape instead (see <see cref="IRequestErrorFormat"/>).
/// </summary>
public static class Problems
{
    public const string InvalidBodyTitle = "The request body does not match the expected shape.";

    public static ProblemDetails Create(
        int status, string code, string title, string? detail = null, IReadOnlyList<FieldError>? errors = null) =>
        Coded(new ProblemDetails { Status = status, Title = title, Detail = detail }, code, errors);

    /// <summary>400 <c>INVALID_BODY</c>: the body is JSON, but not of the shape expected, at one field.</summary>
    public static ProblemDetails InvalidBody(string field, string detail, string message) => Create(
        StatusCodes.Status400BadRequest, ErrorCodes.InvalidBody, InvalidBodyTitle, detail, [new(field, message)]);

    /// <summary>
    /// A problem answered as an MVC result, with the same <c>type</c> link and <c>traceId</c> the problem details
    /// service adds elsewhere; a JsonResult keeps its content type, which a controller's [Produces] would override.
    /// </summary>
    public static JsonResult Result(
        HttpContext context, int status, string code, string title, IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(errors);
        var detail = errors.Count > 0 ? errors[0].Message : null;
        if (RequestErrorFormats.For(context) is { } format)
        {
            var (dialectStatus, body) = format.Render(new RequestError(status, code, title, detail, errors));
            return new JsonResult(body) { StatusCode = dialectStatus, ContentType = "application/json" };
        }

        var factory = context.RequestServices.GetRequiredService<ProblemDetailsFactory>();
        var problem = Coded(factory.CreateProblemDetails(context, status, title, detail: detail), code, errors);
        return new JsonResult(problem) { StatusCode = status, ContentType = "application/problem+json" };
    }

    /// <summary>A bare status (no route; a method or media type a route does not take) as a problem with a code.
    /// </summary>
    public static Task WriteStatusAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var status = context.Response.StatusCode;
        var title = Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);
        return WriteAsync(context, Create(status, CodeFor(status), title));
    }

    /// <summary>The code of a status that comes without one of Catalog's own.</summary>
    public static string CodeFor(int status) => status switch
    {
        StatusCodes.Status404NotFound => ErrorCodes.RouteNotFound,
        StatusCodes.Status405MethodNotAllowed => ErrorCodes.MethodNotAllowed,
        StatusCodes.Status415UnsupportedMediaType => ErrorCodes.UnsupportedMediaType,
        StatusCodes.Status401Unauthorized => ErrorCodes.Unauthorized,
        StatusCodes.Status403Forbidden => ErrorCodes.Forbidden,
        >= StatusCodes.Status500InternalServerError => ErrorCodes.InternalError,
        _ => ErrorCodes.RequestRejected,
    };

    public static Task WriteAsync(HttpContext context, ProblemDetails problem)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(problem);
        context.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return WriteAnyAsync(context, problem);
    }

    private static async Task WriteAnyAsync(HttpContext context, ProblemDetails problem)
    {
        var writer = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        var written = await writer.TryWriteAsync(
            new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
        if (written && (context.Response.HasStarted || context.Response.ContentType is not null))
        {
            return;
        }

        // No writer wrote (the jobs routes, which are not [ApiController]s and have no dialect format, got an empty
        // 401 or 403 from the authentication handlers; every writer that writes sets the content type): the problem is
        // written here, so no error goes out empty.
        SpellTraceId(problem);
        await context.Response.WriteAsJsonAsync(
            problem, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json", context.RequestAborted);
    }

    /// <summary>
    /// The trace id under one name, <c>trace_id</c>, as every other field of the API is spelled: ASP.NET Core's
    /// problem details factory and writer add it as <c>traceId</c>, then call this (<c>CustomizeProblemDetails</c>).
    /// </summary>
    public static void SpellTraceId(ProblemDetails problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        if (problem.Extensions.Remove("traceId", out var traceId))
        {
            problem.Extensions[ProblemResponse.TraceIdName] = traceId;
        }
    }

    private static ProblemDetails Coded(ProblemDetails problem, string code, IReadOnlyList<FieldError>? errors)
    {
        problem.Extensions["code"] = code;
        if (errors is { Count: > 0 })
        {
            problem.Extensions["errors"] = errors;
        }

        return problem;
    }
}
