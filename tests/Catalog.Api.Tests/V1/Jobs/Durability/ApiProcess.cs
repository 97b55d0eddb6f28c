using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Catalog.Testing;

namespace Catalog.Api.Tests.V1.Jobs.Durability;

/// <summary>
/// The API as a process of its own (<c>dotnet Catalog.Api.dll</c>, as it runs in production), so that a test can kill
/// it outright: SIGKILL runs no shutdown, no <c>finally</c>, no rollback but the database's own.
/// </summary>
public sealed class ApiProcess : IAsyncDisposable
{
    public const string Key = "durability-test-key-0123456789";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private ApiProcess(Process process, string name, int port)
    {
        _process = process;
        Name = name;
        Client = new HttpClient
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}"),
            Timeout = TimeSpan.FromMinutes(3),
        };
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);
    }

    public string Name { get; }

    public int ProcessId => _process.Id;

    /// <summary>Talks to this instance with the bootstrap key (read and write).</summary>
    public HttpClient Client { get; }

    /// <summary>What the process wrote so far, one log entry a line.</summary>
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

    /// <summary>How many chunks of the job this instance logged as done.</summary>
    public int ChunksRun(long jobId)
    {
        var done = $"Job {jobId.ToString(CultureInfo.InvariantCulture)} chunk ";
        return Log.Split('\n').Count(line => line.Contains(done, StringComparison.Ordinal));
    }

    /// <summary>Whether the API logged an error of its own (the job worker's, a 500), not a library's.</summary>
    public bool LoggedFailure => Log.Contains(" fail: Catalog.", StringComparison.Ordinal);

    /// <summary>
    /// Starts an instance on the database and waits until it answers <c>/health</c> (it has migrated the database and
    /// provisioned <see cref="Key"/> by then). Jobs run with a short lease, so a killed instance's job is taken over
    /// soon.
    /// </summary>
    public static async Task<ApiProcess> StartAsync(
        string name, string provider, string connectionString, TimeSpan leaseDuration)
    {
        var port = TestEnvironment.FreePort();
        var dll = ApiAssembly();
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        start.ArgumentList.Add(dll);
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}",
            ["Database__Provider"] = provider,
            ["ConnectionStrings__Catalog"] = connectionString,
            ["Catalog__Auth__BootstrapKey"] = Key,
            ["Catalog__Jobs__LeaseDuration"] = leaseDuration.ToString("c", CultureInfo.InvariantCulture),
            ["Catalog__Jobs__PollInterval"] = "00:00:00.200",
            ["Logging__LogLevel__Default"] = "Information",
            ["Logging__LogLevel__Microsoft"] = "Warning",
            ["Logging__Console__FormatterOptions__SingleLine"] = "true",
        };
        foreach (var (variable, value) in environment)
        {
            start.Environment[variable] = value;
        }

        var process = new Process { StartInfo = start };
        var instance = new ApiProcess(process, name, port);
        process.OutputDataReceived += (_, e) => instance.Append(e.Data);
        process.ErrorDataReceived += (_, e) => instance.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await instance.WaitUntilHealthyAsync();
            return instance;
        }
        catch
        {
            await instance.DisposeAsync();
            throw;
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
    }

    // The test project references the API, but only the API's own output holds its runtimeconfig and appsettings.
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

    private async Task WaitUntilHealthyAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited at start:\n{Log}");
            }

            try
            {
                using var response = await Client.GetAsync(new Uri("/health", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{Name} did not answer /health within {StartTimeout}:\n{Log}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.Append(Name).Append(": ").AppendLine(line);
        }
    }
}
