using Catalog.Application.Common;

namespace Catalog.Application.Tests.Common;

public sealed class FieldPathsTests
{
    [Theory]
    [InlineData("Title.Value", "title")]
    [InlineData("Variants.Value[0].StockQuantity.Value", "variants[0].stock_quantity")]
    [InlineData("CategoryIds.Value[2]", "category_ids[2]")]
    [InlineData("Variants.Value[1].Prices.Value[0].CurrencyCode", "variants[1].prices[0].currency_code")]
    [InlineData("ExternalId", "external_id")]
    [InlineData("Values.Value[0].ValueX", "values[0].value_x")]
    [InlineData("Wholesale.Value.QuantityDiscountRules.Value[1].value", "wholesale.quantity_discount_rules[1].value")]
    public void ToWire_ValidatorPath_IsTheJsonPath(string propertyPath, string expected)
    {
        FieldPaths.ToWire(propertyPath).Should().Be(expected);
    }
}
