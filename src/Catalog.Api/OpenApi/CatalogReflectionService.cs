using Namotion.Reflection;
using NJsonSchema;
using NJsonSchema.Generation;

namespace Catalog.Api.OpenApi;

/// <summary>
/// NJsonSchema's reading of System.Text.Json contracts, taught Catalog's own JSON: an <see cref="Optional{T}"/>
/// (a field that may be absent, or null to clear it) is described as a nullable <c>T</c>, never required, so that a
/// generated client sends nothing for a field it leaves out.
/// </summary>
internal sealed class CatalogReflectionService : SystemTextJsonReflectionService
{
    public override bool IsNullable(ContextualType contextualType, ReferenceTypeNullHandling defaultHandling) =>
        IsOptional(contextualType.OriginalType) || base.IsNullable(contextualType, defaultHandling);

    protected override JsonTypeDescription GetDescription(
        ContextualType contextualType,
        SystemTextJsonSchemaGeneratorSettings settings,
        Type originalType,
        bool isNullable,
        ReferenceTypeNullHandling defaultReferenceTypeNullHandling)
    {
        if (!IsOptional(originalType))
        {
            return base.GetDescription(
                contextualType, settings, originalType, isNullable, defaultReferenceTypeNullHandling);
        }

        var description = GetDescription(
            contextualType.OriginalGenericArguments[0], defaultReferenceTypeNullHandling, settings);
        description.IsNullable = true;
        return description;
    }

    private static bool IsOptional(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Optional<>);
}
