using System.Diagnostics;
using System.Runtime;

namespace Catalog.Benchmarks;

/// <summary>
/// Waits, untimed, until the JIT has stopped compiling. The benchmark starts an API for every operation, path and size,
/// and code that runs once per start (the host, dependency injection, EF's model, Kestrel) is called often enough here
/// to be recompiled on the JIT's background thread, right when runs are being timed. A deployed API starts once, so
/// that work would land on a measurement and on nothing a user sees.
/// </summary>
internal static class JitQuiet
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(150);

    public static async Task WaitAsync(TimeSpan atMost, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var compiled = JitInfo.GetCompiledMethodCount();
        var quietPolls = 0;
        while (quietPolls < 2 && clock.Elapsed < atMost)
        {
            await Task.Delay(Poll, cancellationToken);
            var now = JitInfo.GetCompiledMethodCount();
            quietPolls = now == compiled ? quietPolls + 1 : 0;
            compiled = now;
        }
    }
}
