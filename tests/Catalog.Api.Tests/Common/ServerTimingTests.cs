using System.Globalization;
using Catalog.Testing;

namespace Catalog.Api.Tests.Common;

/// <summary>A batch answers where its time went, phase by phase, as a Server-Timing header; a read does not.</summary>
public sealed class ServerTimingTests(SqliteApiFactory factory)
    : CatalogApiTest(factory), IClassFixture<SqliteApiFactory>
{
    [Theory]
    [InlineData("/api/v1/products/batch")]
    [InlineData("/admin/products/batch")]
    public async Task Batch_Answered_NamesEveryPhaseInOrderWithItsDuration(string url)
    {
        var medusaProduct = new
        {
            title = "Timed",
            options = new[] { new { title = "Size", values = new[] { "S" } } },
            variants = new[]
            {
                new
                {
                    title = "S",
                    options = new { Size = "S" },
                    prices = new[] { new { currency_code = "usd", amount = 5 } },
                },
            },
        };
        var body = url.StartsWith("/admin", StringComparison.Ordinal)
            ? (object)new { create = new[] { medusaProduct } }
            : Batch.Create(new ProductBuilder().WithVariants(2));
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = Body(body) };

        using var response = await Client.SendAsync(request);

        response.IsSuccessStatusCode.Should().BeTrue(await response.Content.ReadAsStringAsync());
        var phases = response.Headers.GetValues("Server-Timing").Single().Split(", ")
            .Select(entry => entry.Split(";dur="))
            .ToList();
        phases.Select(p => p[0]).Should().Equal(
            "parse", "validate", "load", "check", "ids", "plan", "write", "map", "render", "serialize");
        phases.Select(p => double.Parse(p[1], CultureInfo.InvariantCulture)).Should().OnlyContain(ms => ms >= 0);
    }

    [Fact]
    public async Task Get_Answered_HasNoServerTiming()
    {
        using var response = await Client.GetAsync("/api/v1/products");

        response.IsSuccessStatusCode.Should().BeTrue();
        response.Headers.Contains("Server-Timing").Should().BeFalse();
    }
}
