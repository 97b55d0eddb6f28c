using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Catalog.Api.Dialects.Medusa;

/// <summary>The bodies and queries the Medusa actions read themselves, described in the OpenAPI document.</summary>
internal sealed class MedusaOpenApi : IOpenApiOperationTransformer
{
    public async Task TransformAsync(
        OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor is not ControllerActionDescriptor descriptor
            || descriptor.ControllerTypeInfo.AsType() != typeof(MedusaProductsController))
        {
            return;
        }

        var action = descriptor.ActionName;
        var body = action switch
        {
            nameof(MedusaProductsController.Batch) => typeof(MedusaProductBatchRequest),
            nameof(MedusaProductsController.BatchVariants) => typeof(MedusaVariantBatchRequest),
            _ => null,
        };
        if (body is not null)
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = false,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/json"] = new()
                    {
                        Schema = await context.GetOrCreateSchemaAsync(body, null, cancellationToken),
                    },
                },
            };
        }

        operation.Parameters ??= [];
        operation.Parameters.Add(Query("fields", JsonSchemaType.String, "Comma-separated fields: +field adds to the "
            + "defaults, -field removes, *relation adds a relation; no prefix replaces the defaults."));
        if (action == nameof(MedusaProductsController.List))
        {
            operation.Parameters.Add(Query("limit", JsonSchemaType.Integer, "1 to 200, default 50."));
            operation.Parameters.Add(Query("offset", JsonSchemaType.Integer, "Default 0."));
            const string Statuses = "One of draft, proposed, published, rejected (also as status[]=...).";
            operation.Parameters.Add(Query("status", JsonSchemaType.String, Statuses));
            operation.Parameters.Add(Query("category_id", JsonSchemaType.String, "A category id, pcat_<number>."));
        }
    }

    private static OpenApiParameter Query(string name, JsonSchemaType type, string description) => new()
    {
        Name = name,
        In = ParameterLocation.Query,
        Required = false,
        Description = description,
        Schema = new OpenApiSchema { Type = type },
    };
}
