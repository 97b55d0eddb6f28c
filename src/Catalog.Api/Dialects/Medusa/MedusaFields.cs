using System.Buffers;
using System.Text;
using System.Text.Json.Nodes;

namespace Catalog.Api.Dialects.Medusa;

/// <summary>
/// Medusa's <c>fields</c> query parameter as a projection over a rendered response. The value is a comma-separated
/// list: <c>+field</c> (or <c> field</c>, since a query string's <c>+</c> reads as a space) adds to the defaults,
/// <c>-field</c> removes a field and everything under it, <c>*relation</c> or <c>relation.*</c> adds a relation with
/// all its own fields; any entry without one of those marks replaces the defaults with the list. <c>id</c> is always
/// kept. A relation named plainly (<c>variants</c>) reads as <c>*variants</c>; a dotted path (<c>variants.sku</c>)
/// selects one field of a relation. Objects inside a selected relation always keep their <c>id</c>, as Medusa's
/// queries do.
/// </summary>
internal sealed class MedusaFields
{
    /// <summary>The properties that are relations: shown when <c>fields</c> (or the defaults) select them.</summary>
    private static readonly IReadOnlySet<string> Relations = new HashSet<string>(StringComparer.Ordinal)
    {
        "type", "collection", "options", "values", "tags", "images", "variants", "sales_channels", "categories",
        "prices", "option", "inventory_items",
    };

    /// <summary>Computed, not stored, in Medusa too: shown when named (<c>+variants.inventory_quantity</c>).</summary>
    private static readonly IReadOnlySet<string> Computed =
        new HashSet<string>(StringComparer.Ordinal) { "inventory_quantity" };

    // Medusa's defaults for the admin product and variant routes, less what Catalog does not keep (price lists,
    // inventory levels), plus shipping_profile_id, which Medusa shows through a relation Catalog has not.
    private static readonly IReadOnlyList<string> ProductFields =
    [
        "id", "title", "subtitle", "status", "external_id", "description", "handle", "is_giftcard", "discountable",
        "thumbnail", "collection_id", "type_id", "shipping_profile_id", "weight", "length", "height", "width",
        "hs_code", "origin_country", "mid_code", "material", "created_at", "updated_at", "deleted_at", "metadata",
        "*type", "*collection", "*options", "*options.values", "*tags", "*images", "*variants", "*variants.prices",
        "*variants.options", "*sales_channels",
    ];

    private static readonly IReadOnlyList<string> VariantFields =
    [
        "id", "product_id", "title", "sku", "allow_backorder", "manage_inventory", "hs_code", "origin_country",
        "mid_code", "material", "weight", "length", "height", "width", "created_at", "updated_at", "deleted_at",
        "metadata", "variant_rank", "ean", "upc", "barcode", "*prices", "*options",
    ];

    private readonly Selection _root;
    private readonly HashSet<string> _relations;
    private readonly HashSet<string> _computed;

    private MedusaFields(
        Selection root, IReadOnlySet<string> relations, IReadOnlySet<string> computed, IReadOnlySet<string> stars)
    {
        _root = root;
        _relations = new HashSet<string>(relations, StringComparer.Ordinal);
        _computed = new HashSet<string>(computed, StringComparer.Ordinal);
        StarFields = stars;
    }

    /// <summary>The relations selected with all their own fields.</summary>
    public IReadOnlySet<string> StarFields { get; }

    public static MedusaFields ForProducts(string? fields) => Parse(fields, ProductFields, Relations, Computed);

    public static MedusaFields ForVariants(string? fields) => Parse(fields, VariantFields, Relations, Computed);

    /// <summary>
    /// Applies <paramref name="fields"/> (null: not sent) to <paramref name="defaults"/>; <paramref name="relations"/>
    /// are shown only when selected; <paramref name="computed"/> fields only when named, never by a star.
    /// </summary>
    public static MedusaFields Parse(string? fields, IEnumerable<string> defaults, IReadOnlySet<string> relations,
        IReadOnlySet<string>? computed = null)
    {
        var all = new List<string>(defaults);
        if (fields is not null)
        {
            var custom = fields.Split(',').Where(f => f.Length > 0).ToList();
            if (custom.Count == 0 || custom.Any(f => !HasModifier(f)))
            {
                all = [.. custom.Select(Strip).Where(f => f.Length > 0).Distinct(StringComparer.Ordinal)];
            }
            else
            {
                foreach (var field in custom)
                {
                    Apply(all, field);
                }
            }

            AddOnce(all, "id");
        }

        var stars = all.Where(IsStar)
            .Select(f => f.StartsWith('*') ? f[1..] : f[..^2])
            .ToHashSet(StringComparer.Ordinal);
        var root = new Selection();
        foreach (var field in all.Where(f => !IsStar(f)))
        {
            root.Walk(field).Named = true;
        }

        foreach (var star in stars)
        {
            root.Walk(star).AllOwnFields = true;
        }

        return new MedusaFields(root, relations, computed ?? new HashSet<string>(), stars);
    }

    /// <summary>True when the selection reaches into <paramref name="relationPath"/> for more than its ids.</summary>
    public bool WantsMoreThanIds(string relationPath)
    {
        var node = _root;
        foreach (var part in relationPath.Split('.'))
        {
            if (!node.Children.TryGetValue(part, out var next))
            {
                return false;
            }

            node = next;
        }

        return node.AllOwnFields || node.Named || node.Children.Keys.Any(k => k != "id");
    }

    /// <summary>The parts of <paramref name="full"/> the selection asks for, in the order it has them.</summary>
    public JsonObject Project(JsonObject full)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(full);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            var reader = new Utf8JsonReader(json);
            reader.Read();
            Write(json, ref reader, writer);
        }

        return JsonNode.Parse(buffer.WrittenSpan)!.AsObject();
    }

    /// <summary>
    /// Writes the parts of the object at <paramref name="reader"/> (its start, in <paramref name="json"/>), or of each
    /// object of the array there, that the selection asks for, in the order it has them, and leaves the reader at its
    /// end. A stream from bytes to bytes: nothing of the object is held but the path to the value being read.
    /// </summary>
    public void Write(ReadOnlySpan<byte> json, ref Utf8JsonReader reader, Utf8JsonWriter writer) =>
        WriteValue(json, ref reader, writer, _root, nested: false);

    private void WriteObject(
        ReadOnlySpan<byte> json, ref Utf8JsonReader reader, Utf8JsonWriter writer, Selection selection, bool nested)
    {
        var allOwn = selection.AllOwnFields || selection.Named;
        var children = selection.Children.GetAlternateLookup<ReadOnlySpan<char>>();
        var relations = _relations.GetAlternateLookup<ReadOnlySpan<char>>();
        var computed = _computed.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> buffer = stackalloc char[MaxPlainName];
        writer.WriteStartObject();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            // The names are the serializer's own, short and plain: read without a string for each.
            var plain = !reader.ValueIsEscaped && reader.ValueSpan.Length <= MaxPlainName;
            ReadOnlySpan<char> name = plain
                ? buffer[..Encoding.UTF8.GetChars(reader.ValueSpan, buffer)]
                : reader.GetString();
            var utf8Name = plain ? reader.ValueSpan : default;
            reader.Read();
            children.TryGetValue(name, out var child);
            if (relations.Contains(name))
            {
                if (child is null)
                {
                    reader.Skip();
                    continue;
                }

                WriteName(writer, utf8Name, name);
                WriteValue(json, ref reader, writer, child, nested: true);
            }
            else if (child is not null || (allOwn && !computed.Contains(name)) || (nested && name is "id"))
            {
                WriteName(writer, utf8Name, name);
                Copy(json, ref reader, writer);
            }
            else
            {
                reader.Skip();
            }
        }

        writer.WriteEndObject();
    }

    private const int MaxPlainName = 64;

    private static void WriteName(Utf8JsonWriter writer, ReadOnlySpan<byte> utf8, ReadOnlySpan<char> name)
    {
        if (utf8.IsEmpty)
        {
            writer.WritePropertyName(name);
        }
        else
        {
            writer.WritePropertyName(utf8);
        }
    }

    private void WriteValue(
        ReadOnlySpan<byte> json, ref Utf8JsonReader reader, Utf8JsonWriter writer, Selection selection, bool nested)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartArray:
                writer.WriteStartArray();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (reader.TokenType == JsonTokenType.StartObject)
                    {
                        WriteObject(json, ref reader, writer, selection, nested);
                    }
                    else
                    {
                        Copy(json, ref reader, writer);
                    }
                }

                writer.WriteEndArray();
                break;
            case JsonTokenType.StartObject:
                WriteObject(json, ref reader, writer, selection, nested);
                break;
            default:
                Copy(json, ref reader, writer);
                break;
        }
    }

    /// <summary>Copies the value at <paramref name="reader"/> as it stands in <paramref name="json"/>.</summary>
    public static void Copy(ReadOnlySpan<byte> json, ref Utf8JsonReader reader, Utf8JsonWriter writer)
    {
        var start = checked((int)reader.TokenStartIndex);
        reader.Skip();
        writer.WriteRawValue(json[start..checked((int)reader.BytesConsumed)], skipInputValidation: true);
    }

    private static bool HasModifier(string field) =>
        field.StartsWith('-') || field.StartsWith('+') || field.StartsWith(' ') || IsStar(field);

    private static bool IsStar(string field) => field.StartsWith('*') || field.EndsWith(".*", StringComparison.Ordinal);

    private static string Strip(string field) => field.TrimStart('+', ' ', '\t', '-').Trim();

    private static void Apply(List<string> all, string field)
    {
        if (field.StartsWith('-'))
        {
            var name = Strip(field);
            all.RemoveAll(f =>
            {
                var bare = f.StartsWith('*') ? f[1..] : f;
                bare = bare.EndsWith(".*", StringComparison.Ordinal) ? bare[..^2] : bare;
                return bare == name || bare.StartsWith(name + ".", StringComparison.Ordinal);
            });
        }
        else
        {
            AddOnce(all, field.StartsWith('+') || field.StartsWith(' ') ? Strip(field) : field);
        }
    }

    private static void AddOnce(List<string> all, string field)
    {
        if (field.Length > 0 && !all.Contains(field, StringComparer.Ordinal))
        {
            all.Add(field);
        }
    }

    private sealed class Selection
    {
        public Dictionary<string, Selection> Children { get; } = new(StringComparer.Ordinal);

        /// <summary>Named itself (<c>title</c>, or <c>variants</c> as <c>*variants</c>), not just reached.</summary>
        public bool Named { get; set; }

        public bool AllOwnFields { get; set; }

        public Selection Walk(string path)
        {
            var node = this;
            foreach (var part in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
            {
                node = node.Children.TryGetValue(part, out var next) ? next : node.Children[part] = new Selection();
            }

            return node;
        }
    }
}
