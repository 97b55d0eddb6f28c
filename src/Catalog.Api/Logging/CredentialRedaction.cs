using System.Collections;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Catalog.Api.Logging;

/// <summary>
/// Keeps credentials out of every log line, whichever sink writes it. WooCommerce clients may send their consumer
/// secret in the query string (<c>?consumer_key=ck_...&amp;consumer_secret=cs_...</c>, as WooCommerce allows), and
/// ASP.NET Core's own request log (<c>Request starting ... GET /wp-json/wc/v3/products?...</c>, Information) writes the
/// query whole, before any middleware of ours runs. So the redaction sits in the logger factory itself: a message or a
/// structured value holding a consumer secret or a generated key is passed on with those characters replaced.
/// </summary>
public static partial class CredentialRedaction
{
    public const string Redacted = "[redacted]";

    /// <summary>Wraps the host's logger factory, so that every logger it makes redacts credentials.</summary>
    public static IServiceCollection AddCredentialRedaction(this IServiceCollection services)
    {
        services.Replace(ServiceDescriptor.Singleton<ILoggerFactory>(provider =>
            new RedactingLoggerFactory(ActivatorUtilities.CreateInstance<LoggerFactory>(provider))));
        return services;
    }

    /// <summary><paramref name="text"/> with every consumer secret and generated key replaced.</summary>
    public static string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return MayHoldCredential(text)
            ? GeneratedKey().Replace(SecretParameter().Replace(text, "$1=" + Redacted), "cat_" + Redacted)
            : text;
    }

    // Cheap checks first: nearly no line holds either.
    private static bool MayHoldCredential(string text) =>
        (text.Contains("secret", StringComparison.OrdinalIgnoreCase) && SecretParameter().IsMatch(text))
        || (text.Contains("cat_", StringComparison.Ordinal) && GeneratedKey().IsMatch(text));

    /// <summary>A query or form parameter whose value is a secret: WooCommerce's and OAuth's.</summary>
    [GeneratedRegex("(?i)(consumer_secret|oauth_token_secret|consumer%5Fsecret)=[^&\\s\"']*")]
    private static partial Regex SecretParameter();

    // ApiKeyService.NewKey: "cat_" and 32 random bytes in unpadded base64url.
    [GeneratedRegex("cat_[A-Za-z0-9_-]{43}")]
    private static partial Regex GeneratedKey();

    private sealed class RedactingLoggerFactory(ILoggerFactory inner) : ILoggerFactory
    {
        public ILogger CreateLogger(string categoryName) => new RedactingLogger(inner.CreateLogger(categoryName));

        public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

        public void Dispose() => inner.Dispose();
    }

    private sealed class RedactingLogger(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(
            LogLevel logLevel,
            EventId eventId,
            TState state,
            Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            if (!inner.IsEnabled(logLevel))
            {
                return;
            }

            var message = formatter(state, exception);
            var values = state as IReadOnlyList<KeyValuePair<string, object?>>;
            var holdsCredential = MayHoldCredential(message)
                || (values?.Any(v => v.Value is string s && MayHoldCredential(s)) ?? false);
            if (!holdsCredential)
            {
                inner.Log(logLevel, eventId, state, exception, formatter);
                return;
            }

            var redacted = new RedactedState(Redact(message), values);
            inner.Log(logLevel, eventId, redacted, exception, static (s, _) => s.Message);
        }
    }

    /// <summary>A log entry's state with its message and string values redacted, for structured sinks too.</summary>
    private sealed class RedactedState(string message, IReadOnlyList<KeyValuePair<string, object?>>? values)
        : IReadOnlyList<KeyValuePair<string, object?>>
    {
        private readonly KeyValuePair<string, object?>[] _values =
        [
            .. (values ?? []).Select(v =>
                v.Value is string s ? new KeyValuePair<string, object?>(v.Key, Redact(s)) : v),
        ];

        public string Message { get; } = message;

        public int Count => _values.Length;

        public KeyValuePair<string, object?> this[int index] => _values[index];

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() =>
            ((IEnumerable<KeyValuePair<string, object?>>)_values).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => Message;
    }
}
