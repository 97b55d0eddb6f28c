using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Catalog.Infrastructure.Auth;

namespace Catalog.Benchmarks.Jobs;

/// <summary>
/// The API as a process of its own (the build output of src/Catalog.Api, started with <c>dotnet</c>), so that its
/// memory is its alone: peak RSS is the kernel's VmHWM for that process. Its console log (warnings, and the job
/// worker's line per chunk) goes to a file.
/// </summary>
internal sealed class ApiProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly Process _process;
    private readonly StreamWriter _log;

    private ApiProcess(Process process, StreamWriter log, string logFile, HttpClient client)
    {
        _process = process;
        _log = log;
        LogFile = logFile;
        Client = client;
    }

    public HttpClient Client { get; }

    public string LogFile { get; }

    /// <summary>The most resident memory the process has had since it started (VmHWM).</summary>
    public long PeakRssBytes => ReadStatus("VmHWM:");

    public long RssBytes => ReadStatus("VmRSS:");

    public static async Task<ApiProcess> StartAsync(
        BenchDatabase database, IReadOnlyList<string> environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        var port = FreePort();
        var apiKey = ApiKeyService.NewKey();
        var folder = ApiFolder();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(folder, "Catalog.Api.dll")])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Database__Provider"] = database.Provider,
            ["ConnectionStrings__Catalog"] = database.ConnectionString,
            ["Catalog__Auth__BootstrapKey"] = apiKey,
            // A deployed API logs warnings; the worker's per-chunk lines are what shows where a job's time goes.
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Catalog.Infrastructure.Jobs"] = "Information",
            ["Logging__LogLevel__LuckyPennySoftware"] = "Error",
            ["Logging__Console__FormatterName"] = "simple",
            ["Logging__Console__FormatterOptions__SingleLine"] = "true",
            ["Logging__Console__FormatterOptions__TimestampFormat"] = "HH:mm:ss.fff ",
        };
        foreach (var setting in environment)
        {
            var (name, value) = setting.Split('=', 2) is [var n, var v]
                ? (n, v)
                : throw new ArgumentException($"'{setting}' is not NAME=value.");
            settings[name] = value;
        }

        foreach (var (name, value) in settings)
        {
            start.Environment[name] = value;
        }

        var logFile = Path.Combine(BenchDatabase.Folder, $"api-{database.Name}-{Guid.NewGuid():N}.log");
        var log = new StreamWriter(logFile) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var client = new HttpClient
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/"),
            Timeout = TimeSpan.FromMinutes(30),
        };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        var api = new ApiProcess(process, log, logFile, client);
        try
        {
            await api.WaitUntilHealthyAsync(cancellationToken);
            return api;
        }
        catch
        {
            await api.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        lock (_log)
        {
            _log.Dispose();
        }
    }

    private async Task WaitUntilHealthyAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The API exited with {_process.ExitCode}; see {LogFile}.");
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

            if (clock.Elapsed > StartTimeout)
            {
                throw new TimeoutException($"The API did not answer /health within {StartTimeout}; see {LogFile}.");
            }

            await Task.Delay(200, cancellationToken);
        }
    }

    /// <summary>The API's build output of the same configuration as this benchmark's (bin/Release/net10.0).</summary>
    private static string ApiFolder()
    {
        var own = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var (framework, configuration) = (own.Name, own.Parent!.Name);
        var root = own;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Catalog.sln")))
        {
            root = root.Parent;
        }

        var folder = Path.Combine(
            root?.FullName ?? throw new InvalidOperationException("Catalog.sln not found above the benchmark."),
            "src", "Catalog.Api", "bin", configuration, framework);
        return File.Exists(Path.Combine(folder, "Catalog.Api.dll"))
            ? folder
            : throw new InvalidOperationException($"No Catalog.Api.dll in {folder}: build the API first.");
    }

    private long ReadStatus(string field)
    {
        var line = File.ReadLines($"/proc/{_process.Id.ToString(CultureInfo.InvariantCulture)}/status")
            .First(l => l.StartsWith(field, StringComparison.Ordinal));
        var kilobytes = line[field.Length..].Trim().Split(' ')[0];
        return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            if (log.BaseStream.CanWrite)
            {
                log.WriteLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
