using System.Text.Json;
using System.Text.Json.Nodes;
using Catalog.Api.Common;
using Catalog.Application.Common.Mediator;
using Catalog.Application.Products.Queries;
using Microsoft.AspNetCore.Mvc;

namespace Catalog.Api.Dialects.Medusa;

/// <summary><c>GET /admin/products</c> and <c>GET /admin/products/{id}</c>: canonical queries in Medusa's shape.</summary>
internal sealed class MedusaProductViews(ISender sender)
{
    private readonly MedusaReads _reads = new(sender);

    private static readonly JsonSerializerOptions Json = CatalogJson.Create();

    public async Task<ObjectResult> ListAsync(MedusaListQuery query, CancellationToken cancellationToken)
    {
        var fields = MedusaDefaults.Products(query.Fields);
        var list = new ListProducts(query.Status, null, query.CategoryId, query.Limit, query.Offset);
        var page = await sender.Send(list, cancellationToken);
        var categories = await _reads.CategoriesAsync(page.Items, fields, cancellationToken);
        var products = page.Items.Select(p => (JsonNode?)fields.Project(Node(MedusaRendering.Product(p, categories))));
        var answer = new JsonObject
        {
            ["products"] = new JsonArray([.. products]),
            ["count"] = page.Total,
            ["offset"] = page.Offset,
            ["limit"] = page.Limit,
        };
        return new ObjectResult(answer) { StatusCode = StatusCodes.Status200OK };
    }

    public async Task<ObjectResult> GetAsync(string id, string? fieldsQuery, CancellationToken cancellationToken)
    {
        var fields = MedusaDefaults.Products(fieldsQuery);
        if (MedusaIds.Parse(MedusaIds.Product, id) is not { } productId)
        {
            return MedusaErrors.ProductNotFound(id);
        }

        var product = await sender.Send(new GetProduct(productId), cancellationToken);
        var categories = await _reads.CategoriesAsync([product], fields, cancellationToken);
        var answer = new JsonObject { ["product"] = fields.Project(Node(MedusaRendering.Product(product, categories))) };
        return new ObjectResult(answer) { StatusCode = StatusCodes.Status200OK };
    }

    private static JsonObject Node(MedusaProduct product) => JsonSerializer.SerializeToNode(product, Json)!.AsObject();
}
