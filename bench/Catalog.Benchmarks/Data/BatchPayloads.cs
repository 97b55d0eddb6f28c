using System.Text.Json;

namespace Catalog.Benchmarks.Data;

/// <summary>
/// Request bodies for <c>POST /api/v1/products/batch</c>, written once before the clock starts so that the timed part
/// is the request itself. Field names are the canonical API's snake_case.
/// </summary>
internal static class BatchPayloads
{
    public static byte[] Create(IReadOnlyList<ProductSpec> products, ProductShape shape = ProductShape.Canonical) =>
        Write(json =>
    {
        json.WriteStartArray("create");
        foreach (var product in products)
        {
            WriteCreate(json, product, shape);
        }

        json.WriteEndArray();
    });

    /// <summary>
    /// A new title and new prices (on the first variant, or on every variant in Medusa's shape), every variant named
    /// by id.
    /// </summary>
    public static byte[] Update(IReadOnlyList<SeededProduct> products, ProductShape shape = ProductShape.Canonical) =>
        Write(json =>
    {
        json.WriteStartArray("update");
        foreach (var product in products)
        {
            json.WriteStartObject();
            json.WriteNumber("id", product.Id);
            json.WriteString("title", product.Spec.UpdatedTitle);
            json.WriteStartArray("variants");
            for (var v = 0; v < product.VariantIds.Count; v++)
            {
                json.WriteStartObject();
                json.WriteNumber("id", product.VariantIds[v]);
                if (shape.UpdatesPricesOf(v))
                {
                    // The new prices replace the variant's (prices merge by id, and the seeded ones are not named).
                    json.WriteBoolean("replace_prices", true);
                    WritePrices(json, shape, currency => ProductSpec.UpdatedPrice(currency, product.Spec.Index));
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    });

    public static byte[] Delete(IReadOnlyList<SeededProduct> products) => Write(json =>
    {
        json.WriteStartArray("delete");
        foreach (var product in products)
        {
            json.WriteNumberValue(product.Id);
        }

        json.WriteEndArray();
    });

    /// <summary>One create item: also what the job mode streams, item after item.</summary>
    public static void WriteCreate(
        Utf8JsonWriter json, ProductSpec product, ProductShape shape = ProductShape.Canonical)
    {
        json.WriteStartObject();
        json.WriteString("title", product.Title);
        json.WriteString("handle", product.Handle);
        json.WriteString("status", "published");
        json.WriteStartArray("options");
        json.WriteStartObject();
        json.WriteString("title", "Size");
        json.WriteStartArray("values");
        foreach (var size in ProductSpec.Sizes)
        {
            json.WriteStringValue(size);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteStartArray("variants");
        foreach (var size in ProductSpec.Sizes)
        {
            json.WriteStartObject();
            json.WriteString("title", size);
            json.WriteString("sku", product.Sku(size));
            json.WriteStartObject("options");
            json.WriteString("Size", size);
            json.WriteEndObject();
            WritePrices(json, shape, currency => ProductSpec.Price(currency, product.Index));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WritePrices(Utf8JsonWriter json, ProductShape shape, Func<string, decimal> amount)
    {
        json.WriteStartArray("prices");
        foreach (var currency in shape.Currencies())
        {
            json.WriteStartObject();
            json.WriteString("currency_code", currency);
            json.WriteNumber("amount", amount(currency));
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    internal static byte[] Write(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            body(json);
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
