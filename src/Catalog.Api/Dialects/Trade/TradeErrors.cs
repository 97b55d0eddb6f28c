using System.Text.Json;
using Catalog.Application.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.WebUtilities;

namespace Catalog.Api.Dialects.Trade;

/// <summary>
/// The trade error envelope, made from the problem details the rest of Catalog produces, so that every error of a
/// trade endpoint (authentication, broken JSON, a body of the wrong shape, an unexpected failure) keeps the trade shape
/// while the one exception handler and the one authentication handler stay the only places that decide them.
/// </summary>
internal static class TradeErrors
{
    public const int MaxItems = 100;

    /// <summary>The trade API's own messages, where its documents show them.</summary>
    public const string InvalidToken = "Invalid or expired token";
    public const string InternalError = "Internal server error";
    public static readonly string BatchTooLarge = $"Batch size exceeds maximum of {MaxItems} items";

    public static TradeErrorResponse Of(
        int status, string? code, string message, IReadOnlyList<TradeFieldError>? details = null)
    {
        details = details is { Count: > 0 } ? details : null;
        var error = new TradeError { Status = status, Code = code, Message = message, Details = details };
        return new TradeErrorResponse { Message = message, Error = error };
    }

    public static TradeErrorResponse From(ProblemDetails problem, int fallbackStatus)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var status = problem.Status ?? fallbackStatus;
        if (status == StatusCodes.Status401Unauthorized)
        {
            return Of(status, null, InvalidToken);
        }

        if (status >= StatusCodes.Status500InternalServerError)
        {
            return Of(status, null, InternalError);
        }

        var code = problem.Extensions.TryGetValue("code", out var value) ? value as string : null;
        var fields = problem.Extensions.TryGetValue("errors", out var raw) ? raw as IEnumerable<FieldError> : null;
        var details = fields?.Select(f => new TradeFieldError(f.Field, f.Message)).ToList();
        var title = problem.Title ?? ReasonPhrases.GetReasonPhrase(status);
        return Of(status, code, details is { Count: > 0 } ? title : problem.Detail ?? title, details);
    }

    /// <summary>Whether the request is the trade dialect's: by its endpoint, or (404, 405) by its path, /v1.</summary>
    public static bool Serves(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var endpoint = context.GetEndpoint() ?? context.Features.Get<IExceptionHandlerFeature>()?.Endpoint;
        return endpoint?.Metadata.GetMetadata<TradeDialectAttribute>() is not null
            || context.Request.Path.StartsWithSegments("/v1", StringComparison.OrdinalIgnoreCase);
    }
}

/// <summary>
/// Marks a trade controller (its endpoints' metadata tells <see cref="TradeProblemDetailsWriter"/> whose they are) and
/// turns a problem-details result of MVC's (a body that cannot be bound, a null item) into the trade envelope.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
internal sealed class TradeDialectAttribute : Attribute, IAlwaysRunResultFilter
{
    public void OnResultExecuting(ResultExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var problem = context.Result switch
        {
            ObjectResult { Value: ProblemDetails value } => value,
            JsonResult { Value: ProblemDetails value } => value,
            _ => null,
        };
        if (problem is not null)
        {
            var envelope = TradeErrors.From(problem, StatusCodes.Status400BadRequest);
            context.Result = new JsonResult(envelope)
            {
                StatusCode = envelope.Error.Status,
                ContentType = "application/json",
            };
        }
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }
}

/// <summary>
/// Writes the problems that middleware raises on a trade endpoint (401, 403, broken JSON, 500) as the trade envelope.
/// </summary>
internal sealed class TradeProblemDetailsWriter : IProblemDetailsWriter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public bool CanWrite(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return TradeErrors.Serves(context.HttpContext);
    }

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        var envelope = TradeErrors.From(context.ProblemDetails, response.StatusCode);
        response.StatusCode = envelope.Error.Status;
        var aborted = context.HttpContext.RequestAborted;
        return new ValueTask(response.WriteAsJsonAsync(envelope, Json, "application/json", aborted));
    }
}

public static class TradeDialect
{
    /// <summary>The trade dialect's one service: the writer of its error envelope.</summary>
    public static IServiceCollection AddTradeDialect(this IServiceCollection services)
    {
        // The problem details service asks its writers in registration order and MVC's own writer claims every
        // controller endpoint, so the trade writer goes first wherever this line stands; it claims only trade requests.
        services.Insert(0, ServiceDescriptor.Singleton<IProblemDetailsWriter, TradeProblemDetailsWriter>());
        return services;
    }
}
