using Catalog.Domain.Common;
using Catalog.Domain.Products;
using Catalog.Domain.Wholesale;

namespace Catalog.Domain.Tests.Products;

public sealed class VariantWholesaleTests
{
    private const long VariantId = 7;
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    private static Variant NewVariant() => Variant.Create(VariantId, 1, new VariantDetails { Title = "S" }, Now);

    private static WholesalePrice Price(string role, string currency, decimal amount, decimal? sale = null) =>
        new(VariantId, role, currency, amount, sale);

    private static WholesaleDiscountRule Rule(
        int position,
        string role,
        long start,
        long? end,
        DiscountPriceType type,
        decimal value,
        string? currency = null) =>
        new(VariantId, position, role, start, end, type, value, currency);

    private static WholesaleTerms Terms(
        IReadOnlyList<WholesalePrice>? prices = null,
        IReadOnlyList<WholesaleOrderQuantity>? quantities = null,
        IReadOnlyList<string>? visibility = null,
        IReadOnlyList<WholesaleDiscountRule>? rules = null) =>
        new(prices ?? [], quantities ?? [], visibility ?? [], rules ?? []);

    [Fact]
    public void SetWholesale_FullTerms_AreKeptAndAnsweredAsAdded()
    {
        var variant = NewVariant();
        var terms = Terms(
            [Price("gold", "USD", 12m, 11m)],
            [new WholesaleOrderQuantity(VariantId, "gold", 5, 3)],
            ["gold"],
            [Rule(0, "gold", 11, 20, DiscountPriceType.Percent, 20m)]);

        var (removed, added) = variant.SetWholesale(terms).Value;

        removed.Should().BeEmpty();
        added.Should().HaveCount(4);
        variant.WholesalePrices.Should().ContainSingle().Which.CurrencyCode.Should().Be("usd");
        variant.Wholesale.Visibility.Should().Equal("gold");
        variant.Wholesale.DiscountRules.Should().ContainSingle().Which.Range.Should().Be(new QuantityRange(11, 20));
    }

    [Fact]
    public void SetWholesale_OneListChanged_ReplacesOnlyThatList()
    {
        var variant = NewVariant();
        variant.SetWholesale(Terms([Price("gold", "usd", 12m)], visibility: ["gold"]));

        var changed = Terms([Price("gold", "usd", 12m)], visibility: ["gold", "silver"]);

        var (removed, added) = variant.SetWholesale(changed).Value;

        removed.Should().Equal(new WholesaleVisibility(VariantId, "gold"));
        added.Should().Equal(new WholesaleVisibility(VariantId, "gold"), new WholesaleVisibility(VariantId, "silver"));
        variant.WholesalePrices.Should().HaveCount(1);
    }

    [Fact]
    public void SetWholesale_None_RemovesEveryRow()
    {
        var variant = NewVariant();
        var minimum = new WholesaleOrderQuantity(VariantId, "gold", 2, null);
        variant.SetWholesale(Terms([Price("gold", "usd", 12m)], [minimum], ["gold"]));

        var (removed, added) = variant.SetWholesale(WholesaleTerms.None).Value;

        removed.Should().HaveCount(3);
        added.Should().BeEmpty();
        variant.Wholesale.Should().BeEquivalentTo(WholesaleTerms.None);
    }

    [Fact]
    public void SetWholesale_VisibilityAll_IsStoredAsNoFilter()
    {
        var variant = NewVariant();

        variant.SetWholesale(Terms(visibility: ["all"]));

        variant.WholesaleVisibility.Should().BeEmpty();
    }

    public static TheoryData<string, WholesaleTerms, string> BrokenTerms => new()
    {
        {
            "two prices of one role and currency",
            Terms([Price("gold", "usd", 12m), Price("gold", "USD", 11m)]),
            "wholesale.prices[1].role"
        },
        {
            "two minimums of one role",
            Terms(quantities: [new(VariantId, "gold", 2, null), new(VariantId, "gold", 3, null)]),
            "wholesale.minimum_order_quantities[1].role"
        },
        { "a role twice in visibility", Terms(visibility: ["gold", "gold"]), "wholesale.visibility[1]" },
        { "'all' beside a role", Terms(visibility: ["gold", "all"]), "wholesale.visibility[1]" },
        {
            "overlapping percent rules",
            Terms(rules: [Percent(0, 1, 10, 5m), Percent(1, 10, null, 10m)]),
            "wholesale.quantity_discount_rules[1].start_qty"
        },
        {
            "a percent rule over a fixed one",
            Terms(rules: [Rule(0, "gold", 5, 9, DiscountPriceType.Fixed, 5m, "usd"), Percent(1, 1, 5, 10m)]),
            "wholesale.quantity_discount_rules[1].start_qty"
        },
        {
            "open-ended fixed rules of one currency",
            Terms(rules:
            [
                Rule(0, "gold", 100, null, DiscountPriceType.Fixed, 5m, "usd"),
                Rule(1, "gold", 50, null, DiscountPriceType.Fixed, 6m, "USD"),
            ]),
            "wholesale.quantity_discount_rules[1].start_qty"
        },
    };

    private static WholesaleDiscountRule Percent(int position, long start, long? end, decimal value) =>
        Rule(position, "gold", start, end, DiscountPriceType.Percent, value);

    [Theory]
    [MemberData(nameof(BrokenTerms))]
    public void SetWholesale_BrokenRule_AnswersTheViolationAtItsPathAndChangesNothing(
        string because, WholesaleTerms terms, string field)
    {
        var variant = NewVariant();

        var result = variant.SetWholesale(terms);

        result.Violation.Should().NotBeNull(because);
        result.Violation!.Field.Should().Be(field, because);
        variant.Wholesale.Should().BeEquivalentTo(WholesaleTerms.None);
    }

    [Fact]
    public void SetWholesale_RoleOfAnUnknownFormat_IsRefusedAsABug()
    {
        var act = () => NewVariant().SetWholesale(Terms([Price("gold role", "usd", 1m)]));

        act.Should().Throw<DomainRuleException>();
    }

    [Fact]
    public void SetWholesale_SameRangesInOtherRolesOrCurrencies_AreAccepted()
    {
        var variant = NewVariant();

        variant.SetWholesale(Terms(rules:
        [
            Rule(0, "gold", 1, 10, DiscountPriceType.Fixed, 5m, "usd"),
            Rule(1, "gold", 1, 10, DiscountPriceType.Fixed, 4m, "eur"),
            Rule(2, "silver", 1, 10, DiscountPriceType.Percent, 5m),
            Rule(3, "gold", 11, null, DiscountPriceType.Percent, 10m),
        ]));

        variant.WholesaleDiscountRules.Should().HaveCount(4);
    }

    [Fact]
    public void SetWholesale_RowsOfAnotherVariant_AreRefused()
    {
        var act = () => NewVariant().SetWholesale(Terms([new WholesalePrice(VariantId + 1, "gold", "usd", 1m, null)]));

        act.Should().Throw<DomainRuleException>();
    }

    [Theory]
    [InlineData(0L, null)]
    [InlineData(5L, 0L)]
    [InlineData(WholesaleConstraints.MaxQuantity + 1, null)]
    public void NewOrderQuantity_OutOfRange_IsRefused(long minimum, long? step)
    {
        var act = () => new WholesaleOrderQuantity(VariantId, "gold", minimum, step);

        act.Should().Throw<DomainRuleException>();
    }

    [Theory]
    [InlineData(0L, null, DiscountPriceType.Percent, 10, null)]
    [InlineData(5L, 4L, DiscountPriceType.Percent, 10, null)]
    [InlineData(1L, null, DiscountPriceType.Percent, 0, null)]
    [InlineData(1L, null, DiscountPriceType.Percent, 100.01, null)]
    [InlineData(1L, null, DiscountPriceType.Percent, 10, "usd")]
    [InlineData(1L, null, DiscountPriceType.Fixed, -0.01, "usd")]
    [InlineData(1L, null, DiscountPriceType.Fixed, 5, null)]
    public void NewRule_BrokenField_IsRefused(
        long start, long? end, DiscountPriceType type, decimal value, string? currency)
    {
        var act = () => Rule(0, "gold", start, end, type, value, currency);

        act.Should().Throw<DomainRuleException>();
    }

    [Theory]
    [InlineData(-1, null)]
    [InlineData(1, -1)]
    public void NewPrice_Negative_IsRefused(decimal amount, int? sale)
    {
        var act = () => Price("gold", "usd", amount, sale);

        act.Should().Throw<DomainRuleException>();
    }

    [Theory]
    [InlineData(5L, null, 4L, false)]
    [InlineData(5L, null, 6L, true)]
    [InlineData(5L, 3L, 5L, true)]
    [InlineData(5L, 3L, 8L, true)]
    [InlineData(5L, 3L, 11L, true)]
    [InlineData(5L, 3L, 6L, false)]
    [InlineData(5L, 3L, 7L, false)]
    public void OrderQuantity_Allows_MinimumAndStep(long minimum, long? step, long quantity, bool allowed)
    {
        new WholesaleOrderQuantity(VariantId, "gold", minimum, step).Allows(quantity).Should().Be(allowed);
    }
}
