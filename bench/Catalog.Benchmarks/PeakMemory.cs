using System.Globalization;

namespace Catalog.Benchmarks;

/// <summary>
/// This process's peak resident memory over one timed call, from Linux: writing 5 to <c>/proc/self/clear_refs</c>
/// resets the kernel's high-water mark (VmHWM) to what is resident now, and <c>/proc/self/status</c> reads it back.
/// The process holds the API and its client, so the peak is theirs together, on top of whatever the process already
/// had resident (the other paths' hosts of the same row, the managed heap the GC kept). Null where Linux's files are
/// not there or not writable.
/// </summary>
internal static class PeakMemory
{
    /// <summary>Starts a new high-water mark; answers whether it could.</summary>
    public static bool Reset() => ResetOf("self");

    /// <summary>VmHWM in bytes, or null when it cannot be read.</summary>
    public static long? PeakBytes() => PeakBytesOf("self");

    /// <summary>The same for another process of this user (the API process of the API-process mode).</summary>
    public static bool ResetOf(int processId) => ResetOf(processId.ToString(CultureInfo.InvariantCulture));

    public static long? PeakBytesOf(int processId) => PeakBytesOf(processId.ToString(CultureInfo.InvariantCulture));

    private static bool ResetOf(string process)
    {
        try
        {
            File.WriteAllText($"/proc/{process}/clear_refs", "5");
            return true;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static long? PeakBytesOf(string process)
    {
        var status = $"/proc/{process}/status";
        if (!File.Exists(status))
        {
            return null;
        }

        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        var kilobytes = line?["VmHWM:".Length..].Trim().Split(' ')[0];
        return long.TryParse(kilobytes, out var value) ? value * 1024 : null;
    }
}
