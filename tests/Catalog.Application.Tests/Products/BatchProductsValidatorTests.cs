using Catalog.Application.Common;
using Catalog.Application.Common.Batches;
using Catalog.Application.Products.Commands.BatchProducts;
using Microsoft.Extensions.Options;

namespace Catalog.Application.Tests.Products;

public sealed class BatchProductsValidatorTests
{
    private static readonly BatchProductsValidator Validator = new(Options.Create(new BatchOptions { MaxItems = 3 }));

    [Fact]
    public void Validate_EmptyBatch_FailsWithEmptyBatch()
    {
        var result = Validator.Validate(new BatchProducts([], [], []));

        result.Errors.Should().ContainSingle().Which.ErrorCode.Should().Be(ErrorCodes.EmptyBatch);
    }

    [Fact]
    public void Validate_OverTheLimit_FailsWithBatchTooLarge()
    {
        var result = Validator.Validate(new BatchProducts([new ProductCreate(), new ProductCreate()], [], [1, 2]));

        result.Errors.Should().ContainSingle().Which.ErrorCode.Should().Be(ErrorCodes.BatchTooLarge);
    }

    [Fact]
    public void Validate_AtTheLimit_Passes()
    {
        Validator.Validate(new BatchProducts([new ProductCreate()], [new ProductUpdate { Id = 1 }], [2])).IsValid.Should().BeTrue();
    }
}

public sealed class ProductWriteValidatorTests
{
    [Fact]
    public void Validate_CreateWithoutTitle_ReportsTitle()
    {
        var result = new ProductCreateValidator().Validate(new ProductCreate());

        result.Errors.Select(e => FieldPaths.ToWire(e.PropertyName)).Should().Contain("title");
    }

    [Fact]
    public void Validate_UpdateWithoutTitle_IsFine()
    {
        new ProductUpdateValidator().Validate(new ProductUpdate { Id = 5 }).IsValid.Should().BeTrue();
    }

    [Fact]
    public void Validate_BadHandleAndNegativeStock_ReportsBothPaths()
    {
        var item = new ProductCreate
        {
            Title = "Shirt",
            Handle = "Not A Handle",
            Variants = new List<Variants.ProductVariantWrite> { new() { Title = "S", StockQuantity = -1 } },
        };

        var fields = new ProductCreateValidator().Validate(item).Errors.Select(e => FieldPaths.ToWire(e.PropertyName)).ToList();

        fields.Should().Contain(["handle", "variants[0].stock_quantity"]);
    }

    [Fact]
    public void Validate_PriceTiersOverlapping_ReportsPrices()
    {
        var item = new ProductCreate
        {
            Title = "Shirt",
            Variants = new List<Variants.ProductVariantWrite>
            {
                new()
                {
                    Title = "S",
                    Prices = new List<Variants.PriceInput>
                    {
                        new() { CurrencyCode = "usd", Amount = 10, MinQuantity = 1, MaxQuantity = 10 },
                        new() { CurrencyCode = "USD", Amount = 9, MinQuantity = 10 },
                    },
                },
            },
        };

        var fields = new ProductCreateValidator().Validate(item).Errors.Select(e => FieldPaths.ToWire(e.PropertyName)).ToList();

        fields.Should().Contain("variants[0].prices");
    }
}
