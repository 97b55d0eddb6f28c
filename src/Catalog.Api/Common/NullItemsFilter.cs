using System.Collections;
using System.Text.Json;
using Catalog.Application.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Options;

namespace Catalog.Api.Common;

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
            context.Result = Problems.Result(
                context.HttpContext,
                StatusCodes.Status400BadRequest,
                ErrorCodes.InvalidBody,
                Problems.InvalidBodyTitle,
                [new FieldError(field, $"{field} is null; a batch list holds items.")]);
        }
    }

    public void OnActionExecuted(ActionExecutedContext context)
    {
    }
}
