using System.ComponentModel;
using System.Diagnostics;

namespace Catalog.Testing.Postgres;

/// <summary>
/// A detached shell that stops the server and deletes its folder once this process lets go of it.
/// </summary>
/// <remarks>
/// ProcessExit alone is not enough under <c>dotnet test</c>: vstest kills the test host about 100 ms
/// after the run (VSTEST_TESTHOST_SHUTDOWN_TIMEOUT), before <c>pg_ctl stop</c> and the folder delete
/// can finish, and a host killed outright runs no handler at all. The reaper waits for end-of-file on a
/// pipe whose only writer is this process, which arrives both when we close it and when we die, however
/// we die. <c>setsid -f</c> puts it in its own session so that killing our process tree or group spares it.
/// </remarks>
internal sealed class ClusterReaper
{
    // $1 root folder, $2 data folder, then the stop command. Nothing may write to stdout before the end:
    // its end-of-file is how the owner learns that the clean-up is done.
    private const string Script = """
        root=$1; data=$2; shift 2
        cat >/dev/null 2>&1
        if [ -f "$data/postmaster.pid" ]; then
          "$@" </dev/null >/dev/null 2>&1 || kill -KILL "$(head -n 1 "$data/postmaster.pid")" 2>/dev/null
        fi
        rm -rf -- "$root" 2>/dev/null
        exit 0
        """;

    private readonly Process _process;
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ClusterReaper(Process process) => _process = process;

    /// <summary>Starts the reaper, or returns null where <c>setsid</c> is missing.</summary>
    public static ClusterReaper? TryStart(string rootFolder, string dataFolder, IEnumerable<string> stopCommand)
    {
        var startInfo = new ProcessStartInfo("setsid")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            // Left inherited, it would keep the test host's stderr open after the host is gone.
            RedirectStandardError = true,
            WorkingDirectory = "/",
        };
        foreach (var argument in (string[])["-f", "/bin/sh", "-c", Script, "catalog-pg-reaper", rootFolder, dataFolder])
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var argument in stopCommand)
        {
            startInfo.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = startInfo };
        var reaper = new ClusterReaper(process);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                reaper._done.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, _) => { };
        try
        {
            process.Start();
        }
        catch (Win32Exception)
        {
            process.Dispose();
            return null;
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return reaper;
    }

    /// <summary>Tells the reaper to clean up and waits for it; false if it did not finish in time.</summary>
    public async Task<bool> ReapAsync(TimeSpan timeout)
    {
        Release();
        try
        {
            await _done.Task.WaitAsync(timeout);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>
    /// The synchronous <see cref="ReapAsync"/>, for the ProcessExit handler, where nothing can be awaited.
    /// </summary>
    public bool Reap(TimeSpan timeout)
    {
        Release();
        return _done.Task.Wait(timeout);
    }

    private void Release()
    {
        try
        {
            _process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The reaper is already gone; so is its pipe.
        }
    }
}
