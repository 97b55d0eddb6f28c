using System.Text.Json;
using System.Text.Json.Nodes;
using Catalog.Api.Common;
using Catalog.Application.Common.Mediator;
using Microsoft.AspNetCore.Mvc;

namespace Catalog.Api.Dialects.Medusa;

/// <summary>
/// The two Medusa batches end to end: translate to the canonical atomic batch, send it, and answer Medusa's
/// <c>{created, updated, deleted}</c> through the <c>fields</c> projection, or Medusa's error naming every failed item.
/// The item limit is the canonical one (<c>Catalog:Batch:MaxItems</c>), answered 400 by
/// <see cref="MedusaErrorsAttribute"/>.
/// </summary>
internal sealed class MedusaBatches(ISender sender)
{
    private readonly MedusaReads _reads = new(sender);

    private static readonly JsonSerializerOptions Json = CatalogJson.Create();

    public async Task<ObjectResult> ProductsAsync(
        MedusaProductBatchRequest request, string? fieldsQuery, CancellationToken cancellationToken)
    {
        var fields = MedusaDefaults.Products(fieldsQuery);
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
        var answer = new MedusaProductBatchResponse(
            [.. created.Select(p => MedusaRendering.Product(p, categories))],
            [.. updated.Select(p => MedusaRendering.Product(p, categories))],
            deleted);
        return Answer(answer, fields);
    }

    public async Task<ObjectResult> VariantsAsync(
        string productId, MedusaVariantBatchRequest request, string? fieldsQuery, CancellationToken cancellationToken)
    {
        var fields = MedusaDefaults.Variants(fieldsQuery);
        if (MedusaIds.Parse(MedusaIds.Product, productId) is not { } id
            || (await _reads.ProductsAsync([id], cancellationToken)).GetValueOrDefault(id) is not { } product)
        {
            return MedusaErrors.ProductNotFound(productId);
        }

        var deleted = new MedusaDeleted(request.Delete, "variant");
        if (request.Create.Count + request.Update.Count + request.Delete.Count == 0)
        {
            return Answer(new MedusaVariantBatchResponse([], [], deleted), fields);
        }

        var issues = new List<MedusaIssue>();
        var command = MedusaVariantTranslation.ToCommand(product, request, issues);
        if (issues.Count > 0)
        {
            return MedusaErrors.Invalid(issues);
        }

        var result = await sender.Send(command, cancellationToken);
        if (!result.Applied)
        {
            return MedusaErrors.ItemsFailed(result, "Variant", MedusaIds.Variant);
        }

        var answer = new MedusaVariantBatchResponse(
            [.. result.Create.Select(r => MedusaRendering.Variant(r.Resource!, product.Options))],
            [.. result.Update.Select(r => MedusaRendering.Variant(r.Resource!, product.Options))],
            deleted);
        return Answer(answer, fields);
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
