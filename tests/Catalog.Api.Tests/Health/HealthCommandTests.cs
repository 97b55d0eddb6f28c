using System.Globalization;
using System.Text.Json.Nodes;
using Catalog.Testing;
using Catalog.Testing.Postgres;
using Microsoft.Data.Sqlite;

namespace Catalog.Api.Tests.Health;

/// <summary>
/// <c>dotnet Catalog.Api.dll health</c>, the Dockerfile's HEALTHCHECK, against real API processes; and
/// <c>/health/ready</c> of a process whose database goes away.
/// </summary>
public sealed class HealthCommandTests
{
    private const string Key = "health-test-key-0123456789";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Health_InstanceReady_ExitsZero()
    {
        var file = Path.Combine(Path.GetTempPath(), $"catalog-health-{Guid.NewGuid():N}.db");
        try
        {
            var connectionString = new SqliteConnectionStringBuilder { DataSource = file }.ToString();
            await using var api = await ApiProcess.StartAsync("health", "Sqlite", connectionString, Key);

            var (exitCode, output) = await HealthAsync(api.Client.BaseAddress!);

            exitCode.Should().Be(0, output);
            output.Should().Contain("/health/ready: 200");
        }
        finally
        {
            foreach (var path in new[] { file, file + "-wal", file + "-shm", file + ".hash-key" })
            {
                File.Delete(path);
            }
        }
    }

    [Fact]
    public async Task Health_NothingListens_ExitsOne()
    {
        var closed = new Uri($"http://127.0.0.1:{TestEnvironment.FreePort().ToString(CultureInfo.InvariantCulture)}/");

        var (exitCode, output) = await HealthAsync(closed);

        exitCode.Should().Be(1, output);
        output.Should().Contain("no answer");
    }

    [Fact]
    public async Task Ready_PostgresDatabaseDropped_Answers503NamingTheDatabaseAndHealthExitsOne()
    {
        var server = await PostgresServer.SharedAsync();
        var connectionString = await server.CreateDatabaseAsync("health");
        await using var api = await ApiProcess.StartAsync("health", "Postgres", connectionString, Key);
        (await ReadAsync(api, "health/ready")).Status.Should().Be(200);

        await server.DropDatabaseAsync(connectionString);

        var (status, body) = await ReadAsync(api, "health/ready");
        status.Should().Be(503, body.Text());
        body.Str("checks.database.status").Should().Be("unhealthy");
        body.Str("checks.database.description").Should().StartWith("The database does not answer");
        (await ReadAsync(api, "health/live")).Status.Should().Be(200);
        (await HealthAsync(api.Client.BaseAddress!)).ExitCode.Should().Be(1);
    }

    /// <summary>Runs the verb as the Docker image does: the address comes from the environment.</summary>
    private static Task<(int ExitCode, string Output)> HealthAsync(Uri instance) =>
        ApiProcess.RunToExitAsync(
            ["health"],
            new Dictionary<string, string> { ["ASPNETCORE_URLS"] = instance.GetLeftPart(UriPartial.Authority) },
            Timeout);

    private static async Task<(int Status, JsonNode? Body)> ReadAsync(ApiProcess api, string path)
    {
        using var response = await api.Client.GetAsync(new Uri(path, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }
}
