using System.Collections;
using System.Text.Json;
using Catalog.Application.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Options;

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

/// <summary>
/// <c>{"create": [null]}</c> is well-formed JSON but not a batch: each list of a request body must hold items, so a
/// null one is a 400 <c>INVALID_BODY</c> naming it (<c>create[0]</c>), before any item is looked at.
/// </summary>
internal sealed class NullItemsFilter(IOptions<JsonOptions> json) : IActionFilter
{
    public void OnActionExecuting(ActionExecutingContext context)
    {
        var naming = json.Value.JsonSerializerOptions.PropertyNamingPolicy ?? JsonNamingPolicy.SnakeCaseLower;
        var bodies = context.ActionDescriptor.Parameters
            .Where(p => p.BindingInfo?.BindingSource == BindingSource.Body)
            .Select(p => context.ActionArguments.TryGetValue(p.Name, out var value) ? value : null)
            .OfType<object>();
        var nullItems =
            from body in bodies
            from property in body.GetType().GetProperties()
            where property.PropertyType != typeof(string) && typeof(IEnumerable).IsAssignableFrom(property.PropertyType)
            let index = (property.GetValue(body) as IEnumerable)?.Cast<object?>().ToList().IndexOf(null) ?? -1
            where index >= 0
            select $"{naming.ConvertName(property.Name)}[{index}]";
        if (nullItems.FirstOrDefault() is { } field)
        {
            var error = new FieldError(field, $"{field} is null; a batch list holds items.");
            var http = context.HttpContext;
            context.Result = Problems.Result(
                http, StatusCodes.Status400BadRequest, ErrorCodes.InvalidBody, Problems.InvalidBodyTitle, [error]);
        }
    }

    public void OnActionExecuted(ActionExecutedContext context)
    {
    }
}
