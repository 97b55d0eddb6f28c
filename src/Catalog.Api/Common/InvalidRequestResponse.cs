using System.Text.Json;
using Catalog.Application.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Catalog.Api.Common;

/// <summary>
/// What a body or query that cannot be bound gets: 400 with <c>MALFORMED_JSON</c> when the JSON itself is broken, and
/// <c>INVALID_BODY</c> (wrong type, unknown property) or <c>VALIDATION_FAILED</c> (a bad query value) naming the field.
/// </summary>
internal static class InvalidRequestResponse
{
    public static IActionResult Create(ActionContext context)
    {
        var errors = context.ModelState
            .Where(entry => entry.Value is { Errors.Count: > 0 })
            .SelectMany(entry => entry.Value!.Errors.Select(error => (Field: FieldOf(entry.Key), Error: error)))
            .ToList();
        var json = errors.Select(e => e.Error.Exception as JsonException ?? e.Error.Exception?.InnerException as JsonException).FirstOrDefault(e => e is not null);
        var emptyBody = errors.Any(e => e.Error.ErrorMessage.Contains("non-empty request body", StringComparison.Ordinal));
        var (code, title) = json switch
        {
            _ when emptyBody => (ErrorCodes.MalformedJson, "The request body is empty."),
            { InnerException: { } inner } when inner.GetType().Name == "JsonReaderException" => (ErrorCodes.MalformedJson, "The request body is not valid JSON."),
            not null => (ErrorCodes.InvalidBody, "The request body does not match the expected shape."),
            _ => (ErrorCodes.ValidationFailed, "The request is not valid."),
        };
        var details = errors.Select(e => new FieldError(e.Field, Message(e.Error))).ToList();
        var problem = Problems.Create(StatusCodes.Status400BadRequest, code, title, details.FirstOrDefault()?.Message, details);
        return new BadRequestObjectResult(problem) { ContentTypes = { "application/problem+json" } };
    }

    private static string FieldOf(string key) => key.StartsWith("$.", StringComparison.Ordinal) ? key[2..] : key.TrimStart('$');

    private static string Message(ModelError error)
    {
        var message = error.Exception?.Message ?? error.ErrorMessage;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
