using System.Text.Json;
using Catalog.Api.Dialects.Medusa;

namespace Catalog.Api.Tests.Dialects.Medusa;

/// <summary>The strict body check on its own: every problem at once, at its path, in zod's words.</summary>
public sealed class MedusaBodyCheckTests
{
    [Fact]
    public void Validate_ValidBody_HasNoIssues()
    {
        Issues("""
            {"create":[{"title":"T","variants":[{"title":"V","prices":[{"currency_code":"usd","amount":1.5}]}]}],
             "delete":["prod_1"]}
            """).Should().BeEmpty();
    }

    [Fact]
    public void Validate_UnknownKeys_AreOneIssueAtTheirObject()
    {
        Issues("""{"create":[{"title":"T","colour":"red","size":1}]}""").Should().Equal(
            "Validation error: Unrecognized key(s) in object: 'colour', 'size' at \"create[0]\"");
    }

    [Fact]
    public void Validate_WrongTypesAndMissingFields_AreEachReported()
    {
        Issues("""
            {"create":[{"subtitle":5,
              "variants":[{"title":"V","prices":[{"currency_code":"usd","amount":"9"}],"variant_rank":1.5}]}]}
            """).Should().BeEquivalentTo(
                "Validation error: Expected string, received number at \"create[0].subtitle\"",
                "Validation error: Expected number, received string at \"create[0].variants[0].prices[0].amount\"",
                "Validation error: Expected integer, received float at \"create[0].variants[0].variant_rank\"",
                "Validation error: Required at \"create[0].title\"");
    }

    [Fact]
    public void Validate_NullWhereNotNullable_IsAnIssue_AndNullWhereNullable_IsNot()
    {
        Issues("""{"create":[{"title":null,"subtitle":null}]}""").Should().Equal(
            "Validation error: Expected string, received null at \"create[0].title\"");
    }

    [Fact]
    public void Validate_StatusOutsideTheEnum_NamesTheAllowedValues()
    {
        Issues("""{"update":[{"id":"prod_1","status":"private"}]}""").Should().Equal(
            "Validation error: Invalid enum value. Expected 'draft' | 'proposed' | 'published' | 'rejected', "
                + "received 'private' at \"update[0].status\"");
    }

    [Fact]
    public void Validate_MetadataMustBeAnObject_AndRulesValuesStrings()
    {
        Issues("""
            {"create":[{"title":"T","metadata":[1],
              "variants":[{"title":"V","prices":[{"currency_code":"usd","amount":1,"rules":{"region_id":7}}]}]}]}
            """).Should().BeEquivalentTo(
                "Validation error: Expected object, received array at \"create[0].metadata\"",
                "Validation error: Expected string, received number "
                    + "at \"create[0].variants[0].prices[0].rules.region_id\"");
    }

    [Fact]
    public void Validate_BodyNotAnObject_IsOneIssueWithoutPath()
    {
        Issues("[]").Should().Equal("Validation error: Expected object, received array");
        Issues("null").Should().Equal("Validation error: Expected object, received null");
    }

    [Fact]
    public void Validate_DeleteIdsMustBeStrings()
    {
        Issues("""{"delete":[1]}""")
            .Should().Equal("Validation error: Expected string, received number at \"delete[0]\"");
    }

    [Fact]
    public void Validate_KeyThatIsNotAnIdentifier_IsQuotedInThePath()
    {
        Issues("""{"create":[{"title":"T","variants":[{"title":"V","prices":[],"options":{"Shoe size":1}}]}]}""")
            .Should().Equal(
            "Validation error: Expected string, received number at \"create[0].variants[0].options[\"Shoe size\"]\"");
    }

    private static List<string> Issues(string json)
    {
        using var document = JsonDocument.Parse(json);
        return MedusaBodyCheck.Validate(document.RootElement, typeof(MedusaProductBatchRequest))
            .Select(i => i.ToString()).ToList();
    }
}
