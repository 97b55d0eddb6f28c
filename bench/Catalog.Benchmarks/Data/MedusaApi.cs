using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Catalog.Benchmarks.Data;

/// <summary>
/// The Medusa dialect's product batch as Medusa's admin clients call it: <c>POST /admin/products/batch</c> with the
/// key as HTTP Basic (<c>base64(key + ":")</c>, as the JS SDK sends a secret API key).
/// </summary>
internal static class MedusaApi
{
    private const string Endpoint = "admin/products/batch";

    /// <summary>
    /// Times one request from send to the last byte of the answer, and fails loudly unless it created, updated or
    /// deleted all the items it was sent (Medusa's batch is atomic: any failure answers an error status).
    /// </summary>
    public static async Task<(Metered Span, JsonDocument Answer)> PostAsync(
        HttpClient client, string apiKey, byte[] payload, Operation operation, int expectedItems,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Endpoint, UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(apiKey + ":")));
        request.Content = new ByteArrayContent(payload);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var meter = new Meter();
        using var response = await client.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var span = meter.Stop(response);

        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Medusa batch answered {(int)response.StatusCode}: {Excerpt(body)}");
        }

        var answer = JsonDocument.Parse(body);
        var done = operation switch
        {
            Operation.Create => answer.RootElement.GetProperty("created"),
            Operation.Update => answer.RootElement.GetProperty("updated"),
            _ => answer.RootElement.GetProperty("deleted").GetProperty("ids"),
        };
        if (done.GetArrayLength() != expectedItems)
        {
            answer.Dispose();
            throw new InvalidOperationException($"Medusa batch did not apply all {expectedItems}: {Excerpt(body)}");
        }

        return (span, answer);
    }

    /// <summary>
    /// Creates the products through the dialect (untimed setup) and answers the ids an update or a delete needs, as
    /// Medusa's answer gives them.
    /// </summary>
    public static async Task<IReadOnlyList<MedusaSeeded>> SeedAsync(
        HttpClient client, string apiKey, IReadOnlyList<ProductSpec> specs, CancellationToken cancellationToken)
    {
        var payload = MedusaPayloads.Create(specs);
        var (_, answer) = await PostAsync(client, apiKey, payload, Operation.Create, specs.Count, cancellationToken);
        using (answer)
        {
            return Seeded(answer, specs);
        }
    }

    /// <summary>The products a create answered, with their ids.</summary>
    public static IReadOnlyList<MedusaSeeded> Seeded(JsonDocument answer, IReadOnlyList<ProductSpec> specs)
    {
        ArgumentNullException.ThrowIfNull(answer);

        // Medusa answers the created products in the order they were sent.
        return [.. answer.RootElement.GetProperty("created").EnumerateArray().Select((product, i) =>
            new MedusaSeeded(
                specs[i],
                product.GetProperty("id").GetString()!,
                [.. product.GetProperty("variants").EnumerateArray().Select(v => new MedusaSeededVariant(
                    v.GetProperty("id").GetString()!,
                    v.GetProperty("prices")[0].GetProperty("id").GetString()!))]))];
    }

    /// <summary>
    /// Fails loudly unless the update's answer shows every product renamed and every variant at its new price, in
    /// the order sent: a fast update that left the prices alone would mean nothing. Untimed.
    /// </summary>
    public static void CheckUpdated(JsonDocument answer, IReadOnlyList<ProductSpec> specs)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var updated = answer.RootElement.GetProperty("updated").EnumerateArray().ToList();
        for (var i = 0; i < updated.Count; i++)
        {
            var expected = ProductSpec.UpdatedPrice("usd", specs[i].Index);
            var prices = updated[i].GetProperty("variants").EnumerateArray()
                .Select(v => v.GetProperty("prices")[0].GetProperty("amount").GetDecimal());
            if (updated[i].GetProperty("title").GetString() != specs[i].UpdatedTitle || prices.Any(p => p != expected))
            {
                throw new InvalidOperationException($"Medusa update did not apply: {updated[i].GetRawText()}");
            }
        }
    }

    private static string Excerpt(byte[] body) => Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 1000));
}

/// <summary>A product as the Medusa dialect answered its create: its id, its variants' and their prices'.</summary>
internal sealed record MedusaSeeded(ProductSpec Spec, string Id, IReadOnlyList<MedusaSeededVariant> Variants);

internal sealed record MedusaSeededVariant(string Id, string PriceId);
