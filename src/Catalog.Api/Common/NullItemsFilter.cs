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
        foreach (var body in bodies)
        {
            foreach (var property in body.GetType().GetProperties())
            {
                if (property.PropertyType == typeof(string)
                    || !typeof(IEnumerable).IsAssignableFrom(property.PropertyType)
                    || property.GetValue(body) is not IEnumerable items)
                {
                    continue;
                }

                var index = 0;
                foreach (var item in items)
                {
                    if (item is null)
                    {
                        var field = $"{naming.ConvertName(property.Name)}[{index}]";
                        var message = $"{field} is null; a batch list holds items.";
                        context.Result = Problems.Result(
                            context.HttpContext,
                            StatusCodes.Status400BadRequest,
                            ErrorCodes.InvalidBody,
                            "The request body does not match the expected shape.",
                            [new FieldError(field, message)]);
                        return;
                    }

                    index++;
                }
            }
        }
    }

    public void OnActionExecuted(ActionExecutedContext context)
    {
    }
}
