using Microsoft.Extensions.Logging;

namespace Catalog.Testing.Logs;

/// <summary>
/// Hands every log entry of an in-process host to <see cref="LogCapture"/>: the formatted message, each structured
/// value (a structured sink would store them apart from the message), the scopes, and the exception whole.
/// </summary>
public sealed class CapturingLoggerProvider(string source) : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(
            LogLevel logLevel,
            EventId eventId,
            TState state,
            Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            var parts = new List<string> { $"{logLevel} {category}: {formatter(state, exception)}" };
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                parts.AddRange(values.Select(v => $"{v.Key}={v.Value}"));
            }

            owner._scopes.ForEachScope((scope, all) => all.Add($"scope: {scope}"), parts);
            if (exception is not null)
            {
                parts.Add(exception.ToString());
            }

            LogCapture.Record(owner.Source, string.Join(" | ", parts));
        }
    }

    private string Source { get; } = source;
}
