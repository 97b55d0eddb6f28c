namespace Catalog.Api.Dialects.Medusa;

/// <summary>
/// What an answer shows when the request sends no <c>fields</c>: Medusa's own defaults for the admin product and
/// variant routes, less what Catalog does not keep (price lists, inventory levels), plus <c>shipping_profile_id</c>,
/// which Medusa shows through a relation Catalog has not.
/// </summary>
internal static class MedusaDefaults
{
    /// <summary>The properties that are relations: shown when <c>fields</c> (or the defaults) select them.</summary>
    private static readonly IReadOnlySet<string> Relations = new HashSet<string>(StringComparer.Ordinal)
    {
        "type", "collection", "options", "values", "tags", "images", "variants", "sales_channels", "categories",
        "prices", "option", "inventory_items",
    };

    /// <summary>Computed, not stored, in Medusa too: shown when named (<c>+variants.inventory_quantity</c>).</summary>
    private static readonly IReadOnlySet<string> Computed =
        new HashSet<string>(StringComparer.Ordinal) { "inventory_quantity" };

    private static readonly IReadOnlyList<string> ProductFields =
    [
        "id", "title", "subtitle", "status", "external_id", "description", "handle", "is_giftcard", "discountable",
        "thumbnail", "collection_id", "type_id", "shipping_profile_id", "weight", "length", "height", "width",
        "hs_code", "origin_country", "mid_code", "material", "created_at", "updated_at", "deleted_at", "metadata",
        "*type", "*collection", "*options", "*options.values", "*tags", "*images", "*variants", "*variants.prices",
        "*variants.options", "*sales_channels",
    ];

    private static readonly IReadOnlyList<string> VariantFields =
    [
        "id", "product_id", "title", "sku", "allow_backorder", "manage_inventory", "hs_code", "origin_country",
        "mid_code", "material", "weight", "length", "height", "width", "created_at", "updated_at", "deleted_at",
        "metadata", "variant_rank", "ean", "upc", "barcode", "*prices", "*options",
    ];

    /// <summary>The <c>fields</c> of a product answer, over Medusa's defaults.</summary>
    public static MedusaFields Products(string? fields) =>
        MedusaFields.Parse(fields, ProductFields, Relations, Computed);

    /// <summary>The <c>fields</c> of a variant answer, over Medusa's defaults.</summary>
    public static MedusaFields Variants(string? fields) =>
        MedusaFields.Parse(fields, VariantFields, Relations, Computed);
}
