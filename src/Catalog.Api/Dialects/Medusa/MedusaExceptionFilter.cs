using Catalog.Application.Common.Exceptions;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Catalog.Api.Dialects.Medusa;

/// <summary>
/// Exceptions on a Medusa route answered in Medusa's shape rather than as problem details: a missing product is 404
/// <c>not_found</c>, a request the canonical layer refuses whole is 400 <c>invalid_data</c>, a body over the server's
/// limit 413, and anything unexpected 500 <c>unknown_error</c> (logged; the batch's transaction was rolled back).
/// </summary>
internal sealed partial class MedusaExceptionFilter(ILogger<MedusaExceptionFilter> logger) : IExceptionFilter
{
    public void OnException(ExceptionContext context)
    {
        if (context.Exception is OperationCanceledException && context.HttpContext.RequestAborted.IsCancellationRequested)
        {
            return;
        }

        context.Result = context.Exception switch
        {
            NotFoundException notFound => MedusaErrors.Result(
                StatusCodes.Status404NotFound, new MedusaError(MedusaErrors.NotFound, MedusaErrors.WithMedusaIds(notFound.Message.TrimEnd('.')))),
            RequestValidationException invalid => MedusaErrors.Invalid($"Validation error: {invalid.Message}"),
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => MedusaErrors.TooLarge(MedusaBody.MaxBytes),
            _ => Unexpected(context.Exception),
        };
        context.ExceptionHandled = true;
    }

    private Microsoft.AspNetCore.Mvc.ObjectResult Unexpected(Exception exception)
    {
        UnexpectedError(logger, exception);
        return MedusaErrors.UnexpectedError();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected error on a Medusa route")]
    private static partial void UnexpectedError(ILogger logger, Exception exception);
}
