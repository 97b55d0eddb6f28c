using Catalog.Application.Common;
using Catalog.Application.Common.Batches;
using Catalog.Application.Products.Commands.BatchProducts;
using Microsoft.Extensions.Options;

namespace Catalog.Application.Tests.Products;

public sealed class BatchProductsValidatorTests
{
    private static readonly BatchRequestValidator<BatchProducts> Validator =
        new(Options.Create(new BatchOptions { MaxItems = 3 }));

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
        var request = new BatchProducts([new ProductCreate()], [new ProductUpdate { Id = 1 }], [2]);

        Validator.Validate(request).IsValid.Should().BeTrue();
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

        var fields = FieldsOf(item);

        fields.Should().Contain(["handle", "variants[0].stock_quantity"]);
    }

    [Fact]
    public void Validate_PriceTiersOverlapping_LeavesThemToTheDomain()
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

        var fields = FieldsOf(item);

        fields.Should().BeEmpty("the variant refuses overlapping prices itself, at variants[0].prices");
    }

    [Fact]
    public void Validate_BadPriceOfSecondVariant_ReportsItsFullPathMessageAndCode()
    {
        var item = new ProductCreate
        {
            Title = "Shirt",
            Variants = new List<Variants.ProductVariantWrite>
            {
                new() { Title = "S" },
                new()
                {
                    Title = "M",
                    Prices = new List<Variants.PriceInput>
                    {
                        new() { CurrencyCode = "usd", Amount = 1 }, new() { CurrencyCode = "eur", Amount = -1 },
                    },
                },
            },
        };

        var failure = new ProductCreateValidator().Validate(item).Errors.Should().ContainSingle().Subject;

        FieldPaths.ToWire(failure.PropertyName).Should().Be("variants[1].prices[1].amount");
        failure.ErrorMessage.Should().Be("'Amount' must be greater than or equal to '0'.");
        failure.ErrorCode.Should().Be("GreaterThanOrEqualValidator");
    }

    [Fact]
    public void Validate_NullVariantAndNullPrice_ReportEachUnderItsPlace()
    {
        var item = new ProductCreate
        {
            Title = "Shirt",
            Variants = new List<Variants.ProductVariantWrite>
            {
                null!,
                new() { Title = "M", Prices = new List<Variants.PriceInput> { null! } },
            },
        };

        var failures = new ProductCreateValidator().Validate(item).Errors;

        failures.Select(e => FieldPaths.ToWire(e.PropertyName)).Should().Equal("variants[0]", "variants[1].prices[0]");
        failures.Should().OnlyContain(e => e.ErrorMessage == "A list item must not be null.");
    }

    [Fact]
    public void Validate_ManyItemsWithOneBad_ReportsOnlyTheBadOne()
    {
        var variants = Enumerable.Range(0, 50)
            .Select(i => new Variants.ProductVariantWrite { Title = $"V{i}", Sku = i == 37 ? " " : $"SKU-{i}" })
            .ToList();

        var fields = new ProductCreateValidator().Validate(new ProductCreate { Title = "Shirt", Variants = variants })
            .Errors.Select(e => FieldPaths.ToWire(e.PropertyName));

        fields.Should().Equal("variants[37].sku");
    }

    [Fact]
    public void Validate_TwoOptionsWithOneTitleInAnyCase_LeavesThemToTheDomain()
    {
        var item = new ProductCreate { Title = "Shirt", Options = Options(Option("Size"), Option("SIZE")) };

        new ProductCreateValidator().Validate(item).IsValid.Should().BeTrue("the product refuses them itself");
    }

    [Fact]
    public void Validate_TwoOptionsBackedByOneAttribute_LeavesThemToTheDomain()
    {
        var item = new ProductCreate { Title = "Shirt", Options = Options(Option("Size", 7), Option("Fit", 7)) };

        new ProductCreateValidator().Validate(item).IsValid.Should().BeTrue("the product refuses them itself");
    }

    [Fact]
    public void Validate_OptionsWithDistinctTitlesAndAttributes_Pass()
    {
        var item = new ProductCreate
        {
            Title = "Shirt",
            Options = new List<OptionInput> { Option("Size", 7), Option("Fit"), Option("Colour"), Option("Sleeve", 8) },
        };

        new ProductCreateValidator().Validate(item).IsValid.Should().BeTrue();
    }

    [Fact]
    public void Validate_OptionWithEmptyValue_ReportsTheValuePath()
    {
        var item = new ProductCreate
        {
            Title = "Shirt",
            Options = new List<OptionInput> { Option("Size"), new() { Title = "Fit", Values = ["Slim", ""] } },
        };

        var fields = new ProductCreateValidator().Validate(item).Errors.Select(e => FieldPaths.ToWire(e.PropertyName));

        fields.Should().Equal("options[1].values[1]");
    }

    private static OptionInput Option(string title, long? attributeId = null) =>
        new() { Title = title, Values = ["A", "B"], AttributeId = attributeId };

    private static List<OptionInput> Options(params OptionInput[] options) => [.. options];

    private static List<string> FieldsOf(ProductCreate item) =>
        [.. new ProductCreateValidator().Validate(item).Errors.Select(e => FieldPaths.ToWire(e.PropertyName))];
}
