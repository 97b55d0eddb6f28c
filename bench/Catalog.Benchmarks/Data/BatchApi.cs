using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Catalog.Benchmarks.Data;

/// <summary>The canonical batch endpoint as a client sees it: one POST, the answer read to its last byte.</summary>
internal static class BatchApi
{
    private const string Endpoint = "api/v1/products/batch";

    /// <summary>
    /// Times one request from send to the last byte of the answer, and fails loudly unless every item succeeded.
    /// </summary>
    public static async Task<(Metered Span, JsonDocument Answer)> PostAsync(
        HttpClient client, byte[] payload, int expectedItems, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(payload);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var meter = new Meter();
        using var response = await client.PostAsync(new Uri(Endpoint, UriKind.Relative), content, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var span = meter.Stop(response);

        // A fast answer that wrote nothing would mean nothing, so the answer is checked (after the clock stops).
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Batch answered {(int)response.StatusCode}: {Excerpt(body)}");
        }

        var answer = JsonDocument.Parse(body);
        var summary = answer.RootElement.GetProperty("summary");
        if (summary.GetProperty("succeeded").GetInt32() != expectedItems
            || summary.GetProperty("failed").GetInt32() != 0)
        {
            var text = Excerpt(body);
            answer.Dispose();
            throw new InvalidOperationException($"Batch did not apply all {expectedItems} items: {text}");
        }

        return (span, answer);
    }

    /// <summary>
    /// Creates the products through the API (untimed setup) and answers the ids an update or a delete needs.
    /// </summary>
    public static async Task<IReadOnlyList<SeededProduct>> SeedAsync(
        HttpClient client, IReadOnlyList<ProductSpec> specs, ProductShape shape, CancellationToken cancellationToken)
    {
        var payload = BatchPayloads.Create(specs, shape);
        var (_, answer) = await PostAsync(client, payload, specs.Count, cancellationToken);
        using (answer)
        {
            return Seeded(answer, specs);
        }
    }

    /// <summary>The products a create answered, with their ids.</summary>
    public static IReadOnlyList<SeededProduct> Seeded(JsonDocument answer, IReadOnlyList<ProductSpec> specs)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return [.. answer.RootElement.GetProperty("create").EnumerateArray().Select(item =>
        {
            var product = item.GetProperty("product");
            var variantIds = product.GetProperty("variants").EnumerateArray()
                .Select(v => v.GetProperty("id").GetInt64())
                .Order()
                .ToList();
            var spec = specs[item.GetProperty("index").GetInt32()];
            return new SeededProduct(spec, product.GetProperty("id").GetInt64(), variantIds);
        })];
    }

    private static string Excerpt(byte[] body) => Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 1000));
}
