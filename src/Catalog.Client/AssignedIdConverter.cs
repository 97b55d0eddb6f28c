using System.Text.Json;
using System.Text.Json.Serialization;

namespace Catalog.Client;

/// <summary>
/// Reads an id the database assigns (a resource's <c>id</c>, a variant's <c>product_id</c>, a value's
/// <c>attribute_id</c>). A dry run's answer (<c>dry_run=true</c>) shows the ids of the rows the batch would insert as
/// <c>null</c>, since they were never assigned; this reads them as <c>0</c>, which no row has, so that the resource
/// types keep the plain <see cref="long"/> ids every other answer fills. The generated code puts it on those
/// properties (<c>Templates/Class.Property.Annotations.liquid</c>).
/// </summary>
public sealed class AssignedIdConverter : JsonConverter<long>
{
    /// <summary>The id a dry run's answer gives a row it would insert.</summary>
    public const long Unassigned = 0;

    /// <inheritdoc/>
    public override bool HandleNull => true;

    /// <inheritdoc/>
    public override long Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? Unassigned : reader.GetInt64();

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, long value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumberValue(value);
    }
}
