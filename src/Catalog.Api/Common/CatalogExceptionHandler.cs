using Catalog.Application.Common.Exceptions;
using Catalog.Domain.Common;
using Microsoft.AspNetCore.Diagnostics;

namespace Catalog.Api.Common;

/// <summary>The one place where exceptions become problem details; an unexpected one is a 500 saying nothing.</summary>
internal sealed partial class CatalogExceptionHandler(ILogger<CatalogExceptionHandler> logger) : IExceptionHandler
{
    private const string NothingWritten =
        "Nothing of this request was written. The error was logged with the trace id.";

    private const string DatabaseDown = "The database could not be reached or could not finish this request. Nothing "
        + "of it was written: send it again after Retry-After.";

    private const string RetryAfterSeconds = "2";

    private const string AfterCommit = "The error came after this request's writes were committed: read what you sent "
        + "before retrying. The error was logged with the trace id.";

    public async ValueTask<bool> TryHandleAsync(
        HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        const string CannotProcess = "The request cannot be processed.";
        var problem = exception switch
        {
            RequestValidationException invalid => Problems.Create(
                StatusCodes.Status400BadRequest, invalid.Code, CannotProcess, invalid.Message, invalid.Errors),
            NotFoundException notFound =>
                Problems.Create(StatusCodes.Status404NotFound, ErrorCodes.NotFound, "Not found.", notFound.Message),
            V1.Jobs.UnsupportedMediaTypeException unsupported => Problems.Create(
                StatusCodes.Status415UnsupportedMediaType,
                ErrorCodes.UnsupportedMediaType,
                "The request body's media type or charset is not supported.",
                unsupported.Message),
            ConflictException conflict =>
                Problems.Create(StatusCodes.Status409Conflict, ErrorCodes.Conflict, "Conflict.", conflict.Message),
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => Problems.Create(
                StatusCodes.Status413PayloadTooLarge,
                ErrorCodes.BatchTooLarge,
                "The request body is too large.",
                exception.Message),
            BadHttpRequestException bad =>
                Problems.Create(bad.StatusCode, ErrorCodes.MalformedJson, "The request cannot be read.", bad.Message),
            // The engine answers a broken domain rule as the item's failure; one that escapes is the input's fault too.
            DomainRuleException refused => Problems.Create(
                StatusCodes.Status400BadRequest, ErrorCodes.ValidationFailed, CannotProcess, refused.Message),
            OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested => null,
            _ when httpContext.RequestServices.GetService<IDatabaseFaults>()?.IsUnavailable(exception) == true =>
                Problems.Create(
                    StatusCodes.Status503ServiceUnavailable,
                    ErrorCodes.DatabaseUnavailable,
                    "The database is unavailable.",
                    Written(httpContext) ? AfterCommit : DatabaseDown),
            _ => Problems.Create(
                StatusCodes.Status500InternalServerError,
                ErrorCodes.InternalError,
                "An unexpected error occurred.",
                Written(httpContext) ? AfterCommit : NothingWritten),
        };
        if (problem is null)
        {
            return true;
        }

        if (problem.Status == StatusCodes.Status500InternalServerError)
        {
            Unexpected(logger, exception);
        }
        else if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            // Expected while the database is away: one line, no stack trace; the client is told to come back.
            Unavailable(logger, exception.GetBaseException().Message);
            httpContext.Response.Headers.RetryAfter = RetryAfterSeconds;
        }

        await Problems.WriteAsync(httpContext, problem);
        return true;
    }

    private static bool Written(HttpContext context) =>
        context.RequestServices.GetService<RequestWrites>() is { Committed: true };

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database is unavailable: {Reason}")]
    private static partial void Unavailable(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected error")]
    private static partial void Unexpected(ILogger logger, Exception exception);
}
