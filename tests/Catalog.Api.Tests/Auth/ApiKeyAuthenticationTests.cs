using Catalog.Infrastructure.Auth;
using Catalog.Testing;

namespace Catalog.Api.Tests.Auth;

/// <summary>
/// API keys: none or an unknown one is 401 UNAUTHORIZED, a key without the scope is 403 FORBIDDEN, and neither writes
/// anything.
/// </summary>
public abstract class ApiKeyAuthenticationTests(CatalogApiFactory factory) : CatalogApiTest(factory)
{
    public static TheoryData<string, string> WriteEndpoints => new()
    {
        { "POST", "/api/v1/products/batch" },
        { "PATCH", "/api/v1/products/batch" },
        { "POST", "/api/v1/products/1/variants/batch" },
        { "POST", "/api/v1/categories/batch" },
        { "POST", "/api/v1/attributes/batch" },
    };

    public static TheoryData<string> ReadEndpoints => new()
    {
        "/api/v1/products",
        "/api/v1/products/1",
        "/api/v1/variants/1",
        "/api/v1/categories",
        "/api/v1/attributes",
    };

    [Theory]
    [MemberData(nameof(WriteEndpoints))]
    public async Task Write_WithoutKey_Answers401UnauthorizedAndWritesNothing(string method, string url)
    {
        var seeded = await SeedProductAsync(new ProductBuilder().WithVariants(1));
        var before = await CountRowsAsync();
        using var anonymous = Factory.CreateClientWithKey(null);

        var (status, body) = await SendAsync(new HttpMethod(method), url, WriteBody(method, url), anonymous);

        status.Should().Be(401, body.Text());
        body.Str("code").Should().Be("UNAUTHORIZED");
        (await CountRowsAsync()).Should().Be(before);
        (await FindProductAsync(seeded.Num("id")))!.Version.Should().Be(1);
    }

    [Theory]
    [MemberData(nameof(WriteEndpoints))]
    public async Task Write_WithUnknownKey_Answers401UnauthorizedAndWritesNothing(string method, string url)
    {
        var seeded = await SeedProductAsync(new ProductBuilder().WithVariants(1));
        var before = await CountRowsAsync();
        using var stranger = Factory.CreateClientWithKey("cat_not-a-key-anyone-was-given");

        var (status, body) = await SendAsync(new HttpMethod(method), url, WriteBody(method, url), stranger);

        status.Should().Be(401, body.Text());
        body.Str("code").Should().Be("UNAUTHORIZED");
        (await CountRowsAsync()).Should().Be(before);
        (await FindProductAsync(seeded.Num("id")))!.Version.Should().Be(1);
    }

    [Theory]
    [MemberData(nameof(WriteEndpoints))]
    public async Task Write_WithReadOnlyKey_Answers403ForbiddenAndWritesNothing(string method, string url)
    {
        var seeded = await SeedProductAsync(new ProductBuilder().WithVariants(1));
        var before = await CountRowsAsync();
        using var reader = Factory.CreateClientWithKey(await Factory.CreateKeyAsync(Scopes.Read));

        var (status, body) = await SendAsync(new HttpMethod(method), url, WriteBody(method, url), reader);

        status.Should().Be(403, body.Text());
        body.Str("code").Should().Be("FORBIDDEN");
        (await CountRowsAsync()).Should().Be(before);
        (await FindProductAsync(seeded.Num("id")))!.Version.Should().Be(1);
    }

    [Theory]
    [MemberData(nameof(ReadEndpoints))]
    public async Task Read_WithWriteOnlyKey_Answers403Forbidden(string url)
    {
        using var writer = Factory.CreateClientWithKey(await Factory.CreateKeyAsync(Scopes.Write));

        var (status, body) = await GetAsync(url, writer);

        status.Should().Be(403, body.Text());
        body.Str("code").Should().Be("FORBIDDEN");
    }

    [Theory]
    [MemberData(nameof(ReadEndpoints))]
    public async Task Read_WithoutKey_Answers401Unauthorized(string url)
    {
        using var anonymous = Factory.CreateClientWithKey(null);

        var (status, body) = await GetAsync(url, anonymous);

        status.Should().Be(401, body.Text());
        body.Str("code").Should().Be("UNAUTHORIZED");
    }

    [Fact]
    public async Task Read_WithReadOnlyKey_Answers200()
    {
        var product = await SeedProductAsync(new ProductBuilder());
        using var reader = Factory.CreateClientWithKey(await Factory.CreateKeyAsync(Scopes.Read));

        var (status, body) = await GetAsync($"/api/v1/products/{product.Num("id")}", reader);

        status.Should().Be(200, body.Text());
        body.Num("id").Should().Be(product.Num("id"));
    }

    [Fact]
    public async Task Write_WithXApiKeyHeader_IsAccepted()
    {
        using var client = Factory.CreateClientWithKey(null);
        client.DefaultRequestHeaders.Add("X-Api-Key", await Factory.CreateKeyAsync(Scopes.All));

        var (status, body) = await PostAsync(ProductsBatch, Batch.Create(new ProductBuilder()), client);

        status.Should().Be(200, body.Text());
        (await CountRowsAsync()).Products.Should().Be(1);
    }

    [Fact]
    public async Task Write_WithoutKey_AnswersAWwwAuthenticateChallengeAndProblemJson()
    {
        using var anonymous = Factory.CreateClientWithKey(null);

        using var response = await anonymous.PostAsync(ProductsBatch, Body(Batch.Create(new ProductBuilder())));

        ((int)response.StatusCode).Should().Be(401);
        response.Headers.WwwAuthenticate.Select(h => h.Scheme).Should().Contain("Bearer");
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Fact]
    public async Task Write_WithBasicAuthorization_Answers401()
    {
        using var client = Factory.CreateClientWithKey(null);
        client.DefaultRequestHeaders.Authorization =
            new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", "dXNlcjpwYXNz");

        var (status, body) = await PostAsync(ProductsBatch, Batch.Create(new ProductBuilder()), client);

        status.Should().Be(401, body.Text());
        body.Str("code").Should().Be("UNAUTHORIZED");
        (await CountRowsAsync()).Products.Should().Be(0);
    }

    /// <summary>
    /// A body the endpoint would accept and apply, so that only the key stands between it and the database.
    /// </summary>
    private static StringContent WriteBody(string method, string url) => (method, url) switch
    {
        ("PATCH", _) => Body(new { updates = new[] { Intruder } }),
        (_, "/api/v1/products/batch") => Body(Batch.Of(create: [new ProductBuilder().Build()], update: [Intruder])),
        (_, "/api/v1/categories/batch") => Body(Batch.Of(create: [new CategoryBuilder().Build()])),
        (_, "/api/v1/attributes/batch") => Body(Batch.Of(create: [new AttributeBuilder().Build()])),
        _ => Body(Batch.Of(create: [new VariantBuilder().Build()])),
    };

    private static Dictionary<string, object?> Intruder => Batch.Item(("id", 1), ("title", "Intruder"));
}

public sealed class ApiKeyAuthenticationTestsOnSqlite(SqliteApiFactory f)
    : ApiKeyAuthenticationTests(f), IClassFixture<SqliteApiFactory>;

public sealed class ApiKeyAuthenticationTestsOnPostgres(PostgresApiFactory f)
    : ApiKeyAuthenticationTests(f), IClassFixture<PostgresApiFactory>;

public sealed class ApiKeyAuthenticationTestsOnSqlServer(SqlServerApiFactory f)
    : ApiKeyAuthenticationTests(f), IClassFixture<SqlServerApiFactory>;
