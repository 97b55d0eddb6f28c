using Catalog.Domain.Common;
using Catalog.Domain.Products;

namespace Catalog.Domain.Tests.Products;

public sealed class ProductTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private static ProductDetails Details(string title = "Shirt") =>
        new() { Handle = HandleFormat.FromText(title), Title = title };

    [Fact]
    public void Create_ValidDetails_StartsAtVersionOne()
    {
        var product = Product.Create(7, Details(), Now).Value;

        product.Id.Should().Be(7);
        product.Version.Should().Be(1);
        product.CreatedAt.Should().Be(Now);
        product.UpdatedAt.Should().Be(Now);
    }

    [Fact]
    public void Update_AnyChange_BumpsVersionAndUpdatedAt()
    {
        var product = Product.Create(1, Details(), Now).Value;

        product.Update(product.Details with { Title = "Linen shirt" }, Now.AddMinutes(5));

        product.Title.Should().Be("Linen shirt");
        product.Version.Should().Be(2);
        product.UpdatedAt.Should().Be(Now.AddMinutes(5));
        product.CreatedAt.Should().Be(Now);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Create_BlankTitle_IsRefused(string title)
    {
        var act = () => Product.Create(1, new ProductDetails { Handle = "x", Title = title }, Now);

        act.Should().Throw<DomainRuleException>().WithMessage("*title*");
    }

    [Fact]
    public void Create_TitleOverLimit_IsRefused()
    {
        var tooLong = Details(new string('a', ProductConstraints.MaxTitleLength + 1)) with { Handle = "a" };

        var act = () => Product.Create(1, tooLong, Now);

        act.Should().Throw<DomainRuleException>();
    }

    [Fact]
    public void Create_NegativeWeight_IsRefused()
    {
        var act = () => Product.Create(1, Details() with { Weight = -1 }, Now);

        act.Should().Throw<DomainRuleException>().WithMessage("*weight*");
    }

    [Fact]
    public void Create_OptionTitlesAlikeButForCase_AnswersAViolationAtOptions()
    {
        var options = new[] { new ProductOption("Size", ["S"]), new ProductOption("SIZE", ["M"]) };

        var result = Product.Create(1, Details() with { Options = options }, Now);

        result.Violation.Should().Be(new RuleViolation("Option titles must be unique within a product.", "options"));
    }

    [Fact]
    public void Update_RepeatedOptionTitles_AnswersAViolationAndChangesNothing()
    {
        var product = Product.Create(1, Details(), Now).Value;
        var options = new[] { new ProductOption("Size", ["S"]), new ProductOption("Size", ["M"]) };

        var violation = product.Update(product.Details with { Title = "Other", Options = options }, Now);

        violation?.Field.Should().Be("options");
        (product.Title, product.Version).Should().Be(("Shirt", 1L));
    }

    [Fact]
    public void Create_OptionsWithDistinctTitlesAndAttributes_AreKept()
    {
        ProductOption[] options = [new("Size", ["S"], 7), new("Fit", ["M"]), new("Sleeve", ["L"], 8)];

        var result = Product.Create(1, Details() with { Options = options }, Now);

        result.Violation.Should().BeNull();
        result.Value.Options.Should().Equal(options);
    }

    [Fact]
    public void SetCategories_NewSet_AnswersOnlyTheDifference()
    {
        var product = Product.Create(1, Details(), Now).Value;
        product.SetCategories([10, 11]);

        var (removed, added) = product.SetCategories([11, 12]);

        removed.Should().Equal(new ProductCategory(1, 10));
        added.Should().Equal(new ProductCategory(1, 12));
        product.Categories.Select(c => c.CategoryId).Should().BeEquivalentTo([11L, 12L]);
    }

    [Fact]
    public void AddVariant_OfAnotherProduct_IsRefused()
    {
        var product = Product.Create(1, Details(), Now).Value;
        var variant = Variant.Create(5, productId: 2, new VariantDetails { Title = "S" }, Now);

        var act = () => product.AddVariant(variant, Now);

        act.Should().Throw<DomainRuleException>();
    }

    [Fact]
    public void AddVariant_PastTheLimit_AnswersAViolationAndAddsNothing()
    {
        var product = Product.Create(1, Details(), Now).Value;
        for (var i = 0; i < ProductConstraints.MaxVariantsPerProduct; i++)
        {
            product.AddVariant(Variant.Create(100 + i, 1, new VariantDetails { Title = $"V{i}" }, Now), Now);
        }

        var oneTooMany = Variant.Create(999, 1, new VariantDetails { Title = "one too many" }, Now);

        var violation = product.AddVariant(oneTooMany, Now);

        violation?.Message.Should().Be($"A product has at most {ProductConstraints.MaxVariantsPerProduct} variants.");
        product.Variants.Should().HaveCount(ProductConstraints.MaxVariantsPerProduct);
    }

    [Fact]
    public void AddVariant_SameOptionsAsASibling_AnswersDuplicateOptionsAndAddsNothing()
    {
        var product = Product.Create(1, Details(), Now).Value;
        product.AddVariant(Sized(10, "Small", "Size", "S"), Now);

        var violation = product.AddVariant(Sized(11, "Twin", "size", "S"), Now);

        violation.Should().Be(new RuleViolation(
            "Variant (Small) with provided options already exists.", "options", RuleCodes.DuplicateOptions));
        product.Variants.Select(v => v.Id).Should().Equal(10L);
    }

    [Fact]
    public void AddVariant_OtherValueOrNoOptions_IsAccepted()
    {
        var product = Product.Create(1, Details(), Now).Value;
        product.AddVariant(Sized(10, "Small", "Size", "S"), Now);
        product.AddVariant(Variant.Create(11, 1, new VariantDetails { Title = "Plain" }, Now), Now);

        var violations = new[]
        {
            product.AddVariant(Sized(12, "Lower", "Size", "s"), Now),
            product.AddVariant(Variant.Create(13, 1, new VariantDetails { Title = "Plain too" }, Now), Now),
        };

        violations.Should().AllSatisfy(v => v.Should().BeNull());
        product.Variants.Should().HaveCount(4);
    }

    [Fact]
    public void UpdateVariant_IntoASiblingsOptions_AnswersDuplicateOptionsAndChangesNothing()
    {
        var product = Product.Create(1, Details(), Now).Value;
        product.AddVariant(Sized(10, "Small", "Size", "S"), Now);
        var medium = Sized(11, "Medium", "Size", "M");
        product.AddVariant(medium, Now);
        var version = product.Version;

        var violation = product.UpdateVariant(
            medium, medium.Details with { Options = new Dictionary<string, string> { ["Size"] = "S" } }, Now);

        violation?.Code.Should().Be(RuleCodes.DuplicateOptions);
        medium.Options.Should().Equal(new Dictionary<string, string> { ["Size"] = "M" });
        product.Version.Should().Be(version);
    }

    private static Variant Sized(long id, string title, string option, string value)
    {
        var options = new Dictionary<string, string> { [option] = value };
        return Variant.Create(id, 1, new VariantDetails { Title = title, Options = options }, Now);
    }

    [Fact]
    public void Create_TwoOptionsOnOneAttribute_AnswersAViolationAtOptions()
    {
        var options = new[]
        {
            new ProductOption("Color", ["Red"], AttributeId: 4), new ProductOption("Colour", ["Red"], AttributeId: 4),
        };

        var result = Product.Create(1, Details() with { Options = options }, Now);

        result.Violation.Should()
            .Be(new RuleViolation("A global attribute may back at most one option of a product.", "options"));
    }

    [Fact]
    public void Create_ExtensionsOverTheLimit_IsRefused()
    {
        var extensions = $"{{\"woocommerce\":{{\"d\":\"{new string('x', ExtensionConstraints.MaxLength)}\"}}}}";

        var act = () => Product.Create(1, Details() with { Extensions = extensions }, Now);

        act.Should().Throw<DomainRuleException>().WithMessage("*extensions*");
    }
}
