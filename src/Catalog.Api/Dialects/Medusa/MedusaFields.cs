using System.Text.Json.Nodes;

namespace Catalog.Api.Dialects.Medusa;

/// <summary>
/// Medusa's <c>fields</c> query parameter as a projection over a rendered response. The value is a comma-separated
/// list: <c>+field</c> (or <c> field</c>, since a query string's <c>+</c> reads as a space) adds to the defaults,
/// <c>-field</c> removes a field and everything under it, <c>*relation</c> or <c>relation.*</c> adds a relation with
/// all its own fields; any entry without one of those marks replaces the defaults with the list. <c>id</c> is always
/// kept. A relation named plainly (<c>variants</c>) reads as <c>*variants</c>; a dotted path (<c>variants.sku</c>)
/// selects one field of a relation. Objects inside a selected relation always keep their <c>id</c>, as Medusa's
/// queries do.
/// </summary>
internal sealed class MedusaFields
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

    // Medusa's defaults for the admin product and variant routes, less what Catalog does not keep (price lists,
    // inventory levels), plus shipping_profile_id, which Medusa shows through a relation Catalog has not.
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

    private readonly Selection _root;
    private readonly IReadOnlySet<string> _relations;
    private readonly IReadOnlySet<string> _computed;

    private MedusaFields(
        Selection root, IReadOnlySet<string> relations, IReadOnlySet<string> computed, IReadOnlySet<string> stars)
    {
        _root = root;
        _relations = relations;
        _computed = computed;
        StarFields = stars;
    }

    /// <summary>The relations selected with all their own fields.</summary>
    public IReadOnlySet<string> StarFields { get; }

    public static MedusaFields ForProducts(string? fields) => Parse(fields, ProductFields, Relations, Computed);

    public static MedusaFields ForVariants(string? fields) => Parse(fields, VariantFields, Relations, Computed);

    /// <summary>
    /// Applies <paramref name="fields"/> (null: not sent) to <paramref name="defaults"/>; <paramref name="relations"/>
    /// are shown only when selected; <paramref name="computed"/> fields only when named, never by a star.
    /// </summary>
    public static MedusaFields Parse(string? fields, IEnumerable<string> defaults, IReadOnlySet<string> relations,
        IReadOnlySet<string>? computed = null)
    {
        var all = new List<string>(defaults);
        if (fields is not null)
        {
            var custom = fields.Split(',').Where(f => f.Length > 0).ToList();
            if (custom.Count == 0 || custom.Any(f => !HasModifier(f)))
            {
                all = [.. custom.Select(Strip).Where(f => f.Length > 0).Distinct(StringComparer.Ordinal)];
            }
            else
            {
                foreach (var field in custom)
                {
                    Apply(all, field);
                }
            }

            AddOnce(all, "id");
        }

        var stars = all.Where(IsStar)
            .Select(f => f.StartsWith('*') ? f[1..] : f[..^2])
            .ToHashSet(StringComparer.Ordinal);
        var root = new Selection();
        foreach (var field in all.Where(f => !IsStar(f)))
        {
            root.Walk(field).Named = true;
        }

        foreach (var star in stars)
        {
            root.Walk(star).AllOwnFields = true;
        }

        return new MedusaFields(root, relations, computed ?? new HashSet<string>(), stars);
    }

    /// <summary>True when the selection reaches into <paramref name="relationPath"/> for more than its ids.</summary>
    public bool WantsMoreThanIds(string relationPath)
    {
        var node = _root;
        foreach (var part in relationPath.Split('.'))
        {
            if (!node.Children.TryGetValue(part, out var next))
            {
                return false;
            }

            node = next;
        }

        return node.AllOwnFields || node.Named || node.Children.Keys.Any(k => k != "id");
    }

    /// <summary>The parts of <paramref name="full"/> the selection asks for, in the order it has them.</summary>
    public JsonObject Project(JsonObject full) => Project(full, _root, nested: false);

    private JsonObject Project(JsonObject source, Selection selection, bool nested)
    {
        var allOwn = selection.AllOwnFields || selection.Named;
        var result = new JsonObject();
        foreach (var (name, value) in source)
        {
            selection.Children.TryGetValue(name, out var child);
            if (_relations.Contains(name))
            {
                if (child is not null)
                {
                    result[name] = ProjectRelation(value, child);
                }
            }
            else if (child is not null || (allOwn && !_computed.Contains(name)) || (nested && name == "id"))
            {
                result[name] = value?.DeepClone();
            }
        }

        return result;
    }

    private JsonNode? ProjectRelation(JsonNode? value, Selection selection) => value switch
    {
        JsonArray items => new JsonArray([.. items.Select(item =>
            item is JsonObject obj ? Project(obj, selection, nested: true) : item?.DeepClone())]),
        JsonObject obj => Project(obj, selection, nested: true),
        _ => value?.DeepClone(),
    };

    private static bool HasModifier(string field) =>
        field.StartsWith('-') || field.StartsWith('+') || field.StartsWith(' ') || IsStar(field);

    private static bool IsStar(string field) => field.StartsWith('*') || field.EndsWith(".*", StringComparison.Ordinal);

    private static string Strip(string field) => field.TrimStart('+', ' ', '\t', '-').Trim();

    private static void Apply(List<string> all, string field)
    {
        if (field.StartsWith('-'))
        {
            var name = Strip(field);
            all.RemoveAll(f =>
            {
                var bare = f.StartsWith('*') ? f[1..] : f;
                bare = bare.EndsWith(".*", StringComparison.Ordinal) ? bare[..^2] : bare;
                return bare == name || bare.StartsWith(name + ".", StringComparison.Ordinal);
            });
        }
        else
        {
            AddOnce(all, field.StartsWith('+') || field.StartsWith(' ') ? Strip(field) : field);
        }
    }

    private static void AddOnce(List<string> all, string field)
    {
        if (field.Length > 0 && !all.Contains(field, StringComparer.Ordinal))
        {
            all.Add(field);
        }
    }

    private sealed class Selection
    {
        public Dictionary<string, Selection> Children { get; } = new(StringComparer.Ordinal);

        /// <summary>Named itself (<c>title</c>, or <c>variants</c> as <c>*variants</c>), not just reached.</summary>
        public bool Named { get; set; }

        public bool AllOwnFields { get; set; }

        public Selection Walk(string path)
        {
            var node = this;
            foreach (var part in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
            {
                node = node.Children.TryGetValue(part, out var next) ? next : node.Children[part] = new Selection();
            }

            return node;
        }
    }
}
