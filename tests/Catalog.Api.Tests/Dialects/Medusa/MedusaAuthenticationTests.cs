using System.Net.Http.Headers;
using System.Text;
using Catalog.Infrastructure.Auth;
using Catalog.Testing;

namespace Catalog.Api.Tests.Dialects.Medusa;

/// <summary>
/// A Catalog API key works as Medusa's secret key (<c>Authorization: Basic base64(key + ":")</c>) and as the canonical
/// API takes it; without one, or with a key that lacks the scope, the answer is Medusa's error shape and nothing is
/// written.
/// </summary>
public abstract class MedusaAuthenticationTests(CatalogApiFactory factory) : MedusaApiTest(factory)
{
    public static TheoryData<string, string> Endpoints => new()
    {
        { "POST", "/admin/products/batch" },
        { "POST", "/admin/products/prod_1/variants/batch" },
        { "GET", "/admin/products" },
        { "GET", "/admin/products/prod_1" },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Request_WithoutKey_Answers401InMedusasShapeAndWritesNothing(string method, string url)
    {
        using var anonymous = MedusaClient(null);

        var (status, body) = await SendAsync(
            new HttpMethod(method), url, method == "POST" ? Body(CreateOne()) : null, anonymous);

        status.Should().Be(401, body.Text());
        body.Str("type").Should().Be("unauthorized");
        body.Str("message").Should().Be("Unauthorized");
        (await CountRowsAsync()).Products.Should().Be(0);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Request_WithUnknownKey_Answers401(string method, string url)
    {
        using var stranger = MedusaClient("cat_not-a-key-anyone-was-given");

        var (status, body) = await SendAsync(
            new HttpMethod(method), url, method == "POST" ? Body(CreateOne()) : null, stranger);

        status.Should().Be(401, body.Text());
        body.Str("type").Should().Be("unauthorized");
        (await CountRowsAsync()).Products.Should().Be(0);
    }

    [Fact]
    public async Task Batch_WithReadOnlyKey_Answers403AndWritesNothing_ButTheKeyReads()
    {
        var reader = await Factory.CreateKeyAsync(Scopes.Read);
        using var client = MedusaClient(reader);

        var (status, body) = await SendAsync(HttpMethod.Post, MedusaProductsBatch, Body(CreateOne()), client);
        var (readStatus, read) = await SendAsync(HttpMethod.Get, MedusaProducts, null, client);

        status.Should().Be(403, body.Text());
        body.Str("type").Should().Be("forbidden");
        (await CountRowsAsync()).Products.Should().Be(0);
        readStatus.Should().Be(200, read.Text());
    }

    [Fact]
    public async Task Batch_WithBasicKey_Succeeds()
    {
        var (status, body) = await MedusaPostAsync(MedusaProductsBatch, CreateOne());

        status.Should().Be(200, body.Text());
        (await CountRowsAsync()).Products.Should().Be(1);
    }

    [Theory]
    [InlineData("Basic", "{0}:")]
    [InlineData("Basic", "{0}")]
    [InlineData("Bearer", "{0}")]
    public async Task Batch_KeyInOtherAcceptedForms_Succeeds(string scheme, string format)
    {
        var credentials = string.Format(
            System.Globalization.CultureInfo.InvariantCulture, format, CatalogApiFactory.WriteKey);
        var encoded = scheme == "Basic" && format.EndsWith(':')
            ? Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials))
            : credentials;
        using var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(scheme, encoded);

        var (status, body) = await SendAsync(HttpMethod.Post, MedusaProductsBatch, Body(CreateOne()), client);

        status.Should().Be(200, body.Text());
    }

    [Fact]
    public async Task CanonicalRoutes_StillAnswerProblemDetails()
    {
        using var anonymous = Factory.CreateClientWithKey(null);

        var (status, body) = await SendAsync(HttpMethod.Get, "/api/v1/products", null, anonymous);

        status.Should().Be(401, body.Text());
        body.Str("code").Should().Be("UNAUTHORIZED");
    }

    private static Dictionary<string, object?> CreateOne() => new() { ["create"] = new[] { MedusaProduct() } };
}

public sealed class MedusaAuthenticationTestsOnSqlite(SqliteApiFactory f)
    : MedusaAuthenticationTests(f), IClassFixture<SqliteApiFactory>;

public sealed class MedusaAuthenticationTestsOnPostgres(PostgresApiFactory f)
    : MedusaAuthenticationTests(f), IClassFixture<PostgresApiFactory>;

public sealed class MedusaAuthenticationTestsOnSqlServer(SqlServerApiFactory f)
    : MedusaAuthenticationTests(f), IClassFixture<SqlServerApiFactory>;
