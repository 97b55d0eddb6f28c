using System.Globalization;
using Catalog.Testing;
using Catalog.Testing.Postgres;
using Npgsql;

namespace Catalog.Api.Tests;

/// <summary>
/// A start that cannot go on for a cause the operator can fix ends with exit code 1 and one sentence saying what is
/// wrong and what to do, logged by Catalog.Startup, and no stack trace.
/// </summary>
public sealed class StartupFailureTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);
    private readonly string _folder = Directory.CreateTempSubdirectory("catalog-startup-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Start_UnknownProvider_ExitsOneWithOneSentence()
    {
        var output = await StartAsync(new Dictionary<string, string> { ["Database__Provider"] = "Oracle" });

        output.Should().Contain("Database:Provider is 'Oracle', which Catalog does not know: set Database__Provider to "
            + "Sqlite, Postgres or SqlServer.");
    }

    [Fact]
    public async Task Start_PostgresUnreachable_ExitsOneWithOneSentence()
    {
        var port = TestEnvironment.FreePort().ToString(CultureInfo.InvariantCulture);

        var output = await StartAsync(new Dictionary<string, string>
        {
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__Catalog"] = $"Host=127.0.0.1;Port={port};Username=catalog;Password=not-printed",
        });

        output.Should().Contain($"Catalog cannot reach its PostgreSQL database at 127.0.0.1:{port}")
            .And.Contain("start the server, or set ConnectionStrings__Catalog to one that answers.")
            .And.NotContain("not-printed");
    }

    [Fact]
    public async Task Start_PostgresWithoutHashKey_ExitsOneWithOneSentence()
    {
        var server = await PostgresServer.SharedAsync();
        var database = await server.CreateDatabaseAsync("nohashkey");
        try
        {
            var output = await StartAsync(new Dictionary<string, string>
            {
                ["Database__Provider"] = "Postgres",
                ["ConnectionStrings__Catalog"] = database,
            });

            output.Should().Contain("Catalog:Auth:HashKey is not set, and on Postgres, which several instances may "
                + "share, every instance must be given the same secret to check API keys with: set "
                + "Catalog__Auth__HashKey to what `openssl rand -base64 32` prints, on every instance");
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await server.DropDatabaseAsync(database);
        }
    }

    [Fact]
    public async Task Start_SqliteWithoutHashKey_DrawsItIntoAnOwnerOnlyFileBesideTheDatabaseAndServes()
    {
        var database = $"Data Source={Path.Combine(_folder, "catalog.db")}";

        await using (var api = await ApiProcess.StartAsync("no-setup", "Sqlite", database, "no-setup-key"))
        {
            (await api.Client.GetAsync(new Uri("/api/v1/products", UriKind.Relative))).StatusCode
                .Should().Be(System.Net.HttpStatusCode.OK);
        }

        var secret = Path.Combine(_folder, "catalog.db.hash-key");
        Convert.FromBase64String(await File.ReadAllTextAsync(secret)).Should().HaveCount(32);
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(secret).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    [Fact]
    public async Task Start_DataFolderCannotBeMade_ExitsOneWithOneSentence()
    {
        // A file where the data folder should be: no user, root included, can make the folder.
        var blocker = Path.Combine(_folder, "blocker");
        await File.WriteAllTextAsync(blocker, "not a folder");
        var data = Path.Combine(blocker, "data");

        var output = await StartAsync(new Dictionary<string, string> { ["Catalog__DataDirectory"] = data });

        output.Should().Contain($"Catalog cannot write its SQLite database {Path.Combine(data, "catalog.db")}")
            .And.Contain($"make the folder {data} writable by the user running Catalog");
    }

    [Fact]
    public async Task Start_DatabaseFileCannotBeOpened_ExitsOneWithOneSentence()
    {
        // SQLite answers a read-only data folder with error 14 (unable to open database file), and a database path
        // that is a folder with error 10 (disk I/O error): the latter whoever runs the test, root included.
        Directory.CreateDirectory(Path.Combine(_folder, "catalog.db"));

        var output = await StartAsync(new Dictionary<string, string> { ["Catalog__DataDirectory"] = _folder });

        output.Should().Contain($"Catalog cannot write its SQLite database {Path.Combine(_folder, "catalog.db")} "
            + "(SQLite Error 10: 'disk I/O error'): make the folder");
    }

    /// <summary>Starts the API, which must stop by itself: exit code 1, one Catalog.Startup line, no stack trace.
    /// </summary>
    private static async Task<string> StartAsync(Dictionary<string, string> settings)
    {
        var port = TestEnvironment.FreePort().ToString(CultureInfo.InvariantCulture);
        settings["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        settings.TryAdd("Database__Provider", "Sqlite");
        settings.TryAdd("ConnectionStrings__Catalog", string.Empty);

        var (exitCode, output) = await ApiProcess.RunToExitAsync([], settings, Timeout);

        exitCode.Should().Be(1, output);
        var lines = output.Split('\n');
        lines.Where(line => line.Contains("Catalog.Startup", StringComparison.Ordinal)).Should().ContainSingle(output);
        lines.Should().NotContain(line => line.Contains("   at ", StringComparison.Ordinal), output);
        output.Should().NotContain("Unhandled exception");
        return output;
    }
}
