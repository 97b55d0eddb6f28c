using System.Diagnostics;
using System.IO.Compression;
using System.Reflection;
using Catalog.Testing;

namespace Catalog.Client.Tests;

/// <summary>
/// The SDK's generation pipeline (docs/clients.md): the committed clients are what NSwag makes of docs/openapi.json
/// today, the TypeScript client compiles under <c>--strict</c>, and the C# client packs.
/// </summary>
public sealed class ClientGenerationTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    /// <summary>
    /// NSwag runs again here into a temporary folder, rather than trusting the build's copy: the build skips NSwag
    /// when the generated files look newer than the document, and a fresh clone's time stamps say nothing.
    /// </summary>
    [Theory]
    [InlineData("src/Catalog.Client/nswag.json", "CSharpOutput", "src/Catalog.Client/Generated/CatalogClient.g.cs")]
    [InlineData("clients/typescript/nswag.json", "TypeScriptOutput", "clients/typescript/catalog-client.ts")]
    public async Task Client_GeneratedFromTheCurrentDocument_EqualsTheCommittedCopy(
        string config, string variable, string client)
    {
        var root = TestEnvironment.RepositoryRoot();
        var folder = Directory.CreateTempSubdirectory("catalog-client-");
        try
        {
            var output = Path.Combine(folder.FullName, Path.GetFileName(client));

            var (exitCode, log, errors) = await TestEnvironment.RunAsync("dotnet",
                [NSwagCommand(), "run", Path.Combine(root, config), $"/variables:{variable}={output}"], Timeout);

            exitCode.Should().Be(0, $"NSwag must run:\n{log}\n{errors}");
            var generated = await File.ReadAllTextAsync(output);
            var committed = await CommittedAsync(root, client);
            FirstDifference(generated, committed).Should().BeNull(
                $"{client} must be regenerated from docs/openapi.json (dotnet build src/Catalog.Client) and committed");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task TypeScriptClient_CompiledByTscStrict_HasNoErrors()
    {
        var root = TestEnvironment.RepositoryRoot();
        var tsc = Path.Combine(root, "node_modules", ".bin", "tsc");
        File.Exists(tsc).Should()
            .BeTrue("typescript comes from package.json: run `npm ci` at the repository root (.ci/run does)");

        var (exitCode, output, errors) = await TestEnvironment.RunAsync(tsc,
            ["-p", Path.Combine(root, "clients", "typescript"), "--strict", "--noEmit", "--pretty", "false"], Timeout);

        exitCode.Should().Be(0, $"the generated TypeScript client must compile under --strict:\n{output}\n{errors}");
    }

    [Fact]
    public async Task Pack_OfTheBuiltClient_MakesTheNuGetPackage()
    {
        var root = TestEnvironment.RepositoryRoot();
        var sdk = typeof(CatalogApiException).Assembly;
        var configuration = sdk.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        var folder = Directory.CreateTempSubdirectory("catalog-client-pack-");
        try
        {
            // --no-build packs what the test run was built from; no build servers, so nothing outlives the command.
            var (exitCode, output, errors) = await TestEnvironment.RunAsync("dotnet",
            [
                "pack", Path.Combine(root, "src", "Catalog.Client"), "--no-build", "--disable-build-servers",
                "-c", configuration, "-o", folder.FullName, "--nologo",
            ], Timeout);

            exitCode.Should().Be(0, $"dotnet pack must succeed:\n{output}\n{errors}");
            output.Should().NotContain("warning", "the package must pack without warnings");
            var package = Directory.GetFiles(folder.FullName, "*.nupkg").Should().ContainSingle().Subject;
            Path.GetFileName(package).Should().Be($"Catalog.Client.{sdk.GetName().Version!.ToString(3)}.nupkg");
            await using var zip = await ZipFile.OpenReadAsync(package);
            zip.Entries.Select(e => e.FullName).Should().Contain("lib/net10.0/Catalog.Client.dll");
            using var nuspec = new StreamReader(zip.GetEntry("Catalog.Client.nuspec")!.Open());
            var manifest = await nuspec.ReadToEndAsync();
            manifest.Should().Contain("<id>Catalog.Client</id>").And.Contain("<description>")
                .And.NotContain("Catalog.Api", "the SDK must not depend on the server's projects");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string NSwagCommand() =>
        typeof(ClientGenerationTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "NSwagCommand").Value!;

    /// <summary>The first line where two texts differ, with both versions of it; null when they are equal.</summary>
    private static string? FirstDifference(string actual, string expected)
    {
        if (actual == expected)
        {
            return null;
        }

        var actualLines = actual.Split('\n');
        var expectedLines = expected.Split('\n');
        var common = Math.Min(actualLines.Length, expectedLines.Length);
        var line = Enumerable.Range(0, common).FirstOrDefault(i => actualLines[i] != expectedLines[i], common);
        return $"line {line + 1}: generated \"{Line(actualLines, line)}\", committed \"{Line(expectedLines, line)}\"";
    }

    private static string Line(string[] lines, int index) => index < lines.Length ? lines[index] : "(end of file)";

    /// <summary>
    /// The copy as committed (git HEAD), so that a regenerated but uncommitted file still counts as stale; the file
    /// itself where git is missing.
    /// </summary>
    private static async Task<string> CommittedAsync(string root, string path)
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", ["-C", root, "show", $"HEAD:{path}"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            var output = await git.StandardOutput.ReadToEndAsync();
            await git.WaitForExitAsync();
            if (git.ExitCode == 0)
            {
                return output;
            }
        }
        catch (System.ComponentModel.Win32Exception)
        {
        }

        return await File.ReadAllTextAsync(Path.Combine(root, path));
    }
}
