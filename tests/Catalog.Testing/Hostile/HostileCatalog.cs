using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Catalog.Testing.Hostile;

/// <summary>
/// What the hostile bodies need around them, shared by the hostile-input suite and the benchmark's load mode: the
/// catalog their placeholders name, seeded through the API, and the check of one answer against its route's shape.
/// </summary>
public static class HostileCatalog
{
    /// <summary>
    /// Seeds a role, a category, an attribute with values, a product with a variant, a WooCommerce variable product
    /// with a variation and a Medusa product, each with names unique to <paramref name="tag"/>, and answers the ids
    /// the bodies' placeholders take (<see cref="HostileRoute"/>).
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string>> SeedAsync(
        HttpClient canonical, HttpClient wordPress, HttpClient medusa, string tag)
    {
        ArgumentNullException.ThrowIfNull(canonical);
        var role = await PostAsync(canonical, "/api/v1/wholesale-roles/batch",
            $$"""{"create": [{"key": "gold", "name": "Gold"}]}""");
        var roleId = role["create"]![0]!["id"] ?? (await GetAsync(canonical, "/api/v1/wholesale-roles"))["items"]!
            .AsArray().First(r => (string?)r!["key"] == "gold")!["id"];
        var category = await PostAsync(canonical, "/api/v1/categories/batch",
            $$"""{"create": [{"name": "Category {{tag}}", "handle": "category-{{tag}}"}]}""");
        var attribute = await PostAsync(canonical, "/api/v1/attributes/batch", $$"""
            {"create": [{"name": "Attribute {{tag}}", "slug": "attribute-{{tag}}",
              "values": [{"name": "Red"}, {"name": "Blue"}]}]}
            """);
        var product = await PostAsync(canonical, "/api/v1/products/batch", $$"""
            {"create": [{"title": "Product {{tag}}", "handle": "product-{{tag}}",
              "variants": [{"title": "V", "sku": "SEED-{{tag}}",
                "prices": [{"currency_code": "usd", "amount": 10}]}]}]}
            """);
        var woo = await PostAsync(wordPress, "/wp-json/wc/v3/products/batch", """
            {"create": [{"name": "Hoodie", "type": "variable",
              "attributes": [{"name": "Size", "position": 0, "visible": true, "variation": true,
                "options": ["S", "M", "L"]}]}]}
            """);
        var wooProduct = Text(woo["create"]![0]!["id"]);
        var variation = await PostAsync(wordPress, $"/wp-json/wc/v3/products/{wooProduct}/variations/batch", $$"""
            {"create": [{"sku": "HOODIE-S-{{tag}}", "regular_price": "20",
              "attributes": [{"name": "Size", "option": "S"}]}]}
            """);
        var made = await PostAsync(medusa, "/admin/products/batch", $$"""
            {"create": [{"title": "Medusa seed", "handle": "medusa-seed-{{tag}}",
              "options": [{"title": "Size", "values": ["S", "M"]}],
              "variants": [{"title": "S", "sku": "MEDUSA-S-{{tag}}", "options": {"Size": "S"},
                "prices": [{"currency_code": "usd", "amount": 5}]}]}]}
            """);

        return new Dictionary<string, string>
        {
            ["P"] = Text(product["create"]![0]!["id"]),
            ["V"] = Text(product["create"]![0]!["product"]!["variants"]![0]!["id"]),
            ["C"] = Text(category["create"]![0]!["id"]),
            ["A"] = Text(attribute["create"]![0]!["id"]),
            ["AV"] = Text(attribute["create"]![0]!["attribute"]!["values"]![0]!["id"]),
            ["R"] = Text(roleId),
            ["WP"] = wooProduct,
            ["WV"] = Text(variation["create"]![0]!["id"]),
            ["M"] = Text(made["created"]![0]!["id"])["prod_".Length..],
            ["MV"] = Text(made["created"]![0]!["variants"]![0]!["id"])["variant_".Length..],
        };
    }

    /// <summary>Sends a generated case as it is: its bytes, its content type or none.</summary>
    public static async Task<(int Status, string Text)> SendAsync(
        HttpClient client, HostileCase hostile, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(hostile);
        using var content = new ByteArrayContent(hostile.Body);
        content.Headers.ContentType = null;
        if (hostile.ContentType is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", hostile.ContentType);
        }

        using var request = new HttpRequestMessage(new HttpMethod(hostile.Method), hostile.Url) { Content = content };
        using var response = await client.SendAsync(request, cancellationToken);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return ((int)response.StatusCode, Encoding.UTF8.GetString(bytes));
    }

    /// <summary>
    /// What is wrong with an answer, if anything: a 5xx, a body that is not JSON, or a 4xx without a code where its
    /// shape keeps one.
    /// </summary>
    public static string? Problem(ErrorShape shape, int status, string text)
    {
        if (status >= 500)
        {
            return $"answered {status}";
        }

        JsonNode? body;
        try
        {
            body = text.Length == 0 ? null : JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException)
        {
            return $"answered {status} with a body that is not JSON";
        }

        if (status < 400)
        {
            return body is null && status != 204 ? $"answered {status} without a body" : null;
        }

        var code = shape switch
        {
            ErrorShape.Medusa => body?["type"],
            ErrorShape.Trade => body?["error"]?["code"],
            _ => body?["code"],
        };
        return code is JsonValue value && value.TryGetValue<string>(out var named) && named.Length > 0
            ? null
            : $"answered {status} without a code in the {shape} shape";
    }

    private static async Task<JsonNode> PostAsync(HttpClient client, string url, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri(url, UriKind.Relative), content);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Seeding POST {url} answered {(int)response.StatusCode}: {text}");
        }

        return JsonNode.Parse(text)!;
    }

    private static async Task<JsonNode> GetAsync(HttpClient client, string url)
    {
        var text = await client.GetStringAsync(new Uri(url, UriKind.Relative));
        return JsonNode.Parse(text)!;
    }

    private static string Text(JsonNode? node) =>
        node?.GetValueKind() == System.Text.Json.JsonValueKind.Number
            ? node.GetValue<long>().ToString(CultureInfo.InvariantCulture)
            : node?.GetValue<string>() ?? throw new InvalidOperationException("Seeding: an answer without an id.");
}
