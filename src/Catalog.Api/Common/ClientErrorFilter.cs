using Catalog.Application.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Catalog.Api.Common;

/// <summary>
/// MVC answers a request its action cannot take (a media type no input formatter reads, say) with a bare problem of
/// its own, which has no <c>code</c> and bypasses the dialects' error shapes. This gives it the code that
/// <see cref="Problems.CodeFor"/> gives a bare status, and words it in the endpoint's dialect, as every other
/// whole-request error is.
/// </summary>
internal sealed class ClientErrorFilter : IAlwaysRunResultFilter
{
    public void OnResultExecuting(ResultExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Result is not ObjectResult { Value: ProblemDetails { Status: >= 400 } problem }
            || problem.Extensions.ContainsKey("code"))
        {
            return;
        }

        var status = problem.Status!.Value;
        problem.Extensions["code"] = Problems.CodeFor(status);
        if (RequestErrorFormats.For(context.HttpContext) is { } format)
        {
            var (dialectStatus, body) = format.Render(RequestError.From(problem));
            context.Result = new JsonResult(body) { StatusCode = dialectStatus, ContentType = "application/json" };
        }
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }
}
