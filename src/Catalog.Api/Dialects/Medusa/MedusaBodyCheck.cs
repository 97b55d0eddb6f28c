using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace Catalog.Api.Dialects.Medusa;

/// <summary>
/// A problem in a request, printed as zod's: <c>Validation error: Required at "title"</c>; or, with
/// <paramref name="NotFound"/>, an id that names no row: <c>Product with id: prod_x was not found at "delete[0]"</c>.
/// </summary>
internal sealed record MedusaIssue(string Path, string Message, bool NotFound = false)
{
    public override string ToString() => (NotFound, Path.Length) switch
    {
        (true, 0) => Message,
        (true, _) => $"{Message} at \"{Path}\"",
        (false, 0) => $"Validation error: {Message}",
        _ => $"Validation error: {Message} at \"{Path}\"",
    };
}

/// <summary>
/// Checks a JSON body against a contract type as Medusa's zod schemas do, reporting every problem at once. The contract
/// is the schema: a <c>required</c> member must be present, a nullable one may be null, other members may be left out,
/// an object takes only the keys it declares, and a <see cref="JsonElement"/> is any object (<c>z.record</c>).
/// </summary>
internal static partial class MedusaBodyCheck
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<Member>> Members = new();
    private static readonly JsonNamingPolicy Naming = JsonNamingPolicy.SnakeCaseLower;

    public static IReadOnlyList<MedusaIssue> Validate(JsonElement body, Type contract)
    {
        var issues = new List<MedusaIssue>();
        Check(body, new Shape(contract, Nullable: false), string.Empty, issues);
        return issues;
    }

    private static void Check(JsonElement value, Shape shape, string path, List<MedusaIssue> issues)
    {
        var type = Nullable.GetUnderlyingType(shape.Type) ?? shape.Type;
        var received = Received(value);
        if (received != KindOf(type))
        {
            if (received != "null" || !shape.Nullable)
            {
                issues.Add(new(path, $"Expected {Expected(type)}, received {received}"));
            }
        }
        else if (type.IsEnum && !EnumNames(type).Contains(value.GetString()!, StringComparer.Ordinal))
        {
            issues.Add(new(path, $"Invalid enum value. Expected {Expected(type)}, received '{value.GetString()}'"));
        }
        else if (type == typeof(decimal) && !value.TryGetDecimal(out _))
        {
            issues.Add(new(path, "Number is too large"));
        }
        else if (type == typeof(int) || type == typeof(long))
        {
            var (min, max) = type == typeof(int) ? (int.MinValue, int.MaxValue) : (long.MinValue, long.MaxValue);
            CheckInteger(value, min, max, path, issues);
        }
        else if (DictionaryValue(type) is { } valueType)
        {
            foreach (var property in value.EnumerateObject())
            {
                Check(property.Value, new Shape(valueType, Nullable: false), Join(path, property.Name), issues);
            }
        }
        else if (ListItem(type) is { } itemType)
        {
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                Check(item, new Shape(itemType, Nullable: false), $"{path}[{index++}]", issues);
            }
        }
        else if (received == "object" && type != typeof(JsonElement))
        {
            CheckObject(value, type, path, issues);
        }
    }

    private static void CheckObject(JsonElement value, Type type, string path, List<MedusaIssue> issues)
    {
        var members = Members.GetOrAdd(type, Describe);
        var unknown = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in value.EnumerateObject())
        {
            var member = members.FirstOrDefault(m => m.Name == property.Name);
            if (member is null)
            {
                unknown.Add(property.Name);
                continue;
            }

            seen.Add(property.Name);
            Check(property.Value, member.Shape, Join(path, property.Name), issues);
        }

        foreach (var missing in members.Where(m => m.Required && !seen.Contains(m.Name)))
        {
            issues.Add(new(Join(path, missing.Name), "Required"));
        }

        if (unknown.Count > 0)
        {
            var names = string.Join(", ", unknown.Select(u => $"'{u}'"));
            issues.Add(new(path, $"Unrecognized key(s) in object: {names}"));
        }
    }

    private static void CheckInteger(JsonElement value, long min, long max, string path, List<MedusaIssue> issues)
    {
        var tooLarge = $"Number must be less than or equal to {max}";
        var tooSmall = $"Number must be greater than or equal to {min}";
        if (value.TryGetInt64(out var whole))
        {
            if (whole > max || whole < min)
            {
                issues.Add(new(path, whole > max ? tooLarge : tooSmall));
            }
        }
        else if (value.TryGetDecimal(out var number) && number == decimal.Truncate(number)
            && (number > long.MaxValue || number < long.MinValue))
        {
            issues.Add(new(path, number > 0 ? tooLarge : tooSmall));
        }
        else
        {
            // A fraction, or a whole number written as one (1.0, 1e2): an integer field takes integer literals only.
            issues.Add(new(path, "Expected integer, received float"));
        }
    }

    /// <summary>The JSON a type is written as, in zod's words.</summary>
    private static string KindOf(Type type) => type switch
    {
        _ when type == typeof(string) || type.IsEnum => "string",
        _ when type == typeof(bool) => "boolean",
        _ when type == typeof(decimal) || type == typeof(int) || type == typeof(long) => "number",
        _ when ListItem(type) is not null => "array",
        _ => "object",
    };

    private static string Expected(Type type) =>
        type.IsEnum ? string.Join(" | ", EnumNames(type).Select(n => $"'{n}'")) : KindOf(type);

    private static IEnumerable<string> EnumNames(Type type) => Enum.GetNames(type).Select(Naming.ConvertName);

    // zod's names are JSON's, but for booleans.
    private static string Received(JsonElement value) => value.ValueKind is JsonValueKind.True or JsonValueKind.False
        ? "boolean"
        : value.ValueKind.ToString().ToLowerInvariant();

    /// <summary>A path as zod-validation-error prints it: <c>create[0].metadata["a key"]</c>.</summary>
    private static string Join(string path, string name) => Identifier().IsMatch(name)
        ? (path.Length == 0 ? name : $"{path}.{name}")
        : $"{path}[{JsonSerializer.Serialize(name)}]";

    // The contracts' collections are IReadOnlyList<T> and IReadOnlyDictionary<string, T>.
    private static Type? ListItem(Type type) => Generic(type, typeof(IReadOnlyList<>)) is [var item] ? item : null;

    private static Type? DictionaryValue(Type type) =>
        Generic(type, typeof(IReadOnlyDictionary<,>)) is [var key, var value] && key == typeof(string) ? value : null;

    private static Type[]? Generic(Type type, Type open) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == open ? type.GetGenericArguments() : null;

    private static IReadOnlyList<Member> Describe(Type type)
    {
        var nullability = new NullabilityInfoContext();
        return
        [
            .. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.CanWrite && p.GetCustomAttribute<JsonIgnoreAttribute>() is null)
                .Select(p =>
                {
                    var info = nullability.Create(p);
                    var isOptional = Generic(p.PropertyType, typeof(Optional<>)) is not null;
                    var valueType = isOptional ? p.PropertyType.GetGenericArguments()[0] : p.PropertyType;
                    var valueInfo = isOptional ? info.GenericTypeArguments[0] : info;
                    var nullable = Nullable.GetUnderlyingType(valueType) is not null
                        || (!valueType.IsValueType && valueInfo.ReadState == NullabilityState.Nullable);
                    var name = p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? Naming.ConvertName(p.Name);
                    var required = p.GetCustomAttribute<RequiredMemberAttribute>() is not null;
                    return new Member(name, new Shape(valueType, nullable), required);
                }),
        ];
    }

    [GeneratedRegex("^[A-Za-z_$][A-Za-z0-9_$]*$")]
    private static partial Regex Identifier();

    private sealed record Shape(Type Type, bool Nullable);

    private sealed record Member(string Name, Shape Shape, bool Required);
}
