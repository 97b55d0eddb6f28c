using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Catalog.Testing.Logs;

namespace Catalog.Testing;

/// <summary>
/// The API as a process of its own (<c>dotnet Catalog.Api.dll</c> from the build output of the same configuration,
/// as it runs in production) on a loopback port: a test can kill it outright (SIGKILL runs no shutdown, no
/// <c>finally</c>, no rollback but the database's own), and a benchmark can read its memory alone.
/// </summary>
public sealed class ApiProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    /// <summary>What ASP.NET Core's host logs once Kestrel has bound, followed by the port.</summary>
    private const string ListeningAt = "Now listening on: http://127.0.0.1:";

    /// <summary>The category of that line, kept at Information whatever a test sets for <c>Microsoft</c>.</summary>
    private const string ListeningLogLevel = "Logging__LogLevel__Microsoft.Hosting.Lifetime";
    private readonly Process _process;
    private readonly StringBuilder _log = new();
    private readonly StreamWriter? _logFile;
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ApiProcess(Process process, string name, HttpClient client, StreamWriter? logFile)
    {
        _process = process;
        _logFile = logFile;
        Name = name;
        Client = client;
    }

    public string Name { get; }

    public int ProcessId => _process.Id;

    /// <summary>Talks to this instance with the bootstrap key it was started with (read and write).</summary>
    public HttpClient Client { get; }

    /// <summary>What the process wrote so far, one log entry a line, each after the instance's name.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>Whether the API logged an error of its own (the job worker's, a 500), not a library's.</summary>
    public bool LoggedFailure => Log.Contains(" fail: Catalog.", StringComparison.Ordinal);

    /// <summary>The most resident memory the process has had since it started (the kernel's VmHWM).</summary>
    public long PeakRssBytes => ReadStatus("VmHWM:");

    public long RssBytes => ReadStatus("VmRSS:");

    /// <summary>Starts <see cref="PeakRssBytes"/> again from the current RSS (Linux: 5 to <c>clear_refs</c>).</summary>
    public void ResetPeakRss() =>
        File.WriteAllText($"/proc/{ProcessId.ToString(CultureInfo.InvariantCulture)}/clear_refs", "5");

    /// <summary>
    /// Starts an instance on the database and waits until it answers <c>/health</c> (it has migrated the database and
    /// provisioned <paramref name="apiKey"/> as its bootstrap key by then). <paramref name="settings"/> add to or
    /// replace the environment it gets (configuration such as <c>Catalog__Jobs__LeaseDuration</c>, runtime settings
    /// such as <c>DOTNET_gcServer</c>); with <paramref name="logFile"/> its output is also written there. A request
    /// through <see cref="Client"/> gives up after <paramref name="requestTimeout"/> (3 minutes unless given).
    /// </summary>
    public static async Task<ApiProcess> StartAsync(
        string name,
        string provider,
        string connectionString,
        string apiKey,
        IReadOnlyDictionary<string, string>? settings = null,
        string? logFile = null,
        TimeSpan? requestTimeout = null,
        CancellationToken cancellationToken = default)
    {
        LogCapture.RegisterKey(apiKey);
        // Port 0: the process binds a port no one holds and says which (ListeningAt). A port found free here and
        // handed over could be taken meanwhile by another instance, whose /health would then answer for this one.
        var start = StartInfo([], new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            [ListeningLogLevel] = "Information",
            ["Database__Provider"] = provider,
            ["ConnectionStrings__Catalog"] = connectionString,
            ["Catalog__Auth__BootstrapKey"] = apiKey,
        }.Concat(CatalogApiFactory.ProviderEnvironment(provider))
            .Concat(settings ?? new Dictionary<string, string>()));

        var client = new HttpClient { Timeout = requestTimeout ?? TimeSpan.FromMinutes(3) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        var log = logFile is null ? null : new StreamWriter(logFile) { AutoFlush = true };
        var process = new Process { StartInfo = start };
        var instance = new ApiProcess(process, name, client, log);
        process.OutputDataReceived += (_, e) => instance.Append(e.Data);
        process.ErrorDataReceived += (_, e) => instance.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await instance.WaitUntilHealthyAsync(cancellationToken);
            return instance;
        }
        catch
        {
            await instance.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Runs <c>dotnet Catalog.Api.dll</c> with <paramref name="arguments"/> (a verb, or none: a start that should
    /// fail) and the environment an instance gets, plus <paramref name="settings"/>, until it exits; answers its exit
    /// code and everything it wrote, both streams, one log entry a line.
    /// </summary>
    public static async Task<(int ExitCode, string Output)> RunToExitAsync(
        IReadOnlyList<string> arguments,
        IReadOnlyDictionary<string, string> settings,
        TimeSpan timeout,
        CancellationToken cancellationToken = default)
    {
        using var process = new Process { StartInfo = StartInfo(arguments, settings) };
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => Add(e.Data);
        process.ErrorDataReceived += (_, e) => Add(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet Catalog.Api.dll {string.Join(' ', arguments)} ran over {timeout}:\n"
                + output);
        }

        // The streams' last lines arrive after the exit; this waits for them.
        await process.WaitForExitAsync(CancellationToken.None);
        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }

        void Add(string? line)
        {
            if (line is not null)
            {
                LogCapture.Record("dotnet Catalog.Api.dll", line);
                lock (output)
                {
                    output.AppendLine(line);
                }
            }
        }
    }

    /// <summary>SIGKILL to the process and anything it started; answers once it is gone.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        Append($"---- {Name} killed ----");
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        Client.Dispose();
        _process.Dispose();
        lock (_log)
        {
            _logFile?.Dispose();
        }
    }

    private static ProcessStartInfo StartInfo(
        IReadOnlyList<string> arguments, IEnumerable<KeyValuePair<string, string>> settings)
    {
        var dll = ApiAssembly();
        var start = new ProcessStartInfo("dotnet", [dll, .. arguments])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["Logging__Console__FormatterOptions__SingleLine"] = "true",
        };
        foreach (var (variable, value) in settings)
        {
            environment[variable] = value;
        }

        foreach (var (variable, value) in environment)
        {
            start.Environment[variable] = value;
        }

        return start;
    }

    // Only the API's own output holds its runtimeconfig and appsettings (a referencing project's has neither).
    /// <summary>
    /// Runs the API's command line (<c>dotnet Catalog.Api.dll keys ...</c>) on the database, as an operator would,
    /// and answers its exit code and what it wrote to each stream.
    /// </summary>
    public static Task<(int ExitCode, string Output, string Errors)> RunCommandAsync(
        string provider, string connectionString, params string[] arguments)
    {
        var dll = ApiAssembly();
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["Database__Provider"] = provider,
            ["ConnectionStrings__Catalog"] = connectionString,
        };
        foreach (var (variable, value) in CatalogApiFactory.ProviderEnvironment(provider))
        {
            environment[variable] = value;
        }

        return TestEnvironment.RunAsync(
            "dotnet", [dll, .. arguments], TimeSpan.FromMinutes(2), environment, Path.GetDirectoryName(dll));
    }

    private static string ApiAssembly()
    {
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = framework.Parent!.Name;
        var output = Path.Combine(TestEnvironment.RepositoryRoot(), "src", "Catalog.Api", "bin", configuration);
        var dll = Path.Combine(output, framework.Name, "Catalog.Api.dll");
        return File.Exists(dll)
            ? dll
            : throw new InvalidOperationException($"{dll} is missing: build the solution first.");
    }

    private async Task WaitUntilHealthyAsync(CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (!_listening.Task.IsCompleted && deadline.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited at start:\n{Log}");
            }

            await Task.WhenAny(_listening.Task, Task.Delay(100, cancellationToken));
        }

        Client.BaseAddress = _listening.Task.IsCompleted
            ? await _listening.Task
            : throw new TimeoutException($"{Name} did not say its port within {StartTimeout}:\n{Log}");
        while (deadline.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited at start:\n{Log}");
            }

            try
            {
                using var response = await Client.GetAsync(new Uri("health", UriKind.Relative), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100, cancellationToken);
        }

        throw new TimeoutException($"{Name} did not answer /health within {StartTimeout}:\n{Log}");
    }

    private long ReadStatus(string field)
    {
        var line = File.ReadLines($"/proc/{ProcessId.ToString(CultureInfo.InvariantCulture)}/status")
            .First(l => l.StartsWith(field, StringComparison.Ordinal));
        var kilobytes = line[field.Length..].Trim().Split(' ')[0];
        return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        LogCapture.Record(Name, line);
        var at = line.IndexOf(ListeningAt, StringComparison.Ordinal);
        if (at >= 0 && !_listening.Task.IsCompleted)
        {
            var port = new string([.. line[(at + ListeningAt.Length)..].TakeWhile(char.IsAsciiDigit)]);
            _listening.TrySetResult(new Uri($"http://127.0.0.1:{port}/"));
        }

        lock (_log)
        {
            _log.Append(Name).Append(": ").AppendLine(line);
            if (_logFile?.BaseStream.CanWrite == true)
            {
                _logFile.WriteLine(line);
            }
        }
    }
}
