using Catalog.Api.Dialects.Medusa;
using Catalog.Application.Common;
using Catalog.Application.Common.Batches;

namespace Catalog.Api.Tests.Dialects.Medusa;

/// <summary>
/// How a failed atomic batch becomes Medusa's error: status and type by the first failure, one line per failed item.
/// </summary>
public sealed class MedusaErrorsTests
{
    [Fact]
    public void ItemsFailed_Conflict_Is409WithMedusasCodeAndTheItemsPath()
    {
        const string Stale = "Product 5 is at version 3, not 2: it changed since it was read.";
        var result = Failed(update: [Item(0, 5, ItemError.Of(ErrorCodes.Conflict, Stale, "version"))]);

        var answer = MedusaErrors.ItemsFailed(result, MedusaIds.Product);

        answer.StatusCode.Should().Be(409);
        var error = (MedusaError)answer.Value!;
        error.Type.Should().Be("conflict");
        error.Code.Should().Be("invalid_state_error");
        error.Message.Should()
            .Be("Product prod_5 is at version 3, not 2: it changed since it was read at \"update[0]\"");
    }

    [Fact]
    public void ItemsFailed_SeveralFailures_TakeTheFirstOnesStatusAndListEveryItem()
    {
        var result = Failed(
            create:
            [
                Item(0, null, ItemError.Of(ErrorCodes.ValidationFailed, "rank must be 0 or more.", "variants[1].rank")),
            ],
            delete: [Item(0, 9, ItemError.Of(ErrorCodes.NotFound, "Product 9 was not found.", "id"))]);

        var answer = MedusaErrors.ItemsFailed(result, MedusaIds.Product);

        answer.StatusCode.Should().Be(400);
        ((MedusaError)answer.Value!).Message.Split('\n').Should().Equal(
            "rank must be 0 or more at \"create[0].variants[1].variant_rank\"",
            "Product with id: prod_9 was not found at \"delete[0]\"");
    }

    [Theory]
    [InlineData("category_ids[2]", "categories[2].id")]
    [InlineData("variants[0].rank", "variants[0].variant_rank")]
    [InlineData("tags[1]", "tags[1].id")]
    [InlineData("variants[3].version", "variants[3]")]
    [InlineData("extensions", "")]
    [InlineData("variants[0].prices[1].amount", "variants[0].prices[1].amount")]
    public void MedusaPath_CanonicalField_IsNamedAsMedusaNamesIt(string canonical, string medusa)
    {
        MedusaErrors.MedusaPath(canonical).Should().Be(medusa);
    }

    [Fact]
    public void WithMedusaIds_RewritesProductVariantAndCategoryNumbers()
    {
        MedusaErrors.WithMedusaIds("The SKU 'A' is taken by variant 7 of product 3. Category 12 does not exist.")
            .Should()
            .Be("The SKU 'A' is taken by variant variant_7 of product prod_3. Category pcat_12 does not exist.");
    }

    private static ItemResult<object> Item(int index, long? id, ItemError error) =>
        new(index, id, ItemStatus.Failed, null, error);

    private static BatchResult<object> Failed(
        IReadOnlyList<ItemResult<object>>? create = null,
        IReadOnlyList<ItemResult<object>>? update = null,
        IReadOnlyList<ItemResult<object>>? delete = null) =>
        new(create ?? [], update ?? [], delete ?? [], new BatchSummary(0, 0, 0, 0), Applied: false);
}
