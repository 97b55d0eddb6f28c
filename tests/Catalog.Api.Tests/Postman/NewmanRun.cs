using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Catalog.Testing;

namespace Catalog.Api.Tests.Postman;

/// <summary>
/// One run of newman (pinned in package.json) over a collection, with the environment file of docs/postman and the
/// API's address and key on the command line: its exit code, what it printed, and its JSON report.
/// </summary>
internal sealed partial record NewmanRun(int ExitCode, string Output, string Errors, JsonNode Report)
{
    public static async Task<NewmanRun> RunAsync(int port, string? folder = null, string? collection = null)
    {
        var newman = Path.Combine(TestEnvironment.RepositoryRoot(), "node_modules", ".bin", "newman");
        File.Exists(newman).Should()
            .BeTrue("newman comes from package.json: run `npm ci` at the repository root (.ci/run does)");

        var report = Path.Combine(Path.GetTempPath(), $"newman-{Guid.NewGuid():N}.json");
        try
        {
            // newman 6.2.2 on Node 20 prints no warning of Node's own, so it runs plainly, with nothing silenced.
            // (Only under --pending-deprecation does Node report DEP0144, module.parent, from newman's own
            // bin/newman.js.) A collection can cause the sandbox's "Using "CryptoJS" is deprecated": see below.
            var (exitCode, output, errors) = await TestEnvironment.RunAsync(newman,
            [
                "run", collection ?? PostmanFiles.Collection,
                "--environment", PostmanFiles.Environment,
                "--env-var", $"baseUrl=http://127.0.0.1:{port}",
                "--env-var", $"apiKey={CatalogApiFactory.WriteKey}",
                .. folder is null ? Array.Empty<string>() : ["--folder", folder],
                "--reporters", "cli,json", "--reporter-json-export", report,
                "--color", "off", "--disable-unicode",
            ], TimeSpan.FromMinutes(5));
            var json = File.Exists(report) ? PostmanFiles.Read(report) : new JsonObject();
            return new NewmanRun(exitCode, output, errors, json);
        }
        finally
        {
            File.Delete(report);
        }
    }

    /// <summary>
    /// Lines of either stream that report a deprecation: Node's "DeprecationWarning" on stderr, and the Postman
    /// sandbox's warnings for legacy script globals (<c>tests[...]</c>, <c>responseBody</c>, <c>postman.*</c>,
    /// <c>CryptoJS</c>, ...), which newman prints on stdout as the script's console output.
    /// </summary>
    public IReadOnlyList<string> DeprecationLines =>
        [.. $"{Output}\n{Errors}".Split('\n').Where(line => Deprecation().IsMatch(line)).Select(line => line.Trim())];

    public long Total(string stat) => Report.Num($"run.stats.{stat}.total");

    public long Failed(string stat) => Report.Num($"run.stats.{stat}.failed");

    /// <summary>The requests that ran, each with how many assertions its test script made.</summary>
    public IReadOnlyList<(string Request, int Assertions)> AssertionsPerRequest =>
        [.. Report.Arr("run.executions").Select(execution =>
            (execution.Str("item.name")!, execution.At("assertions")?.AsArray().Count ?? 0))];

    public override string ToString() => $"newman exited with {ExitCode}\n{Output}\n{Errors}";

    [GeneratedRegex("deprecat", RegexOptions.IgnoreCase)]
    private static partial Regex Deprecation();
}
