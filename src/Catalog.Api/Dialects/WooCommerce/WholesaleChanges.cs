using Catalog.Domain.Wholesale;

namespace Catalog.Api.Dialects.WooCommerce;

/// <summary>
/// One role's new value in a per-role map (null: the role's value is removed), the field that sent it, and its text
/// when sent as a string.
/// </summary>
internal sealed record RoleValue<T>(T? Value, string Field, string? Text = null)
    where T : struct;

/// <summary>A quantity discount rule as sent, read; <see cref="Field"/> is where it was sent.</summary>
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

/// <summary>
/// Changes to a variant's wholesale terms in Wholesale Suite's model: prices, sale prices, minimums and steps per role
/// (a role not named keeps its value, as the plugin updates one meta key per role), the visibility filter and the
/// rule mapping whole. Read from Wholesale Suite's fields or from its meta keys in WooCommerce's <c>meta_data</c>.
/// </summary>
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

    /// <summary>Where each whole-list change was sent, for its errors.</summary>
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

    /// <summary>
    /// Applies <paramref name="later"/> over these changes: per role for the maps, whole for the lists.
    /// </summary>
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

/// <summary>
/// Where a dialect's items carry wholesale terms besides Wholesale Suite's meta keys: what it calls each value an item
/// did not send (kept entries, whole lists), for errors, and how to read its own fields, if it has any.
/// </summary>
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

    /// <summary>
    /// Reads the changes an item (a WooCommerce product or variation input) sends in the dialect's own fields.
    /// </summary>
    public Func<object, TranslationProblems, WholesaleChanges>? ReadFields { get; init; }

    /// <summary>
    /// A field the dialect computes in its answers: a client sending back what it read must not have it kept.
    /// </summary>
    public string? AnswerOnly { get; init; }
}
