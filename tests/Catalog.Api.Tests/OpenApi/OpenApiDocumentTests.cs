using System.Diagnostics;
using System.Text.Json.Nodes;
using Catalog.Testing;

namespace Catalog.Api.Tests.OpenApi;

/// <summary>
/// docs/openapi.json is what the build generates and what the API serves; a stale committed copy fails here.
/// </summary>
public sealed class OpenApiDocumentTests(SqliteApiFactory factory) : IClassFixture<SqliteApiFactory>
{
    [Fact]
    public async Task Document_Served_EqualsTheCommittedDocsCopy()
    {
        using var client = factory.CreateClient();
        var served = Normalize(JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!);

        var committed = Normalize(JsonNode.Parse(await CommittedDocumentAsync())!);

        JsonNode.DeepEquals(served, committed).Should().BeTrue(
            "docs/openapi.json must be regenerated (build src/Catalog.Api) and committed after an API change");
    }

    [Fact]
    public async Task Document_Served_DescribesEveryCanonicalBatchEndpoint()
    {
        using var client = factory.CreateClient();
        var paths = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!["paths"]!.AsObject();

        paths.Select(p => p.Key).Should().Contain([
            "/api/v1/products/batch", "/api/v1/products/{productId}/variants/batch", "/api/v1/categories/batch",
            "/api/v1/attributes/batch", "/api/v1/products", "/api/v1/products/{id}", "/api/v1/variants/{id}",
        ]);
        paths["/api/v1/products/batch"]!["post"]!["responses"]!.AsObject().Select(r => r.Key)
            .Should().Contain(["200", "400", "401", "403", "422"]);
    }

    [Fact]
    public async Task SwaggerUi_IsServed()
    {
        using var client = factory.CreateClient();

        var page = await client.GetStringAsync("/swagger/index.html");

        page.Should().Contain("swagger-ui");
    }

    private static JsonNode Normalize(JsonNode document)
    {
        document.AsObject().Remove("servers");
        return document;
    }

    /// <summary>
    /// The copy as committed (git HEAD), so that a regenerated but uncommitted file still counts as stale.
    /// </summary>
    private static async Task<string> CommittedDocumentAsync()
    {
        var root = TestEnvironment.RepositoryRoot();
        var fromGit = await GitShowAsync(root, "HEAD:docs/openapi.json");
        return fromGit ?? await File.ReadAllTextAsync(Path.Combine(root, "docs", "openapi.json"));
    }

    private static async Task<string?> GitShowAsync(string root, string spec)
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", ["-C", root, "show", spec])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            var output = await git.StandardOutput.ReadToEndAsync();
            await git.WaitForExitAsync();
            return git.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
