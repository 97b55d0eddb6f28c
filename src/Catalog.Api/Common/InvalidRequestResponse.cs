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
        ArgumentNullException.ThrowIfNull(context);
        var errors = context.ModelState
            .Where(entry => entry.Value is { Errors.Count: > 0 })
            .SelectMany(entry => entry.Value!.Errors.Select(error => (Key: entry.Key, Error: error)))
            .ToList();
        var json = errors
            .Select(e => e.Error.Exception as JsonException ?? e.Error.Exception?.InnerException as JsonException)
            .FirstOrDefault(e => e is not null);
        var bodyErrors = errors
            .Where(e => e.Key.Length == 0 || e.Key.StartsWith('$') || e.Error.Exception is JsonException).ToList();
        // MVC reports a body of JSON null like an empty one; a body that has bytes was not empty.
        var noBody = errors.Any(e => e.Error.ErrorMessage.Contains("non-empty request body", StringComparison.Ordinal));
        var emptyBody = noBody && context.HttpContext.Request.Body is not { CanSeek: true, Length: > 0 };
        var nullBody = noBody && !emptyBody;
        var (code, title) = json switch
        {
            _ when emptyBody => (ErrorCodes.MalformedJson, "The request body is empty."),
            _ when nullBody => (ErrorCodes.InvalidBody, "The request body must be a JSON object."),
            { InnerException: { } inner } when inner.GetType().Name == "JsonReaderException" =>
                (ErrorCodes.MalformedJson, "The request body is not valid JSON."),
            not null => (ErrorCodes.InvalidBody, Problems.InvalidBodyTitle),
            _ when IsBodyParameterMissing(context, errors.Select(e => e.Key)) =>
                (ErrorCodes.InvalidBody, "The request body must be a JSON object."),
            _ => (ErrorCodes.ValidationFailed, "The request is not valid."),
        };

        // When the body could not be read, "the request field is required" is only an echo of that: leave it out.
        var reported = json is not null || emptyBody ? (bodyErrors.Count > 0 ? bodyErrors : errors) : errors;
        var details = nullBody
            ? [new FieldError("$", "The request body must be a JSON object, not null.")]
            : reported.Select(e => new FieldError(FieldOf(e.Key, e.Error), Message(e.Error))).ToList();
        return Problems.Result(context.HttpContext, StatusCodes.Status400BadRequest, code, title, details);
    }

    private static bool IsBodyParameterMissing(ActionContext context, IEnumerable<string> keys) =>
        context.ActionDescriptor.Parameters
            .Any(p => p.BindingInfo?.BindingSource == BindingSource.Body && keys.Contains(p.Name));

    private static string FieldOf(string key, ModelError error)
    {
        var path = error.Exception is JsonException { Path: { } jsonPath } ? jsonPath : key;
        return path switch
        {
            "" or "$" => "$",
            _ when path.StartsWith("$.", StringComparison.Ordinal) => path[2..],
            _ => path,
        };
    }

    private static string Message(ModelError error)
    {
        var message = error.Exception?.Message ?? error.ErrorMessage;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        message = cut > 0 ? message[..cut] : message;
        if (message.Contains("could not be converted to", StringComparison.Ordinal))
        {
            return $"The value has the wrong type: expected {Expected(message)}.";
        }

        var unknown = message.IndexOf("could not be mapped to any .NET member", StringComparison.Ordinal);
        return unknown > 0 ? message[..unknown] + "is not a field of this object." : message;
    }

    /// <summary>Says what JSON was expected in the client's words, not .NET's type names.</summary>
    private static string Expected(string message) => message switch
    {
        _ when Names(message, "Int") || Names(message, "Decimal") => "a number",
        _ when Names(message, "Boolean") => "true or false",
        _ when Names(message, "List") || Names(message, "[]") => "an array",
        _ when Names(message, "Dictionary") => "an object",
        _ when Names(message, "String") => "a string",
        _ when Names(message, "Status") || Names(message, "Policy") => "one of the documented values",
        _ => "an object",
    };

    private static bool Names(string message, string typeName) => message.Contains(typeName, StringComparison.Ordinal);
}
