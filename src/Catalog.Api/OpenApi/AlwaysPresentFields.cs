using NJsonSchema;
using NJsonSchema.Generation;

namespace Catalog.Api.OpenApi;

/// <summary>
/// Marks as required every field that cannot be null in Catalog's own contracts (the canonical API, the trade and
/// operation-list dialects), so that a generated client types an answer's <c>summary</c> or an item's <c>index</c> as
/// always there.
/// Fields a client may leave out are nullable (<see cref="CatalogReflectionService"/>), so none of them is required.
/// WooCommerce's and Medusa's answers are left as they are: their <c>_fields</c> and <c>fields</c> queries drop fields.
/// </summary>
internal sealed class AlwaysPresentFields : ISchemaProcessor
{
    private static readonly string[] Own = ["Catalog.Application", "Catalog.Api.V1", "Catalog.Api.Common",
        "Catalog.Api.Dialects.Trade", "Catalog.Api.Dialects.OperationList"];

    public void Process(SchemaProcessorContext context)
    {
        var type = context.ContextualType.Type;
        if (!Own.Any(ns => type.Namespace?.StartsWith(ns, StringComparison.Ordinal) == true) || type.IsEnum)
        {
            return;
        }

        var schema = context.Schema.ActualSchema;
        foreach (var (name, property) in schema.Properties)
        {
            if (!property.IsNullable(SchemaType.OpenApi3) && !schema.RequiredProperties.Contains(name))
            {
                schema.RequiredProperties.Add(name);
            }
        }
    }
}
