using Catalog.Application.Common;
using Catalog.Application.Common.Batches;

namespace Catalog.Application.Tests.Common.Batches;

/// <summary>
/// The map from the engine's items of a resolved command back to what the client sent: two creates and one update of
/// its own, then upserts 0 (insert), 1 (refused), 2 (update) and 3 (insert).
/// </summary>
public sealed class UpsertPlanTests
{
    private static readonly ItemError Refusal = ItemError.Of(ErrorCodes.ValidationFailed, "sku is required.", "sku");

    private readonly UpsertPlan.Builder<string, string> _builder = new(["c0", "c1"], ["u0"], "refused");

    public UpsertPlanTests()
    {
        _builder.Insert("i0");
        _builder.Refuse(Refusal);
        _builder.Update("u2");
        _builder.Insert("i3");
    }

    [Fact]
    public void Builder_Upserts_AreAppendedAfterTheCommandsOwnItemsInTheOrderSent()
    {
        _builder.Creates.Should().Equal("c0", "c1", "i0", "i3");
        _builder.Updates.Should().Equal("u0", "refused", "u2");
        _builder.Build().Count.Should().Be(4);
    }

    [Theory]
    [InlineData(BatchOperation.Create, 1, false, 1, null)]
    [InlineData(BatchOperation.Create, 2, true, 0, UpsertProcess.Insert)]
    [InlineData(BatchOperation.Create, 3, true, 3, UpsertProcess.Insert)]
    [InlineData(BatchOperation.Update, 0, false, 0, null)]
    [InlineData(BatchOperation.Update, 1, true, 1, null)]
    [InlineData(BatchOperation.Update, 2, true, 2, UpsertProcess.Update)]
    [InlineData(BatchOperation.Delete, 5, false, 5, null)]
    public void Origin_EngineItem_IsTheItemSent(
        BatchOperation operation, int index, bool isUpsert, int sent, UpsertProcess? process)
    {
        var origin = _builder.Build().Origin(operation, index);

        origin.IsUpsert.Should().Be(isUpsert);
        origin.Index.Should().Be(sent);
        origin.Process.Should().Be(process);
        origin.Refusal.Should().Be(isUpsert && sent == 1 ? Refusal : null);
    }

    [Fact]
    public void Split_EngineResult_AnswersEachListAsSentWithProcessAndRefusal()
    {
        var engine = new BatchResult<string>(
            [Ok(0), Ok(1), Ok(2), Failed(3, ErrorCodes.DuplicateInBatch, "The SKU 'x' is in (create[3], update[0]).")],
            [Ok(0), Failed(1, ErrorCodes.ValidationFailed, "id is required."), Ok(2)],
            [],
            new BatchSummary(7, 5, 2, 0));

        var split = _builder.Build().Split(engine);

        split.Create.Select(r => (r.Index, r.Process)).Should().Equal((0, null), (1, null));
        split.Update.Select(r => (r.Index, r.Process)).Should().Equal((0, (UpsertProcess?)null));
        split.Upsert.Select(r => (r.Index, r.Status, r.Process)).Should().Equal(
            (0, ItemStatus.Succeeded, UpsertProcess.Insert),
            (1, ItemStatus.Failed, null),
            (2, ItemStatus.Succeeded, UpsertProcess.Update),
            (3, ItemStatus.Failed, UpsertProcess.Insert));
        split.Upsert[1].Error.Should().Be(Refusal);
        split.Upsert[3].Error!.Message.Should().Be("The SKU 'x' is in (upsert[3], update[0]).");
        split.Summary.Should().Be(engine.Summary);
    }

    [Fact]
    public void Split_WithoutUpserts_AnswersTheEngineResultAsItIs()
    {
        var engine = new BatchResult<string>([Ok(0)], [], [], new BatchSummary(1, 1, 0, 0));

        UpsertPlan.None(1, 0).Split(engine).Should().BeSameAs(engine);
    }

    private static ItemResult<string> Ok(int index) => new(index, index + 100, ItemStatus.Succeeded, "r", null);

    private static ItemResult<string> Failed(int index, string code, string message) =>
        new(index, null, ItemStatus.Failed, null, ItemError.Of(code, message, "sku"));
}
