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
    private const string ClearRefs = "/proc/self/clear_refs";
    private const string Status = "/proc/self/status";

    /// <summary>Starts a new high-water mark; answers whether it could.</summary>
    public static bool Reset()
    {
        try
        {
            File.WriteAllText(ClearRefs, "5");
            return true;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>VmHWM in bytes, or null when it cannot be read.</summary>
    public static long? PeakBytes()
    {
        if (!File.Exists(Status))
        {
            return null;
        }

        var line = File.ReadLines(Status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        var kilobytes = line?["VmHWM:".Length..].Trim().Split(' ')[0];
        return long.TryParse(kilobytes, out var value) ? value * 1024 : null;
    }
}
