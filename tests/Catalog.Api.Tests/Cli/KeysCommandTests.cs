using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Catalog.Testing;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Api.Tests.Cli;

/// <summary>
/// <c>dotnet Catalog.Api.dll keys ...</c> as an operator runs it, a process of its own on the database of a running
/// API process: what it creates works there at once, what it revokes is refused at once, and bad usage exits 2.
/// </summary>
public abstract partial class KeysCommandTests(CatalogApiFactory factory) : CatalogApiTest(factory)
{
    [Fact]
    public async Task CreateListRevoke_AsProcesses_WorkAgainstAnApiProcessOnTheSameDatabase()
    {
        var (created, output, errors) = await KeysAsync("create", "--scopes", "catalog:read", "--name", "storefront");

        created.Should().Be(0, errors);
        var key = KeyLine().Match(output).Value;
        key.Should().StartWith("cat_", output);
        var id = IdOf().Match(output).Groups[1].Value;
        await using var api = await ApiProcess.StartAsync(
            "api", Factory.Provider, Factory.ConnectionString, CatalogApiFactory.WriteKey);
        using var reader = new HttpClient { BaseAddress = api.Client.BaseAddress };
        reader.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var read = await reader.GetAsync(new Uri("api/v1/products", UriKind.Relative));
        var write = await reader.PostAsync(
            new Uri("api/v1/products/batch", UriKind.Relative), Body(Batch.Create(new ProductBuilder())));
        var (listed, list, _) = await KeysAsync("list");
        var (revoked, _, revokeErrors) = await KeysAsync("revoke", id);
        var afterRevoke = await reader.GetAsync(new Uri("api/v1/products", UriKind.Relative));

        ((int)read.StatusCode).Should().Be(200);
        ((int)write.StatusCode).Should().Be(403);
        listed.Should().Be(0);
        list.Should().Contain("storefront").And.Contain("catalog:read").And.NotContain(key[8..]);
        revoked.Should().Be(0, revokeErrors);
        ((int)afterRevoke.StatusCode).Should().Be(401);
    }

    [Fact]
    public async Task Rotate_AsAProcess_PrintsANewKeyAndTheOldOneStopsWorking()
    {
        var (_, output, _) = await KeysAsync("create", "--scopes", "catalog:read,catalog:write", "--name", "pim");
        var oldKey = KeyLine().Match(output).Value;

        var (rotated, rotation, errors) = await KeysAsync("rotate", IdOf().Match(output).Groups[1].Value);

        rotated.Should().Be(0, errors);
        var newKey = KeyLine().Match(rotation).Value;
        newKey.Should().StartWith("cat_").And.NotBe(oldKey);
        using var old = Factory.CreateClientWithKey(oldKey);
        using var fresh = Factory.CreateClientWithKey(newKey);
        (await GetAsync("/api/v1/products", old)).Status.Should().Be(401);
        (await GetAsync("/api/v1/products", fresh)).Status.Should().Be(200);
    }

    [Theory]
    [InlineData("")]
    [InlineData("create --scopes catalog:everything --name storefront")]
    [InlineData("create --name storefront")]
    [InlineData("create --scopes catalog:read")]
    [InlineData("create --scopes catalog:read --name")]
    [InlineData("revoke abc")]
    [InlineData("list --all")]
    [InlineData("frobnicate")]
    public async Task Keys_WithBadUsage_Exits2WithAUsageLineAndCreatesNothing(string arguments)
    {
        var before = await Factory.QueryAsync(db => db.ApiKeys.CountAsync());

        var (exitCode, output, errors) =
            await KeysAsync(arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries));

        exitCode.Should().Be(2, output + errors);
        errors.Should().StartWith("usage: ");
        output.Should().BeEmpty();
        (await Factory.QueryAsync(db => db.ApiKeys.CountAsync())).Should().Be(before);
    }

    [Fact]
    public async Task Revoke_OfAnUnknownId_Exits1()
    {
        var (exitCode, _, errors) = await KeysAsync("revoke", "999");

        exitCode.Should().Be(1);
        errors.Should().Contain("999");
    }

    private Task<(int ExitCode, string Output, string Errors)> KeysAsync(params string[] arguments) =>
        ApiProcess.RunCommandAsync(Factory.Provider, Factory.ConnectionString, ["keys", .. arguments]);

    [GeneratedRegex("^cat_[A-Za-z0-9_-]{43}$", RegexOptions.Multiline)]
    private static partial Regex KeyLine();

    [GeneratedRegex(@"API key (\d+) ")]
    private static partial Regex IdOf();
}

public sealed class KeysCommandTestsOnSqlite(SqliteApiFactory f) : KeysCommandTests(f), IClassFixture<SqliteApiFactory>;

public sealed class KeysCommandTestsOnPostgres(PostgresApiFactory f)
    : KeysCommandTests(f), IClassFixture<PostgresApiFactory>;
