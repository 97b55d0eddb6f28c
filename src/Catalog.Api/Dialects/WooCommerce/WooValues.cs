using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Catalog.Api.Dialects.WooCommerce;

/// <summary>
/// A decimal as WooCommerce sends it: a string (<c>"19.99"</c>, <c>""</c> for none), or a number, which WooCommerce
/// accepts too. Parsed by the translation, so that a value that is not a number fails its item, not the request.
/// </summary>
[JsonConverter(typeof(WooDecimalConverter))]
public readonly record struct WooDecimal(string Text)
{
    public bool IsEmpty => string.IsNullOrWhiteSpace(Text);

    public bool TryParse(out decimal value) =>
        decimal.TryParse(Text.Trim(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    /// <summary>How WooCommerce answers an amount: a string, without trailing zeros; empty when there is none.</summary>
    public static string Format(decimal? value) => value is { } v ? (v / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture) : string.Empty;

    public override string ToString() => Text;
}

internal sealed class WooDecimalConverter : JsonConverter<WooDecimal>
{
    public override WooDecimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => new WooDecimal(reader.GetString()!),
        JsonTokenType.Number => new WooDecimal(System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan)),
        _ => throw new JsonException("expected a decimal as a string or a number."),
    };

    public override void Write(Utf8JsonWriter writer, WooDecimal value, JsonSerializerOptions options) => writer.WriteStringValue(value.Text);
}

/// <summary>An attribute's options: a list of strings, or one string of values separated by <c>|</c>, as WooCommerce accepts.</summary>
[JsonConverter(typeof(WooOptionListConverter))]
public sealed record WooOptionList(IReadOnlyList<string> Values);

internal sealed class WooOptionListConverter : JsonConverter<WooOptionList>
{
    public override WooOptionList Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return new WooOptionList([.. reader.GetString()!.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)]);
        }

        var values = JsonSerializer.Deserialize<List<string>>(ref reader, options) ?? throw new JsonException("expected an array of strings.");
        return new WooOptionList(values);
    }

    public override void Write(Utf8JsonWriter writer, WooOptionList value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value.Values, options);
}
