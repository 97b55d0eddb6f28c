using Catalog.Api.Dialects.WooCommerce;
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
        new PrimitiveTypeMapper(typeof(WooOptionList), schema =>
        {
            schema.Type = JsonObjectType.Array;
            schema.Item = new JsonSchema { Type = JsonObjectType.String };
            schema.Description = "The options; one string of values separated by | is accepted too.";
        }),
    ];

    public void Process(SchemaProcessorContext context)
    {
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
