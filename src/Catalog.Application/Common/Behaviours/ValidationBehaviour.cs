using Catalog.Application.Common.Exceptions;

namespace Catalog.Application.Common.Behaviours;

/// <summary>
/// Runs the request-level validators (batch size, empty batch, paging bounds). A failure is a whole-request
/// error: nothing is handled. Per-item rules are the batch engine's, so that one bad item never sinks the batch.
/// </summary>
internal sealed class ValidationBehaviour<TRequest, TResponse>(IEnumerable<IValidator<TRequest>> validators)
    : IPipelineBehavior<TRequest, TResponse>
    where TRequest : IMessage
{
    public async ValueTask<TResponse> Handle(
        TRequest message, MessageHandlerDelegate<TRequest, TResponse> next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(next);
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(message, cancellationToken);
            if (!result.IsValid)
            {
                var first = result.Errors[0];
                var ofFluentValidation = first.ErrorCode.EndsWith("Validator", StringComparison.Ordinal);
                var code = string.IsNullOrEmpty(first.ErrorCode) || ofFluentValidation
                    ? ErrorCodes.ValidationFailed
                    : first.ErrorCode;
                throw new RequestValidationException(
                    code,
                    first.ErrorMessage,
                    [.. result.Errors.Select(e => new FieldError(FieldPaths.ToWire(e.PropertyName), e.ErrorMessage))]);
            }
        }

        return await next(message, cancellationToken);
    }
}
