using System.Reflection;
using System.Text.RegularExpressions;
using Catalog.Api.V1.Jobs;
using Microsoft.AspNetCore.Mvc.Routing;
using Namotion.Reflection;
using NJsonSchema;
using NSwag;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Catalog.Api.OpenApi;

/// <summary>
/// A synchronous batch operation whose route also has a <see cref="RespondAsyncAttribute"/> action (an operation of
/// its own would need a path of its own) documents the asynchronous answer: the optional <c>Prefer</c> header and the
/// <c>202</c> with the job (<see cref="JobResponse"/>) and its <c>Location</c>.
/// </summary>
internal sealed partial class RespondAsyncOperations : IOperationProcessor
{
    /// <summary>"POST api/v1/products/batch" and so on: every route some action answers with a job.</summary>
    private static readonly HashSet<string> Routes = [.. typeof(Program).Assembly.GetTypes()
        .SelectMany(type => type.GetMethods())
        .Where(method => method.GetCustomAttribute<RespondAsyncAttribute>() is not null)
        .SelectMany(method => method.GetCustomAttributes<HttpMethodAttribute>())
        .SelectMany(route => route.HttpMethods.Select(verb => Key(verb, route.Template ?? string.Empty)))];

    public bool Process(OperationProcessorContext context)
    {
        var description = context.OperationDescription;
        if (!Routes.Contains(Key(description.Method, description.Path)))
        {
            return true;
        }

        var operation = description.Operation;
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = "Prefer",
            Kind = OpenApiParameterKind.Header,
            IsRequired = false,

            // Last, so that a generated client's existing positional arguments (policy) keep their place.
            Position = operation.Parameters.Max(p => p.Position ?? 0) + 1,
            Schema = new JsonSchema { Type = JsonObjectType.String },
            Description = "`respond-async` (RFC 7240): store the batch as a job and answer 202 at once; a worker "
                + "applies it in chunks. Without it the batch is applied before the answer.",
        });
        var accepted = new OpenApiResponse
        {
            Description = "With `Prefer: respond-async`: the job, queued. Poll its `Location` (`/api/v1/jobs/{id}`); "
                + "the answer carries `Preference-Applied: respond-async`.",
        };
        accepted.Content["application/json"] = new OpenApiMediaType
        {
            Schema = context.SchemaGenerator.GenerateWithReference<JsonSchema>(
                typeof(JobResponse).ToContextualType(), context.SchemaResolver),
        };
        accepted.Headers["Location"] = new OpenApiHeader
        {
            Description = "The job: `/api/v1/jobs/{id}`.",
            Schema = new JsonSchema { Type = JsonObjectType.String },
        };
        accepted.Headers["Preference-Applied"] = new OpenApiHeader
        {
            Description = "`respond-async`.",
            Schema = new JsonSchema { Type = JsonObjectType.String },
        };
        operation.Responses["202"] = accepted;
        return true;
    }

    /// <summary>A method and a path, without route constraints or the leading slash.</summary>
    private static string Key(string method, string path) =>
        $"{method.ToUpperInvariant()} {Constraint().Replace(path.TrimStart('/'), "}")}";

    [GeneratedRegex(":[^}]+}")]
    private static partial Regex Constraint();
}
