using Catalog.Domain.Common;
using Catalog.Domain.Products;

namespace Catalog.Domain.Tests.Products;

public sealed class VariantTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private static Variant NewVariant() => Variant.Create(1, 1, new VariantDetails { Title = "S", Sku = "SKU-1" }, Now);

    private static VariantPrice Price(long id, string currency, decimal amount, long? min = null, long? max = null) =>
        new(id, 1, currency, amount, min, max);

    [Fact]
    public void ReplacePrices_NewSet_ReplacesTheOldRows()
    {
        var variant = NewVariant();
        variant.ReplacePrices([Price(1, "usd", 10m)]);

        var violation = variant.ReplacePrices([Price(2, "usd", 12m), Price(3, "eur", 11m)]);

        violation.Should().BeNull();
        variant.Prices.Select(p => p.Id).Should().Equal(2, 3);
    }

    [Fact]
    public void ReplacePrices_PlainPriceAndTiers_AreAccepted()
    {
        var variant = NewVariant();

        variant.ReplacePrices([Price(1, "usd", 10m), Price(2, "usd", 9m, 10, 49), Price(3, "usd", 8m, 50)]);

        variant.Prices.Should().HaveCount(3);
    }

    [Theory]
    [InlineData(1L, 10L, 10L, null)]
    [InlineData(5L, 20L, 1L, 5L)]
    [InlineData(10L, null, 100L, null)]
    public void ReplacePrices_OverlappingTiers_AnswersAViolationAtPrices(long min1, long? max1, long min2, long? max2)
    {
        var variant = NewVariant();

        var violation = variant.ReplacePrices([Price(1, "usd", 10m, min1, max1), Price(2, "usd", 9m, min2, max2)]);

        violation.Should()
            .Be(new RuleViolation("Prices of one currency must not have overlapping quantity ranges.", "prices"));
        variant.Prices.Should().BeEmpty();
    }

    [Fact]
    public void ReplacePrices_TwoPlainPricesOfOneCurrency_AnswersAViolationAtPrices()
    {
        var variant = NewVariant();

        var violation = variant.ReplacePrices([Price(1, "usd", 10m), Price(2, "USD", 11m)]);

        violation?.Field.Should().Be("prices");
        violation.Should().NotBeNull();
    }

    [Fact]
    public void ReplacePrices_SameRangeInTwoCurrencies_IsAccepted()
    {
        var variant = NewVariant();

        variant.ReplacePrices([Price(1, "usd", 10m, 1, 9), Price(2, "eur", 9m, 1, 9)]);

        variant.Prices.Should().HaveCount(2);
    }

    [Theory]
    [InlineData(-0.01, null, null)]
    [InlineData(1, 0L, null)]
    [InlineData(1, 5L, 4L)]
    public void NewPrice_InvalidAmountOrRange_IsRefused(decimal amount, long? min, long? max)
    {
        var act = () => new VariantPrice(1, 1, "usd", amount, min, max);

        act.Should().Throw<DomainRuleException>();
    }

    [Fact]
    public void NewPrice_NegativeSaleAmount_IsRefused()
    {
        var act = () => new VariantPrice(1, 1, "usd", 10m, null, null, saleAmount: -1m);

        act.Should().Throw<DomainRuleException>();
    }

    [Fact]
    public void NewPrice_SaleAmount_IsKeptBesideTheRegularAmount()
    {
        var price = new VariantPrice(1, 1, "usd", 10m, null, null, saleAmount: 7.5m);

        (price.Amount, price.SaleAmount).Should().Be((10m, 7.5m));
    }

    [Fact]
    public void NewPrice_CurrencyCode_IsStoredLowerCase()
    {
        new VariantPrice(1, 1, "EUR", 1m, null, null).CurrencyCode.Should().Be("eur");
    }

    [Fact]
    public void SetAttributeValues_NewSet_AnswersOnlyTheDifference()
    {
        var variant = NewVariant();
        variant.SetAttributeValues([1, 2]);

        var (removed, added) = variant.SetAttributeValues([2, 3, 3]);

        removed.Should().Equal(new VariantAttributeValue(1, 1));
        added.Should().Equal(new VariantAttributeValue(1, 3));
    }
}
