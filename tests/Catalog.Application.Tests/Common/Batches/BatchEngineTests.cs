using Catalog.Application.Common;
using Catalog.Application.Common.Batches;
using Catalog.Domain.Common;
using Microsoft.Extensions.Logging;

namespace Catalog.Application.Tests.Common.Batches;

public sealed class BatchEngineTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 15, 0, 0, TimeSpan.Zero);

    private readonly GadgetStore _store = new();
    private readonly FakeSnapshotReads _snapshots = new();
    private readonly FakeIdAllocator _ids = new();
    private readonly RecordingLogger<BatchEngine> _logger = new();
    private readonly FakeBatchWriter _writer;
    private readonly GadgetSpec _spec;
    private readonly BatchEngine _engine;

    public BatchEngineTests()
    {
        _writer = new FakeBatchWriter(_snapshots);
        _spec = new GadgetSpec(_store, _snapshots);
        _engine = new BatchEngine(
            _ids, _writer, _snapshots, new BatchCheckpoint(), new FixedClock(Now), new BatchPhases(), _logger);
    }

    [Fact]
    public async Task RunAsync_MixedBatch_AnswersEveryItemInTheOrderSent()
    {
        _store.Add(5);
        _store.Add(6);
        _store.Add(7);
        var batch = new GadgetBatchBuilder()
            .Create("lamp").Create("desk").Update(6, "Six").Update(5, "Five").Delete(7).Build();

        var result = await RunAsync(batch);

        result.Create.Select(Brief).Should().Equal((0, 1001L, Succeeded, null), (1, 1002L, Succeeded, null));
        result.Update.Select(Brief).Should().Equal((0, 6L, Succeeded, null), (1, 5L, Succeeded, null));
        result.Delete.Select(Brief).Should().Equal((0, 7L, Succeeded, null));
        result.Summary.Should().Be(new BatchSummary(5, 5, 0, 0));
        result.Applied.Should().BeTrue();
        result.Create[1].Resource.Should().Be(new GadgetDto(1002, "desk", "Desk", 1, Now));
        result.Update[0].Resource.Should().Be(new GadgetDto(6, "gadget-6", "Six", 2, Now));
        _writer.Plans.Should().ContainSingle().Which.Policy.Should().Be(BatchPolicy.Partial);
        Written().Should().Equal(
            "insert lamp", "insert desk", "update gadget-6 from v1", "update gadget-5 from v1", "delete gadget-7");
    }

    [Fact]
    public async Task RunAsync_DryRun_AnswersAsTheBatchWithoutReservingIdsOrCallingTheWriter()
    {
        _store.Add(6);
        _store.Add(7);
        var sent = new GadgetBatchBuilder().Create("lamp").Create("desk", name: "").Update(6, "Six").Delete(7).Build();
        var batch = sent with { DryRun = true };

        var result = await RunAsync(batch);

        result.Create.Select(Brief).Should().Equal((0, null, Succeeded, null), (1, null, Failed, ValidationFailed));
        result.Update.Select(Brief).Should().Equal((0, 6L, Succeeded, null));
        result.Delete.Select(Brief).Should().Equal((0, 7L, Succeeded, null));
        result.Summary.Should().Be(new BatchSummary(4, 3, 1, 0));
        result.Applied.Should().BeTrue();
        result.Create[0].Resource!.Id.Should().BeGreaterThanOrEqualTo(PlaceholderIds.First);
        result.Update[0].Resource.Should().Be(new GadgetDto(6, "gadget-6", "Six", 2, Now));
        _ids.Calls.Should().BeEmpty();
        _writer.Plans.Should().BeEmpty();
    }

    [Fact]
    public async Task RunAsync_InvalidItems_FailOnlyThemselvesAndNothingOfThemIsWritten()
    {
        var batch = new GadgetBatchBuilder()
            .Create("lamp").Create("desk", name: "").Update(null, "X").Delete(0).Build();

        var result = await RunAsync(batch);

        result.Create.Select(Brief).Should().Equal((0, 1001L, Succeeded, null), (1, null, Failed, ValidationFailed));
        result.Create[1].Error!.Details.Should().Equal(new FieldError("name", "name is required."));
        result.Update.Select(Brief).Should().Equal((0, null, Failed, ValidationFailed));
        result.Update[0].Error!.Details.Select(d => d.Field).Should().Equal("id");
        result.Delete.Select(Brief).Should().Equal((0, 0L, Failed, ValidationFailed));
        result.Summary.Should().Be(new BatchSummary(4, 1, 3, 0));
        result.Applied.Should().BeTrue();
        Written().Should().Equal("insert lamp");
    }

    [Fact]
    public async Task RunAsync_LargeBatch_ValidatesEveryItemAndAnswersInTheOrderSent()
    {
        var builder = new GadgetBatchBuilder();
        for (var i = 0; i < 200; i++)
        {
            builder.Create($"gadget-{i}", i % 7 == 0 ? "" : null);
        }

        var result = await RunAsync(builder.Build());

        result.Create.Select(r => r.Index).Should().Equal(Enumerable.Range(0, 200));
        result.Create.Where(r => r.Status == Failed).Select(r => r.Index)
            .Should().Equal(Enumerable.Range(0, 200).Where(i => i % 7 == 0));
        result.Create.Where(r => r.Status == Succeeded).Select(r => r.Resource!.Handle)
            .Should().Equal(Enumerable.Range(0, 200).Where(i => i % 7 != 0).Select(i => $"gadget-{i}"));
        result.Summary.Should().Be(new BatchSummary(200, 171, 29, 0));
    }

    [Fact]
    public async Task RunAsync_AtomicWithAnInvalidItem_CallsNoWriterAndReportsTheOthersNotApplied()
    {
        _store.Add(5);
        var batch = new GadgetBatchBuilder().Create("lamp").Create("desk", name: "").Update(5, "Five").Atomic().Build();

        var result = await RunAsync(batch);

        _writer.Plans.Should().BeEmpty();
        result.Create.Select(Brief).Should().Equal(
            (0, null, NotApplied, NotAppliedCode), (1, null, Failed, ValidationFailed));
        result.Update.Select(Brief).Should().Equal((0, 5L, NotApplied, NotAppliedCode));
        result.Create.Concat(result.Update).Should().OnlyContain(r => r.Resource == null);
        result.Summary.Should().Be(new BatchSummary(3, 0, 1, 2));
        result.Applied.Should().BeFalse();
    }

    [Fact]
    public async Task RunAsync_AtomicAndTheWriterRefusesAnItem_ReportsTheOthersNotApplied()
    {
        _store.Add(5);
        var refusal = ItemError.Of(ErrorCodes.DuplicateHandle, "The handle 'desk' is taken.", "handle");
        _writer.Refuse("desk", refusal);
        var batch = new GadgetBatchBuilder().Create("lamp").Create("desk").Update(5, "Five").Atomic().Build();

        var result = await RunAsync(batch);

        _writer.Plans.Should().ContainSingle().Which.Policy.Should().Be(BatchPolicy.Atomic);
        result.Create.Select(Outcome).Should().Equal(
            (NotApplied, NotAppliedCode), (Failed, ErrorCodes.DuplicateHandle));
        result.Create[0].Id.Should().BeNull();
        result.Create[1].Error.Should().BeSameAs(refusal);
        result.Update.Select(Brief).Should().Equal((0, 5L, NotApplied, NotAppliedCode));
        result.Summary.Should().Be(new BatchSummary(3, 0, 1, 2));
        result.Applied.Should().BeFalse();
    }

    [Fact]
    public async Task RunAsync_PartialAndTheWriterRefusesAnItem_FailsOnlyThatItem()
    {
        _store.Add(5);
        _store.Add(6);
        var refusal = ItemError.Of(ErrorCodes.Conflict, "Gadget 5 changed since it was read.", "version");
        _writer.Refuse("gadget-5", refusal);
        var batch = new GadgetBatchBuilder().Create("lamp").Update(5, "Five").Update(6, "Six").Build();

        var result = await RunAsync(batch);

        result.Create.Select(Brief).Should().Equal((0, 1001L, Succeeded, null));
        result.Update.Select(Brief).Should().Equal((0, 5L, Failed, ErrorCodes.Conflict), (1, 6L, Succeeded, null));
        result.Update[0].Error.Should().BeSameAs(refusal);
        result.Update[0].Resource.Should().BeNull();
        result.Update[1].Resource!.Name.Should().Be("Six");
        result.Summary.Should().Be(new BatchSummary(3, 2, 1, 0));
        result.Applied.Should().BeTrue();
    }

    [Fact]
    public async Task RunAsync_UpdateAndDeleteOfOneId_FailsBothWithDuplicateInBatch()
    {
        _store.Add(5);
        _store.Add(6);
        var batch = new GadgetBatchBuilder().Update(5, "Five").Delete(5, 6).Build();

        var result = await RunAsync(batch);

        result.Update.Select(Brief).Should().Equal((0, 5L, Failed, ErrorCodes.DuplicateInBatch));
        result.Delete.Select(Brief).Should().Equal(
            (0, 5L, Failed, ErrorCodes.DuplicateInBatch), (1, 6L, Succeeded, null));
        result.Update[0].Error!.Message.Should().Contain("update[0], delete[0]");
        result.Delete[0].Error!.Details.Select(d => d.Field).Should().Equal("id");
        _spec.LoadedIds.Should().BeEquivalentTo([6L]);
        Written().Should().Equal("delete gadget-6");
    }

    [Fact]
    public async Task RunAsync_OneIdUpdatedTwice_FailsBothWithDuplicateInBatch()
    {
        _store.Add(5);
        var batch = new GadgetBatchBuilder().Update(5, "Five").Update(5, "Cinq").Build();

        var result = await RunAsync(batch);

        result.Update.Select(Brief).Should().Equal(
            (0, 5L, Failed, ErrorCodes.DuplicateInBatch), (1, 5L, Failed, ErrorCodes.DuplicateInBatch));
        _spec.Planned.Should().BeEmpty();
        _writer.Plans.Should().BeEmpty();
        result.Summary.Should().Be(new BatchSummary(2, 0, 2, 0));
    }

    [Fact]
    public async Task RunAsync_OneHandleClaimedByThreeItems_FirstKeepsItAndLaterOnesFailWithDuplicateInBatch()
    {
        _store.Add(5);
        var batch = new GadgetBatchBuilder().Create("lamp").Create("desk").Update(5, handle: "lamp").Create("lamp")
            .Build();

        var result = await RunAsync(batch);

        result.Create.Select(Brief).Should().Equal(
            (0, 1001L, Succeeded, null), (1, 1002L, Succeeded, null), (2, null, Failed, ErrorCodes.DuplicateInBatch));
        result.Update.Select(Brief).Should().Equal((0, 5L, Failed, ErrorCodes.DuplicateInBatch));
        result.Update[0].Error!.Details.Select(d => d.Field).Should().Equal("handle");
        result.Update[0].Error!.Message.Should().Be(
            "The handle 'lamp' is claimed by an earlier item of this batch (create[0]).");
        Written().Should().Equal("insert lamp", "insert desk");
    }

    [Fact]
    public async Task RunAsync_FirstClaimantBreaksADomainRule_NextClaimantKeepsTheHandle()
    {
        var batch = new GadgetBatchBuilder().Create("lamp", name: "Lamp!").Create("lamp").Create("lamp").Build();

        var result = await RunAsync(batch);

        result.Create.Select(Outcome).Should().Equal(
            (Failed, ValidationFailed), (Succeeded, null), (Failed, ErrorCodes.DuplicateInBatch));
        result.Create[2].Error!.Message.Should().Contain("(create[1])");
        Written().Should().Equal("insert lamp");
    }

    [Fact]
    public async Task RunAsync_AtomicBatchWithARepeatedHandle_FailsTheLaterClaimBeforeReservingIds()
    {
        var batch = new GadgetBatchBuilder().Create("lamp").Create("lamp").Atomic().Build();

        var result = await RunAsync(batch);

        result.Create.Select(Brief).Should().Equal(
            (0, null, NotApplied, NotAppliedCode), (1, null, Failed, ErrorCodes.DuplicateInBatch));
        _ids.Calls.Should().BeEmpty();
        _spec.Planned.Should().BeEmpty();
        result.Applied.Should().BeFalse();
    }

    [Fact]
    public async Task RunAsync_UnknownTarget_FailsWithNotFound()
    {
        _store.Add(5);
        var batch = new GadgetBatchBuilder().Update(9, "Nine").Delete(8, 5).Build();

        var result = await RunAsync(batch);

        result.Update.Select(Brief).Should().Equal((0, 9L, Failed, ErrorCodes.NotFound));
        result.Delete.Select(Brief).Should().Equal((0, 8L, Failed, ErrorCodes.NotFound), (1, 5L, Succeeded, null));
        result.Update[0].Error!.Details.Select(d => d.Field).Should().Equal("id");
        Written().Should().Equal("delete gadget-5");
    }

    [Fact]
    public async Task RunAsync_StaleVersion_FailsWithConflictAndLeavesUnversionedUpdatesUnchecked()
    {
        _store.Add(5, version: 3);
        _store.Add(6, version: 3);
        _store.Add(7, version: 3);
        var batch = new GadgetBatchBuilder()
            .Update(5, "Five", version: 2).Update(6, "Six", version: 3).Update(7, "Seven").Build();

        var result = await RunAsync(batch);

        result.Update.Select(Brief).Should().Equal(
            (0, 5L, Failed, ErrorCodes.Conflict), (1, 6L, Succeeded, null), (2, 7L, Succeeded, null));
        result.Update[0].Error!.Details.Select(d => d.Field).Should().Equal("version");
        result.Update[1].Resource!.Version.Should().Be(4);
        Written().Should().Equal("update gadget-6 from v3", "update gadget-7 from v3");
    }

    [Fact]
    public async Task RunAsync_DomainRuleBrokenWhilePlanning_FailsThatItemWithValidationFailedAndItsField()
    {
        _store.Add(5);
        var batch = new GadgetBatchBuilder().Create("lamp", "Lamp!").Create("desk").Update(5, "Five!").Build();

        var result = await RunAsync(batch);

        result.Create.Select(Outcome).Should().Equal((Failed, ValidationFailed), (Succeeded, null));
        result.Update.Select(Brief).Should().Equal((0, 5L, Failed, ValidationFailed));
        result.Create[0].Error!.Message.Should().Be("A gadget's name cannot shout.");
        result.Create[0].Error!.Details.Should().Equal(new FieldError("name", "A gadget's name cannot shout."));
        result.Update[0].Error!.Details.Select(d => d.Field).Should().Equal("name");
        result.Create[1].Resource!.Handle.Should().Be("desk");
        Written().Should().Equal("insert desk");
    }

    [Fact]
    public async Task RunAsync_DomainRuleWithoutField_FailsThatItemWithNoDetails()
    {
        var result = await RunAsync(new GadgetBatchBuilder().Create("lamp", "lamp").Build());

        result.Create.Select(Outcome).Should().Equal((Failed, ValidationFailed));
        result.Create[0].Error!.Message.Should().Be("A gadget's name cannot repeat its handle.");
        result.Create[0].Error!.Details.Should().BeEmpty();
        _writer.Plans.Should().BeEmpty();
    }

    [Fact]
    public async Task RunAsync_DomainRuleBrokenAfterRowsWerePlanned_WritesNoneOfThatItemsRows()
    {
        var batch = new GadgetBatchBuilder().Create("lamp", null, "bulb", "shade", "switch").Create("desk", null, "leg")
            .Build();

        var result = await RunAsync(batch);

        result.Create.Select(Outcome).Should().Equal((Failed, ValidationFailed), (Succeeded, null));
        result.Create[0].Error!.Details.Select(d => d.Field).Should().Equal("parts");
        result.Create[0].Resource.Should().BeNull();
        Written().Should().Equal("insert desk", "insert part leg");
    }

    [Fact]
    public async Task RunAsync_GuardThrowsWhilePlanning_LetsTheExceptionThroughAndWritesNothing()
    {
        var batch = new GadgetBatchBuilder().Create("desk").Create(Gadget.ImpossibleHandle, "Bug").Build();

        var act = () => RunAsync(batch);

        await act.Should().ThrowAsync<DomainRuleException>();
        _writer.Plans.Should().BeEmpty();
    }

    [Fact]
    public async Task RunAsync_AtomicAndDomainRuleBroken_CallsNoWriter()
    {
        var result = await RunAsync(new GadgetBatchBuilder().Create("lamp", "Lamp!").Create("desk").Atomic().Build());

        _writer.Plans.Should().BeEmpty();
        result.Create.Select(Brief).Should().Equal(
            (0, null, Failed, ValidationFailed), (1, null, NotApplied, NotAppliedCode));
        result.Applied.Should().BeFalse();
    }

    [Fact]
    public async Task RunAsync_Load_RunsInsideOneSnapshotThatIsClosedBeforeTheWrite()
    {
        _store.Add(5);

        await RunAsync(new GadgetBatchBuilder().Create("lamp").Update(5, "Five").Build());

        _spec.LoadedInsideSnapshot.Should().BeTrue();
        _snapshots.Begun.Should().Be(1);
        _snapshots.Disposed.Should().Be(1);
        _writer.Plans.Should().ContainSingle();
        _writer.WroteInsideSnapshot.Should().BeFalse();
    }

    [Fact]
    public async Task RunAsync_DeletesAndWrites_PlansTheDeletesFirst()
    {
        _store.Add(5);
        _store.Add(6);
        _store.Add(7);

        await RunAsync(new GadgetBatchBuilder().Create("lamp").Update(5, "Five").Delete(7, 6).Build());

        _spec.Planned.Should().HaveCount(4);
        _spec.Planned.Take(2).Should().Equal("delete 0", "delete 1");
        _spec.Planned.Skip(2).Should().BeEquivalentTo("create 0", "update 0");
    }

    [Fact]
    public async Task RunAsync_Creates_ReservesIdsOnceWithTheSpecsCounts()
    {
        var batch = new GadgetBatchBuilder()
            .Create("lamp", null, "bulb").Create("desk", null, "leg", "top").Create(null, "Nameless", "x").Build();

        var result = await RunAsync(batch);

        _ids.Calls.Should().ContainSingle().Which.Should().BeEquivalentTo(
            new Dictionary<Type, int> { [typeof(Gadget)] = 2, [typeof(GadgetPart)] = 3 });
        result.Create.Select(r => r.Id).Should().Equal(1001L, 1002L, null);
        _writer.Rows.Select(r => r.Row).OfType<GadgetPart>().Select(p => (p.Id, p.GadgetId, p.Name)).Should().Equal(
            (1003L, 1001L, "bulb"), (1004L, 1002L, "leg"), (1005L, 1002L, "top"));
    }

    [Fact]
    public async Task RunAsync_MappingFailsForAWrittenItem_LeavesItSucceededWithoutResource()
    {
        var unmappable = new InvalidOperationException("desk cannot be shown");

        var result = await RunAsync(
            new GadgetBatchBuilder().Create("lamp").Create("desk").Build(),
            g => g.Handle == "desk" ? throw unmappable : ToDto(g));

        result.Create.Select(Brief).Should().Equal((0, 1001L, Succeeded, null), (1, 1002L, Succeeded, null));
        result.Create[0].Resource!.Handle.Should().Be("lamp");
        result.Create[1].Resource.Should().BeNull();
        result.Summary.Should().Be(new BatchSummary(2, 2, 0, 0));
        Written().Should().Equal("insert lamp", "insert desk");
        _logger.Entries.Should().Equal((LogLevel.Error, unmappable));
    }

    [Fact]
    public async Task RunAsync_UpdateThatChangesNothing_SucceedsWithoutCallingTheWriter()
    {
        _store.Add(5, version: 2);

        var result = await RunAsync(new GadgetBatchBuilder().Update(5, "Gadget 5", version: 2).Build());

        _writer.Plans.Should().BeEmpty();
        result.Update.Select(Brief).Should().Equal((0, 5L, Succeeded, null));
        result.Update[0].Resource!.Version.Should().Be(2);
        result.Applied.Should().BeTrue();
    }

    [Fact]
    public async Task RunAsync_EveryItemFailed_DoesNotCallTheWriter()
    {
        var result = await RunAsync(new GadgetBatchBuilder().Create("lamp", "").Update(9, "Nine").Build());

        _writer.Plans.Should().BeEmpty();
        result.Summary.Should().Be(new BatchSummary(2, 0, 2, 0));
    }

    [Fact]
    public async Task RunAsync_Delete_AnswersTheResourceAsItWasBeforeTheDelete()
    {
        _store.Add(5, version: 2);

        var result = await RunAsync(new GadgetBatchBuilder().Delete(5).Build());

        result.Delete[0].Resource.Should().BeEquivalentTo(
            new { Id = 5L, Handle = "gadget-5", Name = "Gadget 5", Version = 2L });
        Written().Should().Equal("delete gadget-5");
    }

    [Fact]
    public async Task RunAsync_CreateRefusedAfterItsIdWasTaken_ReportsNoId()
    {
        var result = await RunAsync(new GadgetBatchBuilder().Create("lamp", null, "bulb", "shade", "switch").Build());

        result.Create.Select(Brief).Should().Equal((0, null, Failed, ValidationFailed));
    }

    [Fact]
    public async Task RunAsync_PartialAndTheWriterRefusesACreate_ReportsNoId()
    {
        _writer.Refuse("lamp", ItemError.Of(ErrorCodes.DuplicateHandle, "The handle 'lamp' is taken.", "handle"));

        var result = await RunAsync(new GadgetBatchBuilder().Create("lamp").Create("desk").Build());

        result.Create.Select(Brief).Should().Equal(
            (0, null, Failed, ErrorCodes.DuplicateHandle), (1, 1002L, Succeeded, null));
    }

    private const ItemStatus Succeeded = ItemStatus.Succeeded;
    private const ItemStatus Failed = ItemStatus.Failed;
    private const ItemStatus NotApplied = ItemStatus.NotApplied;
    private const string ValidationFailed = ErrorCodes.ValidationFailed;
    private const string NotAppliedCode = ErrorCodes.NotApplied;

    [Fact]
    public async Task RunAsync_UpdatesStatedAgainstTheirRows_AreResolvedInTheSnapshotAndCheckedAsSent()
    {
        _store.Add(5);
        _store.Add(6);
        _store.Add(7, version: 3);
        var seen = new List<GadgetDto>();
        var refused = ItemError.Of("DIALECT_REFUSED", "The dialect refused it.", "name");
        Resolution<GadgetUpdate> Resolve(int index, GadgetDto stored)
        {
            seen.Add(stored);
            return index switch
            {
                0 => Resolution<GadgetUpdate>.To(new GadgetUpdate(stored.Id, null, null, $"{stored.Name} renamed")),
                1 => Resolution<GadgetUpdate>.To(new GadgetUpdate(stored.Id, null, null, "")),
                _ => Resolution<GadgetUpdate>.Failed(refused),
            };
        }

        var sent = new GadgetBatchBuilder().Update(5).Update(6).Update(7).Update(9).Build() with { Resolve = Resolve };

        var result = await RunAsync(sent);

        _spec.LoadedInsideSnapshot.Should().BeTrue();
        seen.Select(s => (s.Id, s.Name, s.Version))
            .Should().Equal((5, "Gadget 5", 1), (6, "Gadget 6", 1), (7, "Gadget 7", 3));
        result.Update.Select(Brief).Should().Equal(
            (0, 5L, Succeeded, null), (1, 6L, Failed, ValidationFailed), (2, 7L, Failed, "DIALECT_REFUSED"),
            (3, 9L, Failed, ErrorCodes.NotFound));
        result.Update[0].Resource!.Name.Should().Be("Gadget 5 renamed");
        result.Update[2].Error.Should().BeSameAs(refused);
        Written().Should().Equal("update gadget-5 from v1");
    }

    [Fact]
    public async Task RunAsync_ResolverAnsweringAnotherRowsUpdate_IsABug()
    {
        _store.Add(5);
        var sent = new GadgetBatchBuilder().Update(5).Build() with
        {
            Resolve = (_, stored) => Resolution<GadgetUpdate>.To(new GadgetUpdate(stored.Id + 1, null, null, "Other")),
        };

        var run = () => RunAsync(sent);

        await run.Should().ThrowAsync<InvalidOperationException>().WithMessage("*another row*");
        _writer.Plans.Should().BeEmpty();
    }

    [Fact]
    public async Task RunAsync_ResolvedCommandOnASpecThatDoesNotResolve_IsABug()
    {
        _store.Add(5);
        var spec = new GadgetSpec(_store, _snapshots) { ResolvesUpdates = false };
        var sent = new GadgetBatchBuilder().Update(5).Build() with
        {
            Resolve = (_, stored) => Resolution<GadgetUpdate>.To(new GadgetUpdate(stored.Id, null, null, "Five")),
        };

        var run = () => _engine.RunAsync(spec, sent, ToDto, CancellationToken.None);

        await run.Should().ThrowAsync<InvalidOperationException>().WithMessage("*does not resolve*");
        _writer.Plans.Should().BeEmpty();
    }

    private Task<BatchResult<GadgetDto>> RunAsync(GadgetBatch batch, Func<Gadget, GadgetDto>? toDto = null) =>
        _engine.RunAsync(_spec, batch, toDto ?? ToDto, CancellationToken.None);

    private static GadgetDto ToDto(Gadget gadget) =>
        new(gadget.Id, gadget.Handle, gadget.Name, gadget.Version, gadget.UpdatedAt);

    private static (ItemStatus Status, string? Code) Outcome(ItemResult<GadgetDto> result) =>
        (result.Status, result.Error?.Code);

    private static (int Index, long? Id, ItemStatus Status, string? Code) Brief(ItemResult<GadgetDto> result) =>
        (result.Index, result.Id, result.Status, result.Error?.Code);

    /// <summary>The rows the writer was given, one line each ("insert lamp", "update gadget-5 from v1").</summary>
    private List<string> Written() => [.. _writer.Rows.Select(row => row switch
    {
        InsertRow { Row: Gadget g } => $"insert {g.Handle}",
        InsertRow { Row: GadgetPart p } => $"insert part {p.Name}",
        UpdateRow { Row: Gadget g } update => $"update {g.Handle} from v{update.ExpectedVersion}",
        DeleteRow { Row: Gadget g } => $"delete {g.Handle}",
        _ => row.ToString(),
    })];
}
