using System.Buffers;
using System.Text;

namespace Catalog.Api.Dialects.WooCommerce;

/// <summary>
/// A decimal as a string (<c>"19.99"</c>, <c>""</c> for none) or a number. The translation parses it, so that a value
/// that is not a number fails its item, not the request.
/// </summary>
[JsonConverter(typeof(WooDecimalConverter))]
public readonly record struct WooDecimal(string Text, bool SentAsNumber = false)
{
    private const NumberStyles Plain = NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign;

    public bool IsEmpty => string.IsNullOrWhiteSpace(Text);

    public bool TryParse(out decimal value) =>
        decimal.TryParse(Text.Trim(), Plain, CultureInfo.InvariantCulture, out value);

    /// <summary>An amount without trailing zeros (when its sent text is not known); empty when there is none.</summary>
    public static string Format(decimal? value) =>
        value is { } v ? (v / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture) : string.Empty;

    public override string ToString() => Text;
}

internal sealed class WooDecimalConverter : JsonConverter<WooDecimal>
{
    public override WooDecimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.String => new WooDecimal(reader.GetString()!),
            JsonTokenType.Number => new WooDecimal(Encoding.UTF8.GetString(Digits(ref reader)), SentAsNumber: true),
            _ => throw new JsonException("expected a decimal as a string or a number."),
        };

    public override void Write(Utf8JsonWriter writer, WooDecimal value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Text);

    private static ReadOnlySpan<byte> Digits(ref Utf8JsonReader reader) =>
        reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan;
}

/// <summary>An attribute's options: a list of strings, or one string of values separated by <c>|</c>.</summary>
[JsonConverter(typeof(WooOptionListConverter))]
public sealed record WooOptionList(IReadOnlyList<string> Values);

internal sealed class WooOptionListConverter : JsonConverter<WooOptionList>
{
    public override WooOptionList Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            const StringSplitOptions trimmed = StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries;
            return new WooOptionList([.. reader.GetString()!.Split('|', trimmed)]);
        }

        var values = JsonSerializer.Deserialize<List<string>>(ref reader, options)
            ?? throw new JsonException("expected an array of strings.");
        return new WooOptionList(values);
    }

    public override void Write(Utf8JsonWriter writer, WooOptionList value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value.Values, options);
}

/// <summary>
/// WooCommerce answers a price as the string it was sent ("19.00"). Catalog keeps the amount, and the text beside it
/// under WooCommerce's meta names; the text is answered while it still states the amount (a write through another API
/// makes it stale).
/// </summary>
internal static class WooPriceText
{
    public const string Regular = "_regular_price";
    public const string Sale = "_sale_price";

    public static void Keep(WooFields fields, WooDecimal? regular, WooDecimal? sale)
    {
        Keep(fields, Regular, regular);
        Keep(fields, Sale, sale);
    }

    public static string Render(WooFields fields, string name, decimal? amount) =>
        amount is { } value
        && fields.Text(name) is { } text && new WooDecimal(text).TryParse(out var sent) && sent == value
            ? text.Trim()
            : WooDecimal.Format(amount);

    private static void Keep(WooFields fields, string name, WooDecimal? sent)
    {
        // A JSON number reaches WordPress as a PHP float, whose text has no trailing zeros: only strings keep theirs.
        if (sent is { } price)
        {
            fields.Set(name, price.IsEmpty || price.SentAsNumber ? null : price.Text);
        }
    }
}
