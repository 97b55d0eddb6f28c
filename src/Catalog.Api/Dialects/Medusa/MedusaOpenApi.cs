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
        if (action == nameof(MedusaProductsController.List))
        {
            operation.Parameters.Add(Query("limit", JsonObjectType.Integer, "1 to 200, default 50."));
            operation.Parameters.Add(Query("offset", JsonObjectType.Integer, "Default 0."));
            const string Statuses = "One of draft, proposed, published, rejected (also as status[]=...).";
            operation.Parameters.Add(Query("status", JsonObjectType.String, Statuses));
            operation.Parameters.Add(Query("category_id", JsonObjectType.String, "A category id, pcat_<number>."));
        }

        return true;
    }

    private static OpenApiParameter Query(string name, JsonObjectType type, string description) => new()
    {
        Name = name,
        Kind = OpenApiParameterKind.Query,
        IsRequired = false,
        Description = description,
        Schema = new JsonSchema { Type = type },
    };
}
