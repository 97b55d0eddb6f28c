using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Catalog.Testing.Hostile;

/// <summary>One generated request: what was done to which valid body, and the bytes and content type sent.</summary>
public sealed record HostileCase(
    int Index, HostileRoute Route, string Method, string Url, string Mutation, byte[] Body, string? ContentType)
{
    /// <summary>What a failure report shows: enough to see the case without the seed, cut to stay readable.</summary>
    public string Describe()
    {
        var text = Encoding.UTF8.GetString(Body);
        var shown = text.Length > 600 ? text[..600] + $"... ({Body.Length} bytes)" : text;
        return $"case {Index}: {Method} {Url} [{ContentType}] {Mutation}\n  {shown}";
    }
}

/// <summary>
/// Mutates valid bodies of every batch endpoint into hostile ones, all decided by one seed: wrong types, nesting at and
/// around the depth limits, huge numbers, NUL, lone surrogates, invalid UTF-8, duplicate keys, truncation, strings at
/// and past column lengths, charsets and content types. The same seed gives the same cases.
/// </summary>
public sealed class HostileCases(int seed, IReadOnlyDictionary<string, string> ids)
{
    private const string Raw = "@@RAW@@";
    private const string Duplicate = "@@DUP@@";
    private const string BadBytes = "@@BAD@@";

    // Depths around every limit the API has had or has: free JSON values, the binders (32) and Medusa's parser (64).
    private static readonly int[] Depths =
        [1, 15, 16, 17, 19, 20, 21, 26, 27, 28, 29, 30, 31, 32, 33, 34, 60, 62, 63, 64, 65, 66, 127, 129, 600];

    // Lengths at and past the columns' limits (currency 3, codes 64, SKUs and tags 100, titles 255, URLs 2048).
    private static readonly int[] Lengths =
        [0, 2, 3, 4, 63, 64, 65, 99, 100, 101, 254, 255, 256, 2048, 2049, 65_537, 70_000];

    private static readonly string[] Scalars =
    [
        "null", "true", "false", "0", "-1", "1.5", "-0", "\"\"", "\" \"", "\"x\"", "[]", "{}", "[null]", "[{}]",
        "{\"a\":null}",
        "1e400", "-1e400", "1e-400", "123456789012345678901234567890", "-9223372036854775809", "9223372036854775808",
        "2147483648", "0.000000000000000000000000000001", "79228162514264337593543950336",
        "1.00000000000000000000000000001",
        "\"19.99\"", "\"abc\"", "\"usd\\n\"", "\"USD \"", "\"\\u0000\"", "\"a\\u0000b\"", "\"\\ud800\"",
        "\"x\\udc00y\"",
        "\"\\ud800\\ud800\"", "\"\\udfff\\ud800\"", "\"\\uffff\"", "\"\\u001f\"", "\"prod_\"", "\"variant_-1\"",
        "\"prod_0\"",
        "\"2026-13-45\"", "\"publish\"", "\"percent-price\"", "\"\\u202e\"", "\"\\ud83d\\ude00\"",
    ];

    private static readonly string[] ContentTypes =
    [
        "application/json; charset=utf-16", "application/json; charset=utf-16le", "application/json; charset=utf-16be",
        "application/json; charset=utf-32", "application/json; charset=iso-8859-1",
        "application/json; charset=x-unknown",
        "application/json; charset=", "application/json; charset=\"utf-8\"", "application/json; charset=UTF-8",
        "application/json; charset=ascii", "application/json; charset=utf-7", "text/plain", "application/xml",
        "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/merge-patch+json",
        "application/json-patch+json", "text/json", "application/jsonx", "*/*", "application/json; foo=bar",
    ];

    private readonly Random _random = new(seed);

    public IEnumerable<HostileCase> Generate(int count, IReadOnlyList<HostileRoute> routes)
    {
        for (var i = 0; i < count; i++)
        {
            var route = routes[i % routes.Count];
            yield return Make(i, route);
        }
    }

    private HostileCase Make(int index, HostileRoute route)
    {
        var method = route.Methods[_random.Next(route.Methods.Length)];
        var url = Fill(route.Url, index);
        var valid = Fill(route.Body, index);
        var root = JsonNode.Parse(valid)!;
        var raw = string.Empty;
        string? contentType = "application/json";
        string mutation;
        var kind = _random.Next(100);
        if (kind < 4)
        {
            mutation = "valid body";
        }
        else if (kind < 22)
        {
            var node = PickValue(root);
            raw = Scalars[_random.Next(Scalars.Length)];
            mutation = $"{node.GetPath()} = {raw}";
            Replace(node, Raw);
        }
        else if (kind < 40)
        {
            var node = _random.Next(3) == 0 ? PickValue(root) : PickFreeJson(root) ?? PickValue(root);
            var depth = Depths[_random.Next(Depths.Length)];
            raw = Nested(depth);
            mutation = $"{node.GetPath()} = nested {depth}";
            Replace(node, Raw);
        }
        else if (kind < 52)
        {
            var node = PickString(root) ?? PickValue(root);
            var text = node.GetValueKind() == System.Text.Json.JsonValueKind.String ? node.GetValue<string>() : "x";
            var evil = new[]
            {
                "\\u0000", "\\ud800", "\\udbff", "\\udc00", "\\ud800\\u0041", "\\u0000\\ud800", "\\n", "\\t",
            };
            var inserted = evil[_random.Next(evil.Length)];
            var at = _random.Next(text.Length + 1);
            raw = "\"" + Escape(text[..at]) + inserted + Escape(text[at..]) + "\"";
            mutation = $"{node.GetPath()} gets {inserted} at {at}";
            Replace(node, Raw);
        }
        else if (kind < 58)
        {
            var node = PickString(root) ?? PickValue(root);
            mutation = $"{node.GetPath()} gets invalid UTF-8";
            Replace(node, Raw);
            raw = "\"a" + BadBytes + "b\"";
        }
        else if (kind < 66)
        {
            var node = PickString(root) ?? PickValue(root);
            var length = Lengths[_random.Next(Lengths.Length)];
            var filler = _random.Next(4) switch { 0 => "a", 1 => "é", 2 => "\\u00e9", _ => "9" };
            raw = "\"" + string.Concat(Enumerable.Repeat(filler, length)) + "\"";
            mutation = $"{node.GetPath()} = {length} x {filler}";
            Replace(node, Raw);
        }
        else if (kind < 72)
        {
            var target = PickObject(root);
            var key = target.Count > 0 ? target.ElementAt(_random.Next(target.Count)).Key : "id";
            raw = $"\"{key}\":{Scalars[_random.Next(Scalars.Length)]}";
            mutation = $"{target.GetPath()} repeats key {key}";
            target[Duplicate] = null;
        }
        else if (kind < 77)
        {
            var target = PickObject(root);
            var key = _random.Next(3) switch { 0 => "unknown_field", 1 => "\\ud800", _ => "a\\u0000b" };
            raw = $"\"{key}\":1";
            mutation = $"{target.GetPath()} gets key {key}";
            target[Duplicate] = null;
        }
        else if (kind < 80)
        {
            var target = PickObject(root);
            if (target.Count > 0)
            {
                var key = target.ElementAt(_random.Next(target.Count)).Key;
                target.Remove(key);
                mutation = $"{target.GetPath()} without {key}";
            }
            else
            {
                mutation = "valid body (nothing to remove)";
            }
        }
        else if (kind < 86)
        {
            mutation = "truncated";
        }
        else if (kind < 94)
        {
            contentType = ContentTypes[_random.Next(ContentTypes.Length)];
            mutation = $"content type {contentType}";
        }
        else if (kind < 97)
        {
            var whole = new[] { "[]", "\"x\"", "1", "null", "{}", "[{}]", "{\"create\":null}", "", " ", "\uFEFF{}" };
            raw = whole[_random.Next(whole.Length)];
            mutation = $"body {raw}";
            root = JsonValue.Create(Raw);
        }
        else
        {
            contentType = null;
            mutation = "no content type";
        }

        var json = root.ToJsonString()
            .Replace($"\"{Duplicate}\":null", raw, StringComparison.Ordinal)
            .Replace($"\"{Raw}\"", raw, StringComparison.Ordinal);
        var body = Encode(json, contentType, mutation);
        if (mutation == "truncated" && body.Length > 1)
        {
            body = body[.._random.Next(1, body.Length)];
        }

        return new HostileCase(index, route, method, url, mutation, body, contentType);
    }

    private byte[] Encode(string json, string? contentType, string mutation)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var bad = Encoding.UTF8.GetBytes(BadBytes);
        var at = bytes.AsSpan().IndexOf(bad);
        if (at >= 0)
        {
            byte[][] invalid =
                [[0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0xF4, 0x90, 0x80, 0x80], [0x80]];
            bytes = [.. bytes[..at], .. invalid[_random.Next(invalid.Length)], .. bytes[(at + bad.Length)..]];
        }

        // A body really sent in UTF-16 half of the time a UTF-16 charset is named, UTF-8 (often odd-length) otherwise.
        if (contentType?.Contains("utf-16", StringComparison.Ordinal) == true && _random.Next(2) == 0
            && !mutation.Contains("UTF-8", StringComparison.Ordinal))
        {
            var utf16 = contentType.EndsWith("be", StringComparison.Ordinal)
                ? Encoding.BigEndianUnicode
                : Encoding.Unicode;
            return utf16.GetBytes(json);
        }

        return bytes;
    }

    private string Fill(string template, int index)
    {
        var text = template.Replace("{N}", index.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{K}", (index % 16).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        foreach (var (key, value) in ids)
        {
            text = text.Replace("{" + key + "}", value, StringComparison.Ordinal);
        }

        return text;
    }

    private static string Nested(int depth)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < depth; i++)
        {
            builder.Append(i % 2 == 0 ? "{\"k\":" : "[");
        }

        builder.Append('1');
        for (var i = depth - 1; i >= 0; i--)
        {
            builder.Append(i % 2 == 0 ? '}' : ']');
        }

        return builder.ToString();
    }

    private static string Escape(string text) => System.Text.Json.JsonSerializer.Serialize(text)[1..^1];

    private static void Replace(JsonNode node, string marker)
    {
        switch (node.Parent)
        {
            case JsonObject parent:
                parent[node.GetPropertyName()] = marker;
                break;
            case JsonArray array:
                array[node.GetElementIndex()] = marker;
                break;
        }
    }

    private static List<JsonNode> Descendants(JsonNode root)
    {
        var all = new List<JsonNode>();
        var pending = new Stack<JsonNode>([root]);
        while (pending.TryPop(out var node))
        {
            all.Add(node);
            IEnumerable<JsonNode?> children = node switch
            {
                JsonObject o => o.Select(p => p.Value),
                JsonArray a => a,
                _ => [],
            };
            foreach (var child in children.OfType<JsonNode>())
            {
                pending.Push(child);
            }
        }

        return all;
    }

    private JsonNode PickValue(JsonNode root)
    {
        var nodes = Descendants(root).Where(n => n.Parent is not null).ToList();
        return nodes[_random.Next(nodes.Count)];
    }

    private JsonNode? PickString(JsonNode root)
    {
        var nodes = Descendants(root)
            .Where(n => n.Parent is not null && n.GetValueKind() == System.Text.Json.JsonValueKind.String).ToList();
        return nodes.Count == 0 ? null : nodes[_random.Next(nodes.Count)];
    }

    /// <summary>A value kept as free JSON (metadata, extensions, meta data, FAQs), or something inside one.</summary>
    private JsonNode? PickFreeJson(JsonNode root)
    {
        string[] free = ["metadata", "extensions", "value", "faqs", "woocommerce", "medusa", "trade"];
        var nodes = Descendants(root)
            .Where(n => n.Parent is not null && n.GetPath().Split('.', '[').Any(free.Contains)).ToList();
        return nodes.Count == 0 ? null : nodes[_random.Next(nodes.Count)];
    }

    private JsonObject PickObject(JsonNode root)
    {
        var objects = Descendants(root).OfType<JsonObject>().ToList();
        return objects[_random.Next(objects.Count)];
    }
}
