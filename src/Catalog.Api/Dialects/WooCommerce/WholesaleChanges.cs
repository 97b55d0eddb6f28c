using Catalog.Domain.Wholesale;

namespace Catalog.Api.Dialects.WooCommerce;

/// <summary>One role's new value (null removes it), the field that sent it, and its text if sent as one.</summary>
internal sealed record RoleValue<T>(T? Value, string Field, string? Text = null)
    where T : struct;

/// <summary>A quantity discount rule as sent, and where.</summary>
internal sealed record SentRule(
    string Role,
    long StartQty,
    long? EndQty,
    DiscountPriceType PriceType,
    decimal Value,
    string Field,
    string? ValueText = null);

/// <summary>A role named by a visibility filter, and where.</summary>
internal sealed record VisibleRole(string Role, string Field);

/// <summary>Changes to a variant's wholesale terms: per role (a role not named keeps its value) or whole.</summary>
internal sealed class WholesaleChanges
{
    public Dictionary<string, RoleValue<decimal>> Prices { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, RoleValue<decimal>> SalePrices { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, RoleValue<long>> Minimums { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, RoleValue<long>> Steps { get; } = new(StringComparer.Ordinal);

    /// <summary>The new visibility filter (empty: every buyer), or null to keep it.</summary>
    public IReadOnlyList<VisibleRole>? Visibility { get; set; }

    /// <summary>The new rule mapping (empty: no rules), or null to keep it.</summary>
    public IReadOnlyList<SentRule>? Rules { get; set; }

    public string VisibilityField { get; set; } = string.Empty;

    public string RulesField { get; set; } = string.Empty;

    public bool IsEmpty => !Fields.Any();

    /// <summary>The fields that sent something, in the order of Wholesale Suite's answer.</summary>
    public IEnumerable<string> Fields =>
        Prices.Values.Select(v => v.Field)
            .Concat(SalePrices.Values.Select(v => v.Field))
            .Concat(Minimums.Values.Select(v => v.Field))
            .Concat(Steps.Values.Select(v => v.Field))
            .Concat(Visibility is null ? [] : [VisibilityField])
            .Concat(Rules is null ? [] : [RulesField]);

    /// <summary>Applies <paramref name="later"/> over these: per role for the maps, whole for the lists.</summary>
    public void Add(WholesaleChanges later)
    {
        Merge(Prices, later.Prices);
        Merge(SalePrices, later.SalePrices);
        Merge(Minimums, later.Minimums);
        Merge(Steps, later.Steps);
        if (later.Visibility is not null)
        {
            (Visibility, VisibilityField) = (later.Visibility, later.VisibilityField);
        }

        if (later.Rules is not null)
        {
            (Rules, RulesField) = (later.Rules, later.RulesField);
        }
    }

    private static void Merge<T>(Dictionary<string, RoleValue<T>> into, Dictionary<string, RoleValue<T>> from)
        where T : struct
    {
        foreach (var (role, value) in from)
        {
            into[role] = value;
        }
    }
}

/// <summary>A dialect's names for wholesale values an item did not send (for errors), and its fields' reader.</summary>
internal sealed record WholesaleNames(
    Func<string, string> Price,
    Func<string, string> SalePrice,
    Func<string, string> Minimum,
    Func<string, string> Step,
    string Prices,
    string Minimums,
    string Steps,
    string Rules)
{
    public static readonly WholesaleNames Meta = new(
        WholesaleMeta.PriceKey,
        WholesaleMeta.SalePriceKey,
        WholesaleMeta.MinimumKey,
        WholesaleMeta.StepKey,
        "meta_data",
        "meta_data",
        "meta_data",
        WholesaleMeta.RulesKey);

    /// <summary>Reads the changes an item (a product or variation input) sends in the dialect's fields.</summary>
    public Func<object, TranslationProblems, WholesaleChanges>? ReadFields { get; init; }

    /// <summary>A field the dialect computes in its answers: one a client sends back is not kept.</summary>
    public string? AnswerOnly { get; init; }
}

/// <summary>Where an item's wholesale entries came from, so that the engine's errors name the fields sent.</summary>
internal sealed class WholesaleFieldMap
{
    private readonly List<(string Canonical, Func<string, string> Dialect)> _entries = [];

    /// <summary>Maps <paramref name="canonical"/> and the fields under it, given the rest of the path.</summary>
    public void Add(string canonical, Func<string, string> dialect) => _entries.Add((canonical, dialect));

    public void Add(string canonical, string dialect) => Add(canonical, _ => dialect);

    /// <summary>The dialect's name for a canonical field; null when it is not one this map knows.</summary>
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
    /// The item's error in WooCommerce's words, wholesale fields renamed; an unknown role is a bad value of the field
    /// that names it (<c>rest_invalid_param</c>).
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
