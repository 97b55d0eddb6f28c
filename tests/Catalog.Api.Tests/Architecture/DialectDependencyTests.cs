using System.Reflection;
using System.Reflection.Emit;

namespace Catalog.Api.Tests.Architecture;

/// <summary>
/// A dialect may build on another, never the reverse: Wholesale Suite is a WooCommerce plugin, so its dialect uses
/// WooCommerce's and WooCommerce's knows nothing of it. Checked in the compiled code (signatures, attributes and every
/// type, field and method the IL names), so a use that no <c>using</c> shows still counts.
/// </summary>
public sealed class DialectDependencyTests
{
    private const string WooCommerce = "Catalog.Api.Dialects.WooCommerce";
    private const string WholesaleSuite = "Catalog.Api.Dialects.WholesaleSuite";

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    [Fact]
    public void Types_OfTheWooCommerceDialect_NeverReferenceTheWholesaleSuiteDialect()
    {
        var dialect = typeof(Program).Assembly.GetTypes().Where(t => NamespaceOf(t) == WooCommerce).ToList();

        var references = dialect
            .SelectMany(t => Referenced(t).SelectMany(Expand).Select(r => (From: t, To: r)))
            .Where(r => NamespaceOf(r.To) == WholesaleSuite)
            .Select(r => $"{r.From.FullName} -> {r.To.Name}")
            .Distinct()
            .ToList();

        dialect.Should().NotBeEmpty();
        references.Should().BeEmpty("Wholesale Suite may build on WooCommerce, never the reverse");
    }

    /// <summary>The namespace of a type, or of the type it is nested in (lambdas, async state machines).</summary>
    private static string? NamespaceOf(Type type)
    {
        while (type.DeclaringType is { } outer)
        {
            type = outer;
        }

        return type.Namespace;
    }

    /// <summary>A type and those it is made of: element types and generic arguments.</summary>
    private static IEnumerable<Type> Expand(Type type)
    {
        if (type.HasElementType)
        {
            return Expand(type.GetElementType()!);
        }

        return type.IsGenericType && !type.IsGenericTypeDefinition
            ? [type, .. type.GetGenericArguments().SelectMany(Expand)]
            : [type];
    }

    private static IEnumerable<Type> Referenced(Type type)
    {
        const BindingFlags declared = BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.NonPublic
            | BindingFlags.Instance | BindingFlags.Static;
        IEnumerable<Type> own =
            [.. type.GetInterfaces(), .. type.GetCustomAttributesData().Select(a => a.AttributeType)];
        if (type.BaseType is { } baseType)
        {
            own = own.Append(baseType);
        }

        var fields = type.GetFields(declared).Select(f => f.FieldType);
        var properties = type.GetProperties(declared).Select(p => p.PropertyType);
        var methods = type.GetMethods(declared).Cast<MethodBase>().Concat(type.GetConstructors(declared))
            .SelectMany(m => Signature(m).Concat(InBody(m)));
        return own.Concat(fields).Concat(properties).Concat(methods);
    }

    private static IEnumerable<Type> Signature(MethodBase method)
    {
        IEnumerable<Type> types = [
            .. method.GetParameters().Select(p => p.ParameterType),
            .. method.GetCustomAttributesData().Select(a => a.AttributeType),
        ];
        if (method is MethodInfo info)
        {
            types = types.Append(info.ReturnType);
        }

        if (method.IsGenericMethod)
        {
            types = types.Concat(method.GetGenericArguments());
        }

        return method.DeclaringType is { } declaring ? types.Append(declaring) : types;
    }

    /// <summary>Every type, field and method a method's IL names, through their types.</summary>
    private static IEnumerable<Type> InBody(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray() ?? [];
        var typeArguments = method.DeclaringType is { IsGenericType: true } generic
            ? generic.GetGenericArguments()
            : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var at = 0; at < il.Length;)
        {
            var code = il[at] == 0xFE
                ? OpCodesByValue[unchecked((short)(0xFE00 | il[at + 1]))]
                : OpCodesByValue[il[at]];
            at += code.Size;
            if (code.OperandType is OperandType.InlineField or OperandType.InlineMethod
                or OperandType.InlineType or OperandType.InlineTok)
            {
                var member = method.Module.ResolveMember(BitConverter.ToInt32(il, at), typeArguments, methodArguments);
                foreach (var type in Of(member))
                {
                    yield return type;
                }
            }

            at += OperandSize(code.OperandType, il, at);
        }
    }

    private static IEnumerable<Type> Of(MemberInfo? member) => member switch
    {
        Type type => [type],
        FieldInfo field => [field.DeclaringType!, field.FieldType],
        MethodBase method => Signature(method),
        _ => [],
    };

    private static int OperandSize(OperandType operand, byte[] il, int at) => operand switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, at)),
        _ => 4,
    };
}
