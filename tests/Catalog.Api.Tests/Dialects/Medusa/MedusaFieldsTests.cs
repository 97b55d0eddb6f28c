using System.Text.Json.Nodes;
using Catalog.Api.Dialects.Medusa;

namespace Catalog.Api.Tests.Dialects.Medusa;

/// <summary>
/// The <c>fields</c> projection on its own: defaults, <c>+</c>, <c>-</c>, replace, star relations and dotted paths.
/// </summary>
public sealed class MedusaFieldsTests
{
    private static readonly IReadOnlySet<string> Relations =
        new HashSet<string> { "variants", "prices", "options", "categories", "option" };

    private static readonly string[] Defaults = ["id", "title", "status", "metadata", "*variants", "*variants.prices"];

    private static readonly JsonObject Product = JsonNode.Parse("""
        {
          "id": "prod_1", "title": "Shirt", "status": "draft", "handle": "shirt", "metadata": { "a": 1 },
          "variants": [
            { "id": "variant_1", "title": "S", "sku": "S-1", "metadata": null,
              "prices": [
                { "id": "price_1", "amount": 10, "currency_code": "usd", "rules": { "region_id": "reg_1" } }
              ],
              "options": [ { "id": "optval_1_0_0", "value": "S", "option": { "id": "opt_1_0", "title": "Size" } } ] }
          ],
          "categories": [ { "id": "pcat_3", "name": "Tops" } ]
        }
        """)!.AsObject();

    [Fact]
    public void Project_NoFieldsSent_ShowsTheDefaultsAndNoOtherRelation()
    {
        var projected = Project(null);

        projected.Select(p => p.Key).Should().Equal("id", "title", "status", "metadata", "variants");
        projected.At("variants[0]")!.AsObject().Select(p => p.Key)
            .Should().Equal("id", "title", "sku", "metadata", "prices");
        projected.Str("variants[0].prices[0].rules.region_id").Should().Be("reg_1");
    }

    [Fact]
    public void Project_PlusField_AddsItToTheDefaults()
    {
        var projected = Project("+handle");

        projected.Select(p => p.Key).Should().Equal("id", "title", "status", "handle", "metadata", "variants");
    }

    [Fact]
    public void Project_SpaceField_IsAPlusDecodedFromAQueryString()
    {
        Project(" handle").Select(p => p.Key).Should().Contain("handle").And.Contain("title");
    }

    [Fact]
    public void Project_MinusRelation_RemovesItAndEverythingUnderIt()
    {
        var fields = MedusaFields.Parse("-variants", Defaults, Relations);

        var projected = fields.Project(Product);

        projected.Select(p => p.Key).Should().Equal("id", "title", "status", "metadata");
        fields.StarFields.Should().BeEmpty();
    }

    [Fact]
    public void Project_MinusField_RemovesOnlyThatField()
    {
        Project("-metadata").Select(p => p.Key).Should().Equal("id", "title", "status", "variants");
    }

    [Fact]
    public void Project_FieldsWithoutPrefix_ReplaceTheDefaultsAndKeepTheId()
    {
        var projected = Project("title,variants.sku");

        projected.ToJsonString()
            .Should().Be("""{"id":"prod_1","title":"Shirt","variants":[{"id":"variant_1","sku":"S-1"}]}""");
    }

    [Fact]
    public void Project_OneUnprefixedFieldAmongPrefixedOnes_StillReplacesTheDefaults()
    {
        Project("+handle,title").Select(p => p.Key).Should().Equal("id", "title", "handle");
    }

    [Fact]
    public void Project_StarRelation_AddsTheRelationWithItsOwnFields()
    {
        var projected = Project("*categories");

        projected.Select(p => p.Key).Should().Equal("id", "title", "status", "metadata", "variants", "categories");
        projected.Str("categories[0].name").Should().Be("Tops");
    }

    [Fact]
    public void Project_DotStarSuffix_IsTheSameAsAStarPrefix()
    {
        Project("categories.*").Str("categories[0].name").Should().Be("Tops");
    }

    [Fact]
    public void Project_NestedRelationOfADefaultRelation_IsAddedWithoutTheOthersChanging()
    {
        var projected = Project("*variants.options,+variants.options.option");

        projected.Str("variants[0].options[0].value").Should().Be("S");
        projected.Str("variants[0].options[0].option.title").Should().Be("Size");
        projected.Str("variants[0].sku").Should().Be("S-1");
    }

    [Fact]
    public void Project_RelationNamedPlainly_ShowsItsOwnFieldsButNotItsRelations()
    {
        var projected = Project("variants");

        projected.At("variants[0]")!.AsObject().Select(p => p.Key).Should().Equal("id", "title", "sku", "metadata");
    }

    [Fact]
    public void Project_OneFieldOfANestedRelation_KeepsTheIdOfEachObjectOnTheWay()
    {
        var projected = Project("variants.prices.amount");

        projected.ToJsonString()
            .Should().Be("""{"id":"prod_1","variants":[{"id":"variant_1","prices":[{"id":"price_1","amount":10}]}]}""");
    }

    [Fact]
    public void Project_EmptyFieldsValue_KeepsOnlyTheId()
    {
        Project(string.Empty).ToJsonString().Should().Be("""{"id":"prod_1"}""");
    }

    [Fact]
    public void WantsMoreThanIds_CategoriesByIdOnlyOrWithFields_TellsWhetherToLoadThem()
    {
        MedusaFields.Parse("categories.id", Defaults, Relations).WantsMoreThanIds("categories").Should().BeFalse();
        MedusaFields.Parse(null, Defaults, Relations).WantsMoreThanIds("categories").Should().BeFalse();
        MedusaFields.Parse("*categories", Defaults, Relations).WantsMoreThanIds("categories").Should().BeTrue();
        MedusaFields.Parse("categories.name", Defaults, Relations).WantsMoreThanIds("categories").Should().BeTrue();
        MedusaFields.Parse("+categories", Defaults, Relations).WantsMoreThanIds("categories").Should().BeTrue();
    }

    [Fact]
    public void Project_ComputedField_IsShownOnlyWhenNamed()
    {
        var computed = new HashSet<string> { "sku" };

        MedusaFields.Parse(null, Defaults, Relations, computed).Project(Product).At("variants[0]")!.AsObject()
            .Should().NotContainKey("sku");
        MedusaFields.Parse("+variants.sku", Defaults, Relations, computed).Project(Product).Str("variants[0].sku")
            .Should().Be("S-1");
    }

    [Fact]
    public void Project_LeavesTheSourceUnchanged()
    {
        var before = Product.ToJsonString();

        Project("title");

        Product.ToJsonString().Should().Be(before);
    }

    private static JsonObject Project(string? fields) =>
        MedusaFields.Parse(fields, Defaults, Relations).Project(Product);
}
