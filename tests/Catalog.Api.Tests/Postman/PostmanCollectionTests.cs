using System.Net;
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
        _port = TestEnvironment.FreePort();
        _factory = new SqliteApiFactory { KestrelPort = _port };
    }

    public Task InitializeAsync() => _factory.InitializeAsync();

    public Task DisposeAsync() => _factory.DisposeAsync();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Collection_RunByNewman_PassesEveryAssertion()
    {
        var root = TestEnvironment.RepositoryRoot();
        var newman = Path.Combine(root, "node_modules", ".bin", "newman");
        File.Exists(newman).Should()
            .BeTrue("newman comes from package.json: run `npm ci` at the repository root (.ci/run does)");

        var (exitCode, output, errors) = await TestEnvironment.RunAsync(newman,
        [
            "run", Path.Combine(root, "docs", "postman", "catalog.postman_collection.json"),
            "--env-var", $"baseUrl=http://127.0.0.1:{_port}",
            "--env-var", $"apiKey={CatalogApiFactory.WriteKey}",
            "--color", "off", "--disable-unicode",
        ], TimeSpan.FromMinutes(10));

        exitCode.Should().Be(0, $"every assertion of the collection must pass:\n{output}\n{errors}");
        output.Should().Contain("assertions");
    }
}
