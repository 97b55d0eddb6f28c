using System.Reflection;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Routing;
using NJsonSchema;
using NSwag.Generation.AspNetCore;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;
using NSwag.Generation.Processors.Security;

namespace Catalog.Api.OpenApi;

/// <summary>
/// The OpenAPI document (NSwag): one document, <c>v1</c>, with a tag per dialect, an operation id per action
/// (<c>{Controller}_{Action}</c>, which NSwag's client generators split into one client per controller) and the
/// security each route really takes.
/// </summary>
public static class CatalogOpenApi
{
    private const string DocumentPath = "/openapi/{documentName}.json";

    /// <summary>Whether a path is the OpenAPI document's or Swagger UI's.</summary>
    public static bool IsDocs(PathString path) =>
        path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/swagger", StringComparison.OrdinalIgnoreCase);

    public static IServiceCollection AddCatalogOpenApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DocsOptions>().Bind(configuration.GetSection(DocsOptions.Section));
        services.AddSingleton<IOperationProcessor, RequestExamples>();
        services.AddOpenApiDocument(settings =>
        {
            settings.DocumentName = "v1";
            settings.Title = "Catalog API";
            settings.Description = "Batch create, update and delete of products, variants, categories, attributes and "
                + "wholesale roles, in Catalog's own API and in the wire formats of WooCommerce, Wholesale Suite, "
                + "Medusa and the trade API. Health, outside these paths and without a key: "
                + "GET /health/live answers 200 while the process answers; GET /health/ready (and its alias "
                + "GET /health) answers 200 when the database answers with every migration applied and the job worker "
                + "runs, 503 otherwise, naming the check that failed.";
            settings.SchemaSettings.ReflectionService = new CatalogReflectionService();
            settings.SchemaSettings.SchemaProcessors.Add(new FreeFormObjects());
            settings.SchemaSettings.SchemaProcessors.Add(new AlwaysPresentFields());
            settings.SchemaSettings.SchemaProcessors.Add(new AssignedIds());
            foreach (var mapper in FreeFormObjects.TypeMappers)
            {
                settings.SchemaSettings.TypeMappers.Add(mapper);
            }
            foreach (var (name, scheme) in Security.Schemes)
            {
                settings.DocumentProcessors.Add(new SecurityDefinitionAppender(name, scheme));
            }

            settings.OperationProcessors.Add(new Operations());
            settings.OperationProcessors.Add(new RespondAsyncOperations());
            settings.OperationProcessors.Add(LastQueryParameter.DryRun);
            settings.OperationProcessors.Add(new IdempotencyOperations());
            settings.OperationProcessors.Add(LastQueryParameter.TakenHandles);
            settings.PostProcess = document =>
            {
                document.Servers.Clear();
                foreach (var tag in Dialect.Tags)
                {
                    document.Tags.Add(tag);
                }

                DocumentErrorCodes(document.Components.Schemas);
            };
        });
        return services;
    }

    public static WebApplication UseCatalogOpenApi(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<DocsOptions>>().Value.RequireKey)
        {
            app.UseWhen(context => IsDocs(context.Request.Path), docs => docs.Use(RequireReadKeyAsync));
        }

        app.UseOpenApi(settings => settings.Path = DocumentPath);
        app.UseSwaggerUi(settings =>
        {
            settings.Path = "/swagger";
            settings.DocumentPath = DocumentPath;
            settings.PersistAuthorization = true;
        });
        return app;
    }

    /// <summary>
    /// The documents are not endpoints (NSwag serves them as middleware), so the read policy is asked here, as the
    /// authorization middleware asks it for a read route, and refused the same way (401 or 403 problem details).
    /// </summary>
    private static async Task RequireReadKeyAsync(HttpContext context, RequestDelegate next)
    {
        var authorization = context.RequestServices.GetRequiredService<IAuthorizationService>();
        if ((await authorization.AuthorizeAsync(context.User, CatalogPolicies.Read)).Succeeded)
        {
            await next(context);
        }
        else if (context.User.Identity?.IsAuthenticated == true)
        {
            await context.ForbidAsync();
        }
        else
        {
            await context.ChallengeAsync();
        }
    }

    /// <summary>
    /// The codes of item errors and problems as one documented enum, <c>ErrorCode</c>, so that a generated client can
    /// switch on them (docs/api.md: a client should still expect codes added later).
    /// </summary>
    private static void DocumentErrorCodes(IDictionary<string, JsonSchema> schemas)
    {
        var errorCode = new JsonSchema
        {
            Type = JsonObjectType.String,
            Description = "Stable, upper snake case; never renamed. docs/api.md says what each means.",
        };
        foreach (var code in ErrorCodes.All)
        {
            errorCode.Enumeration.Add(code);
        }

        schemas["ErrorCode"] = errorCode;
        foreach (var contract in (string[])[nameof(ItemError), nameof(ProblemResponse)])
        {
            if (schemas.TryGetValue(contract, out var schema) && schema.Properties.TryGetValue("code", out var code))
            {
                code.Type = JsonObjectType.None;
                code.Reference = errorCode;
            }
        }
    }

    /// <summary>Tags, operation ids and security, from the controller each action lives in.</summary>
    private sealed class Operations : IOperationProcessor
    {
        public bool Process(OperationProcessorContext context)
        {
            if (context is not AspNetCoreOperationProcessorContext
                {
                    ApiDescription.ActionDescriptor: ControllerActionDescriptor action,
                })
            {
                return true;
            }

            var operation = context.OperationDescription.Operation;
            var dialect = Dialect.Of(action.ControllerTypeInfo);
            operation.Tags = [dialect.Name];
            operation.OperationId = OperationId(action, context.OperationDescription.Method);
            operation.Security = Security.For(action);
            return true;
        }

        /// <summary>
        /// <c>{Controller}_{Action}</c>; an action that takes several methods (WooCommerce's batch: POST, PUT and
        /// PATCH) keeps the plain id for POST and names the others (<c>BatchPut</c>).
        /// </summary>
        private static string OperationId(ControllerActionDescriptor action, string method)
        {
            var methods = action.MethodInfo.GetCustomAttributes<HttpMethodAttribute>().Count();
            var suffix = methods > 1 && !method.Equals("post", StringComparison.OrdinalIgnoreCase)
                ? char.ToUpperInvariant(method[0]) + method[1..].ToLowerInvariant()
                : string.Empty;
            return $"{action.ControllerName}_{action.ActionName}{suffix}";
        }
    }
}

/// <summary>Settings of the OpenAPI document and Swagger UI (<c>Catalog:Docs</c>).</summary>
public sealed class DocsOptions
{
    public const string Section = "Catalog:Docs";

    /// <summary>Whether <c>/openapi</c> and <c>/swagger</c> need an API key with the read scope (public unless set).
    /// </summary>
    public bool RequireKey { get; set; }
}
