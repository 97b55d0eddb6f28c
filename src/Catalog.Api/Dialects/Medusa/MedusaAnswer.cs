using System.Collections;
using System.Text.Json.Serialization;

namespace Catalog.Api.Dialects.Medusa;

/// <summary>
/// A Medusa answer cut to the <c>fields</c> asked: the response's properties in the serializer's order, each product
/// or variant under one of the keys a <see cref="MedusaCut"/> of its own and the rest as it is. The serializer writes
/// a list of cuts one at a time, so a page streams out item by item (docs/reliability.md, "Bounded answers").
/// </summary>
internal sealed class MedusaAnswer : OrderedDictionary<string, object?>
{
    // The API's JSON settings (Program.cs configures MVC's with the same), read here for the properties' names only.
    private static readonly JsonSerializerOptions Names = CatalogJson.Create();

    public MedusaAnswer(object response, MedusaFields fields, IReadOnlyList<string> keys)
        : base(StringComparer.Ordinal)
    {
        ArgumentNullException.ThrowIfNull(response);
        foreach (var property in Names.GetTypeInfo(response.GetType()).Properties)
        {
            var value = property.Get!(response);
            if (property.ShouldSerialize?.Invoke(response, value) == false)
            {
                continue;
            }

            Add(property.Name, keys.Contains(property.Name) ? Cut(value, fields) : value);
        }
    }

    private static object? Cut(object? value, MedusaFields fields) => value switch
    {
        null => null,
        IEnumerable items => items.Cast<object>().Select(item => new MedusaCut(item, fields)).ToList(),
        _ => new MedusaCut(value, fields),
    };
}

/// <summary>One product or variant of a Medusa answer, written with only the fields asked.</summary>
[JsonConverter(typeof(MedusaCutConverter))]
internal sealed record MedusaCut(object Item, MedusaFields Fields);

/// <summary>
/// Writes a <see cref="MedusaCut"/>: the item serialized whole into pooled memory, then streamed through the projection
/// into the answer, from bytes to bytes. A JSON tree of a 1,000-product answer, projected into a second tree, cost more
/// than the batch it answered (docs/benchmarks.md, 2026-12-05 fifth session); one item at a time, the memory is one
/// item's, whatever the page.
/// </summary>
internal sealed class MedusaCutConverter : JsonConverter<MedusaCut>
{
    public override MedusaCut Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("A Medusa answer is written, never read.");

    public override void Write(Utf8JsonWriter writer, MedusaCut value, JsonSerializerOptions options)
    {
        using var buffer = new PooledBufferWriter();
        using (var whole = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = options.Encoder }))
        {
            JsonSerializer.Serialize(whole, value.Item, value.Item.GetType(), options);
        }

        var json = buffer.Written.Span;
        var reader = new Utf8JsonReader(json);
        reader.Read();
        value.Fields.Write(json, ref reader, writer);
    }
}
