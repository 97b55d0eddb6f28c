using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Catalog.Testing.Postgres;

/// <summary>A PostgreSQL cluster in its own temp folder, owned by this process.</summary>
internal sealed class LocalCluster
{
    public const string SuperUser = "postgres";

    private const string FolderPrefix = "catalog-pg-";
    private const string OwnerFileName = "owner";
    private const string FallbackServiceUser = "catalogpg";
    private const int StartAttempts = 3;
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    // Durability buys nothing for a database that is deleted at exit; these make writes and startup cheap.
    private static readonly string[] Settings =
    [
        "listen_addresses = '127.0.0.1'",
        // No unix socket: its path length is limited and nothing here needs it.
        "unix_socket_directories = ''",
        "fsync = off",
        "synchronous_commit = off",
        "full_page_writes = off",
        // Parallel test classes each hold a connection pool per database.
        "max_connections = 200",
        "shared_buffers = 64MB",
        "log_min_messages = warning",
        "lc_messages = 'C'",
    ];

    private readonly PostgresBinaries _binaries;
    private readonly string? _runAsUser;
    private readonly ClusterReaper? _reaper;
    private readonly StringBuilder _toolOutput = new();
    private int _stopped;

    private LocalCluster(PostgresBinaries binaries, string? runAsUser, string rootFolder)
    {
        _binaries = binaries;
        _runAsUser = runAsUser;
        RootFolder = rootFolder;
        _reaper = ClusterReaper.TryStart(RootFolder, DataFolder, StopCommand(binaries, runAsUser, DataFolder));
    }

    public string RootFolder { get; }

    public string DataFolder => Path.Combine(RootFolder, "data");

    public string LogFile => Path.Combine(RootFolder, "postgres.log");

    public int Port { get; private set; }

    private static bool IsRoot => Environment.UserName == "root";

    public static async Task<LocalCluster> StartAsync(CancellationToken cancellationToken)
    {
        var binaries = PostgresBinaries.Find();
        var runAsUser = IsRoot ? await ResolveServiceUserAsync(cancellationToken) : null;
        var baseFolder = ChooseBaseFolder(otherUsersNeedAccess: runAsUser is not null);
        await RemoveAbandonedClustersAsync(baseFolder, binaries, runAsUser);

        var processId = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        var folderName = $"{FolderPrefix}{processId}-{Guid.NewGuid():N}";
        var rootFolder = Path.Combine(baseFolder, folderName[..(FolderPrefix.Length + 20)]);
        Directory.CreateDirectory(rootFolder);
        var cluster = new LocalCluster(binaries, runAsUser, rootFolder);

        // Registered before anything can fail, so that even a half-started server is cleaned up.
        AppDomain.CurrentDomain.ProcessExit += cluster.OnProcessExit;
        try
        {
            await File.WriteAllTextAsync(
                Path.Combine(rootFolder, OwnerFileName),
                OwnerTag(Environment.ProcessId),
                cancellationToken);
            await cluster.InitAsync(cancellationToken);
            await cluster.StartServerAsync(cancellationToken);
            return cluster;
        }
        catch
        {
            await cluster.StopAsync();
            throw;
        }
    }

    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        if (_reaper is not null && await _reaper.ReapAsync(StopTimeout))
        {
            return;
        }

        if (File.Exists(PostmasterPidFile(DataFolder)))
        {
            var result = await ProcessRunner.RunAsync(
                _binaries.PgCtl, StopArguments(DataFolder), _runAsUser, StopTimeout, CancellationToken.None);
            if (!result.Succeeded)
            {
                KillPostmaster(DataFolder);
            }
        }

        DeleteFolder(RootFolder);
    }

    /// <summary>
    /// Stops the server as a crash would (immediate mode), keeping its data and port for <see cref="ResumeAsync"/>.
    /// </summary>
    public async Task HaltAsync(CancellationToken cancellationToken)
    {
        var result = await ProcessRunner.RunAsync(
            _binaries.PgCtl, StopArguments(DataFolder), _runAsUser, StopTimeout, cancellationToken);
        Record(result);
        if (!result.Succeeded)
        {
            throw await StartFailureAsync("pg_ctl stop failed");
        }
    }

    /// <summary>Starts a halted server again, on the port it had.</summary>
    public async Task ResumeAsync(CancellationToken cancellationToken)
    {
        var result = await ProcessRunner.RunAsync(
            _binaries.PgCtl, StartArguments(), _runAsUser, ToolTimeout, cancellationToken);
        Record(result);
        if (!result.Succeeded)
        {
            throw await StartFailureAsync("pg_ctl start failed");
        }
    }

    // ProcessExit handlers are synchronous: an await here would let the runtime exit before the server stops.
    private void OnProcessExit(object? sender, EventArgs e)
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return;
        }

        if (_reaper is not null)
        {
            // Should vstest kill us while we wait, the reaper finishes the job on its own.
            _reaper.Reap(StopTimeout);
            return;
        }

        if (File.Exists(PostmasterPidFile(DataFolder)))
        {
            var result = ProcessRunner.Run(_binaries.PgCtl, StopArguments(DataFolder), _runAsUser, StopTimeout);
            if (result is not { Succeeded: true })
            {
                KillPostmaster(DataFolder);
            }
        }

        DeleteFolder(RootFolder);
    }

    private async Task InitAsync(CancellationToken cancellationToken)
    {
        if (_runAsUser is not null)
        {
            await RunToolAsync("chown", ["-R", $"{_runAsUser}:", RootFolder], runAs: null, cancellationToken);
        }

        await RunToolAsync(
            _binaries.InitDb,
            [
                "-D", DataFolder,
                "-A", "trust",
                "-U", SuperUser,
                "-E", "UTF8",
                "--locale=C",
                // Flushing every file to disk is wasted on a folder deleted at exit, and slow on real disks.
                "--no-sync",
            ],
            _runAsUser,
            cancellationToken);

        // Appended after initdb's defaults, so these win.
        await File.AppendAllLinesAsync(
            Path.Combine(DataFolder, "postgresql.conf"),
            ["", "# Catalog.Testing.Postgres: throwaway server for tests", .. Settings],
            cancellationToken);
    }

    private async Task StartServerAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            Port = FindFreePort();
            var result = await ProcessRunner.RunAsync(
                _binaries.PgCtl, StartArguments(), _runAsUser, ToolTimeout, cancellationToken);
            Record(result);
            if (result.Succeeded)
            {
                return;
            }

            // Another process may take the port between our probe and the server's bind.
            var log = await ReadLogTailAsync();
            var portTaken = log.Contains("could not bind", StringComparison.OrdinalIgnoreCase)
                || log.Contains("already in use", StringComparison.OrdinalIgnoreCase);
            if (!portTaken || attempt == StartAttempts)
            {
                throw await StartFailureAsync("pg_ctl start failed");
            }
        }
    }

    private async Task RunToolAsync(
        string fileName, IReadOnlyList<string> arguments, string? runAs, CancellationToken cancellationToken)
    {
        ProcessResult result;
        try
        {
            result = await ProcessRunner.RunAsync(fileName, arguments, runAs, ToolTimeout, cancellationToken);
        }
        catch (TimeoutException ex)
        {
            throw await StartFailureAsync(ex.Message);
        }

        Record(result);
        if (!result.Succeeded)
        {
            throw await StartFailureAsync($"{Path.GetFileName(fileName)} failed");
        }
    }

    private void Record(ProcessResult result) => _toolOutput.AppendLine(result.ToString());

    private async Task<InvalidOperationException> StartFailureAsync(string what)
    {
        var message = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"Could not start the test PostgreSQL server: {what}.").AppendLine()
            .Append(CultureInfo.InvariantCulture, $"Binaries: {_binaries.Folder} (found via {_binaries.FoundVia}); ")
            .Append(CultureInfo.InvariantCulture, $"running tools as: {_runAsUser ?? Environment.UserName}; ")
            .Append(CultureInfo.InvariantCulture, $"folder: {RootFolder}.").AppendLine()
            .AppendLine("--- tool output ---")
            .Append(_toolOutput)
            .AppendLine("--- server log (tail) ---")
            .Append(await ReadLogTailAsync())
            .AppendLine()
            .Append("To use an existing server instead, set ")
            .Append(CultureInfo.InvariantCulture, $"{PostgresServer.ExternalServerVariable} to its connection string.");
        return new InvalidOperationException(message.ToString());
    }

    private async Task<string> ReadLogTailAsync()
    {
        try
        {
            var text = await File.ReadAllTextAsync(LogFile);
            return text.Length <= 4000 ? text : text[^4000..];
        }
        catch (IOException)
        {
            return "(no log)";
        }
        catch (UnauthorizedAccessException)
        {
            return "(log not readable)";
        }
    }

    private static async Task<string> ResolveServiceUserAsync(CancellationToken cancellationToken)
    {
        // Debian's postgresql package creates this user.
        if (await UserExistsAsync(SuperUser, cancellationToken))
        {
            return SuperUser;
        }

        if (await UserExistsAsync(FallbackServiceUser, cancellationToken))
        {
            return FallbackServiceUser;
        }

        var result = await ProcessRunner.RunAsync(
            "useradd", ["--system", "--no-create-home", FallbackServiceUser], null, ToolTimeout, cancellationToken);

        // A parallel test process may have created it first; that is as good.
        return result.Succeeded || await UserExistsAsync(FallbackServiceUser, cancellationToken)
            ? FallbackServiceUser
            : throw new InvalidOperationException(
                $"PostgreSQL refuses to run as root, and there is neither a '{SuperUser}' user "
                + $"nor a way to create '{FallbackServiceUser}'. "
                + $"Install the server package (`apt-get install postgresql`, which creates '{SuperUser}'), "
                + "run the tests as a non-root user, "
                + $"or set {PostgresServer.ExternalServerVariable}.{Environment.NewLine}{result}");
    }

    private static async Task<bool> UserExistsAsync(string user, CancellationToken cancellationToken)
    {
        var result = await ProcessRunner.RunAsync("id", ["-u", user], null, ToolTimeout, cancellationToken);
        return result.Succeeded;
    }

    private static string ChooseBaseFolder(bool otherUsersNeedAccess)
    {
        var temp = Path.GetFullPath(Path.GetTempPath());
        if (!otherUsersNeedAccess)
        {
            return temp;
        }

        // The service user must be able to reach the data folder, and root's TMPDIR may sit under /root.
        for (var folder = new DirectoryInfo(temp); folder is not null; folder = folder.Parent)
        {
            if ((folder.UnixFileMode & UnixFileMode.OtherExecute) == 0)
            {
                return "/tmp";
            }
        }

        return temp;
    }

    // A test host killed without running ProcessExit leaves its server running; the next run ends it.
    private static async Task RemoveAbandonedClustersAsync(
        string baseFolder, PostgresBinaries binaries, string? runAsUser)
    {
        try
        {
            foreach (var folder in Directory.EnumerateDirectories(baseFolder, FolderPrefix + "*"))
            {
                var ownerFile = Path.Combine(folder, OwnerFileName);
                if (!File.Exists(ownerFile))
                {
                    continue;
                }

                var owner = (await File.ReadAllTextAsync(ownerFile)).Trim();
                var pidText = owner.Split('@')[0];
                if (!int.TryParse(pidText, NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                    || owner != OwnerTag(pid)
                    || IsAlive(pid))
                {
                    // Not provably ours and dead (another host sharing /tmp, or still running).
                    continue;
                }

                var dataFolder = Path.Combine(folder, "data");
                if (File.Exists(PostmasterPidFile(dataFolder)))
                {
                    var result = await ProcessRunner.RunAsync(
                        binaries.PgCtl, StopArguments(dataFolder), runAsUser, StopTimeout, CancellationToken.None);
                    if (!result.Succeeded)
                    {
                        KillPostmaster(dataFolder);
                    }
                }

                DeleteFolder(folder);
            }
        }
        catch (Exception ex)
            when (ex is IOException or UnauthorizedAccessException or InvalidOperationException or TimeoutException)
        {
            // Best effort: leftovers of other runs must never fail this one.
        }
    }

    private static string OwnerTag(int pid) =>
        $"{pid.ToString(CultureInfo.InvariantCulture)}@{Environment.MachineName}";

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private string[] StartArguments() =>
    [
        "start", "-w", "-t", "60", "-D", DataFolder, "-l", LogFile,
        "-o", $"-p {Port.ToString(CultureInfo.InvariantCulture)}",
    ];

    private static string[] StopArguments(string dataFolder) =>
        ["stop", "-D", dataFolder, "-m", "immediate", "-w", "-t", "20"];

    private static string[] StopCommand(PostgresBinaries binaries, string? runAsUser, string dataFolder) =>
        runAsUser is null
            ? [binaries.PgCtl, .. StopArguments(dataFolder)]
            : ["runuser", "-u", runAsUser, "--", binaries.PgCtl, .. StopArguments(dataFolder)];

    private static string PostmasterPidFile(string dataFolder) => Path.Combine(dataFolder, "postmaster.pid");

    // Last resort when pg_ctl cannot stop it: backends exit by themselves once the postmaster is gone.
    private static void KillPostmaster(string dataFolder)
    {
        try
        {
            var firstLine = File.ReadLines(PostmasterPidFile(dataFolder)).FirstOrDefault();
            if (int.TryParse(firstLine, NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                using var process = Process.GetProcessById(pid);
                process.Kill();
                process.WaitForExit(5000);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException
            or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Nothing more can be done; the folder is still removed.
        }
    }

    private static void DeleteFolder(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
        catch (IOException)
        {
            // A file still being written by a dying backend; one retry is enough in practice.
            Thread.Sleep(200);
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
            }
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static int FindFreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
