using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Catalog.Testing;

namespace Catalog.Api.Tests.Postman;

/// <summary>
/// The Postman collection in docs/ is documentation that runs: newman sends every request of it to the real API on a
/// real port, and every request's own assertions must hold.
/// </summary>
public sealed class PostmanCollectionTests : IAsyncLifetime, IDisposable
{
    private readonly int _port;
    private readonly SqliteApiFactory _factory;

    public PostmanCollectionTests()
    {
        _port = FreePort();
        _factory = new SqliteApiFactory { KestrelPort = _port };
    }

    public Task InitializeAsync() => _factory.InitializeAsync();

    public Task DisposeAsync() => _factory.DisposeAsync();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Collection_RunByNewman_PassesEveryAssertion()
    {
        var root = RepositoryRoot();
        var newman = Path.Combine(root, "node_modules", ".bin", "newman");
        File.Exists(newman).Should().BeTrue("newman comes from package.json: run `npm ci` at the repository root (.ci/run does)");

        var start = new ProcessStartInfo(newman,
        [
            "run", Path.Combine(root, "docs", "postman", "catalog.postman_collection.json"),
            "--env-var", $"baseUrl=http://127.0.0.1:{_port}",
            "--env-var", $"apiKey={CatalogApiFactory.WriteKey}",
            "--color", "off", "--disable-unicode",
        ])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = root,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        process.ExitCode.Should().Be(0, $"every assertion of the collection must pass:\n{await output}\n{await errors}");
        (await output).Should().Contain("assertions");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Catalog.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("Catalog.sln not found above the test folder.");
    }
}
