using System.Globalization;
using Catalog.Testing;

namespace Catalog.Api.Tests.V1.Jobs.Durability;

/// <summary>API processes as the durability tests run them: a short lease, quick polling, the worker's log.</summary>
internal static class JobInstances
{
    public const string Key = "durability-test-key-0123456789";

    /// <summary>An instance whose jobs run with <paramref name="lease"/>, so a killed one's job is taken over soon.
    /// </summary>
    public static Task<ApiProcess> StartAsync(string name, JobDatabase database, TimeSpan lease) =>
        ApiProcess.StartAsync(name, database.Provider, database.ConnectionString, Key, new Dictionary<string, string>
        {
            ["Catalog__Jobs__LeaseDuration"] = lease.ToString("c", CultureInfo.InvariantCulture),
            ["Catalog__Jobs__PollInterval"] = "00:00:00.200",
            ["Logging__LogLevel__Default"] = "Information",
            ["Logging__LogLevel__Microsoft"] = "Warning",
        });

    /// <summary>How many chunks of the job this instance logged as done.</summary>
    public static int ChunksRun(this ApiProcess instance, long jobId)
    {
        var done = $"Job {jobId.ToString(CultureInfo.InvariantCulture)} chunk ";
        return instance.Log.Split('\n').Count(line => line.Contains(done, StringComparison.Ordinal));
    }
}
