using System.Text.Json;
using Catalog.Api.Common;
using Microsoft.AspNetCore.WebUtilities;

namespace Catalog.Api.Dialects.Trade;

/// <summary>
/// The trade error envelope, made from the errors the rest of Catalog decides (authentication, exceptions, bodies).
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

    public static TradeErrorResponse From(RequestError error) => error.Status switch
    {
        StatusCodes.Status401Unauthorized => Of(error.Status, null, InvalidToken),
        >= StatusCodes.Status500InternalServerError => Of(error.Status, null, InternalError),
        _ => Of(error.Status, error.Code, error.Errors.Count > 0 ? Title(error) : error.Detail ?? Title(error),
            [.. error.Errors.Select(f => new TradeFieldError(f.Field, f.Message))]),
    };

    private static string Title(RequestError error) =>
        error.Title.Length > 0 ? error.Title : ReasonPhrases.GetReasonPhrase(error.Status);
}

/// <summary>Marks a trade controller, whose whole-request errors are then answered in the trade envelope.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
internal sealed class TradeDialectAttribute : Attribute, IRequestErrorFormat
{
    public (int Status, object Body) Render(RequestError error)
    {
        var envelope = TradeErrors.From(error);
        return (envelope.Error.Status, envelope);
    }
}

/// <summary>The trade envelope for a request under /v1 that reached no endpoint (404, 405).</summary>
internal sealed class TradeProblemDetailsWriter : IProblemDetailsWriter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public bool CanWrite(ProblemDetailsContext context) =>
        RequestErrorFormats.For(context.HttpContext) is null
        && context.HttpContext.Request.Path.StartsWithSegments("/v1", StringComparison.OrdinalIgnoreCase);

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var response = context.HttpContext.Response;
        var envelope = TradeErrors.From(RequestError.From(context.ProblemDetails));
        response.StatusCode = envelope.Error.Status;
        var aborted = context.HttpContext.RequestAborted;
        return new ValueTask(response.WriteAsJsonAsync(envelope, Json, "application/json", aborted));
    }
}

public static class TradeDialect
{
    public static IServiceCollection AddTradeDialect(this IServiceCollection services)
    {
        // The problem details service asks its writers in registration order and MVC's own writer claims every
        // controller endpoint, so the trade writer goes first wherever this line stands; it claims only trade requests.
        services.Insert(0, ServiceDescriptor.Singleton<IProblemDetailsWriter, TradeProblemDetailsWriter>());
        return services;
    }
}
