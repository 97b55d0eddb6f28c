using Catalog.Application.Common;
using Catalog.Application.Common.Batches;

namespace Catalog.Api.Dialects.WooCommerce;

/// <summary>
/// Where each entry of the canonical wholesale lists an item sends came from, so that the engine's errors name the
/// field the client sent: <c>wholesale.quantity_discount_rules[1].end_qty</c> is
/// <c>wholesale_quantity_discount_rule_mapping[1].end_qty</c> (or <c>meta_data[4].value[1].end_qty</c>).
/// </summary>
internal sealed class WholesaleFieldMap
{
    private readonly List<(string Canonical, Func<string, string> Dialect)> _entries = [];

    /// <summary>
    /// Maps <paramref name="canonical"/> and every field under it; the function gets the rest of the path
    /// (<c>.amount</c>, or empty).
    /// </summary>
    public void Add(string canonical, Func<string, string> dialect) => _entries.Add((canonical, dialect));

    public void Add(string canonical, string dialect) => Add(canonical, _ => dialect);

    /// <summary>
    /// The dialect's name for a canonical field, or null when it is not a wholesale field this map knows.
    /// </summary>
    public string? Map(string field)
    {
        foreach (var (canonical, dialect) in _entries)
        {
            if (field == canonical
                || (field.StartsWith(canonical, StringComparison.Ordinal) && field[canonical.Length] == '.'))
            {
                return dialect(field[canonical.Length..]);
            }
        }

        return null;
    }

    /// <summary>
    /// The item's error in WooCommerce's words (<paramref name="woo"/>), with wholesale fields renamed. An unknown role
    /// is a bad value of the field that names it, so it is <c>rest_invalid_param</c> naming that field.
    /// </summary>
    public WooError ErrorOf(ItemError error, Func<ItemError, WooError> woo)
    {
        var details = error.Details.Select(d => (Detail: d, Field: Map(d.Field))).ToList();
        if (error.Code == ErrorCodes.ReferenceNotFound && details.Count > 0 && details.All(d => d.Field is not null))
        {
            return WooErrors.InvalidParams([.. details.Select(d => (d.Field!, d.Detail.Message))]);
        }

        var renamed = details.Select(d => d.Field is null ? d.Detail : d.Detail with { Field = d.Field });
        return woo(error with { Details = [.. renamed] });
    }
}
