namespace Catalog.Domain.Wholesale;

public enum DiscountPriceType
{
    /// <summary>The rule takes <c>value</c> percent off the role's wholesale price.</summary>
    Percent,

    /// <summary>The rule's <c>value</c> is the unit price, in the rule's currency.</summary>
    Fixed,
}

/// <summary>Quantities from <see cref="Start"/> to <see cref="End"/>, both included; no end: "and above".</summary>
public readonly record struct QuantityRange(long Start, long? End)
{
    public bool Contains(long quantity) => quantity >= Start && quantity <= (End ?? long.MaxValue);

    public bool Overlaps(QuantityRange other) => other.Contains(Start) || Contains(other.Start);

    public override string ToString() => End is { } end ? $"{Start}-{end}" : $"{Start} and above";
}

/// <summary>What a role pays for a variant in a currency; <see cref="SaleAmount"/>, when set, instead.</summary>
public sealed record WholesalePrice
{
    public WholesalePrice(long variantId, string role, string currencyCode, decimal amount, decimal? saleAmount)
    {
        ArgumentNullException.ThrowIfNull(currencyCode);
        if (amount < 0 || saleAmount < 0)
        {
            throw new DomainRuleException("A wholesale price must not be negative.");
        }

        VariantId = variantId;
        Role = role;
        CurrencyCode = currencyCode.ToLowerInvariant();
        Amount = amount;
        SaleAmount = saleAmount;
    }

    public long VariantId { get; private init; }
    public string Role { get; private init; }
    public string CurrencyCode { get; private init; }
    public decimal Amount { get; private init; }
    public decimal? SaleAmount { get; private init; }

    /// <summary>What the role pays per unit: the sale amount when there is one.</summary>
    public decimal Effective => SaleAmount ?? Amount;
}

/// <summary>The least a role may order, and maybe the step above it (minimum 5, step 3: 5, 8, 11...).</summary>
public sealed record WholesaleOrderQuantity
{
    public WholesaleOrderQuantity(long variantId, string role, long minimum, long? step)
    {
        if (minimum is < 1 or > WholesaleConstraints.MaxQuantity || step is < 1 or > WholesaleConstraints.MaxQuantity)
        {
            throw new DomainRuleException($"A minimum and a step are from 1 to {WholesaleConstraints.MaxQuantity}.");
        }

        VariantId = variantId;
        Role = role;
        Minimum = minimum;
        Step = step;
    }

    public long VariantId { get; private init; }
    public string Role { get; private init; }
    public long Minimum { get; private init; }
    public long? Step { get; private init; }

    /// <summary>Whether a role bound by this minimum and step may order <paramref name="quantity"/>.</summary>
    public bool Allows(long quantity) => quantity >= Minimum && (quantity - Minimum) % (Step ?? 1) == 0;
}

/// <summary>A role the variant is shown to. A variant with no such rows is shown to everyone.</summary>
public sealed record WholesaleVisibility(long VariantId, string Role);

/// <summary>
/// A quantity discount of one role: from <see cref="StartQuantity"/> to <see cref="EndQuantity"/> (none: and above), a
/// percentage off the role's wholesale price or a fixed unit price. <see cref="Position"/> keeps the order sent.
/// </summary>
public sealed record WholesaleDiscountRule
{
    public WholesaleDiscountRule(
        long variantId,
        int position,
        string role,
        long startQuantity,
        long? endQuantity,
        DiscountPriceType priceType,
        decimal value,
        string? currencyCode)
    {
        const long Max = WholesaleConstraints.MaxQuantity;
        const decimal MaxPercent = WholesaleConstraints.MaxPercent;
        if (startQuantity is < 1 or > Max || endQuantity < startQuantity || endQuantity > Max)
        {
            throw new DomainRuleException("A rule's range starts at 1 or more and does not end before it starts.");
        }

        switch (priceType)
        {
            case DiscountPriceType.Percent when value is <= 0 or > MaxPercent || currencyCode is not null:
                throw new DomainRuleException("A percent rule takes off over 0, at most 100 percent, in no currency.");
            case DiscountPriceType.Fixed when value < 0 || currencyCode is null:
                throw new DomainRuleException("A fixed rule names a unit price, not negative, and its currency.");
            case not (DiscountPriceType.Percent or DiscountPriceType.Fixed):
                throw new DomainRuleException($"Unknown price type {priceType}.");
        }

        VariantId = variantId;
        Position = position;
        Role = role;
        StartQuantity = startQuantity;
        EndQuantity = endQuantity;
        PriceType = priceType;
        Value = value;
        CurrencyCode = currencyCode?.ToLowerInvariant();
    }

    public long VariantId { get; private init; }
    public int Position { get; private init; }
    public string Role { get; private init; }
    public long StartQuantity { get; private init; }
    public long? EndQuantity { get; private init; }
    public DiscountPriceType PriceType { get; private init; }
    public decimal Value { get; private init; }
    public string? CurrencyCode { get; private init; }

    public QuantityRange Range => new(StartQuantity, EndQuantity);

    public bool AppliesTo(long quantity, string currencyCode) => Range.Contains(quantity) && AppliesIn(currencyCode);

    /// <summary>Whether the rule can price units in <paramref name="currencyCode"/>: a percent rule, in any.</summary>
    public bool AppliesIn(string currencyCode) =>
        PriceType == DiscountPriceType.Percent
        || string.Equals(CurrencyCode, currencyCode, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether one quantity of one role could meet both rules (a fixed rule, in its currency only).</summary>
    public bool ConflictsWith(WholesaleDiscountRule other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return string.Equals(Role, other.Role, StringComparison.Ordinal)
            && Range.Overlaps(other.Range)
            && (PriceType == DiscountPriceType.Percent || other.AppliesIn(CurrencyCode!));
    }
}

/// <summary>
/// Everything a variant says about wholesale buyers, as one value: what <c>Variant.SetWholesale</c> takes and
/// <c>Variant.Wholesale</c> answers. <see cref="Visibility"/> holds role keys; empty means visible to all.
/// </summary>
public sealed record WholesaleTerms(
    IReadOnlyList<WholesalePrice> Prices,
    IReadOnlyList<WholesaleOrderQuantity> OrderQuantities,
    IReadOnlyList<string> Visibility,
    IReadOnlyList<WholesaleDiscountRule> DiscountRules)
{
    public static WholesaleTerms None { get; } = new([], [], [], []);

    /// <summary><c>["all"]</c> is the same filter as none: kept as none, so there is one way to say it.</summary>
    public static IReadOnlyList<string> NormalizeVisibility(IReadOnlyList<string> visibility)
    {
        ArgumentNullException.ThrowIfNull(visibility);
        return visibility is [WholesaleConstraints.AllRoles] ? [] : visibility;
    }

    /// <summary>
    /// The first rule these terms break, at the path of a variant's wholesale input where the entry that breaks it
    /// (the later one of a pair) was sent, or null: what <c>Variant.SetWholesale</c> refuses.
    /// </summary>
    public RuleViolation? Violation()
    {
        int[] counts = [Prices.Count, OrderQuantities.Count, Visibility.Count, DiscountRules.Count];
        var roles = Prices.Select(p => p.Role)
            .Concat(OrderQuantities.Select(q => q.Role))
            .Concat(DiscountRules.Select(r => r.Role))
            .Concat(Visibility.Where(v => v != WholesaleConstraints.AllRoles));
        if (counts.Any(c => c > WholesaleConstraints.MaxEntries) || !roles.All(WholesaleRole.IsValidKey))
        {
            throw new DomainRuleException($"Each list holds at most {WholesaleConstraints.MaxEntries} role keys.");
        }

        var all = Visibility.ToList().IndexOf(WholesaleConstraints.AllRoles);
        if (all >= 0)
        {
            return new(
                "'all' stands alone: it shows the variant to everyone, so no role can be added to it.",
                $"wholesale.visibility[{all}]");
        }

        if (FirstRepeat(Prices, p => $"{p.Role}/{p.CurrencyCode}") is (var i, var first))
        {
            return new(
                $"Role '{Prices[i].Role}' already has a price in {Prices[i].CurrencyCode} (prices[{first}]).",
                $"wholesale.prices[{i}].role");
        }

        if (FirstRepeat(OrderQuantities, q => q.Role) is (var j, var firstMinimum))
        {
            return new(
                $"Role '{OrderQuantities[j].Role}' already has a minimum (minimum_order_quantities[{firstMinimum}]).",
                $"wholesale.minimum_order_quantities[{j}].role");
        }

        if (FirstRepeat(Visibility, v => v) is (var k, var firstVisible))
        {
            return new($"'{Visibility[k]}' is named twice (visibility[{firstVisible}]).", $"wholesale.visibility[{k}]");
        }

        return DiscountRulesViolation();
    }

    private RuleViolation? DiscountRulesViolation()
    {
        for (var i = 0; i < DiscountRules.Count; i++)
        {
            var rule = DiscountRules[i];
            for (var j = 0; j < i; j++)
            {
                if (rule.ConflictsWith(DiscountRules[j]))
                {
                    return new(
                        $"The range {rule.Range} overlaps quantity_discount_rules[{j}] ({DiscountRules[j].Range}) "
                        + $"of role '{rule.Role}': one quantity would meet both.",
                        $"wholesale.quantity_discount_rules[{i}].start_qty");
                }
            }
        }

        return null;
    }

    /// <summary>The first entry whose key an earlier entry has, with the index of that earlier entry.</summary>
    private static (int Index, int First)? FirstRepeat<T>(IReadOnlyList<T> entries, Func<T, string> keyOf)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            if (!seen.TryAdd(keyOf(entries[i]), i))
            {
                return (i, seen[keyOf(entries[i])]);
            }
        }

        return null;
    }
}
