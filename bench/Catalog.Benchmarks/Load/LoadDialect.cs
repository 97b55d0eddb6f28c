using System.Globalization;
using System.Text.Json;
using Catalog.Benchmarks.Data;

namespace Catalog.Benchmarks.Load;

/// <summary>
/// One way the load mode writes products: the route, a mixed batch's body (creates, updates and deletes of the
/// client's own products) and the ids its answer gives the creates. Each dialect updates and deletes only the products
/// it created, so that a client's batches never contend with its other dialects' (nor with other clients').
/// </summary>
internal abstract class LoadDialect(string name, string route)
{
    public string Name { get; } = name;

    public string Route { get; } = route;

    public static IReadOnlyList<LoadDialect> All { get; } = [new Canonical(), new WooCommerce(), new Medusa()];

    /// <summary>The body: <paramref name="creates"/> new products named from <paramref name="prefix"/>, updates of
    /// <paramref name="updates"/>, deletes of <paramref name="deletes"/>.</summary>
    public byte[] Body(string prefix, int creates, IReadOnlyList<string> updates, IReadOnlyList<string> deletes) =>
        BatchPayloads.Write(json =>
        {
            json.WriteStartArray("create");
            for (var i = 0; i < creates; i++)
            {
                WriteCreate(json, string.Create(CultureInfo.InvariantCulture, $"{prefix}-{i}"), i);
            }

            json.WriteEndArray();
            json.WriteStartArray("update");
            foreach (var id in updates)
            {
                WriteUpdate(json, id, prefix);
            }

            json.WriteEndArray();
            json.WriteStartArray("delete");
            foreach (var id in deletes)
            {
                WriteId(json, id);
            }

            json.WriteEndArray();
        });

    /// <summary>The ids of the products the answer says were created; null when an item failed.</summary>
    public abstract IReadOnlyList<string>? CreatedIds(JsonElement answer, int creates);

    protected abstract void WriteCreate(Utf8JsonWriter json, string name, int index);

    protected abstract void WriteUpdate(Utf8JsonWriter json, string id, string prefix);

    protected virtual void WriteId(Utf8JsonWriter json, string id) =>
        json.WriteNumberValue(long.Parse(id, CultureInfo.InvariantCulture));

    private static string Number(JsonElement id) => id.GetInt64().ToString(CultureInfo.InvariantCulture);

    /// <summary>A variant's <c>prices</c>: one in <c>usd</c>, as the canonical API and Medusa both spell it.</summary>
    private static void WriteUsdPrice(Utf8JsonWriter json, decimal amount)
    {
        json.WriteStartArray("prices");
        json.WriteStartObject();
        json.WriteString("currency_code", "usd");
        json.WriteNumber("amount", amount);
        json.WriteEndObject();
        json.WriteEndArray();
    }

    private sealed class Canonical() : LoadDialect("canonical", "api/v1/products/batch")
    {
        public override IReadOnlyList<string>? CreatedIds(JsonElement answer, int creates)
        {
            var summary = answer.GetProperty("summary");
            return summary.GetProperty("failed").GetInt32() != 0
                ? null
                : [.. answer.GetProperty("create").EnumerateArray().Select(item => Number(item.GetProperty("id")))];
        }

        protected override void WriteCreate(Utf8JsonWriter json, string name, int index)
        {
            json.WriteStartObject();
            json.WriteString("title", $"Load {name}");
            json.WriteString("handle", $"load-{name}");
            json.WriteString("status", "published");
            json.WriteStartObject("metadata");
            json.WriteString("source", "load");
            json.WriteEndObject();
            json.WriteStartArray("variants");
            json.WriteStartObject();
            json.WriteString("title", "S");
            json.WriteString("sku", $"LOAD-{name}");
            WriteUsdPrice(json, 10 + (index % 90));
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        protected override void WriteUpdate(Utf8JsonWriter json, string id, string prefix)
        {
            json.WriteStartObject();
            json.WriteNumber("id", long.Parse(id, CultureInfo.InvariantCulture));
            json.WriteString("title", $"Load updated {prefix}");
            json.WriteEndObject();
        }
    }

    private sealed class WooCommerce() : LoadDialect("woocommerce", "wp-json/wc/v3/products/batch")
    {
        public override IReadOnlyList<string>? CreatedIds(JsonElement answer, int creates)
        {
            // WordPress leaves out a list the batch did not send.
            List<JsonElement> Items(string name) =>
                answer.TryGetProperty(name, out var list) ? [.. list.EnumerateArray()] : [];
            static bool Failed(JsonElement item) =>
                item.TryGetProperty("error", out var error) && error.ValueKind != JsonValueKind.Null;
            var items = Items("create");
            var failed = items.Concat(Items("update")).Concat(Items("delete")).Any(Failed);
            return failed ? null : [.. items.Select(item => Number(item.GetProperty("id")))];
        }

        protected override void WriteCreate(Utf8JsonWriter json, string name, int index)
        {
            json.WriteStartObject();
            json.WriteString("name", $"Load {name}");
            json.WriteString("type", "simple");
            json.WriteString("sku", $"WLOAD-{name}");
            json.WriteString("regular_price", (19 + (index % 50)).ToString(CultureInfo.InvariantCulture) + ".99");
            json.WriteString("status", "publish");
            json.WriteEndObject();
        }

        protected override void WriteUpdate(Utf8JsonWriter json, string id, string prefix)
        {
            json.WriteStartObject();
            json.WriteNumber("id", long.Parse(id, CultureInfo.InvariantCulture));
            json.WriteString("regular_price", "21.50");
            json.WriteEndObject();
        }
    }

    private sealed class Medusa() : LoadDialect("medusa", "admin/products/batch")
    {
        public override IReadOnlyList<string>? CreatedIds(JsonElement answer, int creates) =>
            [.. answer.GetProperty("created").EnumerateArray().Select(item => item.GetProperty("id").GetString()!)];

        protected override void WriteCreate(Utf8JsonWriter json, string name, int index)
        {
            json.WriteStartObject();
            json.WriteString("title", $"Load {name}");
            json.WriteString("handle", $"mload-{name}");
            json.WriteStartArray("options");
            json.WriteStartObject();
            json.WriteString("title", "Size");
            json.WriteStartArray("values");
            json.WriteStringValue("S");
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteStartArray("variants");
            json.WriteStartObject();
            json.WriteString("title", "S");
            json.WriteString("sku", $"MLOAD-{name}");
            json.WriteStartObject("options");
            json.WriteString("Size", "S");
            json.WriteEndObject();
            WriteUsdPrice(json, 5 + (index % 40));
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        protected override void WriteUpdate(Utf8JsonWriter json, string id, string prefix)
        {
            json.WriteStartObject();
            json.WriteString("id", id);
            json.WriteString("title", $"Load updated {prefix}");
            json.WriteEndObject();
        }

        protected override void WriteId(Utf8JsonWriter json, string id) => json.WriteStringValue(id);
    }
}
