using Catalog.Api.Dialects.Medusa;

namespace Catalog.Api.Tests.Dialects.Medusa;

/// <summary>Medusa-style ids: one spelling per id, and anything else is not an id.</summary>
public sealed class MedusaIdsTests
{
    [Theory]
    [InlineData("prod", "prod_1", 1L)]
    [InlineData("prod", "prod_9223372036854775807", long.MaxValue)]
    [InlineData("variant", "variant_42", 42L)]
    [InlineData("pcat", "pcat_7", 7L)]
    [InlineData("price", "price_3", 3L)]
    public void Parse_WellFormedId_AnswersItsNumber(string prefix, string id, long expected)
    {
        MedusaIds.Parse(prefix, id).Should().Be(expected);
        MedusaIds.Of(prefix, expected).Should().Be(id);
    }

    [Theory]
    [InlineData("prod", "prod_0")]
    [InlineData("prod", "prod_01")]
    [InlineData("prod", "prod_-1")]
    [InlineData("prod", "prod_+1")]
    [InlineData("prod", "prod_")]
    [InlineData("prod", "prod")]
    [InlineData("prod", "prod_1 ")]
    [InlineData("prod", "prod_1x")]
    [InlineData("prod", "PROD_1")]
    [InlineData("prod", "variant_1")]
    [InlineData("prod", "prod_01HV8Z3X9Q")]
    [InlineData("prod", "prod_9223372036854775808")]
    [InlineData("prod", "12")]
    [InlineData("prod", "")]
    [InlineData("variant", "prod_1")]
    public void Parse_MalformedOrForeignId_AnswersNull(string prefix, string id)
    {
        MedusaIds.Parse(prefix, id).Should().BeNull();
    }

    [Fact]
    public void OptionIds_ComeFromTheProductAndPositions_AndParseBack()
    {
        MedusaIds.Of(MedusaIds.Option, 12, 0).Should().Be("opt_12_0");
        MedusaIds.Of(MedusaIds.OptionValue, 12, 1, 3).Should().Be("optval_12_1_3");
        MedusaIds.Of(MedusaIds.Image, 12, 2).Should().Be("img_12_2");
        MedusaIds.ParseOption("opt_12_1").Should().Be((12L, 1));
        MedusaIds.ParseOption("opt_12").Should().BeNull();
        MedusaIds.ParseOption("opt_12_01").Should().BeNull();
        MedusaIds.ParseOption("optval_12_1_3").Should().BeNull();
    }
}
