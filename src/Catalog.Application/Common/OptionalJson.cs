using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json.Serialization.Metadata;

namespace Catalog.Application.Common;

/// <summary>
/// Makes every <see cref="Optional{T}"/> property a plain <c>T</c> property to the serializer: read in the same pass as
/// its object (so an error names its full path, such as <c>$.create[0].variants[1].stock_quantity</c>), written only
/// when it has a value, and described as <c>T</c> in the OpenAPI document.
/// </summary>
public static class OptionalJson
{
    private static readonly ConcurrentDictionary<Type, Func<object?, object>> Wrappers = new();

    public static void Modifier(JsonTypeInfo typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        for (var i = 0; i < typeInfo.Properties.Count; i++)
        {
            var property = typeInfo.Properties[i];
            var type = property.PropertyType;
            if (!type.IsGenericType || type.GetGenericTypeDefinition() != typeof(Optional<>))
            {
                continue;
            }

            var get = property.Get;
            var set = property.Set;
            var wrap = Wrappers.GetOrAdd(type.GetGenericArguments()[0], CreateWrapper);
            var plain = typeInfo.CreateJsonPropertyInfo(type.GetGenericArguments()[0], property.Name);
            plain.Order = property.Order;
            plain.Get = get is null ? null : owner => ((IOptional)get(owner)!).BoxedValue;
            plain.Set = set is null ? null : (owner, value) => set(owner, wrap(value));
            plain.ShouldSerialize = get is null ? null : (owner, _) => ((IOptional)get(owner)!).HasValue;
            typeInfo.Properties[i] = plain;
        }
    }

    private static Func<object?, object> CreateWrapper(Type inner) =>
        typeof(OptionalJson).GetMethod(nameof(Wrap), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(inner)
            .CreateDelegate<Func<object?, object>>();

#pragma warning disable CA1859 // Boxed on purpose: the property setter takes an object.
    private static object Wrap<T>(object? value) => new Optional<T>((T)value!);
#pragma warning restore CA1859
}
