using System.Diagnostics;
using System.Text;

namespace Catalog.Testing.Postgres;

internal sealed record ProcessResult(string CommandLine, int ExitCode, string Output)
{
    public bool Succeeded => ExitCode == 0;

    public override string ToString() =>
        $"$ {CommandLine}{Environment.NewLine}(exit code {ExitCode}){Environment.NewLine}{Output}";
}

internal static class ProcessRunner
{
    public static async Task<ProcessResult> RunAsync(
        string fileName,
        IReadOnlyList<string> arguments,
        string? runAsUser,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        var (process, output, commandLine) = Start(fileName, arguments, runAsUser);
        using (process)
        {
            using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeoutSource.CancelAfter(timeout);
            try
            {
                await process.WaitForExitAsync(timeoutSource.Token);
            }
            catch (OperationCanceledException)
            {
                Kill(process);
                cancellationToken.ThrowIfCancellationRequested();
                throw new TimeoutException(
                    $"'{commandLine}' did not finish within {timeout.TotalSeconds:0} s. "
                    + $"Output so far:{Environment.NewLine}{Snapshot(output)}");
            }

            return new ProcessResult(commandLine, process.ExitCode, Snapshot(output));
        }
    }

    // Only for the ProcessExit handler, where the runtime gives no chance to await.
    public static ProcessResult? Run(
        string fileName, IReadOnlyList<string> arguments, string? runAsUser, TimeSpan timeout)
    {
        var (process, output, commandLine) = Start(fileName, arguments, runAsUser);
        using (process)
        {
            if (!process.WaitForExit((int)timeout.TotalMilliseconds))
            {
                Kill(process);
                return null;
            }

            return new ProcessResult(commandLine, process.ExitCode, Snapshot(output));
        }
    }

    private static (Process Process, StringBuilder Output, string CommandLine) Start(
        string fileName,
        IReadOnlyList<string> arguments,
        string? runAsUser)
    {
        var startInfo = new ProcessStartInfo
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // The tools warn (or fail, for initdb) when the current folder is unreadable to the
            // user they run as, which is the case for root's usual working folders.
            WorkingDirectory = Path.GetTempPath(),
        };

        if (runAsUser is null)
        {
            startInfo.FileName = fileName;
        }
        else
        {
            // PostgreSQL refuses to run as root, so as root every tool goes through runuser.
            startInfo.FileName = "runuser";
            startInfo.ArgumentList.Add("-u");
            startInfo.ArgumentList.Add(runAsUser);
            startInfo.ArgumentList.Add("--");
            startInfo.ArgumentList.Add(fileName);
        }

        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        var commandLine = string.Join(' ', startInfo.ArgumentList.Prepend(startInfo.FileName));
        var output = new StringBuilder();
        var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);

        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            process.Dispose();
            throw new InvalidOperationException($"Could not run '{commandLine}': {ex.Message}", ex);
        }

        // CI has no stdin; a closed one keeps any tool from waiting on a prompt.
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return (process, output, commandLine);
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }
}
