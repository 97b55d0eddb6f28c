using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Catalog.Testing;

namespace Catalog.Api.Tests.Common;

/// <summary>
/// Answers are serialized whole before they are sent, so they carry their length; other charsets still work.
/// </summary>
public sealed class BufferedJsonOutputTests(SqliteApiFactory factory)
    : CatalogApiTest(factory), IClassFixture<SqliteApiFactory>
{
    [Fact]
    public async Task Batch_LargeAnswer_IsSentWithItsContentLength()
    {
        var products = Enumerable.Range(0, 40).Select(i => new ProductBuilder().WithVariants(2)).ToArray();

        using var request = new HttpRequestMessage(HttpMethod.Post, ProductsBatch)
        {
            Content = Body(Batch.Create(products)),
        };

        // Headers only, so that the length seen is the one the API declared, not one HttpClient counted after reading.
        using var response = await Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var declaredLength = response.Content.Headers.ContentLength;
        var bytes = await response.Content.ReadAsByteArrayAsync();

        response.StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        declaredLength.Should().Be(bytes.Length);
        bytes.Length.Should().BeGreaterThan(64 * 1024, "the answer should be larger than any one write buffer");
        JsonNode.Parse(bytes).Num("summary.succeeded").Should().Be(40);
    }

    [Fact]
    public async Task Get_AcceptCharsetUtf16_AnswersTheSameJsonInUtf16()
    {
        var product = await SeedProductAsync(new ProductBuilder().WithVariants(1));
        var url = $"/api/v1/products/{product.Num("id")}";
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptCharset.Add(new StringWithQualityHeaderValue("utf-16"));

        using var response = await Client.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var utf8 = await Client.GetStringAsync(url);

        response.Content.Headers.ContentType!.CharSet.Should().Be("utf-16");
        Encoding.Unicode.GetString(bytes).TrimStart('\uFEFF').Should().Be(utf8);
    }
}
