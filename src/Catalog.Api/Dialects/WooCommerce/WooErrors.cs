using System.Text.RegularExpressions;

namespace Catalog.Api.Dialects.WooCommerce;

/// <summary>Catalog's errors in WooCommerce's words: its codes where it has one, else WordPress's.</summary>
internal static partial class WooErrors
{
    public const string Product = "product";
    public const string Variation = "product_variation";

    /// <summary>WooCommerce's answer for a term (category, tag, attribute term) that does not exist.</summary>
    public static WooError TermInvalid =>
        Of("woocommerce_rest_term_invalid", "Resource does not exist.", StatusCodes.Status404NotFound);

    public static WooError Of(string code, string message, int status) => new(code, message, new WooErrorData(status));

    public static WooError Bad(string code, string message) => Of(code, message, StatusCodes.Status400BadRequest);

    /// <summary>WordPress's answer to parameters it cannot take: <c>rest_invalid_param</c> naming each.</summary>
    public static WooError InvalidParams(IReadOnlyList<(string Field, string Message)> problems)
    {
        // The first problem of a field is the one named.
        var byField = problems.DistinctBy(p => p.Field)
            .ToDictionary(p => p.Field, p => p.Message, StringComparer.Ordinal);
        return new WooError(
            "rest_invalid_param",
            $"Invalid parameter(s): {string.Join(", ", byField.Keys)}",
            new WooErrorData(StatusCodes.Status400BadRequest) { Params = byField });
    }

    public static WooError InvalidId(string postType, BatchOperation operation) =>
        Of($"woocommerce_rest_{postType}_invalid_id",
            "Invalid ID.",
            operation == BatchOperation.Delete ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest);

    public static WooError Exists(string postType) =>
        Bad($"woocommerce_rest_{postType}_exists", $"Cannot create existing {postType}.");

    public static WooError TooLarge(int limit) =>
        Of("woocommerce_rest_request_entity_too_large",
            $"Unable to accept more than {limit} items for this request.",
            StatusCodes.Status413PayloadTooLarge);

    /// <summary>
    /// WooCommerce's answer to a SKU another product or variation holds, with the holder's id (a simple product's own,
    /// else the variation's) and a free SKU. Without a holder (the database refused a SKU another request took while
    /// the batch ran), <c>resource_id</c> is 0, as WooCommerce's lookup answers for none, and <paramref name="sent"/>
    /// numbered 1 is offered unchecked.
    /// </summary>
    public static WooError InvalidSku(SkuHolder? holder, string? sent) =>
        new("product_invalid_sku", "Invalid or duplicated SKU.", new WooErrorData(StatusCodes.Status400BadRequest)
        {
            ResourceId = holder is null ? 0 : holder.OnlyVariant ? holder.ProductId : holder.VariantId,
            UniqueSku = holder?.FreeSku ?? (string.IsNullOrEmpty(sent) ? null : $"{sent}-1"),
        });

    /// <summary>
    /// An item the engine failed, in WooCommerce's terms (see docs/dialects.md for the table); <paramref name="sku"/>
    /// is the SKU the item sent.
    /// </summary>
    public static WooError Item(
        ItemError error, BatchOperation operation, string postType, bool simple, string? sku = null)
    {
        var fields = error.Details.Select(d => d.Field).ToList();
        return error.Code switch
        {
            ErrorCodes.NotFound => InvalidId(postType, operation),
            ErrorCodes.ValidationFailed when operation == BatchOperation.Delete || fields.Contains("id") =>
                InvalidId(postType, operation),
            ErrorCodes.ValidationFailed => InvalidParams([.. error.Details
                .Select(d => (FieldOf(d.Field, simple), d.Message))
                .DefaultIfEmpty((postType, error.Message))]),
            ErrorCodes.DuplicateSku => InvalidSku(error.SkuHolder, sku),

            // An earlier item of the batch took the SKU: WooCommerce, which applies items in order, names it.
            ErrorCodes.DuplicateInBatch when error.SkuHolder is { } holder => InvalidSku(holder, sku),
            ErrorCodes.DuplicateHandle => Bad("product_invalid_slug", "Invalid or duplicated slug."),
            ErrorCodes.DuplicateInBatch when fields.Any(f => f.EndsWith("sku", StringComparison.Ordinal)) =>
                Bad("product_invalid_sku", $"Invalid or duplicated SKU. {error.Message}"),
            ErrorCodes.DuplicateInBatch when fields.Contains("handle") =>
                Bad("product_invalid_slug", $"Invalid or duplicated slug. {error.Message}"),
            ErrorCodes.DuplicateInBatch => Bad($"woocommerce_rest_{postType}_invalid_id", error.Message),
            ErrorCodes.ReferenceNotFound when fields.Any(f => f.Contains("attribute", StringComparison.Ordinal)) =>
                Bad("woocommerce_rest_taxonomy_invalid", error.Message),
            ErrorCodes.ReferenceNotFound => Bad("woocommerce_rest_term_invalid", error.Message),
            ErrorCodes.Conflict =>
                Of($"woocommerce_rest_{postType}_conflict", error.Message, StatusCodes.Status409Conflict),
            _ => Bad($"woocommerce_rest_{error.Code.ToLowerInvariant()}", error.Message),
        };
    }

    /// <summary>A canonical field as the WooCommerce field sent (a simple product's <c>variants[0].sku</c>).</summary>
    public static string FieldOf(string canonical, bool simple)
    {
        var field = Renames.Aggregate(
            simple ? SimpleVariant().Replace(canonical, string.Empty) : canonical,
            (path, rename) => rename.Canonical.Replace(path, rename.Woo));
        return field switch
        {
            "title" => "name",
            "handle" => "slug",
            "options" => "attributes",
            "metadata" => "meta_data",
            "manage_inventory" => "manage_stock",
            "allow_backorder" => "backorders",
            "rank" => "menu_order",
            "length" or "width" or "height" => $"dimensions.{field}",
            _ when field.StartsWith("options.", StringComparison.Ordinal) => $"attributes.{field["options.".Length..]}",
            _ => field,
        };
    }

    [GeneratedRegex(@"^variants\[\d+\]\.")]
    private static partial Regex SimpleVariant();

    private static readonly (Regex Canonical, string Woo)[] Renames =
    [
        (new(@"prices\[\d+\]\.amount$|prices(\[\d+\])?$", RegexOptions.Compiled), "regular_price"),
        (new(@"prices\[\d+\]\.sale_amount$", RegexOptions.Compiled), "sale_price"),
        (new(@"^options\[(\d+)\]\.attribute_id$", RegexOptions.Compiled), "attributes[$1].id"),
        (new(@"^options\[(\d+)\]\.values.*$", RegexOptions.Compiled), "attributes[$1].options"),
        (new(@"^category_ids\[(\d+)\]$", RegexOptions.Compiled), "categories[$1].id"),
        (new(@"^tag_ids\[(\d+)\]$", RegexOptions.Compiled), "tags.id"),
        (new(@"^images\[(\d+)\]\.url$", RegexOptions.Compiled), "images[$1].src"),
    ];
}

/// <summary>Whole-request errors on WooCommerce's routes in WordPress's shape, never problem details.</summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class WooCommerceErrorsAttribute : Attribute, IRequestErrorFormat
{
    public (int Status, object Body) Render(RequestError error)
    {
        var detail = error.Detail ?? error.Title;
        var woo = error switch
        {
            { Code: ErrorCodes.MalformedJson } => WooErrors.Bad("rest_invalid_json", "Invalid JSON body passed."),
            { Code: ErrorCodes.InvalidBody or ErrorCodes.ValidationFailed } => WooErrors.InvalidParams(
                [.. error.Errors.Select(e => (e.Field, e.Message)).DefaultIfEmpty(("body", detail))]),
            { Code: ErrorCodes.BatchTooLarge } => WooErrors.Of(
                "woocommerce_rest_request_entity_too_large", detail, StatusCodes.Status413PayloadTooLarge),
            { Code: ErrorCodes.NotFound } => WooErrors.Of(
                "woocommerce_rest_invalid_product_id", "Invalid product ID.", StatusCodes.Status404NotFound),
            { Status: StatusCodes.Status404NotFound or StatusCodes.Status405MethodNotAllowed } => NoRoute,
            { Status: StatusCodes.Status415UnsupportedMediaType } => WooErrors.Bad(
                "rest_invalid_json", "Send the body as JSON (Content-Type: application/json)."),
            // wpdb's own code when it cannot reach its database; 503 and Retry-After tell a client to come back.
            { Code: ErrorCodes.DatabaseUnavailable } =>
                WooErrors.Of("db_connect_fail", detail, StatusCodes.Status503ServiceUnavailable),
            { Status: >= 500 } => WooErrors.Of(
                "internal_server_error",
                "There has been a critical error on this website. Nothing of this request was written.",
                StatusCodes.Status500InternalServerError),
            _ => WooErrors.Of($"rest_{(error.Code ?? "error").ToLowerInvariant()}", detail, error.Status),
        };
        return (woo.Data.Status, woo);
    }

    public static WooError NoRoute => WooErrors.Of(
        "rest_no_route", "No route was found matching the URL and request method.", StatusCodes.Status404NotFound);
}

/// <summary>WordPress's <c>force</c> flag of a delete: a boolean as WordPress reads one.</summary>
internal static class WooForce
{
    /// <summary>
    /// A term's delete as WordPress answers it: a <c>force</c> that is not a boolean is 400; forced, the delete
    /// (<paramref name="delete"/>); else 501 for a term that exists (<paramref name="exists"/>), 404 for one that does
    /// not.
    /// </summary>
    public static async Task<IActionResult> DeleteTermAsync(
        string? force, Func<Task<IActionResult>> delete, Func<Task<bool>> exists)
    {
        if (Problem(force) is { } problem)
        {
            return new BadRequestObjectResult(problem);
        }

        if (IsSet(force))
        {
            return await delete();
        }

        // WordPress checks the term exists before it refuses to trash it.
        return await exists() ? TaxonomyTrashNotSupported() : new NotFoundObjectResult(WooErrors.TermInvalid);
    }

    public static bool IsSet(string? force) => force is "true" or "1";

    public static WooError? Problem(string? force) => force is null or "" or "true" or "false" or "1" or "0"
        ? null
        : WooErrors.InvalidParams([("force", "force is not of type boolean.")]);

    /// <summary>Catalog keeps no trash: a delete must be forced, as in a store whose trash is off.</summary>
    public static ObjectResult TrashNotSupported(string postType) =>
        new(WooErrors.Of(
            "woocommerce_rest_trash_not_supported",
            $"The {postType} does not support trashing.",
            StatusCodes.Status501NotImplemented))
        { StatusCode = StatusCodes.Status501NotImplemented };

    /// <summary>What WooCommerce's terms and attributes controllers answer a delete without <c>force</c>.</summary>
    public static ObjectResult TaxonomyTrashNotSupported() =>
        new(WooErrors.Of(
            "woocommerce_rest_trash_not_supported",
            "Resource does not support trashing.",
            StatusCodes.Status501NotImplemented))
        { StatusCode = StatusCodes.Status501NotImplemented };
}
