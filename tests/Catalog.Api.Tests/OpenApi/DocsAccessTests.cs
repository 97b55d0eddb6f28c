using Catalog.Testing;

namespace Catalog.Api.Tests.OpenApi;

/// <summary>
/// <c>Catalog:Docs:RequireKey</c>: when set, the OpenAPI document and Swagger UI need a key with the read scope, as
/// a read route does. (Unset, they are public: see <see cref="Common.SecurityHeadersTests"/>.)
/// </summary>
public abstract class DocsAccessTests(CatalogApiFactory factory) : CatalogApiTest(factory)
{
    public static TheoryData<string> DocsPaths => new() { "/openapi/v1.json", "/swagger/index.html" };

    [Theory]
    [MemberData(nameof(DocsPaths))]
    public async Task Docs_WithoutKey_Answers401Problem(string path)
    {
        using var anonymous = Factory.CreateClientWithKey(null);

        var (status, body) = await GetAsync(path, anonymous);

        status.Should().Be(401, body.Text());
        body.Str("code").Should().Be("UNAUTHORIZED");
    }

    [Theory]
    [MemberData(nameof(DocsPaths))]
    public async Task Docs_WithWrongKey_Answers401(string path)
    {
        using var stranger = Factory.CreateClientWithKey("not-a-key-of-ours");

        (await GetAsync(path, stranger)).Status.Should().Be(401);
    }

    [Theory]
    [MemberData(nameof(DocsPaths))]
    public async Task Docs_WithKeyWithoutReadScope_Answers403Problem(string path)
    {
        using var writer = Factory.CreateClientWithKey(await Factory.CreateKeyAsync("catalog:write"));

        var (status, body) = await GetAsync(path, writer);

        status.Should().Be(403, body.Text());
        body.Str("code").Should().Be("FORBIDDEN");
    }

    [Theory]
    [MemberData(nameof(DocsPaths))]
    public async Task Docs_WithReadKey_Answers200NotCached(string path)
    {
        using var reader = Factory.CreateClientWithKey(await Factory.CreateKeyAsync("catalog:read"));

        using var response = await reader.GetAsync(path);

        ((int)response.StatusCode).Should().Be(200);
        (await response.Content.ReadAsStringAsync()).Should().NotBeEmpty();
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
    }
}

public sealed class DocsRequireKeySqliteFactory : SqliteApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } =
        new Dictionary<string, string?> { ["Catalog:Docs:RequireKey"] = "true" };
}

public sealed class DocsRequireKeyPostgresFactory : PostgresApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } =
        new Dictionary<string, string?> { ["Catalog:Docs:RequireKey"] = "true" };
}

public sealed class DocsAccessTestsOnSqlite(DocsRequireKeySqliteFactory factory)
    : DocsAccessTests(factory), IClassFixture<DocsRequireKeySqliteFactory>;

public sealed class DocsAccessTestsOnPostgres(DocsRequireKeyPostgresFactory factory)
    : DocsAccessTests(factory), IClassFixture<DocsRequireKeyPostgresFactory>;
