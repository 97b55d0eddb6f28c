using Catalog.Api.Dialects.WooCommerce;
using Namotion.Reflection;
using NJsonSchema;
using NJsonSchema.Generation;
using NJsonSchema.Generation.TypeMappers;

namespace Catalog.Api.OpenApi;

/// <summary>
/// The schemas of types whose JSON is not their CLR shape: a <see cref="JsonElement"/> is any JSON value (and the
/// free-form <c>metadata</c> and <c>extensions</c> objects with any keys), WooCommerce's decimals are strings.
/// </summary>
internal sealed class FreeFormObjects : ISchemaProcessor
{
    /// <summary>Properties that hold a JSON object of the client's own keys.</summary>
    private static readonly string[] FreeForm = ["metadata", "extensions"];

    public static IEnumerable<ITypeMapper> TypeMappers =>
    [
        new PrimitiveTypeMapper(typeof(JsonElement), _ => { }),
        new PrimitiveTypeMapper(typeof(WooDecimal), schema =>
        {
            schema.Type = JsonObjectType.String;
            schema.Pattern = @"^(-?[0-9]+(\.[0-9]+)?)?$";
            schema.Description = "A decimal as text (\"19.99\"), or \"\" for none; a JSON number is accepted too.";
        }),
        new WordPressBatchEntry(),
        new PrimitiveTypeMapper(typeof(WooOptionList), schema =>
        {
            schema.Type = JsonObjectType.Array;
            schema.Item = new JsonSchema { Type = JsonObjectType.String };
            schema.Description = "The options; one string of values separated by | is accepted too.";
        }),
    ];

    public void Process(SchemaProcessorContext context)
    {
        // A contract that keeps unknown fields ([JsonExtensionData]) takes any other property; said as "any value",
        // a generator would make the class a dictionary, whose JSON drops the typed fields.
        var schema = context.Schema.ActualSchema;
        if (context.ContextualType.Type.GetProperties().Any(p => p.IsDefined(typeof(JsonExtensionDataAttribute), true)))
        {
            // A derived contract's own fields sit in its allOf part.
            foreach (var part in schema.AllOf.Where(s => !s.HasReference).Append(schema))
            {
                part.AdditionalPropertiesSchema = null;
                part.AllowAdditionalProperties = true;
            }
        }

        foreach (var (name, property) in context.Schema.Properties)
        {
            if (FreeForm.Contains(name) && property.Type is JsonObjectType.None && !property.HasReference)
            {
                property.Type = JsonObjectType.Object;
                property.AdditionalPropertiesSchema = new JsonSchema();
            }
        }
    }
}

/// <summary>
/// A WordPress-style batch entry is the resource itself, or <c>{id, error}</c> in its place: described as the
/// resource plus an <c>error</c> that only a failed entry carries.
/// </summary>
internal sealed class WordPressBatchEntry : ITypeMapper
{
    public Type MappedType => typeof(WooBatchEntry<>);

    public bool UseReference => true;

    public void GenerateSchema(JsonSchema schema, TypeMapperContext context)
    {
        var resolver = context.JsonSchemaResolver;
        if (!resolver.HasSchema(context.Type, isIntegerEnumeration: false))
        {
            var generator = context.JsonSchemaGenerator;
            var entry = new JsonSchema
            {
                Type = JsonObjectType.Object,
                Description = "The resource, or {id, error} in its place when the item failed.",
            };
            entry.AllOf.Add(generator.GenerateWithReferenceAndNullability<JsonSchema>(
                context.Type.GetGenericArguments()[0].ToContextualType(), isNullable: false, resolver));
            entry.Properties["error"] = generator.GenerateWithReferenceAndNullability<JsonSchemaProperty>(
                typeof(WooError).ToContextualType(), isNullable: true, resolver);
            resolver.AddSchema(context.Type, isIntegerEnumeration: false, entry);
        }

        schema.Reference = resolver.GetSchema(context.Type, isIntegerEnumeration: false);
    }
}
