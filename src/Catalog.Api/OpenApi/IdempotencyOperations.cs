using System.Reflection;
using Catalog.Api.Idempotency;
using NJsonSchema;
using NSwag;
using NSwag.Generation.AspNetCore;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Catalog.Api.OpenApi;

/// <summary>Every write operation that honours <c>Idempotency-Key</c> documents the optional header.</summary>
internal sealed class IdempotencyOperations : IOperationProcessor
{
    public bool Process(OperationProcessorContext context)
    {
        var description = context.OperationDescription;
        if (description.Method is "get" or "head" or "options"
            || context is not AspNetCoreOperationProcessorContext { ControllerType: { } controller } aspNet
            || (controller.GetCustomAttribute<IdempotentAttribute>() ?? aspNet.MethodInfo.GetCustomAttribute<
                IdempotentAttribute>()) is null)
        {
            return true;
        }

        var operation = description.Operation;
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = IdempotencyKeyHeader.Name,
            Kind = OpenApiParameterKind.Header,
            IsRequired = false,

            // Last, so that a generated client's existing positional arguments keep their place.
            Position = operation.Parameters.Select(p => p.Position ?? 0).DefaultIfEmpty().Max() + 1,
            Schema = new JsonSchema { Type = JsonObjectType.String, MaxLength = IdempotencyKeyHeader.MaxLength },
            Description = "A key of this request (a UUID), to send it again safely: the same key with the same request "
                + "answers the first answer again (`Idempotent-Replayed: true`) and runs nothing; with another "
                + "request, 422 `IDEMPOTENCY_KEY_REUSED`; while the first still runs, 409 `IDEMPOTENCY_KEY_IN_USE`. "
                + "Kept 24 hours per API key (`docs/api.md`, Retries).",
        });
        return true;
    }
}
