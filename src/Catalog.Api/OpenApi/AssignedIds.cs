using System.Reflection;
using Catalog.Application.Common.Json;
using NJsonSchema.Generation;

namespace Catalog.Api.OpenApi;

/// <summary>
/// Says of every id the database assigns (<see cref="AssignedIdConverter"/>) that a dry run's answer shows it as null
/// for a row the batch would insert. The schema keeps the id a required integer: every other answer has one there,
/// and a generated client keeps its plain <c>long</c> (docs/clients.md, ADR 21).
/// </summary>
internal sealed class AssignedIds : ISchemaProcessor
{
    public const string Description =
        "Assigned by the database; `null` in a dry run's answer (`dry_run=true`) for a row the batch would insert.";

    public void Process(SchemaProcessorContext context)
    {
        var schema = context.Schema.ActualSchema;
        var assigned = context.ContextualType.Type.GetProperties()
            .Where(p => p.GetCustomAttribute<JsonConverterAttribute>()?.ConverterType == typeof(AssignedIdConverter))
            .Select(p => JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name));
        foreach (var name in assigned)
        {
            if (schema.Properties.TryGetValue(name, out var property))
            {
                property.Description = Description;
            }
        }
    }
}
