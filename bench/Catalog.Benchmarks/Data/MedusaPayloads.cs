using System.Text.Json;

namespace Catalog.Benchmarks.Data;

/// <summary>
/// Request bodies for Medusa's <c>POST /admin/products/batch</c> in the shape of issue 15's comparison: one option
/// Size [S, M], two variants (<c>options: {Size: S}</c>, <c>{Size: M}</c>) with one usd price each; an update changes
/// the title and every variant's price, each named by id; a delete names the product ids.
/// </summary>
internal static class MedusaPayloads
{
    private const string Currency = "usd";

    public static byte[] Create(IReadOnlyList<ProductSpec> products) => BatchPayloads.Write(json =>
    {
        json.WriteStartArray("create");
        foreach (var product in products)
        {
            WriteCreate(json, product);
        }

        json.WriteEndArray();
    });

    public static byte[] Update(IReadOnlyList<MedusaSeeded> products) => BatchPayloads.Write(json =>
    {
        json.WriteStartArray("update");
        foreach (var product in products)
        {
            json.WriteStartObject();
            json.WriteString("id", product.Id);
            json.WriteString("title", product.Spec.UpdatedTitle);
            json.WriteStartArray("variants");
            foreach (var variant in product.Variants)
            {
                json.WriteStartObject();
                json.WriteString("id", variant.Id);
                json.WriteStartArray("prices");
                json.WriteStartObject();
                json.WriteString("id", variant.PriceId);
                json.WriteString("currency_code", Currency);
                json.WriteNumber("amount", ProductSpec.UpdatedPrice(Currency, product.Spec.Index));
                json.WriteEndObject();
                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    });

    public static byte[] Delete(IReadOnlyList<MedusaSeeded> products) => BatchPayloads.Write(json =>
    {
        json.WriteStartArray("delete");
        foreach (var product in products)
        {
            json.WriteStringValue(product.Id);
        }

        json.WriteEndArray();
    });

    private static void WriteCreate(Utf8JsonWriter json, ProductSpec product)
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
            json.WriteStartArray("prices");
            json.WriteStartObject();
            json.WriteString("currency_code", Currency);
            json.WriteNumber("amount", ProductSpec.Price(Currency, product.Index));
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
