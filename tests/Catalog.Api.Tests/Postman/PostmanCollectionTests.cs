using System.Text.Json.Nodes;
using Catalog.Testing;

namespace Catalog.Api.Tests.Postman;

/// <summary>
/// The Postman collection in docs/ is documentation that runs: newman sends its requests to the real API on a real
/// port, with the environment file a user imports, and every request's own assertions must hold. Each test has an API
/// and a database of its own, so that each folder is also run alone on a fresh database, as a user of the Postman app
/// may run it.
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

    public static TheoryData<string> Folders => [.. PostmanFiles.Folders];

    public Task InitializeAsync() => _factory.InitializeAsync();

    public Task DisposeAsync() => _factory.DisposeAsync();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Collection_RunWhole_PassesEveryAssertionWithoutDeprecationWarning()
    {
        var run = await NewmanRun.RunAsync(_port);

        ShouldHavePassed(run, PostmanFiles.CountRequests());
    }

    [Theory]
    [MemberData(nameof(Folders))]
    public async Task Folder_RunAloneOnFreshDatabase_PassesEveryAssertion(string folder)
    {
        var run = await NewmanRun.RunAsync(_port, folder);

        ShouldHavePassed(run, PostmanFiles.CountRequests(folder));
    }

    [Fact]
    public async Task DeprecationCheck_ScriptWithLegacyGlobals_IsCaught()
    {
        var legacy = Path.Combine(Path.GetTempPath(), $"legacy-{Guid.NewGuid():N}.postman_collection.json");
        await File.WriteAllTextAsync(legacy, LegacyCollection().ToJsonString());
        try
        {
            var run = await NewmanRun.RunAsync(_port, collection: legacy);

            run.ExitCode.Should().Be(0, run.ToString());
            run.DeprecationLines.Should().Contain(line => line.Contains("\"tests\" is deprecated"), run.ToString());
        }
        finally
        {
            File.Delete(legacy);
        }
    }

    private static void ShouldHavePassed(NewmanRun run, int requests)
    {
        run.ExitCode.Should().Be(0, $"every assertion of the collection must pass:\n{run}");
        run.DeprecationLines.Should().BeEmpty($"newman must print no deprecation warning:\n{run}");
        // At least: the Jobs folder's reads first poll their job with pm.sendRequest, which newman counts too.
        run.Total("requests").Should().BeGreaterThanOrEqualTo(requests, "every request of the run is sent");
        run.Failed("requests").Should().Be(0, run.ToString());
        run.Failed("prerequestScripts").Should().Be(0, run.ToString());
        run.Failed("testScripts").Should().Be(0, run.ToString());
        run.Total("assertions").Should().BeGreaterThanOrEqualTo(requests, run.ToString());
        run.Failed("assertions").Should().Be(0, run.ToString());
        var asserted = run.AssertionsPerRequest.GroupBy(r => r.Request)
            .Select(g => (Request: g.Key, Assertions: g.Max(r => r.Assertions))).ToList();
        asserted.Should().HaveCount(requests)
            .And.OnlyContain(request => request.Assertions > 0, "every request asserts its status and answer");
    }

    /// <summary>One request whose test script uses the sandbox's legacy globals, as old collections did.</summary>
    private static JsonObject LegacyCollection() => new()
    {
        ["info"] = new JsonObject
        {
            ["name"] = "Legacy",
            ["schema"] = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json",
        },
        ["item"] = new JsonArray(new JsonObject
        {
            ["name"] = "No key",
            ["request"] = new JsonObject { ["method"] = "GET", ["url"] = "{{baseUrl}}/api/v1/products" },
            ["event"] = new JsonArray(new JsonObject
            {
                ["listen"] = "test",
                ["script"] = new JsonObject
                {
                    ["type"] = "text/javascript",
                    ["exec"] = new JsonArray("tests['401'] = responseCode.code === 401;"),
                },
            }),
        }),
    };
}
