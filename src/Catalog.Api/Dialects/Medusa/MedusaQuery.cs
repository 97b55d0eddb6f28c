using System.Globalization;
using Catalog.Domain.Products;
using Microsoft.AspNetCore.Mvc;

namespace Catalog.Api.Dialects.Medusa;

/// <summary>The query of <c>GET /admin/products</c>: paging, the filters Catalog applies, and <c>fields</c>.</summary>
internal sealed record MedusaListQuery(string? Fields, int Limit, int Offset, ProductStatus? Status, long? CategoryId);

/// <summary>
/// Reads Medusa query strings strictly (a key the endpoint does not take is a 400, not a filter ignored); arrays come
/// as <c>status[]=a</c>, <c>status[0]=a</c> (as the JS SDK's <c>qs</c> writes them) or repeated keys.
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

    public static (MedusaListQuery? Query, ObjectResult? Error) List(IQueryCollection query)
    {
        var values = Normalize(query);
        var issues = Unknown(values, "fields", "limit", "offset", "status", "category_id").ToList();
        var fields = Single(values, "fields", issues);
        var limit = Number(values, "limit", DefaultLimit, 1, MaxLimit, issues);
        var offset = Number(values, "offset", 0, 0, int.MaxValue, issues);
        ProductStatus? status = null;
        var names = Enum.GetNames<MedusaProductStatus>().Select(n => n.ToLowerInvariant()).ToList();
        var statuses = values.GetValueOrDefault("status") ?? [];
        if (statuses.FirstOrDefault(s => !names.Contains(s, StringComparer.Ordinal)) is { } bad)
        {
            var expected = string.Join(" | ", names.Select(n => $"'{n}'"));
            issues.Add(new("status", $"Invalid enum value. Expected {expected}, received '{bad}'"));
        }
        else if (Filter(values, "status", "status", issues) is { } medusa)
        {
            status = MedusaProductTranslation.ToCanonical(Enum.Parse<MedusaProductStatus>(medusa, ignoreCase: true));
        }

        var categoryId = Filter(values, "category_id", "category", issues) is { } category
            ? MedusaTranslation.Id(MedusaIds.Category, category, "category_id", issues)
            : (long?)null;

        return issues.Count > 0
            ? (null, MedusaErrors.Invalid(issues))
            : (new MedusaListQuery(fields, limit, offset, status, categoryId), null);
    }

    /// <summary>Query values by key, with <c>key[]</c> and <c>key[0]</c> read as <c>key</c>.</summary>
    private static Dictionary<string, List<string>> Normalize(IQueryCollection query) => query
        .GroupBy(q => NameOf(q.Key), StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.SelectMany(q => q.Value.OfType<string>()).ToList(), StringComparer.Ordinal);

    private static string NameOf(string key)
    {
        var bracket = key.IndexOf('[', StringComparison.Ordinal);
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

    /// <summary>The one value a filter takes (sent more than once, it must be the same), or null.</summary>
    private static string? Filter(
        Dictionary<string, List<string>> values, string key, string noun, List<MedusaIssue> issues)
    {
        var distinct = values.GetValueOrDefault(key)?.Distinct(StringComparer.Ordinal).ToList() ?? [];
        if (distinct.Count > 1)
        {
            issues.Add(new(key, $"Catalog filters by one {noun} at a time"));
        }

        return distinct.Count == 1 ? distinct[0] : null;
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
