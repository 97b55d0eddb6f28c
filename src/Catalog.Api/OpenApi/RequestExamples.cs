using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NSwag;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Catalog.Api.OpenApi;

/// <summary>
/// An example request body on every operation that takes one, and an example value for its path (and required
/// query) parameters, so that Swagger UI's "Try it out" sends, as it is, a request that succeeds.
/// </summary>
/// <remarks>
/// The examples build on each other, in the order of the document (roles, canonical products, variants, categories,
/// attributes, WooCommerce, Wholesale Suite, trade, Medusa): sent in that order to a fresh database, every one
/// succeeds, and the ids they name (product 1, variation 12, <c>prod_20</c>, ...) are the ones the earlier examples
/// created. Their SKUs and handles are unique, so a create succeeds once; on a database that already holds them, edit
/// the SKUs and ids. <c>OpenApiExamplesTests</c> sends them all. Registered as a service so that it runs after the
/// processors that add bodies of their own (<c>MedusaOpenApi</c>).
/// </remarks>
internal sealed partial class RequestExamples : IOperationProcessor
{
    private static readonly Dictionary<string, OperationExample> Examples =
        new[] { Catalog, WooCommerce, WholesaleSuite, Trade, Medusa, OperationList }
            .SelectMany(examples => examples)
            .ToDictionary(example => example.Key, example => example.Value, StringComparer.Ordinal);

    public bool Process(OperationProcessorContext context)
    {
        var operation = context.OperationDescription.Operation;
        if (operation.OperationId is null || !Examples.TryGetValue(operation.OperationId, out var example))
        {
            return true;
        }

        if (example.Body is not null && operation.RequestBody is { } body)
        {
            foreach (var media in body.Content.Values)
            {
                media.Example = Json(example.Body);
            }
        }

        foreach (var parameter in operation.Parameters)
        {
            if (parameter.Kind is OpenApiParameterKind.Path or OpenApiParameterKind.Query
                && example.Parameters.TryGetValue(parameter.Name, out var value))
            {
                parameter.Example = value;
            }
        }

        return true;
    }

    /// <summary>The body as NSwag's serializer writes it; amounts read as decimals keep their digits (49.00).</summary>
    private static JToken Json(string body)
    {
        using var reader = new JsonTextReader(new StringReader(body))
        {
            FloatParseHandling = FloatParseHandling.Decimal,
        };
        return JToken.ReadFrom(reader);
    }

    /// <summary>What an operation's example sends: a JSON body (or none) and parameter values by name.</summary>
    private sealed record OperationExample(string? Body, IReadOnlyDictionary<string, object> Parameters)
    {
        public static OperationExample Of(string body, params (string Name, object Value)[] parameters) =>
            new(body, parameters.ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal));

        public static OperationExample Read(params (string Name, object Value)[] parameters) =>
            new(null, parameters.ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal));
    }
}
