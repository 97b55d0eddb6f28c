using System.Text.Json;
using System.Text.Json.Nodes;
using Catalog.Api.Common;
using Catalog.Application.Common.Batches;
using Catalog.Application.Common.Mediator;
using Catalog.Application.Products;
using Catalog.Application.Variants.Commands.BatchVariants;
using Microsoft.AspNetCore.Mvc;

namespace Catalog.Api.Dialects.Medusa;

/// <summary>
/// The two Medusa batches end to end: translate to the canonical atomic batch, send it, and answer Medusa's
/// <c>{created, updated, deleted}</c> through the <c>fields</c> projection, or Medusa's error naming every failed item.
/// The item limit is the canonical one (<c>Catalog:Batch:MaxItems</c>), answered 400 by <see cref="MedusaErrorsAttribute"/>.
/// </summary>
internal sealed class MedusaBatches(ISender sender)
{
    private readonly MedusaReads _reads = new(sender);

    private static readonly JsonSerializerOptions Json = CatalogJson.Create();

    public async Task<ObjectResult> ProductsAsync(MedusaProductBatchRequest request, string? fieldsParameter, CancellationToken cancellationToken)
    {
        var fields = MedusaFields.Parse(fieldsParameter, MedusaDefaults.ProductFields, MedusaDefaults.Relations, MedusaDefaults.Computed);
        var deleted = new MedusaDeleted(request.Delete, "product");
        if (request.Create.Count + request.Update.Count + request.Delete.Count == 0)
        {
            return Answer(new MedusaProductBatchResponse([], [], deleted), fields);
        }

        var current = await _reads.ProductsAsync(MedusaProductTranslation.UpdateTargets(request), cancellationToken);
        var issues = new List<MedusaIssue>();
        var command = MedusaProductTranslation.ToCommand(request, current, issues);
        if (issues.Count > 0)
        {
            return MedusaErrors.Invalid(issues);
        }

        var result = await sender.Send(command, cancellationToken);
        if (!result.Applied)
        {
            return MedusaErrors.ItemsFailed(result, "Product", MedusaIds.Product);
        }

        var created = result.Create.Select(r => r.Resource!).ToList();
        var updated = result.Update.Select(r => r.Resource!).ToList();
        var categories = await _reads.CategoriesAsync(created.Concat(updated), fields, cancellationToken);
        return Answer(
            new MedusaProductBatchResponse(
                [.. created.Select(p => MedusaRendering.Product(p, categories))],
                [.. updated.Select(p => MedusaRendering.Product(p, categories))],
                deleted),
            fields);
    }

    public async Task<ObjectResult> VariantsAsync(string productId, MedusaVariantBatchRequest request, string? fieldsParameter, CancellationToken cancellationToken)
    {
        var fields = MedusaFields.Parse(fieldsParameter, MedusaDefaults.VariantFields, MedusaDefaults.Relations, MedusaDefaults.Computed);
        var id = MedusaIds.Parse(MedusaIds.Product, productId);
        var product = id is null ? null : (await _reads.ProductsAsync([id.Value], cancellationToken)).GetValueOrDefault(id.Value);
        if (product is null)
        {
            return MedusaErrors.Result(StatusCodes.Status404NotFound, new MedusaError(MedusaErrors.NotFound, $"Product with id: {productId} was not found"));
        }

        var deleted = new MedusaDeleted(request.Delete, "variant");
        if (request.Create.Count + request.Update.Count + request.Delete.Count == 0)
        {
            return Answer(new MedusaVariantBatchResponse([], [], deleted), fields);
        }

        var issues = new List<MedusaIssue>();
        var command = ToCommand(product, request, issues);
        if (issues.Count > 0)
        {
            return MedusaErrors.Invalid(issues);
        }

        var result = await sender.Send(command, cancellationToken);
        if (!result.Applied)
        {
            return MedusaErrors.ItemsFailed(result, "Variant", MedusaIds.Variant);
        }

        return Answer(
            new MedusaVariantBatchResponse(
                [.. result.Create.Select(r => MedusaRendering.Variant(r.Resource!, product.Options))],
                [.. result.Update.Select(r => MedusaRendering.Variant(r.Resource!, product.Options))],
                deleted),
            fields);
    }

    private static BatchVariants ToCommand(ProductDto product, MedusaVariantBatchRequest request, List<MedusaIssue> issues)
    {
        var creates = request.Create.Select(c => MedusaVariantTranslation.Create(new Application.Variants.VariantCreate(), c)).ToList();
        var updates = request.Update.Select((u, i) =>
        {
            var path = $"update[{i}]";
            var id = MedusaTranslation.Id(MedusaIds.Variant, u.Id, $"{path}.id", issues);
            var current = product.Variants.FirstOrDefault(v => v.Id == id);
            var write = MedusaVariantTranslation.Update(new Application.Variants.VariantUpdate { Id = id }, u, u.Title, u.Prices, current, path, issues);
            return write with { Version = MedusaVariantTranslation.VersionFor(write, current) };
        }).ToList();
        var deletes = request.Delete.Select((d, i) => MedusaTranslation.Id(MedusaIds.Variant, d, $"delete[{i}]", issues)).ToList();
        return new BatchVariants(product.Id, creates, updates, deletes, BatchPolicy.Atomic);
    }

    /// <summary>The answer with each product or variant cut to the fields asked for.</summary>
    private static ObjectResult Answer<T>(T response, MedusaFields fields)
    {
        var node = JsonSerializer.SerializeToNode(response, Json)!.AsObject();
        foreach (var list in new[] { "created", "updated" })
        {
            var items = node[list]!.AsArray();
            var projected = items.Select(item => (JsonNode?)fields.Project(item!.AsObject())).ToList();
            node[list] = new JsonArray([.. projected]);
        }

        return new ObjectResult(node) { StatusCode = StatusCodes.Status200OK };
    }
}
