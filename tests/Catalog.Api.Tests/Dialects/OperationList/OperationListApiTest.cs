using System.Text.Json.Nodes;
using Catalog.Testing;

namespace Catalog.Api.Tests.Dialects.OperationList;

/// <summary>
/// <see cref="CatalogApiTest"/> with the operation-list routes. Bodies are written as JSON text, as the operation
/// list's own examples are; a submitted batch command is polled until the worker has processed it.
/// </summary>
public abstract class OperationListApiTest(CatalogApiFactory factory) : CatalogApiTest(factory)
{
    protected const string ProductBatches = "/api/products/batches.json";
    protected const string VariantBatches = "/api/products/variants/batches.json";

    protected static string BatchUrl(long id) => $"/api/batches/{id}.json";

    /// <summary>Submits the operations and answers the batch command's id; fails the test unless accepted.</summary>
    protected async Task<long> SubmitAsync(string url, string json, HttpClient? client = null)
    {
        var (status, body) = await PostRawAsync(url, json, client);
        status.Should().Be(202, body.Text());
        body!.AsObject().Select(p => p.Key).Should().Equal("id");
        return body.Num("id");
    }

    /// <summary>Polls the batch command until it is processed, and answers its last status.</summary>
    protected async Task<JsonNode> ProcessedAsync(long id, HttpClient? client = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var (status, body) = await GetAsync(BatchUrl(id), client);
            status.Should().Be(200, body.Text());
            if (body!["is_processed"]!.GetValue<bool>())
            {
                return body;
            }

            DateTime.UtcNow.Should().BeBefore(deadline, "the batch command should finish: {0}", body.Text());
            await Task.Delay(100);
        }
    }

    protected async Task<JsonNode> CanonicalAsync(long id)
    {
        var (status, body) = await GetAsync($"/api/v1/products/{id}");
        status.Should().Be(200, body.Text());
        return body!;
    }

    protected static IEnumerable<string> Keys(JsonNode status) => status["results"]!.AsObject().Select(p => p.Key);
}
