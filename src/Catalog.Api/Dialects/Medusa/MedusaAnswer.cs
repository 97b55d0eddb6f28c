using System.Text.Json.Serialization;

namespace Catalog.Api.Dialects.Medusa;

/// <summary>
/// A Medusa answer cut to the <c>fields</c> asked: each product or variant under <paramref name="Keys"/> shows what
/// <paramref name="Fields"/> selects, the rest of <paramref name="Response"/> as it is.
/// </summary>
[JsonConverter(typeof(MedusaAnswerConverter))]
internal sealed record MedusaAnswer(object Response, MedusaFields Fields, IReadOnlyList<string> Keys);

/// <summary>
/// Writes a <see cref="MedusaAnswer"/>: the response serialized whole into pooled memory, then streamed through the
/// projection into the answer, from bytes to bytes. A JSON tree of a 1,000-product answer, projected into a second
/// tree, cost more than the batch it answered (docs/benchmarks.md, 2026-12-05 fifth session).
/// </summary>
internal sealed class MedusaAnswerConverter : JsonConverter<MedusaAnswer>
{
    public override MedusaAnswer Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("A Medusa answer is written, never read.");

    public override void Write(Utf8JsonWriter writer, MedusaAnswer value, JsonSerializerOptions options)
    {
        using var buffer = new PooledBufferWriter();
        using (var whole = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = options.Encoder }))
        {
            JsonSerializer.Serialize(whole, value.Response, value.Response.GetType(), options);
        }

        var json = buffer.Written.Span;
        var reader = new Utf8JsonReader(json);
        reader.Read();
        writer.WriteStartObject();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            writer.WritePropertyName(name);
            if (value.Keys.Contains(name))
            {
                value.Fields.Write(json, ref reader, writer);
            }
            else
            {
                MedusaFields.Copy(json, ref reader, writer);
            }
        }

        writer.WriteEndObject();
    }
}
