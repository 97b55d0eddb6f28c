using System.Text.Json.Serialization;

namespace Catalog.Application.Common.Json;

/// <summary>
/// An id the database assigns, on the wire: null when it is a dry run's placeholder (<see cref="PlaceholderIds"/>),
/// since the row it stands for was never inserted and the id it would get is not known. The resource types keep a
/// plain <c>long</c>, as every other answer has a real id there.
/// </summary>
public sealed class AssignedIdConverter : JsonConverter<long>
{
    public override long Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetInt64();

    public override void Write(Utf8JsonWriter writer, long value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (PlaceholderIds.IsPlaceholder(value))
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteNumberValue(value);
        }
    }
}
