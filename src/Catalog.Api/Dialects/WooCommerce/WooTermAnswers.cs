namespace Catalog.Api.Dialects.WooCommerce;

/// <summary>
/// Batch answers for WooCommerce's taxonomies (categories, attributes): every item reaches the engine, so the n-th
/// result is the n-th item's.
/// </summary>
internal static class WooTermAnswers
{
    public static WooBatchResponse<TOut> Of<TDto, TOut>(
        BatchResult<TDto> result,
        IReadOnlyList<long> updateIds,
        IReadOnlyList<long> deleteIds,
        Func<TDto, TOut> render,
        Func<ItemError, BatchOperation, WooError> errorOf)
        where TDto : class
    {
        IReadOnlyList<WooBatchEntry<TOut>>? Entries(
            IReadOnlyList<ItemResult<TDto>> results, BatchOperation operation, Func<int, long> idOf) =>
            results.Count == 0
                ? null
                : [.. results.Select((r, i) => r is { Status: ItemStatus.Succeeded, Resource: { } resource }
                    ? new WooBatchEntry<TOut>(render(resource), null)
                    : new WooBatchEntry<TOut>(default, new WooItemFailure(idOf(i), errorOf(r.Error!, operation))))];
        return new WooBatchResponse<TOut>
        {
            Create = Entries(result.Create, BatchOperation.Create, _ => 0),
            Update = Entries(result.Update, BatchOperation.Update, i => updateIds[i]),
            Delete = Entries(result.Delete, BatchOperation.Delete, i => deleteIds[i]),
        };
    }

    /// <summary>A canonical field as WooCommerce names it on a taxonomy.</summary>
    public static string FieldOf(string canonical) => canonical switch
    {
        "handle" => "slug",
        "parent_id" => "parent",
        "rank" => "menu_order",
        _ => canonical,
    };

    public static List<(string Field, string Message)> Params(ItemError error) =>
        [.. error.Details.Select(d => (FieldOf(d.Field), d.Message)).DefaultIfEmpty(("body", error.Message))];

    public static bool NamesId(ItemError error) =>
        error.Code == ErrorCodes.NotFound || error.Details.Any(d => d.Field == "id");

    public static bool NamesSlug(ItemError error) =>
        error.Code is ErrorCodes.DuplicateHandle or ErrorCodes.DuplicateInBatch
        || error.Details.Any(d => d.Field is "handle" or "slug");
}
