using AutoMapper;
using Catalog.Application.Common.Mapping;
using Catalog.Application.Products;
using Catalog.Domain.Products;
using Microsoft.Extensions.Logging.Abstractions;

namespace Catalog.Application.Tests.Common;

public sealed class MappingTests
{
    private static readonly MapperConfiguration Configuration =
        new(cfg => cfg.AddProfile<CatalogMappingProfile>(), NullLoggerFactory.Instance);

    [Fact]
    public void CatalogMappingProfile_Configuration_IsValid()
    {
        Configuration.AssertConfigurationIsValid();
    }

    [Fact]
    public void Map_ProductWithVariant_CarriesEveryField()
    {
        var now = new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);
        var product = Product.Create(3, new ProductDetails
        {
            Handle = "shirt",
            Title = "Shirt",
            Status = ProductStatus.Published,
            Tags = ["linen"],
            Metadata = """{"origin":"PT","score":1.5}""",
            Weight = 0.25m,
        }, now).Value;
        var options = new Dictionary<string, string> { ["Size"] = "S" };
        var variant = Variant.Create(9, 3, new VariantDetails { Title = "S", Sku = "S-1", Options = options }, now);
        product.AddVariant(variant, now);
        product.ReplaceVariantPrices(variant, [new VariantPrice(1, 9, "usd", 19.9900m, null, null)], now);
        product.SetCategories([4]);

        var dto = Configuration.CreateMapper().Map<ProductDto>(product);

        dto.Metadata!.Value.GetProperty("score").GetDecimal().Should().Be(1.5m);
        dto.CategoryIds.Should().Equal(4);
        dto.Variants.Should().ContainSingle().Which.Prices.Should().ContainSingle().Which.Amount.Should().Be(19.99m);
        dto.Variants[0].Prices[0].Amount.ToString(System.Globalization.CultureInfo.InvariantCulture)
            .Should().Be("19.99", "trailing zeros of the stored scale are dropped");
        dto.Weight!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture).Should().Be("0.25");
        dto.Variants[0].Options.Should().Contain("Size", "S");
        dto.Status.Should().Be(ProductStatus.Published);
        dto.Version.Should().Be(1);
    }
}
