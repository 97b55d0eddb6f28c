using Microsoft.AspNetCore.Mvc.Controllers;
using Namotion.Reflection;
using NJsonSchema;
using NSwag;
using NSwag.Generation.AspNetCore;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Catalog.Api.Dialects.Medusa;

/// <summary>The bodies and queries the Medusa actions read themselves, described in the OpenAPI document.</summary>
internal sealed class MedusaOpenApi : IOperationProcessor
{
    public bool Process(OperationProcessorContext context)
    {
        if (context is not AspNetCoreOperationProcessorContext
            {
                ApiDescription.ActionDescriptor: ControllerActionDescriptor descriptor,
            }
            || descriptor.ControllerTypeInfo.AsType() != typeof(MedusaProductsController))
        {
            return true;
        }

        var action = descriptor.ActionName;
        var body = action switch
        {
            nameof(MedusaProductsController.Batch) => typeof(MedusaProductBatchRequest),
            nameof(MedusaProductsController.BatchVariants) => typeof(MedusaVariantBatchRequest),
            nameof(MedusaProductsController.Create) => typeof(MedusaProductCreate),
            nameof(MedusaProductsController.Update) => typeof(MedusaProductChange),
            nameof(MedusaProductsController.CreateVariant) => typeof(MedusaVariantCreate),
            nameof(MedusaProductsController.UpdateVariant) => typeof(MedusaVariantUpdate),
            _ => null,
        };
        var operation = context.OperationDescription.Operation;
        if (body is not null)
        {
            var schema = context.SchemaGenerator.GenerateWithReferenceAndNullability<JsonSchema>(
                body.ToContextualType(), isNullable: false, context.SchemaResolver);
            operation.RequestBody = new OpenApiRequestBody { IsRequired = false, Name = "body" };
            operation.RequestBody.Content["application/json"] = new OpenApiMediaType { Schema = schema };
        }

        operation.Parameters.Add(Query("fields", JsonObjectType.String, "Comma-separated fields: +field adds to the "
            + "defaults, -field removes, *relation adds a relation; no prefix replaces the defaults."));
        if (action is nameof(MedusaProductsController.List) or nameof(MedusaProductsController.ListVariants))
        {
            operation.Parameters.Add(Query("limit", JsonObjectType.Integer, "1 to 200, default 50."));
            operation.Parameters.Add(Query("offset", JsonObjectType.Integer, "Default 0."));
            operation.Parameters.Add(Query("id", JsonObjectType.String, "An id, or several as id[0]=...&id[1]=..."));
        }

        if (action == nameof(MedusaProductsController.List))
        {
            foreach (var (name, type, description) in ListFilters)
            {
                operation.Parameters.Add(Query(name, type, description));
            }
        }

        return true;
    }

    private static readonly (string Name, JsonObjectType Type, string Description)[] ListFilters =
    [
        ("q", JsonObjectType.String, "Title or description contains this text, ignoring case."),
        ("handle", JsonObjectType.String, "A handle (or several, as handle[0]=...)."),
        ("title", JsonObjectType.String, "An exact title (or several)."),
        ("status", JsonObjectType.String, "draft, proposed, published or rejected (or several, as status[0]=...)."),
        ("variants[sku]", JsonObjectType.String, "Products with a variant holding this SKU (or one of several)."),
        ("category_id", JsonObjectType.String, "A category id, pcat_<number> (or several)."),
        ("tag_id", JsonObjectType.String, "A tag (or several; also as tags[id] or tags[value])."),
        ("created_at[$gte]", JsonObjectType.String, "ISO 8601; also $gt, $lt, $lte, and updated_at[...]."),
        ("order", JsonObjectType.String, "id, title, handle, created_at or updated_at; '-' first to descend."),
    ];

    private static OpenApiParameter Query(string name, JsonObjectType type, string description) => new()
    {
        Name = name,
        Kind = OpenApiParameterKind.Query,
        IsRequired = false,
        Description = description,
        Schema = new JsonSchema { Type = type },
    };
}
