using Catalog.Infrastructure.Auth;
using Catalog.Testing;

namespace Catalog.Benchmarks.Jobs;

/// <summary>
/// The API as the benchmark runs it: a process of its own (so that its peak RSS is its alone), logging as a deployed
/// API does plus the job worker's line per chunk, into a file beside the database.
/// </summary>
internal static class BenchApi
{
    public static async Task<(ApiProcess Api, string LogFile)> StartAsync(
        BenchDatabase database, IReadOnlyList<string> environment, CancellationToken cancellationToken) =>
        await StartAsync(database, environment, ApiKeyService.NewKey(), cancellationToken);

    /// <summary>The same, with <paramref name="apiKey"/> as its bootstrap key (for a client that sends it).</summary>
    public static async Task<(ApiProcess Api, string LogFile)> StartAsync(
        BenchDatabase database, IReadOnlyList<string> environment, string apiKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        var settings = new Dictionary<string, string>
        {
            // A deployed API logs warnings; the worker's per-chunk lines are what shows where a job's time goes.
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Catalog.Infrastructure.Jobs"] = "Information",
            ["Logging__LogLevel__LuckyPennySoftware"] = "Error",
            ["Logging__Console__FormatterName"] = "simple",
            ["Logging__Console__FormatterOptions__TimestampFormat"] = "HH:mm:ss.fff ",
        };
        foreach (var setting in environment)
        {
            var (name, value) = setting.Split('=', 2) is [var n, var v]
                ? (n, v)
                : throw new ArgumentException($"'{setting}' is not NAME=value.");
            settings[name] = value;
        }

        var logFile = Path.Combine(BenchDatabase.Folder, $"api-{database.Name}-{Guid.NewGuid():N}.log");
        var api = await ApiProcess.StartAsync(
            database.Name, database.Provider, database.ConnectionString, apiKey, settings, logFile,
            TimeSpan.FromMinutes(30), cancellationToken);
        return (api, logFile);
    }
}
