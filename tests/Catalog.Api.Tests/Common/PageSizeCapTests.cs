using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Catalog.Infrastructure.Auth;
using Catalog.Testing;

namespace Catalog.Api.Tests.Common;

/// <summary>
/// Every list route caps its page size, and a size over the cap is the route's own 400, never a clamp and never a
/// page as large as asked: the canonical lists at 200 (<c>VALIDATION_FAILED</c>), jobs and job results at 1,000,
/// WooCommerce and Wholesale Suite at 100 (<c>rest_invalid_param</c>, as WordPress answers), Medusa at 200
/// (<c>invalid_data</c>). The cap itself is still accepted.
/// </summary>
public abstract class PageSizeCapTests(CatalogApiFactory factory) : CatalogApiTest(factory)
{
    public static TheoryData<string, string, int, string> Caps => new()
    {
        { "bearer", "/api/v1/products?limit={0}", 200, "VALIDATION_FAILED" },
        { "bearer", "/api/v1/categories?limit={0}", 200, "VALIDATION_FAILED" },
        { "bearer", "/api/v1/attributes?limit={0}", 200, "VALIDATION_FAILED" },
        { "bearer", "/api/v1/tags?limit={0}", 200, "VALIDATION_FAILED" },
        { "bearer", "/api/v1/wholesale-roles?limit={0}", 200, "VALIDATION_FAILED" },
        { "bearer", "/api/v1/jobs?limit={0}", 1000, "VALIDATION_FAILED" },
        { "woo", "/wp-json/wc/v3/products?per_page={0}", 100, "rest_invalid_param" },
        { "woo", "/wp-json/wc/v3/products/categories?per_page={0}", 100, "rest_invalid_param" },
        { "woo", "/wp-json/wc/v3/products/tags?per_page={0}", 100, "rest_invalid_param" },
        { "woo", "/wp-json/wc/v3/products/{product}/variations?per_page={0}", 100, "rest_invalid_param" },
        { "woo", "/wp-json/wholesale/v1/products/{product}/variations?per_page={0}", 100, "rest_invalid_param" },
        { "medusa", "/admin/products?limit={0}", 200, "invalid_data" },
        { "medusa", "/admin/products/prod_{product}/variants?limit={0}", 200, "invalid_data" },
    };

    [Theory]
    [MemberData(nameof(Caps))]
    public async Task List_PageSizeOverTheCap_Answers400InTheRoutesShape(
        string credentials, string route, int cap, string code)
    {
        using var client = ClientFor(credentials);
        var url = await UrlAsync(route, cap + 1);

        var (status, body) = await GetAsync(url, client);

        status.Should().Be(400, body.Text());
        (body.Str("code") ?? body.Str("type")).Should().Be(code, body.Text());
    }

    [Theory]
    [MemberData(nameof(Caps))]
    public async Task List_PageSizeAtTheCap_Answers200(string credentials, string route, int cap, string code)
    {
        _ = code;
        using var client = ClientFor(credentials);
        var url = await UrlAsync(route, cap);

        var (status, body) = await GetAsync(url, client);

        status.Should().Be(200, body.Text());
    }

    [Fact]
    public async Task JobResults_LimitOverTheCap_Answers400()
    {
        var (status, body) = await GetAsync("/api/v1/jobs/1/results?limit=1001");

        status.Should().Be(400, body.Text());
        body.Str("code").Should().Be("VALIDATION_FAILED");
    }

    /// <summary>The route with the page size, and a product of its own where the route lists a product's variants.
    /// </summary>
    private async Task<string> UrlAsync(string route, int size)
    {
        var product = route.Contains("{product}", StringComparison.Ordinal)
            ? (await SeedProductAsync(new ProductBuilder().WithVariants(1))).Num("id")
            : 0;
        return string.Format(
            CultureInfo.InvariantCulture, route.Replace("{product}", "{1}", StringComparison.Ordinal), size, product);
    }

    private HttpClient ClientFor(string credentials)
    {
        if (credentials == "bearer")
        {
            return Factory.CreateClientWithKey();
        }

        var client = Factory.CreateClientWithKey(null);
        var pair = Factory.Credentials(CatalogApiFactory.WriteKey);
        var user = credentials == "woo"
            ? $"{pair.ConsumerKey}:{pair.ConsumerSecret}"
            : $"{CatalogApiFactory.WriteKey}:";
        client.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user)));
        return client;
    }
}

public sealed class PageSizeCapTestsOnSqlite(SqliteApiFactory factory)
    : PageSizeCapTests(factory), IClassFixture<SqliteApiFactory>;

public sealed class PageSizeCapTestsOnPostgres(PostgresApiFactory factory)
    : PageSizeCapTests(factory), IClassFixture<PostgresApiFactory>;
