using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Catalog.Application.Common;

namespace Catalog.Api.Dialects.Medusa;

/// <summary>One problem with a request body: where (<c>create[0].variants[1].title</c>) and what, in zod's words.</summary>
public sealed record MedusaIssue(string Path, string Message)
{
    /// <summary>As Medusa prints a zod issue: <c>Validation error: Required at "create[0].title"</c>.</summary>
    public override string ToString() =>
        Path.Length == 0 ? $"Validation error: {Message}" : $"Validation error: {Message} at \"{Path}\"";
}

/// <summary>
/// Checks a JSON body against a contract type the way Medusa's zod schemas check it, and reports every problem at once:
/// unknown keys, wrong types, missing required fields, values outside an enum. The contract is the schema: a
/// <c>required</c> member must be present, a nullable one may be null, an <see cref="Optional{T}"/> or other member may
/// be left out, an object accepts only the keys it declares, and a <see cref="JsonElement"/> member is any JSON object
/// (Medusa's <c>z.record(z.unknown())</c>). The body is never bound before it passes, so nothing can half-bind.
/// </summary>
public static partial class MedusaBodyCheck
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<Member>> Members = new();
    private static readonly JsonNamingPolicy Naming = JsonNamingPolicy.SnakeCaseLower;

    public static IReadOnlyList<MedusaIssue> Validate(JsonElement body, Type contract)
    {
        ArgumentNullException.ThrowIfNull(contract);
        var issues = new List<MedusaIssue>();
        Check(body, new Shape(contract, Nullable: false), string.Empty, issues);
        return issues;
    }

    private static void Check(JsonElement value, Shape shape, string path, List<MedusaIssue> issues)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            if (!shape.Nullable)
            {
                issues.Add(new(path, $"Expected {Expected(shape.Type)}, received null"));
            }

            return;
        }

        var type = Nullable.GetUnderlyingType(shape.Type) ?? shape.Type;
        switch (type)
        {
            case var t when t == typeof(string):
                Expect(value, JsonValueKind.String, "string", path, issues);
                break;
            case var t when t == typeof(bool):
                if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    issues.Add(new(path, $"Expected boolean, received {Received(value)}"));
                }

                break;
            case var t when t == typeof(decimal):
                if (Expect(value, JsonValueKind.Number, "number", path, issues) && !value.TryGetDecimal(out _))
                {
                    issues.Add(new(path, "Number is too large"));
                }

                break;
            case var t when t == typeof(int) || t == typeof(long):
                CheckInteger(value, t == typeof(int) ? int.MinValue : long.MinValue, t == typeof(int) ? int.MaxValue : long.MaxValue, path, issues);
                break;
            case var t when t == typeof(JsonElement):
                Expect(value, JsonValueKind.Object, "object", path, issues);
                break;
            case { IsEnum: true }:
                CheckEnum(value, type, path, issues);
                break;
            case var t when DictionaryValue(t) is { } valueType:
                if (Expect(value, JsonValueKind.Object, "object", path, issues))
                {
                    foreach (var property in value.EnumerateObject())
                    {
                        Check(property.Value, new Shape(valueType, Nullable: false), Join(path, property.Name), issues);
                    }
                }

                break;
            case var t when ListItem(t) is { } itemType:
                if (Expect(value, JsonValueKind.Array, "array", path, issues))
                {
                    var index = 0;
                    foreach (var item in value.EnumerateArray())
                    {
                        Check(item, new Shape(itemType, Nullable: false), $"{path}[{index++}]", issues);
                    }
                }

                break;
            default:
                CheckObject(value, type, path, issues);
                break;
        }
    }

    private static void CheckObject(JsonElement value, Type type, string path, List<MedusaIssue> issues)
    {
        if (!Expect(value, JsonValueKind.Object, "object", path, issues))
        {
            return;
        }

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
            issues.Add(new(path, $"Unrecognized key(s) in object: {string.Join(", ", unknown.Select(u => $"'{u}'"))}"));
        }
    }

    private static void CheckInteger(JsonElement value, long min, long max, string path, List<MedusaIssue> issues)
    {
        if (!Expect(value, JsonValueKind.Number, "number", path, issues))
        {
            return;
        }

        if (value.TryGetInt64(out var whole))
        {
            if (whole > max)
            {
                issues.Add(new(path, $"Number must be less than or equal to {max}"));
            }
            else if (whole < min)
            {
                issues.Add(new(path, $"Number must be greater than or equal to {min}"));
            }
        }
        else if (value.TryGetDecimal(out var number) && number == decimal.Truncate(number) && (number > long.MaxValue || number < long.MinValue))
        {
            issues.Add(new(path, number > 0 ? $"Number must be less than or equal to {max}" : $"Number must be greater than or equal to {min}"));
        }
        else
        {
            // A fraction, or a whole number written as one (1.0, 1e2): an integer field takes integer literals only.
            issues.Add(new(path, "Expected integer, received float"));
        }
    }

    private static void CheckEnum(JsonElement value, Type type, string path, List<MedusaIssue> issues)
    {
        var names = Enum.GetNames(type).Select(Naming.ConvertName).ToList();
        var expected = string.Join(" | ", names.Select(n => $"'{n}'"));
        if (value.ValueKind != JsonValueKind.String)
        {
            issues.Add(new(path, $"Expected {expected}, received {Received(value)}"));
        }
        else if (!names.Contains(value.GetString()!, StringComparer.Ordinal))
        {
            issues.Add(new(path, $"Invalid enum value. Expected {expected}, received '{value.GetString()}'"));
        }
    }

    private static bool Expect(JsonElement value, JsonValueKind kind, string expected, string path, List<MedusaIssue> issues)
    {
        if (value.ValueKind == kind)
        {
            return true;
        }

        issues.Add(new(path, $"Expected {expected}, received {Received(value)}"));
        return false;
    }

    private static string Expected(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type switch
        {
            _ when type == typeof(string) => "string",
            _ when type == typeof(bool) => "boolean",
            _ when type == typeof(decimal) || type == typeof(int) || type == typeof(long) => "number",
            { IsEnum: true } => string.Join(" | ", Enum.GetNames(type).Select(n => $"'{Naming.ConvertName(n)}'")),
            _ when ListItem(type) is not null => "array",
            _ => "object",
        };
    }

    private static string Received(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Array => "array",
        JsonValueKind.Null => "null",
        _ => "object",
    };

    /// <summary>A path as zod-validation-error prints it: <c>create[0].metadata["a key"]</c>.</summary>
    private static string Join(string path, string name) =>
        Identifier().IsMatch(name) ? (path.Length == 0 ? name : $"{path}.{name}") : $"{path}[{JsonSerializer.Serialize(name)}]";

    private static Type? ListItem(Type type)
    {
        if (type.IsArray)
        {
            return type.GetElementType();
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() is var open
            && (open == typeof(IReadOnlyList<>) || open == typeof(List<>) || open == typeof(IList<>) || open == typeof(IEnumerable<>)))
        {
            return type.GetGenericArguments()[0];
        }

        return null;
    }

    private static Type? DictionaryValue(Type type) =>
        type.IsGenericType && type.GetGenericArguments() is [var key, var value] && key == typeof(string)
            && (type.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>) || type.GetGenericTypeDefinition() == typeof(Dictionary<,>))
            ? value
            : null;

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
                    var isOptional = p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(Optional<>);
                    var valueType = isOptional ? p.PropertyType.GetGenericArguments()[0] : p.PropertyType;
                    var valueInfo = isOptional ? info.GenericTypeArguments[0] : info;
                    var nullable = Nullable.GetUnderlyingType(valueType) is not null
                        || (!valueType.IsValueType && valueInfo.ReadState == NullabilityState.Nullable);
                    var name = p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? Naming.ConvertName(p.Name);
                    return new Member(name, new Shape(valueType, nullable), p.GetCustomAttribute<RequiredMemberAttribute>() is not null);
                }),
        ];
    }

    [GeneratedRegex("^[A-Za-z_$][A-Za-z0-9_$]*$")]
    private static partial Regex Identifier();

    private sealed record Shape(Type Type, bool Nullable);

    private sealed record Member(string Name, Shape Shape, bool Required);
}
