using System.Text.Json;
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
        (JsonConverter)Activator.CreateInstance(typeof(OptionalJsonConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;

    private sealed class OptionalJsonConverter<T> : JsonConverter<Optional<T>>
    {
        public override bool HandleNull => true;

        public override Optional<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            new(JsonSerializer.Deserialize<T>(ref reader, options)!);

        public override void Write(Utf8JsonWriter writer, Optional<T> value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value.Value, options);
    }
}
