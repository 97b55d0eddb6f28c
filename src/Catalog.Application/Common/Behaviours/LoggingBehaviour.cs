using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Catalog.Application.Common.Behaviours;

/// <summary>Logs each request's name and duration; never its body, which carries prices and customer data.</summary>
internal sealed partial class LoggingBehaviour<TRequest, TResponse>(
    ILogger<LoggingBehaviour<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
    where TRequest : IMessage
{
    public async ValueTask<TResponse> Handle(
        TRequest message, MessageHandlerDelegate<TRequest, TResponse> next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(next);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next(message, cancellationToken);
            if (logger.IsEnabled(LogLevel.Information))
            {
                var summary = response is IHasSummary { Summary: var s }
                    ? $" {s.Succeeded}/{s.Total} succeeded"
                    : string.Empty;
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                Handled(typeof(TRequest).Name, elapsed, summary);
            }

            return response;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            Failed(typeof(TRequest).Name, elapsed, exception.GetType().Name);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Request} handled in {ElapsedMs:F1} ms{Summary}")]
    private partial void Handled(string request, double elapsedMs, string summary);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Request} failed after {ElapsedMs:F1} ms with {Exception}")]
    private partial void Failed(string request, double elapsedMs, string exception);
}
