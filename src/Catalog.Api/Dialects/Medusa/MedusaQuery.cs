using Catalog.Application.Products.Queries;
using Catalog.Domain.Products;

namespace Catalog.Api.Dialects.Medusa;

/// <summary>The query of <c>GET /admin/products</c>: the canonical list query, and <c>fields</c>.</summary>
internal sealed record MedusaListQuery(string? Fields, ListProducts Query);

/// <summary>The query of <c>GET /admin/products/{id}/variants</c>.</summary>
internal sealed record MedusaVariantListQuery(string? Fields, int Limit, int Offset, IReadOnlyList<string>? Ids);

/// <summary>
/// Reads Medusa query strings strictly (a key the endpoint does not take is a 400, not a filter ignored); arrays come
/// as <c>status[]=a</c>, <c>status[0]=a</c> (as the JS SDK's <c>qs</c> writes them) or repeated keys, objects as
/// <c>variants[sku]=a</c> and operators as <c>created_at[$gte]=...</c>.
/// </summary>
internal static class MedusaQuery
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    /// <summary>The <c>fields</c> parameter of a batch or a single read, the only key those take.</summary>
    public static (string? Fields, ObjectResult? Error) Select(IQueryCollection query)
    {
        var values = Normalize(query);
        var issues = Unknown(values, "fields").ToList();
        var fields = Single(values, "fields", issues);
        return issues.Count > 0 ? (null, MedusaErrors.Invalid(issues)) : (fields, null);
    }

    /// <summary>The keys of the list query; <c>created_at</c> and <c>updated_at</c> take the operators of
    /// <see cref="RangeOperators"/> (<c>created_at[$gte]=...</c>).</summary>
    private static readonly string[] ListKeys =
    [
        "fields", "limit", "offset", "order", "q", "id", "handle", "title", "status", "category_id", "tag_id",
        "tags[id]", "tags[value]", "variants[sku]",
        .. RangeOperators.SelectMany(o => new[] { $"created_at[{o}]", $"updated_at[{o}]" }),
    ];

    private static string[] RangeOperators => ["$gt", "$gte", "$lt", "$lte"];

    public static (MedusaListQuery? Query, ObjectResult? Error) List(IQueryCollection query)
    {
        var values = Normalize(query);
        var issues = Unknown(values, ListKeys).ToList();
        var fields = Single(values, "fields", issues);
        var limit = Number(values, "limit", DefaultLimit, 1, MaxLimit, issues);
        var offset = Number(values, "offset", 0, 0, int.MaxValue, issues);
        var order = Order(Single(values, "order", issues), issues);
        var list = new ListProducts(null, null, null, limit, offset)
        {
            Search = Single(values, "q", issues),
            Statuses = Statuses(values.GetValueOrDefault("status"), issues),
            Filters = new ProductListFilters
            {
                Ids = Ids(values.GetValueOrDefault("id"), MedusaIds.Product),
                Handles = values.GetValueOrDefault("handle"),
                Titles = values.GetValueOrDefault("title"),
                Skus = values.GetValueOrDefault("variants[sku]"),
                CategoryIds = Ids(values.GetValueOrDefault("category_id"), MedusaIds.Category),
                Tags = Many(values, "tag_id", "tags[id]", "tags[value]"),
                CreatedAt = Range(values, "created_at", issues),
                UpdatedAt = Range(values, "updated_at", issues),
                Order = order,
            },
        };
        return issues.Count > 0 ? (null, MedusaErrors.Invalid(issues)) : (new MedusaListQuery(fields, list), null);
    }

    public static (MedusaVariantListQuery? Query, ObjectResult? Error) Variants(IQueryCollection query)
    {
        var values = Normalize(query);
        var issues = Unknown(values, "fields", "limit", "offset", "id").ToList();
        var fields = Single(values, "fields", issues);
        var limit = Number(values, "limit", DefaultLimit, 1, MaxLimit, issues);
        var offset = Number(values, "offset", 0, 0, int.MaxValue, issues);
        return issues.Count > 0
            ? (null, MedusaErrors.Invalid(issues))
            : (new MedusaVariantListQuery(fields, limit, offset, values.GetValueOrDefault("id")), null);
    }

    private static List<ProductStatus>? Statuses(List<string>? statuses, List<MedusaIssue> issues)
    {
        var names = Enum.GetNames<MedusaProductStatus>().Select(n => n.ToLowerInvariant()).ToList();
        if (statuses?.FirstOrDefault(s => !names.Contains(s, StringComparer.Ordinal)) is { } bad)
        {
            var expected = string.Join(" | ", names.Select(n => $"'{n}'"));
            issues.Add(new("status", $"Invalid enum value. Expected {expected}, received '{bad}'"));
            return null;
        }

        return statuses?.Select(s => MedusaProductTranslation.ToCanonical(
            Enum.Parse<MedusaProductStatus>(s, ignoreCase: true))).Distinct().ToList();
    }

    /// <summary>
    /// The rows named by these ids. Ids are opaque to a client: one Catalog did not issue names no row, so it matches
    /// nothing (0, which no row has, stands for it when no id is Catalog's) rather than being refused.
    /// </summary>
    private static List<long>? Ids(List<string>? ids, string prefix) => ids is null
        ? null
        : [.. ids.Select(id => MedusaIds.Parse(prefix, id) ?? 0).Distinct()];

    private static List<string>? Many(Dictionary<string, List<string>> values, params string[] keys)
    {
        var all = keys.SelectMany(k => values.GetValueOrDefault(k) ?? []).Distinct(StringComparer.Ordinal).ToList();
        return keys.Any(values.ContainsKey) ? all : null;
    }

    private static ProductOrder Order(string? order, List<MedusaIssue> issues)
    {
        if (order is null)
        {
            return ProductOrder.Default;
        }

        if (ProductOrder.Parse(order) is { } parsed)
        {
            return parsed;
        }

        var names = string.Join(", ", ProductOrder.Names);
        issues.Add(new("order", $"Catalog orders products by {names} ('-' first to descend), received '{order}'"));
        return ProductOrder.Default;
    }

    private static TimeRange? Range(Dictionary<string, List<string>> values, string key, List<MedusaIssue> issues)
    {
        var bounds = RangeOperators.Select(o => Moment(values, $"{key}[{o}]", issues)).ToList();
        var range = new TimeRange(bounds[0], bounds[1], bounds[2], bounds[3]);
        return range.IsEmpty ? null : range;
    }

    private static DateTimeOffset? Moment(Dictionary<string, List<string>> values, string key, List<MedusaIssue> issues)
    {
        if (Single(values, key, issues) is not { } text)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            return at;
        }

        issues.Add(new(key, $"Invalid date, received '{text}'"));
        return null;
    }

    /// <summary>Query values by key, with <c>key[]</c> and <c>key[0]</c> read as <c>key</c>.</summary>
    private static Dictionary<string, List<string>> Normalize(IQueryCollection query) => query
        .GroupBy(q => NameOf(q.Key), StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.SelectMany(q => q.Value.OfType<string>()).ToList(), StringComparer.Ordinal);

    private static string NameOf(string key)
    {
        var bracket = key.LastIndexOf('[');
        var indexed = bracket > 0 && key.EndsWith(']') && key[(bracket + 1)..^1].All(char.IsAsciiDigit);
        return indexed ? key[..bracket] : key;
    }

    private static IEnumerable<MedusaIssue> Unknown(Dictionary<string, List<string>> values, params string[] known)
    {
        var unknown = values.Keys.Where(k => !known.Contains(k, StringComparer.Ordinal)).Select(u => $"'{u}'").ToList();
        var message = $"Unrecognized key(s) in object: {string.Join(", ", unknown)} "
            + $"(this endpoint's query takes {string.Join(", ", known)})";
        return unknown.Count == 0 ? [] : [new MedusaIssue(string.Empty, message)];
    }

    private static string? Single(Dictionary<string, List<string>> values, string key, List<MedusaIssue> issues)
    {
        if (!values.TryGetValue(key, out var list))
        {
            return null;
        }

        if (list.Count > 1)
        {
            issues.Add(new(key, "Expected string, received array"));
        }

        return list.FirstOrDefault();
    }

    private static int Number(
        Dictionary<string, List<string>> values, string key, int fallback, int min, int max, List<MedusaIssue> issues)
    {
        if (Single(values, key, issues) is not { } text)
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            issues.Add(new(key, "Expected number, received nan"));
        }
        else if (number < min || number > max)
        {
            issues.Add(new(key, $"Number must be between {min} and {max}"));
        }

        return number;
    }
}
