using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Catalog.Api.OpenApi;

/// <summary>Declares the API-key schemes so that the UI and generated clients send the key.</summary>
internal sealed class ApiKeySecurityTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(
        OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Catalog API";
        document.Info.Description = "Batch create, update and delete of products, variants, categories and attributes.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An API key: Authorization: Bearer <key>.",
        };
        document.Components.SecuritySchemes["api_key"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = "X-Api-Key",
            Description = "The same API key in the X-Api-Key header.",
        };
        document.Security ??= [];
        foreach (var scheme in (string[])["bearer", "api_key"])
        {
            document.Security.Add(new() { [new OpenApiSecuritySchemeReference(scheme, document)] = [] });
        }
        document.Servers?.Clear();
        return Task.CompletedTask;
    }
}
