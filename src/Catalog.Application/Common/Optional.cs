using System.Text.Json.Serialization;

namespace Catalog.Application.Common;

/// <summary>
/// A field of an update that may be absent. Absent means "leave as it is"; present and null means "clear it".
/// On the wire it is just the value: the JSON converter sets <see cref="HasValue"/> when the property is there.
/// </summary>
[JsonConverter(typeof(OptionalJsonConverterFactory))]
public readonly record struct Optional<T> : IOptional
{
    public Optional(T value)
    {
        Value = value;
        HasValue = true;
    }

    public bool HasValue { get; }

    public T Value { get; }

    object? IOptional.BoxedValue => Value;

    public T Or(T fallback) => HasValue ? Value : fallback;

#pragma warning disable CA2225 // Optional<T>.Some exists for languages without implicit conversions.
    public static implicit operator Optional<T>(T value) => new(value);
#pragma warning restore CA2225

    public static Optional<T> Some(T value) => new(value);

    public override string ToString() => HasValue ? $"{Value}" : "(absent)";
}

public static class OptionalLists
{
    /// <summary>The list sent; none when it was left out or sent as null.</summary>
    public static IReadOnlyList<T> Items<T>(this Optional<IReadOnlyList<T>?> list) =>
        list.HasValue ? list.Value ?? [] : [];
}

public interface IOptional
{
    bool HasValue { get; }

    object? BoxedValue { get; }
}

public sealed class OptionalJsonConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(Optional<>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(
            typeof(OptionalJsonConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;

    private sealed class OptionalJsonConverter<T> : JsonConverter<Optional<T>>
    {
        public override bool HandleNull => true;

        /// <summary>
        /// Reads through the inner converter in the same serializer state (not a nested Deserialize call), so that an
        /// error names the property's full path, such as <c>$.create[0].variants[1].stock_quantity</c>.
        /// </summary>
        public override Optional<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Null && default(T) is null)
            {
                return new Optional<T>(default!);
            }

            var converter = (JsonConverter<T>)options.GetConverter(typeof(T));
            return new Optional<T>(converter.Read(ref reader, typeof(T), options)!);
        }

        public override void Write(Utf8JsonWriter writer, Optional<T> value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value.Value, options);
    }
}
