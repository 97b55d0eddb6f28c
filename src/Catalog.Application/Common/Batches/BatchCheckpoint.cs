namespace Catalog.Application.Common.Batches;

/// <summary>
/// One item's outcome as its batch commits it, in the command's terms (its list and its place there).
/// </summary>
public sealed record ItemOutcome(BatchOperation Operation, int Index, long? Id, ItemStatus Status, ItemError? Error);

/// <summary>
/// Rows that commit in the same transaction as a batch's writes, or not at all: how a job records a chunk's results and
/// its progress, so that a chunk is never applied without being recorded, nor recorded without being applied. One
/// per scope; whoever runs the batch (the job runner) sets it before sending the command. When it is set, the writer
/// runs even for a batch that writes nothing, so that the outcomes are recorded all the same.
/// </summary>
public sealed class BatchCheckpoint
{
    public Func<IReadOnlyList<ItemOutcome>, IReadOnlyList<RowWrite>>? Rows { get; set; }
}

/// <summary>
/// The database refused a checkpoint's rows (its job moved on: another worker took it over, or it was cancelled), so
/// nothing of the batch was committed.
/// </summary>
public sealed class CheckpointRefusedException(string message) : Exception(message);
