namespace Catalog.Application.Common.Batches;

/// <summary>The end every batch shares: apply the policy, hand the plan to the writer, and turn the ledger into results.</summary>
public static class BatchCompletion
{
    public static async Task<BatchResult<TDto>> CompleteAsync<TEntity, TDto>(
        BatchLedger<TEntity> ledger,
        BatchPolicy policy,
        IBatchWriter writer,
        Func<TEntity, TDto> toDto,
        CancellationToken cancellationToken)
        where TEntity : class
        where TDto : class
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(toDto);

        var all = ledger.All.ToList();
        var answers = new Dictionary<LedgerEntry<TEntity>, TDto>();
        var applied = !(policy == BatchPolicy.Atomic && all.Any(e => !e.IsOpen));
        if (applied)
        {
            var planned = all.Select((entry, key) => (entry, key)).Where(p => p.entry.IsOpen && p.entry.Rows.Count > 0).ToList();
            if (planned.Count > 0)
            {
                var plan = new WritePlan([.. planned.Select(p => new PlannedItem(p.key, p.entry.Rows))], policy);

                // The answers are mapped on another thread while the writer writes. The writer only reads the plan's rows
                // and mapping only reads the entities, so they can share them; an item the database refuses drops its answer.
                var open = all.Where(e => e.IsOpen && e.Entity is not null).ToList();
                var mapping = Task.Run(() => open.ForEach(entry => answers.Add(entry, toDto(entry.Entity!))), cancellationToken);
                WriteOutcome outcome;
                try
                {
                    outcome = await writer.ApplyAsync(plan, cancellationToken);
                }
                finally
                {
                    await mapping;
                }

                foreach (var (entry, key) in planned)
                {
                    if (outcome.Failures.TryGetValue(key, out var error))
                    {
                        entry.Fail(error);
                    }
                }

                applied = !(policy == BatchPolicy.Atomic && outcome.Failures.Count > 0);
            }
        }

        ItemResult<TDto> Result(LedgerEntry<TEntity> entry) => entry switch
        {
            { Error: { } error } => new ItemResult<TDto>(entry.Index, entry.Id, ItemStatus.Failed, null, error),
            _ when !applied => new ItemResult<TDto>(
                entry.Index,
                entry.Operation == BatchOperation.Create ? null : entry.Id,
                ItemStatus.NotApplied,
                null,
                ItemError.Of(ErrorCodes.NotApplied, "Not applied: another item of this atomic batch failed.")),
            _ => new ItemResult<TDto>(entry.Index, entry.Id, ItemStatus.Succeeded, AnswerOf(entry), null),
        };

        TDto? AnswerOf(LedgerEntry<TEntity> entry) =>
            entry.Entity is null ? null : answers.TryGetValue(entry, out var answer) ? answer : toDto(entry.Entity);

        var create = ledger.Creates.Select(Result).ToList();
        var update = ledger.Updates.Select(Result).ToList();
        var delete = ledger.Deletes.Select(Result).ToList();
        var results = create.Concat(update).Concat(delete).ToList();
        var summary = new BatchSummary(
            results.Count,
            results.Count(r => r.Status == ItemStatus.Succeeded),
            results.Count(r => r.Status == ItemStatus.Failed),
            results.Count(r => r.Status == ItemStatus.NotApplied));
        return new BatchResult<TDto>(create, update, delete, summary, applied);
    }
}
