using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
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
    private static readonly ConcurrentDictionary<Type, Contract> Contracts = new();
    private static readonly JsonNamingPolicy Naming = JsonNamingPolicy.SnakeCaseLower;

    private const int MaxPlainName = 64;

    public static IReadOnlyList<MedusaIssue> Validate(JsonElement body, Type contract)
    {
        var issues = new Issues();
        Check(body, new Shape(contract, Nullable: false), issues);
        return issues.Found;
    }

    private static void Check(JsonElement value, Shape shape, Issues issues)
    {
        var contract = ContractOf(shape.Type);
        var type = contract.Type;
        var received = Received(value);
        if (received != contract.Kind)
        {
            if (received != "null" || !shape.Nullable)
            {
                issues.Add($"Expected {Expected(contract)}, received {received}");
            }
        }
        else if (type.IsEnum && !contract.EnumNames.Contains(value.GetString()!, StringComparer.Ordinal))
        {
            issues.Add($"Invalid enum value. Expected {Expected(contract)}, received '{value.GetString()}'");
        }
        else if (type == typeof(decimal) && !value.TryGetDecimal(out _))
        {
            issues.Add("Number is too large");
        }
        else if (type == typeof(int) || type == typeof(long))
        {
            var (min, max) = type == typeof(int) ? (int.MinValue, int.MaxValue) : (long.MinValue, long.MaxValue);
            CheckInteger(value, min, max, issues);
        }
        else if (contract.DictionaryValue is { } valueShape)
        {
            foreach (var property in value.EnumerateObject())
            {
                issues.Enter(property.Name);
                Check(property.Value, valueShape, issues);
                issues.Leave();
            }
        }
        else if (contract.ListItem is { } itemShape)
        {
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                issues.Enter(index++);
                Check(item, itemShape, issues);
                issues.Leave();
            }
        }
        else if (received == "object" && type != typeof(JsonElement))
        {
            CheckObject(value, contract, issues);
        }
    }

    private static void CheckObject(JsonElement value, Contract contract, Issues issues)
    {
        var members = contract.Members.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> name = stackalloc char[MaxPlainName];
        List<string>? unknown = null;
        foreach (var property in value.EnumerateObject())
        {
            // A body's names are the contract's, short and plain: looked up without a string for each.
            var utf8 = JsonMarshal.GetRawUtf8PropertyName(property);
            Member? member;
            var known = utf8.Length <= MaxPlainName && utf8.IndexOf((byte)'\\') < 0
                && Encoding.UTF8.TryGetChars(utf8, name, out var length)
                    ? members.TryGetValue(name[..length], out member)
                    : contract.Members.TryGetValue(property.Name, out member);
            if (!known || member is null)
            {
                (unknown ??= []).Add(property.Name);
                continue;
            }

            issues.Enter(member.Name);
            Check(property.Value, member.Shape, issues);
            issues.Leave();
        }

        foreach (var required in contract.Required)
        {
            if (!value.TryGetProperty(required.Name, out _))
            {
                issues.Enter(required.Name);
                issues.Add("Required");
                issues.Leave();
            }
        }

        if (unknown is not null)
        {
            var names = string.Join(", ", unknown.Select(u => $"'{u}'"));
            issues.Add($"Unrecognized key(s) in object: {names}");
        }
    }

    private static void CheckInteger(JsonElement value, long min, long max, Issues issues)
    {
        var tooLarge = $"Number must be less than or equal to {max}";
        var tooSmall = $"Number must be greater than or equal to {min}";
        if (value.TryGetInt64(out var whole))
        {
            if (whole > max || whole < min)
            {
                issues.Add(whole > max ? tooLarge : tooSmall);
            }
        }
        else if (value.TryGetDecimal(out var number) && number == decimal.Truncate(number)
            && (number > long.MaxValue || number < long.MinValue))
        {
            issues.Add(number > 0 ? tooLarge : tooSmall);
        }
        else
        {
            // A fraction, or a whole number written as one (1.0, 1e2): an integer field takes integer literals only.
            issues.Add("Expected integer, received float");
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

    private static string Expected(Contract contract) =>
        contract.Type.IsEnum ? string.Join(" | ", contract.EnumNames.Select(n => $"'{n}'")) : contract.Kind;

    // zod's names are JSON's, but for booleans.
    private static string Received(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.Null => "null",
        _ => value.ValueKind.ToString().ToLowerInvariant(),
    };

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

    /// <summary>What the check needs to know of a type, read off it once.</summary>
    private static Contract ContractOf(Type type) => Contracts.GetOrAdd(type, static declared =>
    {
        var type = Nullable.GetUnderlyingType(declared) ?? declared;
        var members = KindOf(type) == "object" && !type.IsGenericType && type != typeof(JsonElement)
            ? Describe(type)
            : [];
        return new Contract(
            type,
            KindOf(type),
            type.IsEnum ? [.. Enum.GetNames(type).Select(Naming.ConvertName)] : [],
            ListItem(type) is { } item ? new Shape(item, Nullable: false) : null,
            DictionaryValue(type) is { } dictionaryValue ? new Shape(dictionaryValue, Nullable: false) : null,
            members.ToDictionary(m => m.Name, StringComparer.Ordinal),
            [.. members.Where(m => m.Required)]);
    });

    private static List<Member> Describe(Type type)
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

    private sealed record Contract(
        Type Type,
        string Kind,
        IReadOnlyList<string> EnumNames,
        Shape? ListItem,
        Shape? DictionaryValue,
        Dictionary<string, Member> Members,
        IReadOnlyList<Member> Required);

    /// <summary>
    /// The problems found, each at the path the check stands on: the path is kept as steps and printed only for a
    /// problem, as a valid body (the usual one) needs none.
    /// </summary>
    private sealed class Issues
    {
        // A name, or (null) an index: no box for each item of a list.
        private readonly List<(string? Name, int Index)> _steps = [];

        public List<MedusaIssue> Found { get; } = [];

        public void Enter(string name) => _steps.Add((name, 0));

        public void Enter(int index) => _steps.Add((null, index));

        public void Leave() => _steps.RemoveAt(_steps.Count - 1);

        public void Add(string message)
        {
            var path = string.Empty;
            foreach (var (name, index) in _steps)
            {
                path = name is null ? $"{path}[{index}]" : Join(path, name);
            }

            Found.Add(new MedusaIssue(path, message));
        }
    }
}
