using System.Reflection;
using NSwag;

namespace Catalog.Api.OpenApi;

/// <summary>
/// The document's tags: Catalog's own API, its jobs, and one per dialect, found by the controller's folder.
/// </summary>
internal sealed record Dialect(string Name, string Namespace, string Description)
{
    private static readonly Dialect Catalog = new(
        "Catalog", "Catalog.Api.V1", "Catalog's own API: batches of every resource, reads, price quotes.");

    private static readonly Dialect[] Dialects =
    [
        new("Jobs", "Catalog.Api.V1.Jobs",
            "Batches sent with `Prefer: respond-async`: where each stands, its item results, cancelling it."),
        new("API keys", "Catalog.Api.V1.ApiKeys",
            "Managing API keys (scope `catalog:admin`): issue, list, read, rotate, revoke."),
        new("WooCommerce", "Catalog.Api.Dialects.WooCommerce", "WooCommerce's REST API v3 (`/wp-json/wc/v3`)."),
        new("Wholesale Suite", "Catalog.Api.Dialects.WholesaleSuite",
            "Wholesale Suite's products API (`/wp-json/wholesale/v1`)."),
        new("Medusa", "Catalog.Api.Dialects.Medusa", "Medusa's admin products API (`/admin/products`)."),
        new("Trade", "Catalog.Api.Dialects.Trade", "The trade API's batch update (`/v1/products/batch`)."),
        new("Process", "Catalog.Api.Dialects.Process",
            "The asynchronous process API: upserts by SKU (`PATCH /process/products`), polled at `/batch/{batchId}`."),
        new("Operation list", "Catalog.Api.Dialects.OperationList",
            "The operation-list batch commands (`/api/products/batches.json`, `/api/batches/{id}.json`), "
            + "run asynchronously."),
    ];

    public static IEnumerable<OpenApiTag> Tags =>
        Dialects.Prepend(Catalog).Select(d => new OpenApiTag { Name = d.Name, Description = d.Description });

    public static Dialect Of(TypeInfo controller) =>
        Dialects.FirstOrDefault(d => controller.Namespace?.StartsWith(d.Namespace, StringComparison.Ordinal) == true)
        ?? Catalog;
}
